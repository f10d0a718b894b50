package io.maildiag.core.internal;

import java.util.Locale;

/**
 * Lower case as {@code toLowerCase(Locale.ROOT)} gives it, in time linear in the length of the text,
 * for parsers of untrusted mail. The JDK's lower-casing grows its result by one char for each capital
 * I with dot above (U+0130, which becomes an i and a combining dot), copying all of it each time: on
 * a hostile text of tens of thousands of them that took seconds. Every other char lower-cases to as many chars as it has, so each U+0130 is lower-cased
 * as a dotless small i (U+0131, also a cased letter and a letter to word boundaries, which the final
 * sigma rule reads) and its two chars are put in its place afterwards.
 */
public final class LowerCase {
  private LowerCase() {}

  /**
   * Returns {@code s.toLowerCase(Locale.ROOT)}.
   *
   * @param s the text
   * @return its lower case, in the root locale
   */
  public static String root(String s) {
    int first = s.indexOf('\u0130');
    if (first < 0) {
      return s.toLowerCase(Locale.ROOT);
    }
    String stand = s.replace('\u0130', '\u0131').toLowerCase(Locale.ROOT);
    if (stand.length() != s.length()) {
      return s.toLowerCase(Locale.ROOT); // never expected: no other char changes its length
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    int copied = 0;
    for (int i = first; i >= 0; i = s.indexOf('\u0130', i + 1)) {
      out.append(stand, copied, i).append("i\u0307");
      copied = i + 1;
    }
    return out.append(stand, copied, s.length()).toString();
  }
}
