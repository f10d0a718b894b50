package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of DMARC policy discovery for one author domain.
 *
 * @param authorDomain the RFC5322.From domain
 * @param mode the discovery mode
 * @param status whether a policy record was found
 * @param policy the policy record found
 * @param policyDomain the domain whose {@code _dmarc} record it is
 * @param organizationalDomain the organizational domain of the author domain
 * @param queries the {@code _dmarc} names queried, in order, each once
 * @param lookups the lookups behind {@code queries}, in the same order
 * @param findings diagnostics of the lookups
 * @since 0.1
 */
public record DmarcDiscoveryResult(
    DomainName authorDomain,
    DiscoveryMode mode,
    Status status,
    Optional<DmarcPolicy> policy,
    Optional<DomainName> policyDomain,
    OrganizationalDomain organizationalDomain,
    List<DomainName> queries,
    List<DmarcRecordLookup> lookups,
    List<Diagnostic> findings) {

  /**
   * Whether discovery found a record.
   *
   * @since 0.1
   */
  public enum Status {
    /** A policy record was found. */
    FOUND,
    /** No policy record applies. */
    NOT_FOUND,
    /** A DNS failure prevented discovery. */
    TEMPERROR
  }

  /** Checks for null; FOUND comes with a policy and its domain. */
  public DmarcDiscoveryResult {
    Objects.requireNonNull(authorDomain, "authorDomain");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    queries = List.copyOf(queries);
    lookups = List.copyOf(lookups);
    findings = List.copyOf(findings);
    if ((status == Status.FOUND) != (policy.isPresent() && policyDomain.isPresent())) {
      throw new IllegalArgumentException("policy and policyDomain are present exactly when FOUND");
    }
  }

  /** Returns whether the policy record is the author domain's own. */
  public boolean isAuthorDomainRecord() {
    return policyDomain.map(authorDomain::equals).orElse(false);
  }
}
