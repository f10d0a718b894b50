package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * The organizational domain of a domain and how it was determined.
 *
 * @param domain the domain it was sought for
 * @param organizationalDomain the organizational domain; equal to {@code domain} when {@link
 *     #basis()} is {@link Basis#DNS_ERROR}
 * @param mode the discovery mode used
 * @param basis how it was determined
 * @since 0.1
 */
public record OrganizationalDomain(
    DomainName domain, DomainName organizationalDomain, DiscoveryMode mode, Basis basis) {

  /**
   * How an organizational domain was determined.
   *
   * @since 0.1
   */
  public enum Basis {
    /** Tree walk: a record with {@code psd=n} (RFC 9989 section 4.10.2 rule 1). */
    PSD_N,
    /** Tree walk: one label below a record with {@code psd=y} (rule 2). */
    BELOW_PSD_Y,
    /** Tree walk: the record found with the fewest labels (rule 3). */
    FEWEST_LABELS,
    /** Tree walk: no record found; the domain itself. */
    NO_RECORD,
    /** PSL: the registrable domain. */
    PUBLIC_SUFFIX_LIST,
    /** PSL: the domain is itself a public suffix; the domain itself. */
    IS_PUBLIC_SUFFIX,
    /** Tree walk: a DNS failure stopped the walk; the organizational domain is unknown. */
    DNS_ERROR
  }

  /** Checks for null. */
  public OrganizationalDomain {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(basis, "basis");
  }

  /** Returns whether the organizational domain is known (no DNS failure). */
  public boolean isKnown() {
    return basis != Basis.DNS_ERROR;
  }
}
