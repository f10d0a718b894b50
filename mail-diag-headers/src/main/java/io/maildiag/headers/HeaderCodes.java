package io.maildiag.headers;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link HeaderSection#parse(byte[], io.maildiag.core.Limits)}: problems in
 * the syntax of a header section (RFC 5322 section 2.2) and its encoded-words (RFC 2047).
 *
 * <p>Each constant's text equals its field name. Codes are stable: tools may match on them.
 *
 * @since 0.1
 */
public final class HeaderCodes {
  /** The header section is larger than {@link io.maildiag.core.Limits#maxHeaderBytes()}; the rest was ignored. */
  public static final DiagnosticCode HEADERS_TOO_LARGE = DiagnosticCode.of("HEADERS_TOO_LARGE");
  /** More fields than {@link io.maildiag.core.Limits#maxHeaderFields()}; the rest were ignored. */
  public static final DiagnosticCode HEADERS_TOO_MANY_FIELDS = DiagnosticCode.of("HEADERS_TOO_MANY_FIELDS");
  /** A line longer than {@link io.maildiag.core.Limits#maxLineLength()} (RFC 5322 section 2.1.1 allows 998). */
  public static final DiagnosticCode HEADERS_LINE_TOO_LONG = DiagnosticCode.of("HEADERS_LINE_TOO_LONG");
  /** A line that is neither a field nor a continuation; it was joined to the previous field. */
  public static final DiagnosticCode HEADERS_MALFORMED_LINE = DiagnosticCode.of("HEADERS_MALFORMED_LINE");
  /** The section starts with a continuation line that belongs to no field; it was ignored. */
  public static final DiagnosticCode HEADERS_LEADING_CONTINUATION = DiagnosticCode.of("HEADERS_LEADING_CONTINUATION");
  /** White space between a field name and its colon (obsolete syntax, RFC 5322 section 4.5). */
  public static final DiagnosticCode HEADERS_WHITESPACE_BEFORE_COLON = DiagnosticCode.of("HEADERS_WHITESPACE_BEFORE_COLON");
  /** An mbox {@code From } separator line before the first field; it was skipped. */
  public static final DiagnosticCode HEADERS_MBOX_FROM_LINE = DiagnosticCode.of("HEADERS_MBOX_FROM_LINE");
  /** 8-bit bytes that are not UTF-8 (RFC 6532); the section was read as ISO-8859-1. */
  public static final DiagnosticCode HEADERS_NOT_UTF8 = DiagnosticCode.of("HEADERS_NOT_UTF8");
  /** A NUL character, which RFC 5322 does not allow in a header. */
  public static final DiagnosticCode HEADERS_NUL_CHARACTER = DiagnosticCode.of("HEADERS_NUL_CHARACTER");
  /** The input has no empty line that ends the header section (normal for pasted headers). */
  public static final DiagnosticCode HEADERS_NO_BLANK_LINE = DiagnosticCode.of("HEADERS_NO_BLANK_LINE");
  /** The input holds no header field at all. */
  public static final DiagnosticCode HEADERS_EMPTY = DiagnosticCode.of("HEADERS_EMPTY");
  /** An encoded-word (RFC 2047) that cannot be decoded (bad Base64 or Q text); it was kept as it was. */
  public static final DiagnosticCode HEADERS_ENCODED_WORD_MALFORMED = DiagnosticCode.of("HEADERS_ENCODED_WORD_MALFORMED");
  /** An encoded-word in a charset that this Java runtime does not know; it was kept as it was. */
  public static final DiagnosticCode HEADERS_ENCODED_WORD_UNKNOWN_CHARSET =
      DiagnosticCode.of("HEADERS_ENCODED_WORD_UNKNOWN_CHARSET");
  /** The header could not be read from its source (a Jakarta Mail error). */
  public static final DiagnosticCode HEADERS_SOURCE_UNREADABLE = DiagnosticCode.of("HEADERS_SOURCE_UNREADABLE");
  /** More diagnostics than {@link io.maildiag.core.Limits#maxDiagnostics()}; the rest were dropped. */
  public static final DiagnosticCode HEADERS_DIAGNOSTICS_TRUNCATED = DiagnosticCode.of("HEADERS_DIAGNOSTICS_TRUNCATED");

  private HeaderCodes() {}
}
