package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one way mail-diag asks DNS a question.
 *
 * <p>{@link #resolve(DnsQuery)} returns a stage that always completes normally with a {@link
 * DnsOutcome}: NXDOMAIN, SERVFAIL, timeouts and unreachable servers are outcomes, not exceptions.
 * Implementations bound the time a question may take, so the stage always completes. Names are
 * absolute: no search list, no hosts file.
 *
 * <p>Implementations must be immutable (or internally synchronised) and safe for concurrent use;
 * share one instance. Choose one:
 *
 * <ul>
 *   <li>{@link #system()}: live DNS through the system's configured resolvers;
 *   <li>{@link LiveDnsResolver#builder()}: live DNS with explicit servers, timeouts and cache;
 *   <li>{@link ZoneFileResolver}: answers from a master file, offline;
 *   <li>{@link InMemoryDnsResolver#builder()}: a fake for unit tests;
 *   <li>{@link #overlay(LocalDnsResolver, DnsResolver)}: local records over another resolver.
 * </ul>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DnsResolver {

  /**
   * Resolves one question. The returned stage completes normally with the outcome; it completes
   * exceptionally only on a programming error in the resolver.
   */
  CompletionStage<DnsOutcome> resolve(DnsQuery query);

  /** Resolves {@code name}/{@code type}. */
  default CompletionStage<DnsOutcome> resolve(DomainName name, RecordType type) {
    return resolve(DnsQuery.of(name, type));
  }

  /**
   * Resolves one question and waits for the outcome. Never throws: if the resolver's stage fails
   * unexpectedly, the outcome is a {@link DnsOutcome.ServFail} naming the failure.
   */
  default DnsOutcome resolveBlocking(DnsQuery query) {
    DnsOutcome outcome;
    try {
      outcome = resolve(query).toCompletableFuture().join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return new DnsOutcome.ServFail(query, List.of(), "resolver failed: " + cause);
    } catch (RuntimeException e) {
      return new DnsOutcome.ServFail(query, List.of(), "resolver failed: " + e);
    }
    return outcome != null ? outcome : new DnsOutcome.ServFail(query, List.of(), "resolver returned no outcome");
  }

  /** Resolves {@code name}/{@code type} and waits for the outcome. Never throws. */
  default DnsOutcome lookup(DomainName name, RecordType type) {
    return resolveBlocking(DnsQuery.of(name, type));
  }

  /** Returns a resolver that reports every question and outcome of this one to {@code listener}. */
  default DnsResolver withListener(DnsListener listener) {
    return new ListeningDnsResolver(this, listener);
  }

  /** Returns the shared live resolver using the system's configured DNS servers. */
  static DnsResolver system() {
    return LiveDnsResolver.system();
  }

  /**
   * Returns a resolver that answers from {@code local} where it {@linkplain
   * LocalDnsResolver#covers holds data} for the question, and asks {@code fallback} otherwise: the
   * what-if mode ("how would my proposed records evaluate against the live rest of DNS?").
   */
  static DnsResolver overlay(LocalDnsResolver local, DnsResolver fallback) {
    return new OverlayDnsResolver(local, fallback);
  }
}
