package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.dns.DnsQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating DMARC for one message.
 *
 * @param result the DMARC result
 * @param policy the policy that applies (from {@code p}, {@code sp} or {@code np}); empty without a usable record
 * @param policySource the tag it came from
 * @param disposition what a receiver following RFC 9989 would do: {@code none} unless the result
 *     is {@code fail}; on {@code fail} the policy, one step less strict under {@code t=y}
 * @param spfAligned whether SPF passed for an aligned domain
 * @param dkimAligned whether a DKIM signature passed for an aligned domain
 * @param alignments every alignment check, SPF first
 * @param reasons sentences explaining the result, for people
 * @param discovery how the policy and the organizational domain were found
 * @param authorDomainExists whether the author domain exists, when it had to be determined (for {@code np})
 * @param dnsQueries every DNS question asked, in order
 * @param findings diagnostics met on the way (record syntax, lookups)
 * @since 0.1
 */
public record DmarcVerdict(
    DmarcResult result,
    Optional<DmarcDisposition> policy,
    Optional<PolicySource> policySource,
    DmarcDisposition disposition,
    boolean spfAligned,
    boolean dkimAligned,
    List<AlignmentCheck> alignments,
    List<String> reasons,
    DmarcDiscoveryResult discovery,
    Optional<Boolean> authorDomainExists,
    List<DnsQuery> dnsQueries,
    List<Diagnostic> findings) {

  /** Checks for null and copies the lists. */
  public DmarcVerdict {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policySource, "policySource");
    Objects.requireNonNull(disposition, "disposition");
    alignments = List.copyOf(alignments);
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(authorDomainExists, "authorDomainExists");
    dnsQueries = List.copyOf(dnsQueries);
    findings = List.copyOf(findings);
  }

  /** Returns the organizational domain of the author domain. */
  public OrganizationalDomain organizationalDomain() {
    return discovery.organizationalDomain();
  }
}
