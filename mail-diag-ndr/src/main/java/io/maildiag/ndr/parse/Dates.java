package io.maildiag.ndr.parse;

import io.maildiag.core.internal.UpperCase;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient RFC 5322 date-time parsing (obsolete zones, missing seconds, comments, two-digit years). */
final class Dates {
  private Dates() {}

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
      int[] at = new int[GROUPS];
      if (rfcDate(value, at)) {
        // the groups read in place: digit runs of at most four digits, month and zone of ASCII letters
        int month = month(value, at[MONTH]);
        if (month == 0) {
          return Optional.empty();
        }
        int yearDigits = at[YEAR_END] - at[YEAR];
        int year = number(value, at[YEAR], at[YEAR_END]);
        if (yearDigits == 2) {
          year += year < 50 ? 2000 : 1900;
        } else if (yearDigits == 3) {
          year += 1900;
        }
        int sec = at[SECOND] < 0 ? 0 : number(value, at[SECOND], at[SECOND] + 2);
        LocalDateTime ldt = LocalDateTime.of(year, month, number(value, at[DAY], at[DAY_END]),
            number(value, at[HOUR], at[HOUR_END]), number(value, at[HOUR_END] + 1, at[HOUR_END] + 3), Math.min(sec, 59));
        return Optional.of(OffsetDateTime.of(ldt, zone(value, at[ZONE], at[ZONE_END])));
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

  /**
   * The groups 1 to 7 of the first match of {@link Spec#DATE} in {@code v} (index 0 unused, absent
   * groups null), or null; found without the regular expression. The optional day name only moves
   * where a match starts, never its groups, and it cannot hold a digit, so the match is the one at
   * the first digit where the rest matches. There each part is fixed by the next: a digit run of
   * the allowed length followed by what must follow it (other lengths leave a digit where a space
   * or colon is needed), so no backtracking is needed.
   */
  static String[] rfcDate(String v) {
    int[] at = new int[GROUPS];
    if (!rfcDate(v, at)) {
      return null;
    }
    String[] g = new String[8];
    g[1] = v.substring(at[DAY], at[DAY_END]);
    g[2] = v.substring(at[MONTH], at[MONTH] + 3);
    g[3] = v.substring(at[YEAR], at[YEAR_END]);
    g[4] = v.substring(at[HOUR], at[HOUR_END]);
    g[5] = v.substring(at[HOUR_END] + 1, at[HOUR_END] + 3);
    g[6] = at[SECOND] < 0 ? null : v.substring(at[SECOND], at[SECOND] + 2);
    g[7] = at[ZONE] < 0 ? null : v.substring(at[ZONE], at[ZONE_END]);
    return g;
  }

  /** Indexes into the positions {@link #rfcDate(String, int[])} fills (a group's start, or its end). */
  private static final int DAY = 0;
  private static final int DAY_END = 1;
  private static final int MONTH = 2;
  private static final int YEAR = 3;
  private static final int YEAR_END = 4;
  private static final int HOUR = 5;
  private static final int HOUR_END = 6;
  private static final int SECOND = 7;
  private static final int ZONE = 8;
  private static final int ZONE_END = 9;
  private static final int GROUPS = 10;

  /**
   * {@link #rfcDate(String)} as positions in {@code v}: true and {@code at} filled (the month is three
   * chars from {@code at[MONTH]}, the minutes two after {@code at[HOUR_END]}'s colon, an absent second
   * or zone -1), or false when there is no match.
   */
  private static boolean rfcDate(String v, int[] at) {
    int n = v.length();
    for (int d = 0; d < n; d++) {
      if (!isDigit(v, d)) {
        continue;
      }
      int dayEnd = digitsEnd(v, d);
      if (dayEnd - d > 2 || !isSpace(v, dayEnd)) {
        continue;
      }
      int mon = spacesEnd(v, dayEnd);
      if (!isLetter(v, mon) || !isLetter(v, mon + 1) || !isLetter(v, mon + 2)) {
        continue;
      }
      int q = mon + 3;
      while (q < n && v.charAt(q) >= 'a' && v.charAt(q) <= 'z') {
        q++;
      }
      if (!isSpace(v, q)) {
        continue;
      }
      int y = spacesEnd(v, q);
      int yEnd = digitsEnd(v, y);
      if (yEnd - y < 2 || yEnd - y > 4 || !isSpace(v, yEnd)) {
        continue;
      }
      int h = spacesEnd(v, yEnd);
      int hEnd = digitsEnd(v, h);
      if (hEnd == h || hEnd - h > 2 || hEnd >= n || v.charAt(hEnd) != ':' || !isDigit(v, hEnd + 1)
          || !isDigit(v, hEnd + 2)) {
        continue;
      }
      at[DAY] = d;
      at[DAY_END] = dayEnd;
      at[MONTH] = mon;
      at[YEAR] = y;
      at[YEAR_END] = yEnd;
      at[HOUR] = h;
      at[HOUR_END] = hEnd;
      at[SECOND] = -1;
      at[ZONE] = -1;
      int p = hEnd + 3;
      if (p < n && v.charAt(p) == ':' && isDigit(v, p + 1) && isDigit(v, p + 2)) {
        at[SECOND] = p + 1;
        p += 3;
      }
      if (p < n && v.charAt(p) == '.' && isDigit(v, p + 1)) {
        p = digitsEnd(v, p + 1);
      }
      p = spacesEnd(v, p);
      if (p < n && (v.charAt(p) == '+' || v.charAt(p) == '-') && digitsEnd(v, p + 1) - (p + 1) >= 4) {
        at[ZONE] = p;
        at[ZONE_END] = p + 5;
      } else if (isLetter(v, p)) {
        int e = p + 1;
        while (e < p + 5 && isLetter(v, e)) {
          e++;
        }
        at[ZONE] = p;
        at[ZONE_END] = e;
      }
      return true;
    }
    return false;
  }

  /** The month of the three ASCII letters at {@code at}, 1 to 12, or 0 (as the MONTHS lookup of their lower case). */
  private static int month(String v, int at) {
    int key = (v.charAt(at) | 0x20) << 16 | (v.charAt(at + 1) | 0x20) << 8 | (v.charAt(at + 2) | 0x20);
    for (int m = 0; m < MONTH_KEYS.length; m++) {
      if (MONTH_KEYS[m] == key) {
        return m + 1;
      }
    }
    return 0;
  }

  /** "jan" to "dec", each as three bytes in one int (as {@link #month} packs letters). */
  private static final int[] MONTH_KEYS = monthKeys();

  private static int[] monthKeys() {
    String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    int[] keys = new int[names.length];
    for (int m = 0; m < names.length; m++) {
      keys[m] = names[m].charAt(0) << 16 | names[m].charAt(1) << 8 | names[m].charAt(2);
      if (MONTHS.get(names[m]) != m + 1) {
        throw new IllegalStateException("month table");
      }
    }
    return keys;
  }

  /** The value of the ASCII digits {@code v[from, to)} (at most four: no overflow), as Integer.parseInt reads them. */
  private static int number(String v, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      x = x * 10 + (v.charAt(i) - '0');
    }
    return x;
  }

