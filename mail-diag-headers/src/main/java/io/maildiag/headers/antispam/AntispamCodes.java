package io.maildiag.headers.antispam;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of the anti-spam header readers ({@link AntispamHeaders}).
 *
 * <p>Each constant's text equals its field name. Codes are stable: tools may match on them.
 *
 * @since 0.1
 */
public final class AntispamCodes {
  /** An item of an anti-spam header that cannot be read (no {@code KEY:value}, a score that is not a number). */
  public static final DiagnosticCode HEADERS_ANTISPAM_MALFORMED = DiagnosticCode.of("HEADERS_ANTISPAM_MALFORMED");
  /** A value that the reader does not know, such as a new SFV verdict; kept as written. */
  public static final DiagnosticCode HEADERS_ANTISPAM_UNKNOWN_VALUE = DiagnosticCode.of("HEADERS_ANTISPAM_UNKNOWN_VALUE");
  /** A filter marked the message as spam, phishing or malware. */
  public static final DiagnosticCode HEADERS_ANTISPAM_MARKED_SPAM = DiagnosticCode.of("HEADERS_ANTISPAM_MARKED_SPAM");
  /** The message was classified as bulk mail. */
  public static final DiagnosticCode HEADERS_ANTISPAM_BULK = DiagnosticCode.of("HEADERS_ANTISPAM_BULK");
  /** The message skipped spam filtering (an allow list, a mail flow rule, SCL -1). */
  public static final DiagnosticCode HEADERS_ANTISPAM_FILTERING_SKIPPED = DiagnosticCode.of("HEADERS_ANTISPAM_FILTERING_SKIPPED");

  private AntispamCodes() {}
}
