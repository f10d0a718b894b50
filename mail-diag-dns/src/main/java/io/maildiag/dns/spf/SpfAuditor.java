package io.maildiag.dns.spf;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Audits a domain's SPF policy for its owner (RFC 7208): what will break, what is risky, and how
 * many DNS lookups the policy spends, across the whole include/redirect tree.
 *
 * <pre>{@code
 * SpfAuditor auditor = SpfAuditor.builder().resolver(DnsResolver.system()).build();
 * SpfAudit published = auditor.audit(DomainName.of("example.com"));
 * SpfAudit whatIf = auditor.auditProposed(DomainName.of("example.com"),
 *     List.of("v=spf1 include:_spf.google.com ", "include:spf.protection.outlook.com -all"));
 * }</pre>
 *
 * <p>Unlike {@link SpfChecker}, which evaluates one message, the auditor follows every {@code
 * include} and {@code redirect} without a client address, resolves {@code a} and {@code mx} terms,
 * and reports {@linkplain SpfAudit#findings() findings} (see {@link SpfCodes}): missing, multiple
 * or malformed records; the worst-case lookup count over the limit ({@code SPF_TOO_MANY_LOOKUPS})
 * or close to it ({@code SPF_LOOKUPS_NEAR_LIMIT}); void lookups; includes without SPF; loops;
 * {@code ptr}; {@code +all}, {@code ?all} and a missing {@code all}; unreachable terms; over-long
 * strings and answers; broad, duplicate and overlapping ranges; unknown modifiers; type-99
 * records; terms with macros it cannot follow; and DNS failures. It also computes the {@linkplain
 * SpfFlattening networks the policy authorises} and, when the worst case exceeds the limit, a
 * flattened replacement.
 *
 * <p>Bounds: every DNS wait is bounded by {@link Limits#queryTimeout()} and the whole audit by
 * {@link Limits#totalTimeBudget()}; the tree is cut at {@value #MAX_TREE_DEPTH} levels and {@value
 * #MAX_TREE_NODES} nodes, and an audit asks at most {@value #MAX_DNS_QUERIES} DNS questions (each
 * at most once). Audits never throw on bad input or DNS failures: problems are findings. The lookup
 * limits come from {@link Limits#maxDnsLookups()}, {@link Limits#maxVoidLookups()} and {@link
 * Limits#maxMxNames()}.
 *
 * <p>Immutable and safe for concurrent use; audits block the calling thread.
 *
 * @since 0.1
 */
public final class SpfAuditor {

  /** The deepest level of the include tree that is fetched: {@value}. Deeper targets are not followed. */
  public static final int MAX_TREE_DEPTH = 16;

  /** The most nodes of one include tree: {@value}. Further targets are counted but not followed. */
  public static final int MAX_TREE_NODES = 256;

  /** The most DNS questions one audit asks: {@value}. */
  public static final int MAX_DNS_QUERIES = 512;

  /** Flattened records longer than this are split into several included records: {@value} characters. */
  public static final int MAX_SUGGESTED_RECORD_LENGTH = 450;

  private final DnsResolver resolver;
  private final Limits limits;

  private SpfAuditor(DnsResolver resolver, Limits limits) {
    this.resolver = resolver;
    this.limits = limits;
  }

  /** Returns a builder with the defaults: {@link DnsResolver#system()} and {@link Limits#defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this auditor's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.resolver = resolver;
    b.limits = limits;
    return b;
  }

  /**
   * Audits the SPF policy {@code domain} publishes: its TXT records, any type-99 SPF record, and
   * everything the selected record includes or redirects to. Blocks for at most {@link
   * Limits#totalTimeBudget()} (plus the time to assemble the result). Never throws on DNS or
   * record problems.
   */
  public SpfAudit audit(DomainName domain) {
    Objects.requireNonNull(domain, "domain");
    return new SpfAuditRun(resolver, limits, domain, Optional.empty()).run();
  }

  /**
   * Audits a proposed SPF record for {@code domain} before it is published (what-if): {@code
   * proposedStrings} are the TXT character-strings as they would be published, joined without
   * spaces as receivers join them (RFC 7208 section 3.3). Includes and redirects are resolved
   * through the resolver, and an include of {@code domain} itself sees the proposed record. Never
   * throws on bad input: strings over 255 octets, garbage and huge inputs give findings.
   *
   * @throws NullPointerException if {@code domain}, the list or one of its strings is null
   */
  public SpfAudit auditProposed(DomainName domain, List<String> proposedStrings) {
    Objects.requireNonNull(domain, "domain");
    List<String> strings = List.copyOf(proposedStrings);
    return new SpfAuditRun(resolver, limits, domain, Optional.of(strings)).run();
  }

  /** Returns the resolver every question goes through. */
  public DnsResolver resolver() {
    return resolver;
  }

  /** Returns the limits applied. */
  public Limits limits() {
    return limits;
  }

  /**
   * Builds an {@link SpfAuditor}. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private @org.jspecify.annotations.Nullable DnsResolver resolver;
    private Limits limits = Limits.defaults();

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

    /** Returns the auditor. */
    public SpfAuditor build() {
      return new SpfAuditor(resolver == null ? DnsResolver.system() : resolver, limits);
    }
  }
}
