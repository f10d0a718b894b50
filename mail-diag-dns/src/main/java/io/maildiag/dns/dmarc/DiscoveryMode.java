package io.maildiag.dns.dmarc;

/**
 * How the DMARC policy record and organizational domains are found.
 *
 * @since 0.1
 */
public enum DiscoveryMode {
  /** RFC 9989 section 4.10: the DNS tree walk, at most 8 queries, {@code psd} tags decide. */
  TREE_WALK,
  /** RFC 7489 sections 3.2 and 6.6.3: the Public Suffix List decides the organizational domain. */
  PSL
}
