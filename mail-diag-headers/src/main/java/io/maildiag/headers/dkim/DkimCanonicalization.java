package io.maildiag.headers.dkim;

import java.util.Optional;

/**
 * The canonicalization algorithms of {@code c=} (RFC 6376 section 3.4).
 *
 * @since 0.1
 */
public enum DkimCanonicalization {
  /** {@code simple}: the data as it is, except trailing empty body lines. */
  SIMPLE("simple"),
  /** {@code relaxed}: white space runs folded, header names lower-cased, header lines unfolded. */
  RELAXED("relaxed");

  private final String tagValue;

  DkimCanonicalization(String tagValue) {
    this.tagValue = tagValue;
  }

  /** Returns the name used in {@code c=}. */
  public String tagValue() {
    return tagValue;
  }

  /** Returns the algorithm of the given name, ignoring case. */
  public static Optional<DkimCanonicalization> of(String name) {
    for (DkimCanonicalization c : values()) {
      if (c.tagValue.equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
