package io.maildiag.dns.dmarc.report;

import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Entry points for parsing DMARC aggregate reports with the default limits; see {@link
 * AggregateReportParser} for the format detection, hardening, limits and recovery rules.
 *
 * <pre>{@code
 * ParseResult<AggregateReport> r = AggregateReports.parse(Path.of("google.com!example.com!1!2.xml.gz"));
 * r.diagnostics().forEach(System.err::println);
 * r.value().ifPresent(report -> ...);
 * }</pre>
 *
 * @since 0.1
 */
public final class AggregateReports {

  private AggregateReports() {}

  /**
   * Parses a report from plain XML, gzip or zip bytes. Never throws on bad input.
   *
   * @throws NullPointerException if {@code data} is null
   */
  public static ParseResult<AggregateReport> parse(byte[] data) {
    return AggregateReportParser.DEFAULT.parse(data);
  }

  /**
   * Reads and parses a report file. Never throws on bad input or a read failure.
   *
   * @throws NullPointerException if {@code file} is null
   */
  public static ParseResult<AggregateReport> parse(Path file) {
    return AggregateReportParser.DEFAULT.parse(file);
  }

  /**
   * Reads and parses a report from a stream, which is not closed.
   *
   * @throws NullPointerException if {@code in} is null
   */
  public static ParseResult<AggregateReport> parse(InputStream in) {
    return AggregateReportParser.DEFAULT.parse(in);
  }

  /**
   * Parses a report with the given limits and the other defaults.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ParseResult<AggregateReport> parse(byte[] data, Limits limits) {
    return AggregateReportParser.builder().limits(limits).build().parse(data);
  }
}
