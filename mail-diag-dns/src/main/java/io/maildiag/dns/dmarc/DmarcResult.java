package io.maildiag.dns.dmarc;

import java.util.Locale;

/**
 * The DMARC result of a message (RFC 8601 section 2.7.1, RFC 9989 section 4.8).
 *
 * @since 0.1
 */
public enum DmarcResult {
  /** An aligned identifier passed SPF or DKIM. */
  PASS,
  /** A policy record applies and no aligned identifier passed. */
  FAIL,
  /** No DMARC policy record applies. */
  NONE,
  /** A DNS failure prevented evaluation; a retry may succeed. */
  TEMPERROR,
  /** The policy record is unusable: no valid {@code p} (or an invalid {@code sp}/{@code np}) and no valid {@code rua}. */
  PERMERROR;

  /** Returns the lower-case RFC name. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
