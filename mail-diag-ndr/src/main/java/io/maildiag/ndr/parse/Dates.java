package io.maildiag.ndr.parse;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient RFC 5322 date-time parsing (obsolete zones, missing seconds, comments, two-digit years). */
final class Dates {
  private Dates() {}

  private static final Pattern DATE = Pattern.compile(
      "(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
          + "(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?");
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
      Map.entry("JST", 9), Map.entry("CET", 1), Map.entry("CEST", 2), Map.entry("BST", 1));

  static Optional<OffsetDateTime> parse(String value) {
    if (value == null || value.length() > 200) {
      return Optional.empty();
    }
    try {
      Matcher m = DATE.matcher(value);
      if (m.find()) {
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
          return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
          year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
          year += 1900;
        }
        int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        LocalDateTime ldt = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Math.min(sec, 59));
        return Optional.of(OffsetDateTime.of(ldt, zone(m.group(7))));
      }
      Matcher iso = ISO.matcher(value);
      if (iso.find()) {
        LocalDateTime ldt = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
            iso.group(6) == null ? 0 : Math.min(59, Integer.parseInt(iso.group(6))));
        String z = iso.group(7);
        ZoneOffset off = z == null || z.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(z.length() == 5
            ? z.substring(0, 3) + ":" + z.substring(3) : z);
        return Optional.of(OffsetDateTime.of(ldt, off));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static ZoneOffset zone(String z) {
    if (z == null) {
      return ZoneOffset.UTC;
    }
    if (z.startsWith("+") || z.startsWith("-")) {
      int sign = z.startsWith("-") ? -1 : 1;
      int h = Integer.parseInt(z.substring(1, 3));
      int m = Integer.parseInt(z.substring(3, 5));
      if (h > 18 || m > 59) {
        return ZoneOffset.UTC;
      }
      return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }
    Integer h = ZONES.get(z.toUpperCase(Locale.ROOT));
    return h == null ? ZoneOffset.UTC : ZoneOffset.ofHours(h);
  }
}
