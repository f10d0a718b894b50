package io.maildiag.headers.dkim;

import java.util.Locale;

/**
 * The DKIM results of RFC 8601 section 2.7.1, for one signature or a whole message.
 *
 * @since 0.1
 */
public enum DkimResult {
  /** The message was not signed (only for a whole message). */
  NONE,
  /** The signature verified. */
  PASS,
  /** The signature did not verify: the body hash or the signature itself does not match. */
  FAIL,
  /** The signature verified, but the verifier's policy does not accept it (a partial body, an unsigned field). */
  POLICY,
  /** The signature could not be processed: its syntax is broken. */
  NEUTRAL,
  /** A transient error, such as a key lookup that timed out; a later attempt may succeed. */
  TEMPERROR,
  /** A permanent error: no key, a revoked or unusable key, an expired signature, an algorithm refused. */
  PERMERROR;

  /** Returns the lower-case RFC 8601 name, {@code "permerror"}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
