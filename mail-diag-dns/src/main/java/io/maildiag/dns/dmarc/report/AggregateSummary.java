package io.maildiag.dns.dmarc.report;

import io.maildiag.core.ip.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Totals over many aggregate reports: how much mail passed DMARC, from where, and who reported it.
 *
 * <p>A row passes DMARC when its {@code policy_evaluated} DKIM or SPF result is {@code pass}
 * (RFC 7489 section 4.2); failing rows are split into {@linkplain AlignmentOutcome#MISALIGNED
 * misaligned} (some raw DKIM or SPF pass, but not for an aligned domain: typically a forwarder or
 * an unconfigured email service) and {@linkplain AlignmentOutcome#UNAUTHENTICATED unauthenticated}
 * (no pass at all: spoofing, or a sender not yet set up). A report repeated with the same {@code
 * org_name} and {@code report_id} is counted once. Counts saturate at {@link Long#MAX_VALUE}.
 *
 * @param reports distinct reports summarised
 * @param duplicateReports reports skipped as repeats
 * @param messages all messages
 * @param passed messages that passed DMARC
 * @param misaligned messages that failed alignment although something authenticated
 * @param unauthenticated messages with neither DKIM nor SPF pass
 * @param dateRange the span from the earliest begin to the latest end, if any report had one
 * @param sources per source IP, most messages first (ties by address)
 * @param reporters per reporter, most messages first (ties by name)
 * @since 0.1
 */
public record AggregateSummary(
    int reports,
    int duplicateReports,
    long messages,
    long passed,
    long misaligned,
    long unauthenticated,
    Optional<DateRange> dateRange,
    List<SourceStats> sources,
    List<ReporterStats> reporters) {

  /** Checks that no component is null and copies the lists. */
  public AggregateSummary {
    Objects.requireNonNull(dateRange, "dateRange");
    sources = List.copyOf(sources);
    reporters = List.copyOf(reporters);
  }

  /**
   * Summarises the reports.
   *
   * @throws NullPointerException if {@code reports} or an element is null
   */
  public static AggregateSummary of(List<AggregateReport> reports) {
    Objects.requireNonNull(reports, "reports");
    Set<List<String>> seen = new HashSet<>();
    Map<IpAddress, long[]> bySource = new LinkedHashMap<>();
    Map<String, long[]> byReporter = new LinkedHashMap<>();
    long[] totals = new long[4];
    int distinct = 0;
    int duplicates = 0;
    DateRange range = null;
    for (AggregateReport report : reports) {
      Objects.requireNonNull(report, "report");
      ReportMetadata md = report.metadata();
      if (!md.reportId().isEmpty() && !seen.add(List.of(md.orgName(), md.reportId()))) {
        duplicates++;
        continue;
      }
      distinct++;
      if (md.dateRange().isPresent()) {
        range = range == null ? md.dateRange().get() : range.span(md.dateRange().get());
      }
      long[] reporter = byReporter.computeIfAbsent(md.orgName(), k -> new long[3]);
      reporter[0]++;
      for (ReportRecord r : report.records()) {
        long[] src = bySource.computeIfAbsent(r.sourceIp(), k -> new long[4]);
        int slot = 1 + r.outcome().ordinal();
        add(src, 0, r.count());
        add(src, slot, r.count());
        add(totals, 0, r.count());
        add(totals, slot, r.count());
        add(reporter, 1, r.count());
        if (slot == 1) {
          add(reporter, 2, r.count());
        }
      }
    }
    List<SourceStats> sources = new ArrayList<>();
    bySource.forEach((ip, c) -> sources.add(new SourceStats(ip, c[0], c[1], c[2], c[3])));
    sources.sort(Comparator.comparingLong(SourceStats::messages).reversed()
        .thenComparing(SourceStats::sourceIp));
    List<ReporterStats> reporters = new ArrayList<>();
    byReporter.forEach((name, c) -> reporters.add(new ReporterStats(name, (int) c[0], c[1], c[2])));
    reporters.sort(Comparator.comparingLong(ReporterStats::messages).reversed()
        .thenComparing(ReporterStats::orgName));
    return new AggregateSummary(distinct, duplicates, totals[0], totals[1], totals[2], totals[3],
        Optional.ofNullable(range), sources, reporters);
  }

  private static void add(long[] counts, int i, long n) {
    counts[i] = AggregateReport.saturatedAdd(counts[i], n);
  }

  /** Returns the share of messages that passed DMARC, 0 to 1; 0 if there were none. */
  public double passRate() {
    return messages == 0 ? 0 : (double) passed / messages;
  }

  /** Returns the sources with unauthenticated messages, most such messages first. */
  public List<SourceStats> unauthenticatedSources() {
    return sources.stream().filter(s -> s.unauthenticated() > 0)
        .sorted(Comparator.comparingLong(SourceStats::unauthenticated).reversed()
            .thenComparing(SourceStats::sourceIp))
        .toList();
  }

  /** Returns the sources with misaligned messages (authenticated, not aligned), most first. */
  public List<SourceStats> misalignedSources() {
    return sources.stream().filter(s -> s.misaligned() > 0)
        .sorted(Comparator.comparingLong(SourceStats::misaligned).reversed()
            .thenComparing(SourceStats::sourceIp))
        .toList();
  }
}
