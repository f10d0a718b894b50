package io.maildiag.dns.dmarc;

/**
 * The identifier alignment mode of the {@code adkim} and {@code aspf} tags (RFC 9989 section
 * 4.4, RFC 7489 section 3.1).
 *
 * @since 0.1
 */
public enum AlignmentMode {
  /** {@code r}: the domains share an organizational domain (the default). */
  RELAXED,
  /** {@code s}: the domains are equal. */
  STRICT;

  /** Returns the tag value, {@code "r"} or {@code "s"}. */
  public String tagValue() {
    return this == RELAXED ? "r" : "s";
  }
}
