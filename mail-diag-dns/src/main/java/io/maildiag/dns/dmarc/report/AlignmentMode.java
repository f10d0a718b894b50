package io.maildiag.dns.dmarc.report;

/**
 * An identifier alignment mode, {@code adkim} or {@code aspf} of the published policy (RFC 7489
 * section 3.1 and appendix C {@code AlignmentType}).
 *
 * @since 0.1
 */
public enum AlignmentMode {
  /** {@code r}: the organizational domains must match. */
  RELAXED,
  /** {@code s}: the domains must match exactly. */
  STRICT;

  /** Returns the token as written in the report XML: {@code r} or {@code s}. */
  public String token() {
    return this == RELAXED ? "r" : "s";
  }
}
