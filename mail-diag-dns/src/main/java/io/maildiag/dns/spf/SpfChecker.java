package io.maildiag.dns.spf;

import io.maildiag.core.Limits;
import io.maildiag.dns.DnsResolver;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs RFC 7208 {@code check_host()}: the front door of SPF evaluation.
 *
 * <pre>{@code
 * SpfChecker spf = SpfChecker.builder().resolver(DnsResolver.system()).build();
 * SpfEvaluation e = spf.check(SpfRequest.mailFrom(IpAddress.of("192.0.2.1"), "user@example.com", "mail.example.com"));
 * System.out.println(e.result());     // PASS, FAIL, ...
 * System.out.println(e.explain());    // the reasoning, term by term
 * }</pre>
 *
 * <p>Evaluation follows RFC 7208 sections 4 and 5 exactly, within the {@link Limits}: at most
 * {@link Limits#maxDnsLookups()} DNS-querying terms and {@link Limits#maxVoidLookups()} void
 * lookups ({@code permerror} beyond), at most {@link Limits#maxMxNames()} MX names per {@code mx}
 * ({@code permerror} beyond), the first {@link Limits#maxPtrNames()} PTR names, include and
 * redirect loops detected ({@code permerror}), and {@link Limits#totalTimeBudget()} for the whole
 * evaluation ({@code temperror} beyond). No DNS question is asked twice within one evaluation; the
 * address lookups of the hosts of one {@code mx} term are asked concurrently.
 *
 * <p>Immutable and safe for concurrent use; share one instance.
 *
 * @since 0.1
 */
public final class SpfChecker {

  /** The receiving host name used for {@code %{r}} when none is set: {@value}. */
  public static final String DEFAULT_RECEIVER = "unknown";

  private static final class DefaultExecutor {
    static final ExecutorService INSTANCE = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mail-diag-spf");
      t.setDaemon(true);
      return t;
    });
  }

  private final DnsResolver resolver;
  private final Limits limits;
  private final Clock clock;
  private final String receiver;
  private final Executor executor;

  private SpfChecker(Builder b) {
    this.resolver = b.resolver == null ? DnsResolver.system() : b.resolver;
    this.limits = b.limits;
    this.clock = b.clock;
    this.receiver = b.receiver;
    this.executor = b.executor == null ? DefaultExecutor.INSTANCE : b.executor;
  }

  /** Returns a builder; a resolver must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this checker's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.resolver = resolver;
    b.limits = limits;
    b.clock = clock;
    b.receiver = receiver;
    b.executor = executor;
    return b;
  }

  /** Evaluates the request and waits for the result. Never throws on DNS or record problems. */
  public SpfEvaluation check(SpfRequest request) {
    return new SpfEvaluator(resolver, limits, clock, receiver, request).run();
  }

  /** Evaluates the request on the checker's executor. The stage always completes normally. */
  public CompletionStage<SpfEvaluation> checkAsync(SpfRequest request) {
    return CompletableFuture.supplyAsync(() -> check(request), executor);
  }

  /** Returns the limits applied. */
  public Limits limits() {
    return limits;
  }

  /** Returns the resolver used. */
  public DnsResolver resolver() {
    return resolver;
  }

  /**
   * Builds an {@link SpfChecker}. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private @org.jspecify.annotations.Nullable DnsResolver resolver;
    private Limits limits = Limits.defaults();
    private Clock clock = Clock.systemUTC();
    private String receiver = DEFAULT_RECEIVER;
    private @org.jspecify.annotations.Nullable Executor executor;

    private Builder() {}

    /** Sets the resolver every question goes through (default {@link DnsResolver#system()}). */
    public Builder resolver(DnsResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** Sets the limits (default {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Sets the clock for the {@code %{t}} macro (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the receiving host's domain for the {@code %{r}} macro (default {@value SpfChecker#DEFAULT_RECEIVER}). */
    public Builder receiver(String receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver");
      return this;
    }

    /** Sets the executor of {@link SpfChecker#checkAsync} (default a shared daemon thread pool). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Returns the checker. */
    public SpfChecker build() {
      return new SpfChecker(this);
    }
  }
}
