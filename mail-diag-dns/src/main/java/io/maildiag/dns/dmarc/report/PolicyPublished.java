package io.maildiag.dns.dmarc.report;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The DMARC policy the reporter found for the domain ({@code policy_published}, RFC 7489 appendix
 * C; RFC 9990 adds {@code np}, {@code testing} and {@code discovery_method} and drops {@code pct}).
 *
 * @param domain the domain the policy was found at; empty if missing or not a valid name
 * @param adkim DKIM alignment mode, if reported
 * @param aspf SPF alignment mode, if reported
 * @param p the policy for the domain; empty if missing or unrecognised
 * @param sp the policy for subdomains, if reported
 * @param np the policy for non-existent subdomains (RFC 9990), if reported
 * @param pct the sampling percentage 0 to 100 (RFC 7489), if reported
 * @param fo the failure reporting options, as written, if reported
 * @param testing whether the policy was in test mode ({@code testing} = {@code y}, RFC 9990)
 * @param discoveryMethod how the policy was found ({@code psl} or {@code treewalk}, RFC 9990), if
 *     reported
 * @since 0.1
 */
public record PolicyPublished(
    Optional<DomainName> domain,
    Optional<AlignmentMode> adkim,
    Optional<AlignmentMode> aspf,
    Optional<PolicyAction> p,
    Optional<PolicyAction> sp,
    Optional<PolicyAction> np,
    OptionalInt pct,
    Optional<String> fo,
    boolean testing,
    Optional<String> discoveryMethod) {

  /** Checks that no component is null. */
  public PolicyPublished {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(adkim, "adkim");
    Objects.requireNonNull(aspf, "aspf");
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(sp, "sp");
    Objects.requireNonNull(np, "np");
    Objects.requireNonNull(pct, "pct");
    Objects.requireNonNull(fo, "fo");
    Objects.requireNonNull(discoveryMethod, "discoveryMethod");
  }
}
