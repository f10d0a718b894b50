package io.maildiag.ndr.parse;

import java.util.regex.Matcher;

/**
 * Runs a regular expression only where it can match. Every match of the patterns used with this
 * class starts with one of a few literal words; finding those words with {@code indexOf} and trying
 * the pattern only there finds exactly the match {@code find()} would, without trying the pattern at
 * every index of a long text.
 */
final class EngineLiteralFind {
  private EngineLiteralFind() {}

  /**
   * {@code lower} ({@code text.toLowerCase(Locale.ROOT)}) when its indices are those of {@code text},
   * else null. Only U+0130 lower-cases to more than one char and nothing to fewer, so equal lengths
   * mean every char kept its place.
   */
  static String aligned(String text, String lower) {
    return lower.length() == text.length() ? lower : null;
  }

  /**
   * Finds the first match of {@code m}'s pattern that starts at or after {@code from}, trying the
   * pattern only where one of {@code words} occurs in {@code searched}, and every match of the
   * pattern must start with one of them. {@code searched} is the matcher's text for a case-sensitive
   * pattern; for a {@code (?i)} pattern (ASCII case folding only) it is the text lower-cased with its
   * indices kept ({@link #aligned}) and the words are lower-case. It may run past the matcher's text.
   * On success {@code m} holds the match, found in the region from its start to the end of the text
   * with transparent bounds, so the pattern sees the text as {@code find()} does.
   */
  static boolean find(Matcher m, String searched, String[] words, int from) {
    return find(m, searched, words, from, -1);
  }

  /**
   * {@link #find(Matcher, String, String[], int)} where a match that starts with
   * {@code words[spaced]} has white space ({@code \s}) right after that word: a place where only
   * that word occurs and no white space follows it is skipped without trying the pattern. -1 for none.
   */
  static boolean find(Matcher m, String searched, String[] words, int from, int spaced) {
    int[] next = new int[words.length];
    for (int k = 0; k < words.length; k++) {
      next[k] = searched.indexOf(words[k], from);
    }
    int end = -1; // the text's length, read from the matcher once a word is found
    while (true) {
      int at = -1;
      for (int n : next) {
        if (n >= 0 && (at < 0 || n < at)) {
          at = n;
        }
      }
      if (at < 0) {
        return false;
      }
      if (end < 0) {
        end = m.reset().useTransparentBounds(true).useAnchoringBounds(false).regionEnd();
      }
      if (at >= end) {
        return false;
      }
      if (!cannotStartAt(searched, words, next, at, spaced)) {
        m.region(at, end);
        if (m.lookingAt()) {
          return true;
        }
      }
      for (int k = 0; k < words.length; k++) {
        if (next[k] == at) {
          next[k] = searched.indexOf(words[k], at + 1);
        }
      }
    }
  }

  /** Whether only {@code words[spaced]} occurs at {@code at}, followed by no white space char. */
  private static boolean cannotStartAt(String searched, String[] words, int[] next, int at, int spaced) {
    if (spaced < 0 || next[spaced] != at) {
      return false;
    }
    for (int k = 0; k < next.length; k++) {
      if (k != spaced && next[k] == at) {
        return false;
      }
    }
    int after = at + words[spaced].length();
    return after >= searched.length() || !isRegexSpace(searched.charAt(after));
  }

  /** The chars of the regex class {@code \s} (ASCII white space). */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
