package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * The DMARC-aligned outcome of one mechanism in {@code policy_evaluated} ({@code dkim} or {@code spf};
 * RFC 7489 appendix C {@code DMARCResultType}).
 *
 * @since 0.1
 */
public enum DmarcResultType {
  /** {@code pass}: authenticated and aligned with the From domain. */
  PASS,
  /** {@code fail}: not authenticated, or not aligned. */
  FAIL;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
