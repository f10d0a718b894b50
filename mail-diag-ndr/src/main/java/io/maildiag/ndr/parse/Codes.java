package io.maildiag.ndr.parse;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes bounce analysis reports. The public names and meanings are documented on
 * {@link io.maildiag.ndr.BounceAnalyzer}, which re-exports these constants.
 */
public final class Codes {
  private Codes() {}

  /** The input was longer than {@code Limits.maxInputBytes}; only a prefix was analysed. */
  public static final DiagnosticCode INPUT_TOO_LARGE = DiagnosticCode.of("NDR_INPUT_TOO_LARGE");
  /** The input could not be read (I/O error). */
  public static final DiagnosticCode INPUT_UNREADABLE = DiagnosticCode.of("NDR_INPUT_UNREADABLE");
  /** The input is empty or is not a mail message at all. */
  public static final DiagnosticCode NOT_A_MESSAGE = DiagnosticCode.of("NDR_NOT_A_MESSAGE");
  /** A line was longer than {@code Limits.maxLineLength} and was cut. */
  public static final DiagnosticCode LINE_TOO_LONG = DiagnosticCode.of("NDR_LINE_TOO_LONG");
  /** The header section was larger than {@code Limits.maxHeaderBytes} and was cut. */
  public static final DiagnosticCode HEADER_TOO_LARGE = DiagnosticCode.of("NDR_HEADER_TOO_LARGE");
  /** More header fields than {@code Limits.maxHeaderFields}; the rest were ignored. */
  public static final DiagnosticCode TOO_MANY_HEADER_FIELDS = DiagnosticCode.of("NDR_TOO_MANY_HEADER_FIELDS");
  /** MIME nesting deeper than {@code Limits.maxMimeDepth}; deeper parts were not read. */
  public static final DiagnosticCode MIME_TOO_DEEP = DiagnosticCode.of("NDR_MIME_TOO_DEEP");
  /** More MIME parts than the analyser reads; the rest were ignored. */
  public static final DiagnosticCode TOO_MANY_PARTS = DiagnosticCode.of("NDR_TOO_MANY_PARTS");
  /** A MIME part was larger than the analyser reads (4 MiB); it was cut at the end of a line. */
  public static final DiagnosticCode PART_TOO_LARGE = DiagnosticCode.of("NDR_PART_TOO_LARGE");
  /** The text had more lines than are read for recipients (4000), and no end of the bounce text among them. */
  public static final DiagnosticCode TEXT_TOO_LONG = DiagnosticCode.of("NDR_TEXT_TOO_LONG");
  /** A MIME structure was malformed (a multipart without boundaries, a bad header). */
  public static final DiagnosticCode MIME_MALFORMED = DiagnosticCode.of("NDR_MIME_MALFORMED");
  /** A charset was unknown or the text was not valid in it; a fallback charset was used. */
  public static final DiagnosticCode CHARSET_FALLBACK = DiagnosticCode.of("NDR_CHARSET_FALLBACK");
  /** A transfer encoding was unknown or broken; the content was read as it was. */
  public static final DiagnosticCode ENCODING_BROKEN = DiagnosticCode.of("NDR_ENCODING_BROKEN");
  /** A field of a delivery-status report was malformed (a Status that is not a code). */
  public static final DiagnosticCode DSN_FIELD_INVALID = DiagnosticCode.of("NDR_DSN_FIELD_INVALID");
  /** A delivery-status report had no per-recipient block with a recipient. */
  public static final DiagnosticCode DSN_NO_RECIPIENT = DiagnosticCode.of("NDR_DSN_NO_RECIPIENT");
  /** The message looks like a bounce but no recipient could be found in it. */
  public static final DiagnosticCode NO_RECIPIENT_FOUND = DiagnosticCode.of("NDR_NO_RECIPIENT_FOUND");
  /** The message quotes or forwards a bounce; its recipients are not reported as failures. */
  public static final DiagnosticCode QUOTED_BOUNCE = DiagnosticCode.of("NDR_QUOTED_BOUNCE");
  /** The delivery report came attached to a message of its own (a gateway's wrapper) and was read there. */
  public static final DiagnosticCode WRAPPED_REPORT = DiagnosticCode.of("NDR_WRAPPED_REPORT");
  /** The analysis hit its time budget ({@code Limits.totalTimeBudget}) and stopped early. */
  public static final DiagnosticCode TIME_BUDGET_EXCEEDED = DiagnosticCode.of("NDR_TIME_BUDGET_EXCEEDED");
  /** An unexpected internal failure; the analysis is as complete as it could be made. */
  public static final DiagnosticCode INTERNAL_ERROR = DiagnosticCode.of("NDR_INTERNAL_ERROR");
  /** The input is an mbox file holding several messages; only the first was analysed. */
  public static final DiagnosticCode MORE_MESSAGES = DiagnosticCode.of("NDR_MORE_MESSAGES");
  /** The input started with a byte order mark (UTF-8, or UTF-16 text); it was read as UTF-8 without it. */
  public static final DiagnosticCode BYTE_ORDER_MARK = DiagnosticCode.of("NDR_BYTE_ORDER_MARK");
  /** The input was gzip-compressed; it was decompressed and read (an info). */
  public static final DiagnosticCode COMPRESSED_INPUT = DiagnosticCode.of("NDR_COMPRESSED_INPUT");
  /** The input started with empty lines before its header section; they were left out (an info). */
  public static final DiagnosticCode LEADING_EMPTY_LINES = DiagnosticCode.of("NDR_LEADING_EMPTY_LINES");
  /** Too many diagnostics; the rest were not recorded. */
  public static final DiagnosticCode DIAGNOSTICS_TRUNCATED = DiagnosticCode.of("NDR_DIAGNOSTICS_TRUNCATED");
}
