package io.maildiag.headers.auth;

import io.maildiag.core.internal.UpperCase;
import java.util.Locale;

/**
 * The result keywords of RFC 8601 section 2.7 and the methods registered since. A keyword that is
 * not listed is {@link #OTHER}; its text is kept in {@link AuthResult#result()}.
 *
 * @since 0.1
 */
public enum AuthResultValue {
  /** {@code none}: the method was not applied, or there was nothing to check. */
  NONE,
  /** {@code pass}. */
  PASS,
  /** {@code fail}. */
  FAIL,
  /** {@code softfail} (SPF, Sender ID, compauth). */
  SOFTFAIL,
  /** {@code neutral}. */
  NEUTRAL,
  /** {@code policy}: the check passed but local policy did not accept it. */
  POLICY,
  /** {@code temperror}: a transient error. */
  TEMPERROR,
  /** {@code permerror}: a permanent error. */
  PERMERROR,
  /** {@code hardfail} (RFC 5451 Sender ID, historic). */
  HARDFAIL,
  /** {@code discard} (DKIM ADSP). */
  DISCARD,
  /** {@code nxdomain} (DKIM ADSP). */
  NXDOMAIN,
  /** The keyword {@code unknown} (DKIM ADSP, RRVS). */
  UNKNOWN,
  /** {@code declined} (BIMI). */
  DECLINED,
  /** {@code skipped} (BIMI). */
  SKIPPED,
  /** A keyword not listed here. */
  OTHER;

  /** Returns the lower-case keyword, {@code "temperror"}; {@code "other"} for {@link #OTHER}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the value of the given keyword, ignoring case; {@link #OTHER} if not listed. */
  public static AuthResultValue of(String keyword) {
    String k = UpperCase.root(keyword);
    for (AuthResultValue v : values()) {
      if (v != OTHER && v.name().equals(k)) {
        return v;
      }
    }
    return OTHER;
  }
}
