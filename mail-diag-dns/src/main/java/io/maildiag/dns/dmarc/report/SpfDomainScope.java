package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * Which identity an SPF result in {@code auth_results/spf/scope} is about (RFC 7489 appendix C
 * {@code SPFDomainScope}).
 *
 * @since 0.1
 */
public enum SpfDomainScope {
  /** {@code mfrom}: the RFC 5321 MAIL FROM. */
  MFROM,
  /** {@code helo}: the HELO/EHLO name. */
  HELO;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
