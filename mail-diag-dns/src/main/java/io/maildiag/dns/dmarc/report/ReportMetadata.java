package io.maildiag.dns.dmarc.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a report and what it covers ({@code report_metadata}, RFC 7489 appendix C; RFC 9990
 * adds {@code generator}).
 *
 * <p>Required elements that a report lacks are empty strings here (or an empty {@code dateRange}),
 * each with an error diagnostic on the parse result.
 *
 * @param orgName the reporting organization ({@code org_name})
 * @param email the reporter's contact address ({@code email}), as written
 * @param extraContactInfo more contact information, if given
 * @param reportId the reporter's identifier of this report
 * @param dateRange the span covered; empty if missing or unparseable
 * @param errors the reporter's {@code error} texts, in order
 * @param generator the software that produced the report (RFC 9990), if given
 * @since 0.1
 */
public record ReportMetadata(
    String orgName,
    String email,
    Optional<String> extraContactInfo,
    String reportId,
    Optional<DateRange> dateRange,
    List<String> errors,
    Optional<String> generator) {

  /** Checks that no component is null and copies the list. */
  public ReportMetadata {
    Objects.requireNonNull(orgName, "orgName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(extraContactInfo, "extraContactInfo");
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(dateRange, "dateRange");
    errors = List.copyOf(errors);
    Objects.requireNonNull(generator, "generator");
  }
}
