package io.maildiag.core;

import java.util.Objects;

/**
 * A stable, machine-readable identifier of a kind of finding, such as {@code SPF_TOO_MANY_LOOKUPS}.
 *
 * <p>Codes are upper-case ASCII letters, digits and underscores, start with a letter and are at
 * most 64 characters long. Once published a code keeps its meaning; tools may match on it.
 *
 * @param value the code text
 * @since 0.1
 */
public record DiagnosticCode(String value) implements Comparable<DiagnosticCode> {

  /**
   * Validates the code.
   *
   * @throws IllegalArgumentException if {@code value} is not a well-formed code
   */
  public DiagnosticCode {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("not a diagnostic code (expected [A-Z][A-Z0-9_]*, at most 64 chars): " + value);
    }
  }

  /**
   * Returns the code with the given text.
   *
   * @throws IllegalArgumentException if {@code value} is not a well-formed code
   */
  public static DiagnosticCode of(String value) {
    return new DiagnosticCode(value);
  }

  private static boolean isWellFormed(String value) {
    if (value.isEmpty() || value.length() > 64) {
      return false;
    }
    char first = value.charAt(0);
    if (first < 'A' || first > 'Z') {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(DiagnosticCode other) {
    return value.compareTo(other.value);
  }

  /** Returns the code text. */
  @Override
  public String toString() {
    return value;
  }
}
