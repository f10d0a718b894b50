/**
 * DMARC aggregate reports (RFC 7489 section 7.2 and appendix C; RFC 9990): a hardened streaming
 * parser and summaries.
 *
 * <ul>
 *   <li>{@link io.maildiag.dns.dmarc.report.AggregateReports#parse(byte[])} reads a report as
 *       plain XML, gzip or zip (detected by magic bytes) into an {@link
 *       io.maildiag.dns.dmarc.report.AggregateReport}, with positioned diagnostics; {@link
 *       io.maildiag.dns.dmarc.report.AggregateReportParser} does the same with chosen limits;
 *   <li>{@link io.maildiag.dns.dmarc.report.AggregateSummary#of(java.util.List)} totals many
 *       reports: pass rate by source IP, unauthenticated and misaligned sources, per reporter.
 * </ul>
 *
 * <p>Reports are untrusted input. DTDs, external entities and entity expansion are refused; the
 * compressed and the decompressed size are both bounded by {@code Limits.maxInputBytes}; records,
 * nesting depth, zip entries and text per element are bounded as documented on {@link
 * io.maildiag.dns.dmarc.report.AggregateReportParser}. No exception escapes a parse.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.dmarc.report;
