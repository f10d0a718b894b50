package io.maildiag.headers.report;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link HeaderAnalyzer}'s own checks. A {@link HeaderReport}'s findings
 * also carry the codes of the parts it is built from: {@link io.maildiag.headers.HeaderCodes},
 * {@link io.maildiag.headers.received.ReceivedCodes}, {@link io.maildiag.headers.received.DateDefect},
 * {@link io.maildiag.headers.antispam.AntispamCodes} and, when DMARC is judged, the record and
 * lookup codes of {@link io.maildiag.dns.dmarc.DmarcCodes}.
 *
 * <p>Each constant's text equals its field name. Codes are stable: tools may match on them.
 *
 * @since 0.1
 */
public final class ReportCodes {
  /**
   * The connecting IP that Microsoft 365 recorded ({@code CIP:} of X-Forefront-Antispam-Report) is
   * not the client IP of the hop at which the message crossed into the receiving organisation: the
   * report may come from another system, or the organisation guess is wrong.
   */
  public static final DiagnosticCode HEADERS_CIP_MISMATCH = DiagnosticCode.of("HEADERS_CIP_MISMATCH");
  /**
   * The domain of Authentication-Results {@code smtp.mailfrom} is not the domain of Return-Path:
   * the envelope sender was rewritten after it was checked (forwarding, SRS, a list).
   */
  public static final DiagnosticCode HEADERS_RETURN_PATH_MISMATCH = DiagnosticCode.of("HEADERS_RETURN_PATH_MISMATCH");
  /** No DKIM signing domain ({@code d=}) is aligned with the From domain, not even relaxed. */
  public static final DiagnosticCode HEADERS_DKIM_NOT_ALIGNED = DiagnosticCode.of("HEADERS_DKIM_NOT_ALIGNED");
  /** The SPF-checked domain ({@code smtp.mailfrom}) is not aligned with the From domain, not even relaxed. */
  public static final DiagnosticCode HEADERS_SPF_NOT_ALIGNED = DiagnosticCode.of("HEADERS_SPF_NOT_ALIGNED");
  /** A DKIM signature did not verify (fail, policy, neutral, temperror or permerror). */
  public static final DiagnosticCode HEADERS_DKIM_FAIL = DiagnosticCode.of("HEADERS_DKIM_FAIL");
  /** The ARC chain failed validation. */
  public static final DiagnosticCode HEADERS_ARC_FAIL = DiagnosticCode.of("HEADERS_ARC_FAIL");
  /** The input started with a byte order mark (UTF-8, or UTF-16 text); it was read as UTF-8 without it. */
  public static final DiagnosticCode HEADERS_BYTE_ORDER_MARK = DiagnosticCode.of("HEADERS_BYTE_ORDER_MARK");
  /** The input started with empty lines before its header section; they were left out (an info). */
  public static final DiagnosticCode HEADERS_LEADING_EMPTY_LINES = DiagnosticCode.of("HEADERS_LEADING_EMPTY_LINES");
  /** The header has no Authentication-Results field: the receiver recorded no verdicts. */
  public static final DiagnosticCode HEADERS_NO_AUTH_RESULTS = DiagnosticCode.of("HEADERS_NO_AUTH_RESULTS");
  /**
   * The newest Authentication-Results records a failing verdict (spf, dkim, dmarc, arc or compauth:
   * fail, softfail, permerror or temperror).
   */
  public static final DiagnosticCode HEADERS_AUTH_RESULT_FAIL = DiagnosticCode.of("HEADERS_AUTH_RESULT_FAIL");

  /**
   * DMARC could not be judged because the author domain could not be read from From: no From
   * field, several From fields or mailboxes, group syntax, no usable domain. The evidence is the
   * {@link io.maildiag.dns.dmarc.DmarcCodes} {@code FROM_*} code; the span, when present, is in the
   * value of the From field concerned (for several fields, the second one). Only with a resolver.
   */
  public static final DiagnosticCode HEADERS_AUTHOR_DOMAIN_INVALID = DiagnosticCode.of("HEADERS_AUTHOR_DOMAIN_INVALID");
  /**
   * DMARC, judged again by mail-diag, fails: a policy record applies and no SPF or DKIM pass is
   * aligned with the author domain. Only with a resolver.
   */
  public static final DiagnosticCode HEADERS_DMARC_FAIL = DiagnosticCode.of("HEADERS_DMARC_FAIL");
  /**
   * mail-diag's DMARC result differs from the receiver's {@code dmarc=} in the newest
   * Authentication-Results (a {@code temperror} on either side is not compared). Only with a resolver.
   */
  public static final DiagnosticCode HEADERS_DMARC_DISAGREES = DiagnosticCode.of("HEADERS_DMARC_DISAGREES");

  private ReportCodes() {}
}
