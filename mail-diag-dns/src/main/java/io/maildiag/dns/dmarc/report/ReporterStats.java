package io.maildiag.dns.dmarc.report;

import java.util.Objects;

/**
 * Totals for one reporting organization ({@code report_metadata/org_name}).
 *
 * @param orgName the reporter's name, as written (empty if the reports lacked it)
 * @param reports how many distinct reports it sent
 * @param messages all messages it reported
 * @param passed messages that passed DMARC
 * @since 0.1
 */
public record ReporterStats(String orgName, int reports, long messages, long passed) {

  /** Checks that the name is not null. */
  public ReporterStats {
    Objects.requireNonNull(orgName, "orgName");
  }

  /** Returns the share of messages that passed DMARC, 0 to 1; 0 if there were none. */
  public double passRate() {
    return messages == 0 ? 0 : (double) passed / messages;
  }
}
