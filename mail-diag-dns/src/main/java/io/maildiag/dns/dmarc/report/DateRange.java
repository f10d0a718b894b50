package io.maildiag.dns.dmarc.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The time span a report covers ({@code report_metadata/date_range}, seconds since the epoch in
 * UTC in the XML).
 *
 * @param begin start of the span
 * @param end end of the span; may precede {@code begin} in a broken report (a warning is given)
 * @since 0.1
 */
public record DateRange(Instant begin, Instant end) {

  /** Checks that no component is null. */
  public DateRange {
    Objects.requireNonNull(begin, "begin");
    Objects.requireNonNull(end, "end");
  }

  /** Returns the smallest range covering this one and {@code other}. */
  public DateRange span(DateRange other) {
    return new DateRange(
        begin.isBefore(other.begin) ? begin : other.begin, end.isAfter(other.end) ? end : other.end);
  }
}
