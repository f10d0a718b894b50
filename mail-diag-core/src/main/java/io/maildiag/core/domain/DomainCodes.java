package io.maildiag.core.domain;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link DomainName#parse(CharSequence)}.
 *
 * @since 0.1
 */
public final class DomainCodes {
  /** The input is empty. */
  public static final DiagnosticCode DOMAIN_EMPTY = DiagnosticCode.of("DOMAIN_EMPTY");
  /** Two dots in a row, or a leading dot. */
  public static final DiagnosticCode DOMAIN_EMPTY_LABEL = DiagnosticCode.of("DOMAIN_EMPTY_LABEL");
  /** A label longer than 63 octets (RFC 1035 section 2.3.4). */
  public static final DiagnosticCode DOMAIN_LABEL_TOO_LONG = DiagnosticCode.of("DOMAIN_LABEL_TOO_LONG");
  /** A name longer than 253 octets in text form (RFC 1035 section 2.3.4). */
  public static final DiagnosticCode DOMAIN_TOO_LONG = DiagnosticCode.of("DOMAIN_TOO_LONG");
  /** A character that a mail domain cannot contain. */
  public static final DiagnosticCode DOMAIN_INVALID_CHARACTER = DiagnosticCode.of("DOMAIN_INVALID_CHARACTER");
  /** A non-ASCII label that IDNA cannot convert to an A-label. */
  public static final DiagnosticCode DOMAIN_IDNA_INVALID = DiagnosticCode.of("DOMAIN_IDNA_INVALID");
  /** A label that begins or ends with a hyphen: valid in DNS, not in a host name. */
  public static final DiagnosticCode DOMAIN_HYPHEN_AT_LABEL_EDGE = DiagnosticCode.of("DOMAIN_HYPHEN_AT_LABEL_EDGE");

  private DomainCodes() {}
}
