package io.maildiag.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Records every question a delegate resolver is asked and its outcome: for "this evaluation made N
 * queries" reports and for assertions in tests.
 *
 * <pre>{@code
 * RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()...build());
 * analysis.run(dns);
 * assertThat(dns.queries()).containsExactly(DnsQuery.of("example.com", RecordType.TXT));
 * }</pre>
 *
 * <p>Safe for concurrent use. Unlike other resolvers it is stateful: {@link #clear()} forgets what
 * was recorded.
 *
 * @since 0.1
 */
public final class RecordingDnsResolver implements DnsResolver {

  /**
   * One recorded question with its outcome.
   *
   * @param query the question
   * @param outcome what it came to
   * @param elapsed how long it took
   */
  public record Exchange(DnsQuery query, DnsOutcome outcome, Duration elapsed) {
    /** Checks for null. */
    public Exchange {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  private final DnsResolver delegate;
  private final List<DnsQuery> queries = new ArrayList<>();
  private final List<Exchange> exchanges = new ArrayList<>();

  private RecordingDnsResolver(DnsResolver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns a recorder in front of {@code delegate}. */
  public static RecordingDnsResolver wrap(DnsResolver delegate) {
    return new RecordingDnsResolver(delegate);
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    long start = System.nanoTime();
    synchronized (this) {
      queries.add(query);
    }
    return delegate.resolve(query).thenApply(outcome -> {
      Exchange exchange = new Exchange(query, outcome, Duration.ofNanos(System.nanoTime() - start));
      synchronized (this) {
        exchanges.add(exchange);
      }
      return outcome;
    });
  }

  /** Returns the questions asked so far, in the order they were asked. */
  public synchronized List<DnsQuery> queries() {
    return List.copyOf(queries);
  }

  /** Returns the completed exchanges so far, in the order they completed. */
  public synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Returns the number of questions asked so far. */
  public synchronized int queryCount() {
    return queries.size();
  }

  /** Returns the number of questions of the given type asked so far. */
  public synchronized long queryCount(RecordType type) {
    return queries.stream().filter(q -> q.type() == type).count();
  }

  /** Forgets everything recorded. */
  public synchronized void clear() {
    queries.clear();
    exchanges.clear();
  }
}
