package io.maildiag.headers.received;

import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Severity;

/**
 * Something wrong or unusual in a date-time that {@link MailDates#parse(String)} read, measured
 * against RFC 5322 section 3.3 (and the obsolete forms of section 4.3).
 *
 * <p>Each defect has a stable {@linkplain #code() diagnostic code}, {@code HEADERS_DATE_} followed by
 * the constant's name, and a {@linkplain #severity() severity}: {@link Severity#ERROR} when no
 * date-time could be built, {@link Severity#WARNING} when one was built on a guess, {@link
 * Severity#INFO} for tolerated non-standard forms.
 *
 * @since 0.1
 */
public enum DateDefect {
  /** No date-time could be read from the text. */
  UNPARSABLE(Severity.ERROR, "no date-time could be read"),
  /** The day of the week does not match the date. */
  WRONG_WEEKDAY(Severity.WARNING, "the day of the week does not match the date"),
  /** A full or non-English-abbreviation weekday or month name, such as {@code Thursday} or {@code Sept}. */
  NONSTANDARD_NAME(Severity.INFO, "a weekday or month name that is not the three-letter form"),
  /** A two-digit year, read per RFC 5322 section 4.3: 00 to 49 as 20xx, 50 to 99 as 19xx. */
  TWO_DIGIT_YEAR(Severity.WARNING, "two-digit year (obsolete): 00-49 read as 20xx, 50-99 as 19xx"),
  /** A three-digit year, read per RFC 5322 section 4.3 by adding 1900. */
  THREE_DIGIT_YEAR(Severity.WARNING, "three-digit year (obsolete): 1900 added"),
  /** A year before 1900, which RFC 5322 section 3.3 does not allow. */
  YEAR_OUT_OF_RANGE(Severity.WARNING, "year before 1900"),
  /** A day of the month that does not exist, such as 32 or 30 February. */
  DAY_OUT_OF_RANGE(Severity.ERROR, "day of the month out of range"),
  /** An hour above 23, a minute above 59 or a second above 60. */
  TIME_OUT_OF_RANGE(Severity.ERROR, "hour, minute or second out of range"),
  /** Second 60 (a leap second); read as 59. */
  LEAP_SECOND(Severity.INFO, "second 60 (leap second) read as 59"),
  /** Fractional seconds, which RFC 5322 has no syntax for; kept. */
  FRACTIONAL_SECONDS(Severity.INFO, "fractional seconds (not RFC 5322 syntax)"),
  /** A named zone of RFC 5322 section 4.3 (UT, GMT, EST, EDT, CST, CDT, MST, MDT, PST, PDT). */
  OBSOLETE_ZONE_NAME(Severity.INFO, "obsolete named zone"),
  /** A military single-letter zone, read as -0000 as RFC 5322 section 4.3 says. */
  MILITARY_ZONE(Severity.WARNING, "military zone letter, read as -0000 (offset unknown)"),
  /** A zone name RFC 5322 does not define (UTC, CET, JST ...); its usual offset was used. */
  NONSTANDARD_ZONE_NAME(Severity.WARNING, "zone name not defined by RFC 5322; its usual offset was used"),
  /** A numeric offset in a form other than {@code +hhmm}, such as {@code +09:00} or {@code +9}. */
  NONSTANDARD_OFFSET(Severity.INFO, "numeric offset not in the +hhmm form"),
  /** The zone is not recognised; UTC was assumed. */
  UNKNOWN_ZONE(Severity.WARNING, "unrecognised zone, UTC assumed"),
  /** No zone at all; UTC was assumed. */
  MISSING_ZONE(Severity.WARNING, "no zone, UTC assumed"),
  /** There is no numeric zone, but a comment names one, as in {@code 10:00:00.12 (UTC)}; it was used. */
  ZONE_IN_COMMENT(Severity.INFO, "zone taken from a comment"),
  /** {@code -0000}: the time is UTC and the sender's local zone is unknown (RFC 5322 section 3.3). */
  UNKNOWN_LOCAL_ZONE(Severity.INFO, "-0000: UTC, local zone unknown"),
  /** An offset beyond +/-14:00 or with minutes above 59. */
  OFFSET_OUT_OF_RANGE(Severity.ERROR, "zone offset out of range"),
  /** A zone name (in a comment or after the offset) that contradicts the numeric offset. */
  ZONE_MISMATCH(Severity.WARNING, "zone name contradicts the numeric offset"),
  /** ISO 8601 form ({@code 2024-05-01T10:00:00Z}) instead of RFC 5322. */
  ISO_8601(Severity.INFO, "ISO 8601 form instead of RFC 5322"),
  /** Go's {@code time.Time.String()} form ({@code 2024-05-01 10:00:00.1 +0000 UTC}). */
  GO_FORMAT(Severity.INFO, "Go time.String() form instead of RFC 5322"),
  /** C {@code asctime()} form ({@code Thu Apr 29 23:34:45 2010}). */
  ASCTIME(Severity.INFO, "asctime() form instead of RFC 5322"),
  /** Text after the date-time that is neither a comment nor a zone; ignored. */
  TRAILING_TEXT(Severity.WARNING, "unexpected text after the date-time, ignored");

  private final Severity severity;
  private final String description;
  private final DiagnosticCode code;

  DateDefect(Severity severity, String description) {
    this.severity = severity;
    this.description = description;
    this.code = DiagnosticCode.of("HEADERS_DATE_" + name());
  }

  /** Returns the diagnostic code, {@code HEADERS_DATE_} + the constant's name. */
  public DiagnosticCode code() {
    return code;
  }

  /** Returns how much the defect matters. */
  public Severity severity() {
    return severity;
  }

  /** Returns a short English description. */
  public String description() {
    return description;
  }
}
