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

/** The dates of delivery-status fields: {@link Dates#rfcDate} finds the groups of {@link Dates#DATE}'s first match. */
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
    Matcher m = Dates.DATE.matcher(v);
    if (m.find()) {
      for (int i = 1; i <= 7; i++) {
        out.add(m.group(i));
      }
    }
    return out;
  }
}
