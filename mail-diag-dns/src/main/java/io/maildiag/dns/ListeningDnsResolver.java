package io.maildiag.dns;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports each question and outcome of a delegate to a {@link DnsListener}. */
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
    return delegate.resolve(query).thenApply(outcome -> {
      try {
        listener.queryEnd(query, outcome, Duration.ofNanos(System.nanoTime() - start));
      } catch (RuntimeException e) {
        LOG.debug("listener queryEnd failed for {}", query, e);
      }
      return outcome;
    });
  }
}