  /** The offset of the zone {@code v[from, to)} ({@code from} -1: no zone: UTC), a numeric one read in place. */
  private static ZoneOffset zone(String v, int from, int to) {
    if (from < 0) {
      return ZoneOffset.UTC;
    }
    char c = v.charAt(from);
    if (c == '+' || c == '-') {
      int sign = c == '-' ? -1 : 1;
      int h = number(v, from + 1, from + 3);
      int m = number(v, from + 3, from + 5);
      if (h > 18 || m > 59) {
        return ZoneOffset.UTC;
      }
      if (m % 15 == 0 && (h < 18 || m == 0)) {
        return QUARTER_HOURS[QUARTER_HOURS.length / 2 + sign * (h * 4 + m / 15)]; // no boxed cache lookup
      }
      return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }
    return namedZone(v.substring(from, to));
  }

  /**
   * The offsets from -18:00 to +18:00 in steps of a quarter hour (index 72 is zero), made once:
   * ZoneOffset.ofHoursMinutes gives these same values through a boxed-key map.
   */
  private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[18 * 4 * 2 + 1];

  static {
    for (int q = -18 * 4; q <= 18 * 4; q++) {
      QUARTER_HOURS[q + 18 * 4] = ZoneOffset.ofTotalSeconds(q * 15 * 60);
    }
  }

  private static boolean isDigit(String v, int i) {
    return i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9';
  }

  private static boolean isLetter(String v, int i) {
    if (i >= v.length()) {
      return false;
    }
    char c = v.charAt(i);
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** A char of {@code \s}: space, tab, LF, VT, FF or CR. */
  private static boolean isSpace(String v, int i) {
    if (i >= v.length()) {
      return false;
    }
    return Keywords.isSpace(v.charAt(i));
  }

  private static int digitsEnd(String v, int i) {
    while (isDigit(v, i)) {
      i++;
    }
    return i;
  }

  private static int spacesEnd(String v, int i) {
    while (isSpace(v, i)) {
      i++;
    }
    return i;
  }

  /** The offset of a named zone ({@code GMT}, {@code EST}, {@code JST}, ...), UTC when unknown. */
  private static ZoneOffset namedZone(String z) {
    Integer h = ZONES.get(UpperCase.root(z));
    return h == null ? ZoneOffset.UTC : ZoneOffset.ofHours(h);
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    /** An RFC 5322 date; {@link Dates#rfcDate} finds it without the regular expression. */
    static final Pattern DATE = Pattern.compile(
        "(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
            + "(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?");
  }
}
