package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The dates of delivery-status fields: {@link Dates#rfcDate} finds the groups of {@link Dates.Spec#DATE}'s first match. */
class DsnDatesTest {

  @Property(tries = 8000)
  void sameGroupsAsTheRegex(@ForAll("dates") String value) {
    assertThat(groups(Dates.rfcDate(value))).isEqualTo(regex(value));
  }

  @Test
  void commonForms() {
    for (String v : new String[] {"Tue, 14 May 2024 09:12:40 +0200", "14 May 24 9:12 GMT", "Mon,  5 Jan 1999 23:59:59.123 -0800",
        "5 January 2024 10:00:00 (UTC)", "x123 Jan 2024 1:02:03 EST", "1 Jan 20245 1:02", "1 Jan 2024 123:00"}) {
      assertThat(groups(Dates.rfcDate(v))).as(v).isEqualTo(regex(v));
    }
  }

  @Property(tries = 8000)
  void sameGroupsOnNearDates(@ForAll("nearDates") String value) {
    assertThat(groups(Dates.rfcDate(value))).isEqualTo(regex(value));
  }

  @Property(tries = 8000)
  void parseReadsTheGroupsAsTheirStrings(@ForAll("nearDates") String value) {
    assertThat(Dates.parse(value)).isEqualTo(referenceParse(value));
  }

  @Property(tries = 4000)
  void parseReadsAnyTextAsTheGroupsStrings(@ForAll("dates") String value) {
    assertThat(Dates.parse(value)).isEqualTo(referenceParse(value));
  }

  @Test
  void parseOnOddZonesAndDays() {
    for (String v : new String[] {"1 Jan 2024 1:02 +1830", "1 Jan 2024 1:02 -1800", "1 Jan 2024 1:02 +0960", "31 Feb 2024 1:02",
        "1 Jan 2024 24:00", "1 Jan 2024 1:02:60", "1 Jan 2024 1:02:99 pdt", "1 Jan 2024 1:02 cest", "1 JAN 99 1:02 Zz",
        "1 Jan 2024 1:02 (UTC)", "1 Xyz 2024 1:02", "00 Jan 2024 1:02"}) {
      assertThat(Dates.parse(v)).as(v).isEqualTo(referenceParse(v));
    }
  }

  @Test
  void parseOnEveryNumericZone() {
    // the quarter-hour offsets come from a table, the others from ZoneOffset itself
    for (char sign : new char[] {'+', '-'}) {
      for (int h = 0; h <= 19; h++) {
        for (int m = 0; m <= 60; m++) {
          String v = String.format("1 Jan 2024 1:02 %c%02d%02d", sign, h, m);
          assertThat(Dates.parse(v)).as(v).isEqualTo(referenceParse(v));
        }
      }
    }
  }

  /** {@link Dates#parse} as it was, reading the groups as strings (the ISO form is not involved here). */
  private static java.util.Optional<java.time.OffsetDateTime> referenceParse(String value) {
    if (value == null || value.length() > 200) {
      return java.util.Optional.empty();
    }
    try {
      String[] m = Dates.rfcDate(value);
      if (m == null) {
        return Dates.parse(value); // no RFC date: the ISO path, the same code either way
      }
      java.util.List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
          "nov", "dec");
      int month = months.indexOf(m[2].toLowerCase(java.util.Locale.ROOT)) + 1;
      if (month == 0) {
        return java.util.Optional.empty();
      }
      int year = Integer.parseInt(m[3]);
      if (m[3].length() == 2) {
        year += year < 50 ? 2000 : 1900;
      } else if (m[3].length() == 3) {
        year += 1900;
      }
      int sec = m[6] == null ? 0 : Integer.parseInt(m[6]);
      java.time.LocalDateTime ldt = java.time.LocalDateTime.of(year, month, Integer.parseInt(m[1]),
          Integer.parseInt(m[4]), Integer.parseInt(m[5]), Math.min(sec, 59));
      return java.util.Optional.of(java.time.OffsetDateTime.of(ldt, referenceZone(m[7])));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static java.time.ZoneOffset referenceZone(String z) {
    if (z == null) {
      return java.time.ZoneOffset.UTC;
    }
    if (z.startsWith("+") || z.startsWith("-")) {
      int sign = z.startsWith("-") ? -1 : 1;
      int h = Integer.parseInt(z.substring(1, 3));
      int m = Integer.parseInt(z.substring(3, 5));
      if (h > 18 || m > 59) {
        return java.time.ZoneOffset.UTC;
      }
      return java.time.ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }
    java.util.Map<String, Integer> zones = java.util.Map.ofEntries(
        java.util.Map.entry("UT", 0), java.util.Map.entry("UTC", 0), java.util.Map.entry("GMT", 0),
        java.util.Map.entry("Z", 0), java.util.Map.entry("EST", -5), java.util.Map.entry("EDT", -4),
        java.util.Map.entry("CST", -6), java.util.Map.entry("CDT", -5), java.util.Map.entry("MST", -7),
        java.util.Map.entry("MDT", -6), java.util.Map.entry("PST", -8), java.util.Map.entry("PDT", -7),
        java.util.Map.entry("JST", 9), java.util.Map.entry("CET", 1), java.util.Map.entry("CEST", 2),
        java.util.Map.entry("BST", 1));
    Integer h = zones.get(z.toUpperCase(java.util.Locale.ROOT));
    return h == null ? java.time.ZoneOffset.UTC : java.time.ZoneOffset.ofHours(h);
  }

  /** Slots in date order, each from a few right and wrong forms: most are dates or nearly. */
  @Provide
  Arbitrary<String> nearDates() {
    Arbitrary<String> name = Arbitraries.of("", "Tue, ", "Tue ", "Tu, ", "x");
    Arbitrary<String> day = Arbitraries.of("1", "14", "123", "", "a1");
    Arbitrary<String> sp = Arbitraries.of(" ", "  ", "\t", "", "\u00a0", ",");
    Arbitrary<String> month = Arbitraries.of("May", "may", "January", "Mayx", "MaYo", "Ma", "M4y");
    Arbitrary<String> year = Arbitraries.of("2024", "24", "1", "20245", "999", "2024x");
    Arbitrary<String> time = Arbitraries.of("09:12", "9:12", "123:00", "09:1", "09:12:40", "09:12:4", "09:12:40.123",
        "09:12.5", "9:12:40:11", ":12");
    Arbitrary<String> zone = Arbitraries.of("", " +0200", "+02:00", " -08000", " GMT", "GMTPLUS", " (UTC)", "  z", "+", " 1");
    return net.jqwik.api.Combinators.combine(List.of(name, day, sp, month, sp, year, sp, time, zone))
        .as(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> dates() {
    return Arbitraries.of("Tue", ",", " ", "  ", "\t", "\u000B", "\u00a0", "\n", "1", "14", "123", "2024", "24", "20245",
        "May", "may", "MAY", "January", "Mayx", "MaY", ":", "09", "9", ":40", ".5", ".", "+0200", "-08", "+02:00", "GMT",
        "ABCDEFG", "z", "(UTC)", "\u0661", "a").list().ofMaxSize(14).map(l -> String.join("", l));
  }

  private static List<String> groups(String[] g) {
    List<String> out = new ArrayList<>();
    if (g != null) {
      for (int i = 1; i <= 7; i++) {
        out.add(g[i]);
      }
    }
    return out;
  }

  private static List<String> regex(String v) {
    List<String> out = new ArrayList<>();
    Matcher m = Dates.Spec.DATE.matcher(v);
    if (m.find()) {
      for (int i = 1; i <= 7; i++) {
        out.add(m.group(i));
      }
    }
    return out;
  }
}
