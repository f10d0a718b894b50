/**
 * The whole-message header report: {@link io.maildiag.headers.report.HeaderAnalyzer} reads a
 * message's header section (and body, for DKIM) into a {@link
 * io.maildiag.headers.report.HeaderReport}: a summary, the Received timeline, the authentication
 * verdicts (Authentication-Results, Received-SPF, DKIM and ARC verification), DMARC judged again
 * ({@link io.maildiag.headers.report.DmarcJudgement}, with a resolver), the anti-spam verdicts,
 * consistency checks between them, and findings with stable codes ({@link
 * io.maildiag.headers.report.ReportCodes}).
 *
 * @since 0.1
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.report;
