package io.maildiag.dns.dmarc.report;

import static io.maildiag.dns.dmarc.report.ReportXml.record;
import static io.maildiag.dns.dmarc.report.ReportXml.report;
import static io.maildiag.dns.dmarc.report.ReportXml.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maildiag.core.ip.IpAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateSummaryTest {

  private static AggregateReport parse(String xml) {
    return AggregateReports.parse(utf8(xml)).orElseThrow();
  }

  private static final AggregateReport GOOGLE = parse(report("google.com", "g1", 1_000, 2_000,
      record("192.0.2.1", 90, "pass", "fail", "example.com", "example.com:pass", "esp.example:pass"),
      record("192.0.2.1", 10, "fail", "fail", "example.com", "esp.example:pass", "esp.example:pass"),
      record("198.51.100.9", 7, "fail", "fail", "example.com", null, "spoof.example:fail")));

  private static final AggregateReport YAHOO = parse(report("Yahoo", "y1", 500, 1_500,
      record("192.0.2.1", 50, "fail", "pass", "example.com", null, "example.com:pass"),
      record("203.0.113.3", 3, "fail", "fail", "example.com", "forwarder.example:pass", null),
      record("198.51.100.9", 2, "fail", "fail", "example.com", "example.com:fail", "example.com:fail")));

  @Test
  void totalsAndRates() {
    AggregateSummary s = AggregateSummary.of(List.of(GOOGLE, YAHOO));
    assertThat(s.reports()).isEqualTo(2);
    assertThat(s.messages()).isEqualTo(162);
    assertThat(s.passed()).isEqualTo(140);
    assertThat(s.misaligned()).isEqualTo(13);
    assertThat(s.unauthenticated()).isEqualTo(9);
    assertThat(s.passRate()).isCloseTo(140.0 / 162, within(1e-9));
    assertThat(s.dateRange()).contains(new DateRange(Instant.ofEpochSecond(500), Instant.ofEpochSecond(2_000)));
  }

  @Test
  void bySourceMostMessagesFirst() {
    AggregateSummary s = AggregateSummary.of(List.of(GOOGLE, YAHOO));
    assertThat(s.sources()).containsExactly(
        new SourceStats(IpAddress.of("192.0.2.1"), 150, 140, 10, 0),
        new SourceStats(IpAddress.of("198.51.100.9"), 9, 0, 0, 9),
        new SourceStats(IpAddress.of("203.0.113.3"), 3, 0, 3, 0));
    assertThat(s.sources().get(0).passRate()).isCloseTo(140.0 / 150, within(1e-9));
    assertThat(s.unauthenticatedSources()).extracting(SourceStats::sourceIp)
        .containsExactly(IpAddress.of("198.51.100.9"));
    assertThat(s.misalignedSources()).extracting(SourceStats::sourceIp)
        .containsExactly(IpAddress.of("192.0.2.1"), IpAddress.of("203.0.113.3"));
  }

  @Test
  void perReporterAndDuplicatesCountedOnce() {
    AggregateSummary s = AggregateSummary.of(List.of(GOOGLE, YAHOO, GOOGLE));
    assertThat(s.reports()).isEqualTo(2);
    assertThat(s.duplicateReports()).isEqualTo(1);
    assertThat(s.reporters()).containsExactly(
        new ReporterStats("google.com", 1, 107, 90), new ReporterStats("Yahoo", 1, 55, 50));
  }

  @Test
  void emptyInputGivesZeros() {
    AggregateSummary s = AggregateSummary.of(List.of());
    assertThat(s.messages()).isZero();
    assertThat(s.passRate()).isZero();
    assertThat(s.dateRange()).isEmpty();
    assertThat(s.sources()).isEmpty();
  }
}
