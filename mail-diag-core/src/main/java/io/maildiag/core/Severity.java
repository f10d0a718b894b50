package io.maildiag.core;

/**
 * How much a {@link Diagnostic} matters.
 *
 * <p>The order of the constants is from most to least severe, so {@link #compareTo} sorts errors
 * first.
 *
 * @since 0.1
 */
public enum Severity {
  /** The input is wrong or the analysis could not complete: something will break. */
  ERROR,
  /** The input works today but is risky, deprecated or likely to break. */
  WARNING,
  /** A neutral observation worth showing, such as a normalisation that was applied. */
  INFO;

  /** Returns the lower-case name used in JSON output ({@code "error"}, {@code "warning"}, {@code "info"}). */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
