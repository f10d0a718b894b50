package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * The raw DKIM verification result in {@code auth_results/dkim/result} (RFC 7489 appendix C {@code
 * DKIMResultType}, RFC 8601 section 2.7.1). Values a report uses outside the schema are {@link
 * #UNKNOWN}, with a warning.
 *
 * @since 0.1
 */
public enum DkimResultType {
  /** {@code none}: the message was not signed. */
  NONE,
  /** {@code pass}: a valid signature. */
  PASS,
  /** {@code fail}: the signature did not verify. */
  FAIL,
  /** {@code policy}: the signature was not accepted by local policy. */
  POLICY,
  /** {@code neutral}: the signature could not be processed. */
  NEUTRAL,
  /** {@code temperror}: a temporary error, such as a DNS timeout. */
  TEMPERROR,
  /** {@code permerror}: a permanent error, such as a missing key. */
  PERMERROR,
  /** A value outside the schema. */
  UNKNOWN;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
