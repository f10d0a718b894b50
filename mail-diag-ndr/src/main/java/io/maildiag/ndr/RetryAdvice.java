package io.maildiag.ndr;

import java.util.Locale;

/**
 * What a sender should do next about a failed recipient.
 *
 * @since 0.1
 */
public enum RetryAdvice {
  /** A transient failure: the sending system retries; nothing to change. */
  RETRY_LATER,
  /** Permanent for this message: retrying the same message will fail the same way. */
  DO_NOT_RETRY,
  /** Fix the cause named in the remediation (authentication, reputation, size...), then send again. */
  FIX_THEN_RETRY,
  /** The address cannot receive mail: remove it from lists and stop sending to it. */
  SUPPRESS_ADDRESS;

  /** Returns the JSON name, {@code fix-then-retry}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
