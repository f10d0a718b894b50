package io.maildiag.core.internal;

import java.util.Locale;

/**
 * Upper case as {@code toUpperCase(Locale.ROOT)} gives it, in time linear in the length of the text,
 * for parsers of untrusted mail. The JDK's upper-casing grows its result for each char that
 * upper-cases to more than one ({@code ß} to {@code SS}, ligatures such as {@code ﬁ}, some Greek
 * and Armenian letters), copying all of it each time: on a hostile value of tens of thousands of
 * them that took seconds. In the root locale each code point upper-cases on its own, whatever is
 * around it, so a text with such chars is upper-cased code point by code point into one buffer.
 *
 * @see LowerCase
 */
public final class UpperCase {
  private UpperCase() {}

  /**
   * Returns {@code s.toUpperCase(Locale.ROOT)}.
   *
   * @param s the text
   * @return its upper case, in the root locale
   */
  public static String root(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      return s.toUpperCase(Locale.ROOT); // ASCII: every char upper-cases to one
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(s, 0, i);
    for (int k = 0; k < i; k++) {
      char c = out.charAt(k);
      if (c >= 'a' && c <= 'z') {
        out.setCharAt(k, (char) (c - 32));
      }
    }
    while (i < n) {
      int cp = s.codePointAt(i);
      if (mayExpand(cp)) {
        // the JDK on this code point alone: it may give more than one char
        out.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
      } else {
        out.appendCodePoint(Character.toUpperCase(cp));
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * Whether a code point may upper-case to more than one char in a string, where {@link
   * Character#toUpperCase(int)} gives one: the chars that do are all lower-case or title-case letters
   * past ASCII.
   */
  private static boolean mayExpand(int cp) {
    if (cp < 0x80) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.LOWERCASE_LETTER || type == Character.TITLECASE_LETTER;
  }
}
