package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * The raw SPF result in {@code auth_results/spf/result} (RFC 7489 appendix C {@code SPFResultType},
 * RFC 7208 section 2.6). Values a report uses outside the schema are {@link #UNKNOWN}, with a
 * warning; the legacy {@code hardfail} is read as {@link #FAIL}, {@code unknown} as {@link
 * #PERMERROR} and {@code error} as {@link #TEMPERROR} (RFC 4408 names).
 *
 * @since 0.1
 */
public enum SpfResultType {
  /** {@code none}. */
  NONE,
  /** {@code neutral}. */
  NEUTRAL,
  /** {@code pass}. */
  PASS,
  /** {@code fail}. */
  FAIL,
  /** {@code softfail}. */
  SOFTFAIL,
  /** {@code temperror}. */
  TEMPERROR,
  /** {@code permerror}. */
  PERMERROR,
  /** A value outside the schema. */
  UNKNOWN;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
