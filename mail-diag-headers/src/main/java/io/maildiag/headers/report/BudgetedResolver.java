package io.maildiag.headers.report;

import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsResolver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A resolver that answers within one analysis's time budget: each question gets at most the time
 * left of it, and once it is spent a question is not asked but answered with a timeout at once. So
 * an analysis that looks up many keys (a message with ten DKIM signatures) on a server that never
 * answers takes its budget, not ten times the resolver's own timeout.
 */
final class BudgetedResolver implements DnsResolver {
  private final DnsResolver resolver;
  private final Duration budget;
  private final long deadlineNanos;

  BudgetedResolver(DnsResolver resolver, Duration budget) {
    this.resolver = resolver;
    this.budget = budget;
    this.deadlineNanos = System.nanoTime() + budget.toNanos();
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      return CompletableFuture.completedFuture(spent(query, Duration.ZERO, "not asked"));
    }
    return resolver.resolve(query).toCompletableFuture()
        .completeOnTimeout(spent(query, Duration.ofNanos(left), "no answer in the time left"), left,
            TimeUnit.NANOSECONDS);
  }

  private DnsOutcome spent(DnsQuery query, Duration waited, String what) {
    return new DnsOutcome.Timeout(query, List.of(), waited, what + ": the analysis's time budget of "
        + budget.toMillis() + " ms (Limits.totalTimeBudget) is spent");
  }
}
