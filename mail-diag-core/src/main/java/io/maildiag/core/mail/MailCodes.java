package io.maildiag.core.mail;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link MailAddress#parse(CharSequence)}.
 *
 * @since 0.1
 */
public final class MailCodes {
  /** No {@code @}, or nothing before or after it. */
  public static final DiagnosticCode ADDRESS_MISSING_PART = DiagnosticCode.of("ADDRESS_MISSING_PART");
  /** A character not allowed in an unquoted local part, or a misplaced dot. */
  public static final DiagnosticCode ADDRESS_INVALID_LOCAL_PART = DiagnosticCode.of("ADDRESS_INVALID_LOCAL_PART");
  /** A quoted local part that is not closed or contains a forbidden character. */
  public static final DiagnosticCode ADDRESS_INVALID_QUOTED_STRING = DiagnosticCode.of("ADDRESS_INVALID_QUOTED_STRING");
  /** The domain is not a valid domain name. */
  public static final DiagnosticCode ADDRESS_INVALID_DOMAIN = DiagnosticCode.of("ADDRESS_INVALID_DOMAIN");
  /** An address literal that is not a valid IPv4 or tagged IPv6 address. */
  public static final DiagnosticCode ADDRESS_INVALID_LITERAL = DiagnosticCode.of("ADDRESS_INVALID_LITERAL");
  /** A local part over 64 octets (RFC 5321 section 4.5.3.1.1); accepted with a warning. */
  public static final DiagnosticCode ADDRESS_LOCAL_PART_TOO_LONG = DiagnosticCode.of("ADDRESS_LOCAL_PART_TOO_LONG");
  /** The input is far longer than any mailbox (RFC 5321 section 4.5.3.1.3 allows 256 octets in a path). */
  public static final DiagnosticCode ADDRESS_TOO_LONG = DiagnosticCode.of("ADDRESS_TOO_LONG");

  private MailCodes() {}
}
