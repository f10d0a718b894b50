package io.maildiag.dns.dmarc.report;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of DMARC aggregate report parsing.
 *
 * @since 0.1
 */
public final class AggregateReportCodes {
  /** The input (compressed or not) exceeds {@code Limits.maxInputBytes}. */
  public static final DiagnosticCode DMARC_REPORT_TOO_LARGE = DiagnosticCode.of("DMARC_REPORT_TOO_LARGE");
  /** The decompressed report exceeds {@code Limits.maxInputBytes}: a compression bomb or a huge report. */
  public static final DiagnosticCode DMARC_REPORT_DECOMPRESSED_TOO_LARGE =
      DiagnosticCode.of("DMARC_REPORT_DECOMPRESSED_TOO_LARGE");
  /** A gzip or zip container that cannot be read. */
  public static final DiagnosticCode DMARC_REPORT_BAD_ARCHIVE = DiagnosticCode.of("DMARC_REPORT_BAD_ARCHIVE");
  /** A zip archive without an XML entry among the entries examined. */
  public static final DiagnosticCode DMARC_REPORT_NO_XML_ENTRY = DiagnosticCode.of("DMARC_REPORT_NO_XML_ENTRY");
  /** The zip archive holds more files than the report read; the others were not read. */
  public static final DiagnosticCode DMARC_REPORT_MORE_FILES = DiagnosticCode.of("DMARC_REPORT_MORE_FILES");
  /** The file could not be read. */
  public static final DiagnosticCode DMARC_REPORT_IO_ERROR = DiagnosticCode.of("DMARC_REPORT_IO_ERROR");
  /** The XML is not well-formed or is truncated. */
  public static final DiagnosticCode DMARC_REPORT_MALFORMED_XML = DiagnosticCode.of("DMARC_REPORT_MALFORMED_XML");
  /** The XML has a document type declaration; DTDs and entities are refused. */
  public static final DiagnosticCode DMARC_REPORT_DTD_FORBIDDEN = DiagnosticCode.of("DMARC_REPORT_DTD_FORBIDDEN");
  /** The root element is not {@code feedback}. */
  public static final DiagnosticCode DMARC_REPORT_NOT_FEEDBACK = DiagnosticCode.of("DMARC_REPORT_NOT_FEEDBACK");
  /** Elements nest deeper than the parser's limit. */
  public static final DiagnosticCode DMARC_REPORT_TOO_DEEP = DiagnosticCode.of("DMARC_REPORT_TOO_DEEP");
  /** More records than the parser's limit; the rest are not read. */
  public static final DiagnosticCode DMARC_REPORT_TOO_MANY_RECORDS = DiagnosticCode.of("DMARC_REPORT_TOO_MANY_RECORDS");
  /** An element has more children, or text, than the parser keeps. */
  public static final DiagnosticCode DMARC_REPORT_ELEMENT_TOO_LARGE = DiagnosticCode.of("DMARC_REPORT_ELEMENT_TOO_LARGE");
  /**
   * A required element is missing or empty. A {@code feedback} element that holds none of {@code
   * report_metadata}, {@code policy_published} and {@code record} is no report: the parse fails with
   * this code. With any of them it succeeds, and each missing one is reported.
   */
  public static final DiagnosticCode DMARC_REPORT_MISSING_ELEMENT = DiagnosticCode.of("DMARC_REPORT_MISSING_ELEMENT");
  /** An element that may appear once appears again; the first is kept. */
  public static final DiagnosticCode DMARC_REPORT_DUPLICATE_ELEMENT = DiagnosticCode.of("DMARC_REPORT_DUPLICATE_ELEMENT");
  /** A value outside the schema's vocabulary or range. */
  public static final DiagnosticCode DMARC_REPORT_INVALID_VALUE = DiagnosticCode.of("DMARC_REPORT_INVALID_VALUE");
  /** A {@code source_ip} that is not an IP address; the record is skipped. */
  public static final DiagnosticCode DMARC_REPORT_INVALID_IP = DiagnosticCode.of("DMARC_REPORT_INVALID_IP");
  /** A {@code date_range} bound that is not seconds since the epoch, or an inverted range. */
  public static final DiagnosticCode DMARC_REPORT_INVALID_DATE = DiagnosticCode.of("DMARC_REPORT_INVALID_DATE");
  /** A domain element that is not a valid domain name. */
  public static final DiagnosticCode DMARC_REPORT_INVALID_DOMAIN = DiagnosticCode.of("DMARC_REPORT_INVALID_DOMAIN");
  /** More diagnostics than {@code Limits.maxDiagnostics}; the rest were dropped. */
  public static final DiagnosticCode DMARC_REPORT_TOO_MANY_DIAGNOSTICS =
      DiagnosticCode.of("DMARC_REPORT_TOO_MANY_DIAGNOSTICS");

  private AggregateReportCodes() {}
}
