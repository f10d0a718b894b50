package io.maildiag.ndr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A few literal words, found in text with ASCII case ignored: the cheap necessary condition that
 * runs before a case-insensitive regular expression. A regular expression with an alternation is
 * tried at every position of a text; when each of its matches starts with one of a few words, only
 * the positions where a word starts need trying ({@link #find}), and a text without any of the words
 * cannot match at all ({@link #in}).
 *
 * <p>Case is ignored the way {@code (?i)} without {@code UNICODE_CASE} ignores it: {@code A-Z}
 * equal {@code a-z}, every other character equals only itself.
 */
final class Keywords {
  /** The characters {@code \s} matches (no {@code UNICODE_CHARACTER_CLASS}). */
  private static final char[] SPACE = {' ', '\t', '\n', '\u000B', '\f', '\r'};
  /** Words by their first character; the words are lower-case ASCII. */
  private final String[][] byFirst = new String[128][];
  /** Per character, either case: 0 when no word starts with it, 1 when it is a word, 2 when words start with it. */
  private final byte[] kind = new byte[128];
  /** The first two characters of the longer words, as bits {@code 128 * first + second}. */
  private final long[] pairs = new long[128 * 128 / 64];
  /** The words' first characters in either case when there are at most four, else -1. */
  private final int first0;
  private final int first1;
  private final int first2;
  private final int first3;

  /**
   * @param words the words, lower-case ASCII, none empty
   */
  Keywords(String... words) {
    List<List<String>> lists = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      lists.add(new ArrayList<>());
    }
    for (String w : words) {
      if (w.isEmpty() || !w.chars().allMatch(c -> c < 128 && (c < 'A' || c > 'Z'))) {
        throw new IllegalArgumentException("not a lower-case ASCII word: " + w);
      }
      lists.get(w.charAt(0)).add(w);
      if (w.length() > 1) {
        int bit = 128 * w.charAt(0) + w.charAt(1);
        pairs[bit >>> 6] |= 1L << bit;
      }
    }
    StringBuilder first = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      List<String> list = lists.get(c);
      if (!list.isEmpty()) {
        byFirst[c] = list.toArray(new String[0]);
        byte k = list.stream().anyMatch(w -> w.length() == 1) ? (byte) 1 : (byte) 2;
        kind[c] = k;
        kind[Character.toUpperCase(c)] = k;
        first.append(c);
        if (Character.toUpperCase(c) != c) {
          first.append(Character.toUpperCase(c));
        }
      }
    }
    boolean few = first.length() <= 4;
    first0 = few ? first.charAt(0) : -1;
    first1 = few && first.length() > 1 ? first.charAt(1) : -1;
    first2 = few && first.length() > 2 ? first.charAt(2) : -1;
    first3 = few && first.length() > 3 ? first.charAt(3) : -1;
  }

  /** The first index at or after {@code from} where one of the words starts in {@code s}, or -1. */
  int next(String s, int from) {
    return first0 >= 0 ? nextByIndexOf(s, Math.max(0, from)) : nextByTable(s, from);
  }

  /** {@link #next} by the vectorised {@link String#indexOf(int, int)} of each first character. */
  private int nextByIndexOf(String s, int from) {
    for (int i = from; ; ) {
      int at = earlier(s.indexOf(first0, i), first1 < 0 ? -1 : s.indexOf(first1, i));
      at = earlier(at, first2 < 0 ? -1 : s.indexOf(first2, i));
      at = earlier(at, first3 < 0 ? -1 : s.indexOf(first3, i));
      if (at < 0 || at(s, at)) {
        return at;
      }
      i = at + 1;
    }
  }

  /** The smaller of two indexes, where -1 means none. */
  private static int earlier(int a, int b) {
    return a < 0 || b >= 0 && b < a ? b : a;
  }

  /** {@link #next} by a look at each character. */
  private int nextByTable(String s, int from) {
    int n = s.length();
    for (int i = Math.max(0, from); i < n; i++) {
      char raw = s.charAt(i);
      int k = raw < 128 ? kind[raw] : 0;
      if (k == 0) {
        continue;
      }
      if (k == 1) {
        return i;
      }
      // the second character rules out most positions before any word is compared
      char c = lower(raw);
      char d = i + 1 < n ? lower(s.charAt(i + 1)) : 128;
      int bit = 128 * c + d;
      if (d >= 128 || (pairs[bit >>> 6] & 1L << bit) == 0) {
        continue;
      }
      for (String w : byFirst[c]) {
        if (startsAt(s, i, w)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Each word followed by each character {@code \s} matches: the words of {@code word\s+}. */
  static String[] spaced(String... words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      for (char c : SPACE) {
        out.add(w + c);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Every two-character word of a character of {@code first} and then one of {@code second}. */
  static String[] pairs(String first, String second) {
    List<String> out = new ArrayList<>();
    for (char a : first.toCharArray()) {
      for (char b : second.toCharArray()) {
        out.add("" + a + b);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Words and more words, as one array. */
  static String[] concat(String[] words, String... more) {
    String[] out = java.util.Arrays.copyOf(words, words.length + more.length);
    System.arraycopy(more, 0, out, words.length, more.length);
    return out;
  }

  /** Whether one of the words starts at index {@code i} of {@code s}. */
  boolean at(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return false;
    }
    char raw = s.charAt(i);
    if (raw >= 128 || kind[raw] == 0) {
      return false;
    }
    if (kind[raw] == 1) {
      return true;
    }
    for (String w : byFirst[lower(raw)]) {
      if (startsAt(s, i, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the words starts {@code s} after its leading {@code \s} characters: the
   * necessary condition of a pattern {@code ^\s*(?:...)} whose alternatives start with the words.
   */
  boolean leads(String s) {
    return at(s, skipSpace(s));
  }

  /** The index of the first character of {@code s} that {@code \s} does not match, or its length. */
  static int skipSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether {@code c} is one of {@code [ \t\n\x0B\f\r]}, the characters {@code \s} matches. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Whether one of the words occurs in {@code s}. */
  boolean in(String s) {
    return next(s, 0) >= 0;
  }

  /**
   * Finds the next match of {@code m} (a matcher over {@code s}) that starts at or after {@code
   * from}, as {@code m.find(from)} does, provided every match of its pattern starts with one of
   * the words and none is empty; afterwards {@code m} reports the match as after {@code find}.
   */
  boolean find(Matcher m, String s, int from) {
    // transparent, non-anchoring bounds: a match tried at a region's start sees the text around it
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = s.length();
    for (int p = next(s, from); p >= 0; p = next(s, p + 1)) {
      m.region(p, n);
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsAt(String s, int at, String w) {
    int len = w.length();
    if (at + len > s.length()) {
      return false;
    }
    for (int j = 1; j < len; j++) {
      if (lower(s.charAt(at + j)) != w.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** {@code c} with A-Z lower-cased, as {@code (?i)} folds case. */
  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
