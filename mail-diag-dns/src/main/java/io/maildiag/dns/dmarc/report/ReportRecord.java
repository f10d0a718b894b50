package io.maildiag.dns.dmarc.report;

import io.maildiag.core.ip.IpAddress;
import java.util.List;
import java.util.Objects;

/**
 * One {@code record} of a report: a count of messages from one source IP with the same
 * identifiers and results (RFC 7489 appendix C).
 *
 * @param sourceIp the sending IP address ({@code row/source_ip})
 * @param count how many messages the row covers ({@code row/count}), at least 0
 * @param policyEvaluated what the receiver concluded
 * @param identifiers the From and envelope domains
 * @param dkim the raw DKIM results, in order (possibly none)
 * @param spf the raw SPF results, in order (possibly none)
 * @param extensions the record-level RFC 9990 extension elements
 * @param line the 1-based line of the {@code record} start tag, or 0 if the parser gave none
 * @since 0.1
 */
public record ReportRecord(
    IpAddress sourceIp,
    long count,
    PolicyEvaluated policyEvaluated,
    Identifiers identifiers,
    List<DkimAuthResult> dkim,
    List<SpfAuthResult> spf,
    List<ReportExtension> extensions,
    int line) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if {@code count} or {@code line} is negative
   */
  public ReportRecord {
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(policyEvaluated, "policyEvaluated");
    Objects.requireNonNull(identifiers, "identifiers");
    dkim = List.copyOf(dkim);
    spf = List.copyOf(spf);
    extensions = List.copyOf(extensions);
    if (count < 0 || line < 0) {
      throw new IllegalArgumentException("count and line must be >= 0, were " + count + ", " + line);
    }
  }

  /**
   * Classifies the row: {@link AlignmentOutcome#PASS} if aligned DKIM or SPF passed, else {@link
   * AlignmentOutcome#MISALIGNED} if some raw DKIM or SPF result passed, else {@link
   * AlignmentOutcome#UNAUTHENTICATED}.
   */
  public AlignmentOutcome outcome() {
    if (policyEvaluated.dmarcPass()) {
      return AlignmentOutcome.PASS;
    }
    boolean anyPass = dkim.stream().anyMatch(d -> d.result() == DkimResultType.PASS)
        || spf.stream().anyMatch(s -> s.result() == SpfResultType.PASS);
    return anyPass ? AlignmentOutcome.MISALIGNED : AlignmentOutcome.UNAUTHENTICATED;
  }
}
