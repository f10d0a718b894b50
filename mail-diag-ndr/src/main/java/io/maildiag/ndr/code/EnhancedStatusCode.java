package io.maildiag.ndr.code;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.Excerpt;
import java.util.Objects;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail}, such as {@code
 * 5.1.1}.
 *
 * <p>The class is 2 (success), 4 (persistent transient failure) or 5 (permanent failure); subject
 * and detail are 0 to 999 written without leading zeros (RFC 3463 section 2 allows one to three
 * digits). Immutable and safe for concurrent use.
 *
 * @param statusClass 2, 4 or 5
 * @param subject the subject, 0 to 999
 * @param detail the detail, 0 to 999
 * @since 0.1
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) implements Comparable<EnhancedStatusCode> {

  /** A text that is not an enhanced status code. */
  public static final DiagnosticCode STATUS_CODE_INVALID = DiagnosticCode.of("STATUS_CODE_INVALID");

  /**
   * Validates the code.
   *
   * @throws IllegalArgumentException if a part is out of range
   */
  public EnhancedStatusCode {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException("status class must be 2, 4 or 5: " + statusClass);
    }
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException("subject and detail must be in [0, 999]: " + subject + "." + detail);
    }
  }

  /** Parses {@code class.subject.detail}. Never throws: a bad code is a diagnostic with its position. */
  public static ParseResult<EnhancedStatusCode> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    int[] parts = new int[3];
    int i = 0;
    int n = s.length();
    for (int p = 0; p < 3; p++) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      int maxDigits = p == 0 ? 1 : 3;
      if (digits == 0 || digits > maxDigits || (digits > 1 && s.charAt(start) == '0')) {
        return invalid(s, start, Math.max(1, digits));
      }
      parts[p] = value;
      if (p < 2) {
        if (i >= n || s.charAt(i) != '.') {
          return invalid(s, i, 1);
        }
        i++;
      }
    }
    if (i != n) {
      return invalid(s, i, n - i);
    }
    if (parts[0] != 2 && parts[0] != 4 && parts[0] != 5) {
      return invalid(s, 0, 1);
    }
    return success(parts[0], parts[1], parts[2]);
  }

  /**
   * Results of parsing the usual codes (subject below 10, detail below 100), by class, subject and
   * detail: a valid text names its code in one way only (no leading zeros), and a result is
   * immutable, so each is made once. Filled as codes are met; a racy fill only makes one twice.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParseResult<EnhancedStatusCode>[] PARSED = new ParseResult[3 * 10 * 100];

  private static ParseResult<EnhancedStatusCode> success(int statusClass, int subject, int detail) {
    if (subject >= 10 || detail >= 100) {
      return ParseResult.success(new EnhancedStatusCode(statusClass, subject, detail));
    }
    int slot = ((statusClass == 2 ? 0 : statusClass == 4 ? 1 : 2) * 10 + subject) * 100 + detail;
    ParseResult<EnhancedStatusCode> r = PARSED[slot];
    if (r == null) {
      r = ParseResult.success(new EnhancedStatusCode(statusClass, subject, detail));
      PARSED[slot] = r;
    }
    return r;
  }

  private static ParseResult<EnhancedStatusCode> invalid(String s, int offset, int length) {
    String shown = Excerpt.of(s, 35);
    return ParseResult.failure(Diagnostic.error(STATUS_CODE_INVALID,
            "'" + shown + "' is not an enhanced status code (class.subject.detail, class 2, 4 or 5)")
        .withReference("RFC 3463 section 2")
        .at(s, Math.min(offset, s.length()), Math.max(0, Math.min(length, s.length() - Math.min(offset, s.length())))));
  }

  /**
   * Parses a code known to be valid, such as a constant.
   *
   * @throws io.maildiag.core.InvalidInputException if it is not valid
   */
  public static EnhancedStatusCode of(String code) {
    return parse(code).orElseThrow();
  }

  /** Returns whether the class is 5: a permanent failure. */
  public boolean isPermanent() {
    return statusClass == 5;
  }

  /** Returns whether the class is 4: a persistent transient failure. */
  public boolean isTransient() {
    return statusClass == 4;
  }

  /** Returns whether the class is 2: success. */
  public boolean isSuccess() {
    return statusClass == 2;
  }

  /** Returns the class-independent part, {@code X.1.1}, as the IANA registry lists codes. */
  public String registryKey() {
    return "X." + subject + "." + detail;
  }

  /**
   * Compares the three parts; written out, with the value a record derives, because codes are hash
   * keys on the hot path of bounce reading.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof EnhancedStatusCode c && c.statusClass == statusClass && c.subject == subject
        && c.detail == detail;
  }

  /** The value a record derives from its components: {@code (class * 31 + subject) * 31 + detail}. */
  @Override
  public int hashCode() {
    return (statusClass * 31 + subject) * 31 + detail;
  }

  /** Returns {@code class.subject.detail}. */
  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }

  /** Orders by class, subject, then detail. */
  @Override
  public int compareTo(EnhancedStatusCode o) {
    int c = Integer.compare(statusClass, o.statusClass);
    if (c == 0) {
      c = Integer.compare(subject, o.subject);
    }
    return c != 0 ? c : Integer.compare(detail, o.detail);
  }
}
