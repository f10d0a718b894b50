package io.maildiag.dns.dmarc;

/**
 * Which tag of the policy record gave the policy applied (RFC 9989 section 4.7).
 *
 * @since 0.1
 */
public enum PolicySource {
  /** {@code p}: the record is the author domain's own, or no {@code sp}/{@code np} applies. */
  P,
  /** {@code sp}: the author domain is an existing subdomain of the policy domain. */
  SP,
  /** {@code np}: the author domain does not exist. */
  NP
}
