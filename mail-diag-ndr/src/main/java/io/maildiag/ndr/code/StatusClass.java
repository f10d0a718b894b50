package io.maildiag.ndr.code;

import java.util.Locale;
import java.util.Objects;

/**
 * The class of an enhanced status code (RFC 3463 section 3.1): success, persistent transient
 * failure or permanent failure.
 *
 * @since 0.1
 */
public enum StatusClass {
  /** Class 2: the notification reports a positive delivery action. */
  SUCCESS(2, "Success"),
  /**
   * Class 4: the message as sent is valid, but a persistent temporary condition delayed or stopped
   * delivery; sending it again later may succeed.
   */
  TRANSIENT_FAILURE(4, "Persistent Transient Failure"),
  /** Class 5: resending the message in its current form will not succeed. */
  PERMANENT_FAILURE(5, "Permanent Failure");

  private final int digit;
  private final String title;

  StatusClass(int digit, String title) {
    this.digit = digit;
    this.title = title;
  }

  /** Returns the class digit: 2, 4 or 5. */
  public int digit() {
    return digit;
  }

  /** Returns the name the IANA registry gives the class, such as {@code Permanent Failure}. */
  public String title() {
    return title;
  }

  /** Returns the JSON name, {@code transient-failure}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the class with the given digit.
   *
   * @throws IllegalArgumentException if {@code digit} is not 2, 4 or 5
   */
  public static StatusClass of(int digit) {
    for (StatusClass c : values()) {
      if (c.digit == digit) {
        return c;
      }
    }
    throw new IllegalArgumentException("status class must be 2, 4 or 5: " + digit);
  }

  /** Returns the class of {@code code}. */
  public static StatusClass of(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    return of(code.statusClass());
  }
}
