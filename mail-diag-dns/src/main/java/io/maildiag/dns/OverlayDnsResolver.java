package io.maildiag.dns;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers from a local resolver where it covers the question, else from a fallback. A local CNAME
 * whose target the local data does not cover is followed in the fallback.
 */
final class OverlayDnsResolver implements DnsResolver {
  private final LocalDnsResolver local;
  private final DnsResolver fallback;

  OverlayDnsResolver(LocalDnsResolver local, DnsResolver fallback) {
    this.local = Objects.requireNonNull(local, "local");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    if (!local.covers(query)) {
      return fallback.resolve(query);
    }
    return local.resolve(query).thenCompose(outcome -> {
      if (outcome.cnameChain().isEmpty() || !outcome.isVoid()) {
        return CompletableFuture.completedFuture(outcome);
      }
      DnsQuery next = DnsQuery.of(outcome.canonicalName(), query.type());
      if (local.covers(next)) {
        return CompletableFuture.completedFuture(outcome);
      }
      return fallback.resolve(next).thenApply(o -> o.reachedVia(query, outcome.cnameChain()));
    });
  }
}
