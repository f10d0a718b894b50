package io.maildiag.headers.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.antispam.AntispamHeaders;
import io.maildiag.headers.received.ReceivedTimeline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link HeaderAnalyzer} found in one message's header.
 *
 * @param headers the parsed header section
 * @param summary subject, from, to, date and message-id
 * @param timeline the Received hops, oldest first, with delays and timeline findings
 * @param authentication Authentication-Results, Received-SPF, and DKIM/ARC verification when run
 * @param antispam the anti-spam verdict headers
 * @param checks the consistency checks, in the order of {@link ConsistencyCheck.Kind}
 * @param findings every finding: header syntax, timeline, anti-spam, authentication,
 *     consistency and DMARC, in that order
 * @param dmarc DMARC judged again by mail-diag, next to the receiver's verdict; empty when the
 *     analyzer has no resolver (the receiver's {@code dmarc=} is still in {@code authentication})
 * @since 0.1
 */
public record HeaderReport(
    HeaderSection headers,
    HeaderSummary summary,
    ReceivedTimeline timeline,
    AuthenticationVerdicts authentication,
    AntispamHeaders antispam,
    List<ConsistencyCheck> checks,
    List<Diagnostic> findings,
    Optional<DmarcJudgement> dmarc) {

  /** Checks for nulls and copies the lists. */
  public HeaderReport {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(antispam, "antispam");
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
    Objects.requireNonNull(dmarc, "dmarc");
  }

  /** Returns a report without a DMARC judgement (the form before DMARC was judged). */
  public HeaderReport(HeaderSection headers, HeaderSummary summary, ReceivedTimeline timeline,
      AuthenticationVerdicts authentication, AntispamHeaders antispam, List<ConsistencyCheck> checks,
      List<Diagnostic> findings) {
    this(headers, summary, timeline, authentication, antispam, checks, findings, Optional.empty());
  }

  /** Returns whether a finding has the given code. */
  public boolean has(DiagnosticCode code) {
    return findings.stream().anyMatch(d -> d.code().equals(code));
  }

  /** Returns the check of the given kind. */
  public Optional<ConsistencyCheck> check(ConsistencyCheck.Kind kind) {
    return checks.stream().filter(c -> c.kind() == kind).findFirst();
  }
}
