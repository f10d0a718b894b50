package io.maildiag.headers.dkim;

import java.util.Locale;

/**
 * The ARC chain results of RFC 8617 section 10.1 ({@code arc=} in Authentication-Results).
 *
 * @since 0.1
 */
public enum ArcResult {
  /** The message has no ARC sets. */
  NONE,
  /** Every seal and the latest message signature validated. */
  PASS,
  /** The chain is broken: structure, a seal, or the latest message signature. */
  FAIL;

  /** Returns the lower-case name, {@code "pass"}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
