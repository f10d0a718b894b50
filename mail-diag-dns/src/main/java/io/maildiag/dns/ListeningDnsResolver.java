package io.maildiag.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each question and outcome of a delegate to a {@link DnsListener}. Every {@code
 * queryStart} is followed by exactly one {@code queryEnd}: if the delegate fails (a programming
 * error), the listener sees the {@link DnsOutcome.ServFail} that {@link
 * DnsResolver#resolveBlocking} would return, and the caller still sees the failure.
 */
final class ListeningDnsResolver implements DnsResolver {
  private static final Logger LOG = LoggerFactory.getLogger(ListeningDnsResolver.class);

  private final DnsResolver delegate;
  private final DnsListener listener;

  ListeningDnsResolver(DnsResolver delegate, DnsListener listener) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    long start = System.nanoTime();
    try {
      listener.queryStart(query);
    } catch (RuntimeException e) {
      LOG.debug("listener queryStart failed for {}", query, e);
    }
    CompletionStage<DnsOutcome> stage;
    try {
      stage = delegate.resolve(query);
    } catch (RuntimeException e) {
      end(query, failed(query, e), start);
      throw e;
    }
    return stage.whenComplete((outcome, failure) ->
        end(query, failure == null ? outcome : failed(query, failure), start));
  }

  private void end(DnsQuery query, DnsOutcome outcome, long start) {
    try {
      listener.queryEnd(query, outcome, Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      LOG.debug("listener queryEnd failed for {}", query, e);
    }
  }

  private static DnsOutcome failed(DnsQuery query, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    return new DnsOutcome.ServFail(query, List.of(), "resolver failed: " + cause);
  }
}
