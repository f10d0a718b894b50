package io.maildiag.dns.spf;

import java.util.Locale;

/**
 * The result of an SPF check, as named in RFC 7208 section 2.6.
 *
 * @since 0.1
 */
public enum SpfResult {
  /** No SPF record, or the domain could not be checked (section 2.6.1). */
  NONE,
  /** The domain owner makes no assertion (section 2.6.2). */
  NEUTRAL,
  /** The client is authorised (section 2.6.3). */
  PASS,
  /** The client is not authorised (section 2.6.4). */
  FAIL,
  /** The client is probably not authorised (section 2.6.5). */
  SOFTFAIL,
  /** A transient DNS error; a later retry may succeed (section 2.6.6). */
  TEMPERROR,
  /** The published records could not be interpreted (section 2.6.7). */
  PERMERROR;

  /** Returns the lower-case RFC name, {@code "softfail"}, as used in headers and JSON. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
