package io.maildiag.headers.received;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.internal.UpperCase;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tolerant reader of the date-times found in mail headers ({@code Date}, the part of {@code
 * Received} after the semicolon, Microsoft's arrival-time fields).
 *
 * <p>Rules, in the order they apply:
 *
 * <ol>
 *   <li>Comments ({@code (PDT)}, nested ones too) are set aside. A comment that names a zone is
 *       checked against the numeric offset ({@link DateDefect#ZONE_MISMATCH} when they disagree;
 *       names with several offsets in use, such as CST or IST, accept each) or, when there is no
 *       zone, used as the zone ({@link DateDefect#ZONE_IN_COMMENT}).
 *   <li>RFC 5322 section 3.3: {@code [weekday ","] day month year hour ":" minute [":" second]
 *       zone}. The weekday is optional; a weekday that does not match the date is {@link
 *       DateDefect#WRONG_WEEKDAY}. Seconds are optional. Full names ({@code Thursday}, {@code
 *       April}) and {@code Sept} are read ({@link DateDefect#NONSTANDARD_NAME}).
 *   <li>Obsolete forms of RFC 5322 section 4.3: two-digit years (00-49 are 20xx, 50-99 are 19xx),
 *       three-digit years (plus 1900), the named zones UT, GMT, EST, EDT, CST, CDT, MST, MDT, PST,
 *       PDT, and military single-letter zones, which are read as {@code -0000}.
 *   <li>{@code -0000} means UTC with the local zone unknown ({@link DateDefect#UNKNOWN_LOCAL_ZONE}).
 *   <li>Common non-standard forms: fractional seconds, zone names such as UTC, CET or JST, offsets
 *       written {@code +09:00}, ISO 8601 ({@code 2024-05-01T10:00:00Z}), Go's {@code
 *       2024-05-01 10:00:00.123456789 +0000 UTC} (a trailing {@code m=+0.5} monotonic reading is
 *       ignored) and C's {@code asctime()} ({@code Thu Apr 29 23:34:45 2010}).
 *   <li>Out-of-range values (day 32, 30 February, hour 25, minute 60, offset beyond +/-14:00) are
 *       defects. No value is built for an impossible day or time, nor for an offset beyond 18 hours
 *       (the most {@link ZoneOffset} holds); an offset between 14 and 18 hours is kept.
 *   <li>A missing or unknown zone is read as UTC, with a defect.
 * </ol>
 *
 * <p>Never throws on bad input; runs in time linear in the input. Safe for concurrent use.
 *
 * @since 0.1
 */
public final class MailDates {

  private static final int MAX_INPUT = 512;

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  private static final String[] MONTHS_FULL = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};
  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String[] DAYS_FULL = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

  /** The named zones of RFC 5322 section 4.3, in minutes east of UTC. */
  private static final Map<String, Integer> OBS_ZONES = Map.of(
      "UT", 0, "GMT", 0, "EST", -300, "EDT", -240, "CST", -360, "CDT", -300, "MST", -420,
      "MDT", -360, "PST", -480, "PDT", -420);

  /**
   * Zone names seen in mail with the offsets (minutes) they are used for; the first is taken when
   * the name stands alone. Ambiguous names list each use (EST is also Australian Eastern Standard
   * Time, CST also China Standard Time, IST is India, Ireland and Israel).
   */
  static final Map<String, List<Integer>> ZONE_NAMES = Map.ofEntries(
      Map.entry("UT", List.of(0)), Map.entry("UTC", List.of(0)), Map.entry("GMT", List.of(0)),
      Map.entry("Z", List.of(0)), Map.entry("WET", List.of(0)), Map.entry("WEST", List.of(60)),
      Map.entry("BST", List.of(60)), Map.entry("CET", List.of(60)), Map.entry("CEST", List.of(120)),
      Map.entry("MET", List.of(60)), Map.entry("MEST", List.of(120)), Map.entry("EET", List.of(120)),
      Map.entry("EEST", List.of(180)), Map.entry("MSK", List.of(180, 240)),
      Map.entry("IST", List.of(330, 60, 120)), Map.entry("PKT", List.of(300)),
      Map.entry("ICT", List.of(420)), Map.entry("WIB", List.of(420)), Map.entry("HKT", List.of(480)),
      Map.entry("SGT", List.of(480)), Map.entry("PHT", List.of(480)), Map.entry("AWST", List.of(480)),
      Map.entry("JST", List.of(540)), Map.entry("KST", List.of(540)), Map.entry("ACST", List.of(570)),
      Map.entry("ACDT", List.of(630)), Map.entry("AEST", List.of(600)), Map.entry("AEDT", List.of(660)),
      Map.entry("NZST", List.of(720)), Map.entry("NZDT", List.of(780)),
      Map.entry("EST", List.of(-300, 600, 660)), Map.entry("EDT", List.of(-240)),
      Map.entry("CST", List.of(-360, 480)), Map.entry("CDT", List.of(-300)),
      Map.entry("MST", List.of(-420)), Map.entry("MDT", List.of(-360)), Map.entry("PST", List.of(-480)),
      Map.entry("PDT", List.of(-420)), Map.entry("AKST", List.of(-540)), Map.entry("AKDT", List.of(-480)),
      Map.entry("HST", List.of(-600)), Map.entry("AST", List.of(-240, 180)), Map.entry("ADT", List.of(-180)),
      Map.entry("NST", List.of(-210)), Map.entry("NDT", List.of(-150)), Map.entry("BRT", List.of(-180)),
      Map.entry("ART", List.of(-180)));

  private static final Set<String> COMMENT_SKIP = Set.of("DST");

  private MailDates() {}

  /**
   * Reads a date-time. Never throws on bad input.
   *
   * @param text the date text, for example {@code Tue, 1 Apr 2025 10:00:00 +0200 (CEST)}
   * @return the value (if one could be built) and the defects
   */
  public static MailDate parse(String text) {
    return new Parser(text).parse();
  }

  /** One parse; not shared. */
  private static final class Parser {
    private final String input;
    private final EnumSet<DateDefect> defects = EnumSet.noneOf(DateDefect.class);
    private final List<String> comments = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private int weekday = -1;
    /** Offset in minutes; null while unknown. */
    private Integer offset;
    private boolean numericOffset;
    private boolean impossible;

    Parser(String input) {
      this.input = input;
    }

    MailDate parse() {
      String s = input;
      if (s.length() > MAX_INPUT) {
        s = s.substring(0, MAX_INPUT);
        defects.add(DateDefect.TRAILING_TEXT);
      }
      String core = stripComments(s);
      tokenize(core);
      if (tokens.isEmpty()) {
        return fail();
      }
      String t0 = tokens.get(0);
      boolean ok;
      if (t0.length() >= 5 && isDigits(t0, 0, 4) && t0.charAt(4) == '-') {
        ok = isoOrGo();
      } else {
        ok = rfc();
      }
      if (!ok) {
        return fail();
      }
      return build();
    }

    private MailDate fail() {
      defects.add(DateDefect.UNPARSABLE);
      return new MailDate(input, Optional.empty(), defects);
    }

    private String stripComments(String s) {
      StringBuilder core = new StringBuilder(s.length());
      int depth = 0;
      StringBuilder comment = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && depth > 0 && i + 1 < s.length()) {
          comment.append(s.charAt(++i));
        } else if (c == '(') {
          if (depth > 0) {
            comment.append(c);
          }
          depth++;
          core.append(' ');
        } else if (c == ')' && depth > 0) {
          depth--;
          if (depth == 0) {
            comments.add(comment.toString().trim());
            comment.setLength(0);
          } else {
            comment.append(c);
          }
        } else if (depth > 0) {
          comment.append(c);
        } else {
          core.append(c);
        }
      }
      if (depth > 0) {
        comments.add(comment.toString().trim());
      }
      return core.toString();
    }

    private void tokenize(String core) {
      int n = core.length();
      int i = 0;
      while (i < n) {
        char c = core.charAt(i);
        if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
          i++;
          continue;
        }
        int start = i;
        while (i < n && (c = core.charAt(i)) != ' ' && c != '\t' && c != ',' && c != '\r' && c != '\n') {
          i++;
        }
        tokens.add(core.substring(start, i));
      }
    }

    private boolean rfc() {
      String t = next();
      if (t == null) {
        return false;
      }
      if (isAlpha(t)) {
        int wd = index(t, DAYS, DAYS_FULL);
        if (wd >= 0) {
          weekday = wd;
          t = next();
          if (t == null) {
            return false;
          }
        }
        if (isAlpha(t)) {
          int m = monthIndex(t);
          if (m < 0) {
            return false;
          }
          month = m + 1;
          return asctime();
        }
      }
      if (!readDay(t)) {
        return false;
      }
      String m = next();
      if (m == null) {
        return false;
      }
      int mi = monthIndex(m);
      if (mi < 0) {
        return false;
      }
      month = mi + 1;
      if (!readYear(next())) {
        return false;
      }
      if (!readTime(next())) {
        return false;
      }
      readZoneAndRest();
      return true;
    }

    private boolean asctime() {
      defects.add(DateDefect.ASCTIME);
      if (!readDay(next())) {
        return false;
      }
      if (!readTime(next())) {
        return false;
      }
      if (!readYear(next())) {
        return false;
      }
      readZoneAndRest();
      return true;
    }

    private boolean isoOrGo() {
      String t = next();
      if (t == null) {
        return false;
      }
      int tIndex = t.indexOf('T');
      if (tIndex < 0) {
        tIndex = t.indexOf('t');
      }
      String datePart = tIndex >= 0 ? t.substring(0, tIndex) : t;
      if (datePart.length() != 10 || datePart.charAt(7) != '-' || !isDigits(datePart, 5, 7)
          || !isDigits(datePart, 8, 10)) {
        return false;
      }
      year = Integer.parseInt(datePart.substring(0, 4));
      month = Integer.parseInt(datePart.substring(5, 7));
      day = Integer.parseInt(datePart.substring(8, 10));
      if (month < 1 || month > 12) {
        return false;
      }
      String timeAndZone;
      boolean go = false;
      if (tIndex >= 0) {
        timeAndZone = t.substring(tIndex + 1);
        defects.add(DateDefect.ISO_8601);
      } else {
        timeAndZone = next();
        if (timeAndZone == null) {
          return false;
        }
        go = true;
      }
      int z = zoneSuffixStart(timeAndZone);
      if (!readTime(timeAndZone.substring(0, z))) {
        return false;
      }
      if (z < timeAndZone.length()) {
        String suffix = timeAndZone.substring(z);
        if (suffix.equalsIgnoreCase("Z")) {
          offset = 0;
          numericOffset = true;
        } else {
          readNumericOffset(suffix, true);
        }
        go = false;
        defects.add(DateDefect.ISO_8601);
      }
      if (go) {
        String zone = peek();
        if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
          defects.add(DateDefect.GO_FORMAT);
        } else {
          defects.add(DateDefect.ISO_8601);
        }
      }
      readZoneAndRest();
      defects.remove(DateDefect.UNKNOWN_LOCAL_ZONE);
      return true;
    }

    private int zoneSuffixStart(String s) {
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
          return i;
        }
      }
      return s.length();
    }

    private boolean readDay(String t) {
      if (t == null || !isDigits(t, 0, t.length()) || t.length() > 9) {
        return false;
      }
      day = Integer.parseInt(t);
      return true;
    }

    private boolean readYear(String t) {
      if (t == null || t.isEmpty() || t.length() > 4 || !isDigits(t, 0, t.length())) {
        return false;
      }
      int y = Integer.parseInt(t);
      if (t.length() <= 2) {
        defects.add(DateDefect.TWO_DIGIT_YEAR);
        y += y < 50 ? 2000 : 1900;
      } else if (t.length() == 3) {
        defects.add(DateDefect.THREE_DIGIT_YEAR);
        y += 1900;
      } else if (y < 1900) {
        defects.add(DateDefect.YEAR_OUT_OF_RANGE);
      }
      year = y;
      return true;
    }

    private boolean readTime(String t) {
      if (t == null) {
        return false;
      }
      String frac = null;
      int dot = t.indexOf('.');
      if (dot >= 0) {
        frac = t.substring(dot + 1);
        t = t.substring(0, dot);
      }
      int c1 = t.indexOf(':');
      if (c1 <= 0) {
        return false;
      }
      int c2 = t.indexOf(':', c1 + 1);
      String h = t.substring(0, c1);
      String m = c2 < 0 ? t.substring(c1 + 1) : t.substring(c1 + 1, c2);
      String sec = c2 < 0 ? null : t.substring(c2 + 1);
      if (!num(h) || !num(m) || (sec != null && !num(sec))) {
        return false;
      }
      hour = Integer.parseInt(h);
      minute = Integer.parseInt(m);
      second = sec == null ? 0 : Integer.parseInt(sec);
      if (frac != null) {
        if (sec == null || frac.isEmpty() || !isDigits(frac, 0, frac.length())) {
          return false;
        }
        defects.add(DateDefect.FRACTIONAL_SECONDS);
        String nine = (frac + "000000000").substring(0, 9);
        nanos = Integer.parseInt(nine);
      }
      if (hour > 23 || minute > 59 || second > 60) {
        defects.add(DateDefect.TIME_OUT_OF_RANGE);
        impossible = true;
      } else if (second == 60) {
        defects.add(DateDefect.LEAP_SECOND);
        second = 59;
      }
      return true;
    }

    private static boolean num(String s) {
      return !s.isEmpty() && s.length() <= 4 && isDigits(s, 0, s.length());
    }

    /** Reads the zone (if any) and what follows it. */
    private void readZoneAndRest() {
      if (offset == null) {
        String z = peek();
        if (z != null) {
          char c = z.charAt(0);
          if (c == '+' || c == '-') {
            next();
            readNumericOffset(z, false);
          } else if (isAlpha(z)) {
            next();
            readZoneName(z);
          } else if (startsWithIgnoreCase(z, "GMT+") || startsWithIgnoreCase(z, "GMT-")
              || startsWithIgnoreCase(z, "UTC+") || startsWithIgnoreCase(z, "UTC-")) {
            next();
            readNumericOffset(z.substring(3), true);
          }
        }
      }
      // After the zone: a zone name (Go writes "+0000 UTC"), Go's monotonic reading, or garbage.
      String t;
      while ((t = next()) != null) {
        if (t.startsWith("m=")) {
          continue;
        }
        String upper = UpperCase.root(t);
        if (offset != null && numericOffset && ZONE_NAMES.containsKey(upper)) {
          checkName(upper);
          continue;
        }
        if (offset == null && isAlpha(t)) {
          readZoneName(t);
          continue;
        }
        defects.add(DateDefect.TRAILING_TEXT);
        break;
      }
      for (String comment : comments) {
        String upper = UpperCase.root(comment);
        if (!isAlpha(upper) || COMMENT_SKIP.contains(upper)) {
          continue;
        }
        if (offset == null) {
          List<Integer> offs = ZONE_NAMES.get(upper);
          if (offs != null) {
            offset = offs.get(0);
            defects.add(DateDefect.ZONE_IN_COMMENT);
          }
        } else if (numericOffset) {
          checkName(upper);
        }
      }
      if (offset == null) {
        defects.add(DateDefect.MISSING_ZONE);
        offset = 0;
      }
    }

    private void checkName(String upper) {
      List<Integer> offs = ZONE_NAMES.get(upper);
      if (offs != null && offset != null && !offs.contains(offset)) {
        defects.add(DateDefect.ZONE_MISMATCH);
      }
    }

    private void readZoneName(String z) {
      String upper = UpperCase.root(z);
      Integer obs = OBS_ZONES.get(upper);
      if (obs != null) {
        offset = obs;
        defects.add(DateDefect.OBSOLETE_ZONE_NAME);
      } else if (upper.length() == 1 && upper.charAt(0) != 'J') {
        offset = 0;
        defects.add(DateDefect.MILITARY_ZONE);
      } else if (ZONE_NAMES.containsKey(upper)) {
        offset = ZONE_NAMES.get(upper).get(0);
        defects.add(DateDefect.NONSTANDARD_ZONE_NAME);
      } else {
        offset = 0;
        defects.add(DateDefect.UNKNOWN_ZONE);
      }
    }

    private void readNumericOffset(String z, boolean isoStyle) {
      int sign = z.charAt(0) == '-' ? -1 : 1;
      String body = z.substring(1);
      int hours;
      int minutes;
      boolean standard = false;
      if (body.length() == 4 && isDigits(body, 0, 4)) {
        hours = Integer.parseInt(body.substring(0, 2));
        minutes = Integer.parseInt(body.substring(2));
        standard = true;
      } else if (body.length() == 5 && body.charAt(2) == ':' && isDigits(body, 0, 2) && isDigits(body, 3, 5)) {
        hours = Integer.parseInt(body.substring(0, 2));
        minutes = Integer.parseInt(body.substring(3));
      } else if (!body.isEmpty() && body.length() <= 2 && isDigits(body, 0, body.length())) {
        hours = Integer.parseInt(body);
        minutes = 0;
      } else if (body.length() == 3 && isDigits(body, 0, 3)) {
        hours = body.charAt(0) - '0';
        minutes = Integer.parseInt(body.substring(1));
      } else {
        offset = 0;
        defects.add(DateDefect.UNKNOWN_ZONE);
        return;
      }
      if (!standard && !isoStyle) {
        defects.add(DateDefect.NONSTANDARD_OFFSET);
      }
      if (minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
        defects.add(DateDefect.OFFSET_OUT_OF_RANGE);
        impossible = true;
        offset = 0;
        numericOffset = true;
        return;
      }
      if (hours * 60 + minutes > 14 * 60) {
        defects.add(DateDefect.OFFSET_OUT_OF_RANGE);
      }
      if (sign < 0 && hours == 0 && minutes == 0 && standard) {
        defects.add(DateDefect.UNKNOWN_LOCAL_ZONE);
      }
      offset = sign * (hours * 60 + minutes);
      numericOffset = true;
    }

    private MailDate build() {
      if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
        defects.add(DateDefect.DAY_OUT_OF_RANGE);
        impossible = true;
      }
      if (impossible) {
        return new MailDate(input, Optional.empty(), defects);
      }
      try {
        OffsetDateTime dt = OffsetDateTime.of(year, month, day, hour, minute, second, nanos,
            ZoneOffset.ofTotalSeconds(offset * 60));
        if (weekday >= 0 && dt.getDayOfWeek() != DayOfWeek.of(weekday + 1)) {
          defects.add(DateDefect.WRONG_WEEKDAY);
        }
        return new MailDate(input, Optional.of(dt), defects);
      } catch (DateTimeException e) {
        return fail();
      }
    }

    private String next() {
      return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    private String peek() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private int index(String t, String[] shortNames, String[] fullNames) {
      String lower = LowerCase.root(t);
      for (int i = 0; i < shortNames.length; i++) {
        if (shortNames[i].equals(lower)) {
          return i;
        }
      }
      for (int i = 0; i < fullNames.length; i++) {
        if (fullNames[i].equals(lower)) {
          defects.add(DateDefect.NONSTANDARD_NAME);
          return i;
        }
      }
      return -1;
    }

    private int monthIndex(String t) {
      if (t.equalsIgnoreCase("sept")) {
        defects.add(DateDefect.NONSTANDARD_NAME);
        return 8;
      }
      return index(t, MONTHS, MONTHS_FULL);
    }
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  static boolean isDigits(String s, int from, int to) {
    if (from >= to || to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isAlpha(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }
}
