package io.maildiag.dns.dmarc;

import java.util.Locale;

/**
 * The result of verifying one DKIM signature, as named in RFC 8601 section 2.7.1, as DMARC
 * consumes it.
 *
 * @since 0.1
 */
public enum DkimResult {
  /** The signature verified. */
  PASS,
  /** The signature failed to verify. */
  FAIL,
  /** The signature could not be processed for a reason other than failure. */
  NEUTRAL,
  /** A transient error, such as a DNS failure fetching the key. */
  TEMPERROR,
  /** A permanent error, such as a malformed signature or key. */
  PERMERROR,
  /** The message was not signed. */
  NONE;

  /** Returns the lower-case RFC name. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
