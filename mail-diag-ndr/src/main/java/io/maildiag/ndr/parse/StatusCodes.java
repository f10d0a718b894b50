package io.maildiag.ndr.parse;

/**
 * The matches of {@link Smtp#QMAIL} and {@link Smtp#STATUS}, found by hand from the dots of a text:
 * each has one enhanced code {@code ([245])\.(\d{1,3})\.(\d{1,3})}, whose first dot follows its
 * class digit. Each digit run is taken greedily: a shorter one leaves a digit where a dot, a
 * {@code )} or the end of a word must come, so the patterns cannot match another way.
 *
 * <p>A match is packed in a long: where its enhanced code starts ({@link #code}, the class digit),
 * where it ends ({@link #codeEnd}) and where the match ends ({@link #end}), each in 21 bits.
 */
final class StatusCodes {
  private StatusCodes() {}

  /** No match. */
  static final long NONE = -1;
  /** The longest text searched here: each index must fit in 21 bits. */
  static final int MAX_LENGTH = 0x1FFFFF - 1;

  static int code(long match) {
    return (int) (match >>> 42);
  }

  static int codeEnd(long match) {
    return (int) (match >>> 21) & 0x1FFFFF;
  }

  static int end(long match) {
    return (int) match & 0x1FFFFF;
  }

  private static long match(int code, int codeEnd, int end) {
    return (long) code << 42 | (long) codeEnd << 21 | end;
  }

  /**
   * The first match of {@link Smtp#QMAIL}, {@code \(#ESC\)|#ESC(?![\w]|\.\d)}, that starts at or
   * after {@code from}, as {@code find(from)} finds it, or {@link #NONE}; {@code t} is at most
   * {@link #MAX_LENGTH} long.
   */
  static long nextQmail(String t, int from) {
    int n = t.length();
    for (int d = t.indexOf('.', Math.max(from + 2, 1)); d > 0 && d < n - 1; d = t.indexOf('.', d + 1)) {
      int p = d - 1;
      if (!isClassDigit(t.charAt(p)) || p < 1 || t.charAt(p - 1) != '#') {
        continue;
      }
      int e = escEnd(t, p);
      if (e < 0) {
        continue;
      }
      // the bracketed form starts a char earlier, so find meets it first
      if (p - 2 >= from && t.charAt(p - 2) == '(' && e < n && t.charAt(e) == ')') {
        return match(p, e, e + 1);
      }
      if (p - 1 >= from && endsWord(t, e)) {
        return match(p, e, e);
      }
    }
    return NONE;
  }

  /**
   * The first match of {@link Smtp#STATUS}, {@code (?<![\w.])ESC(?![\w]|\.\d)}, that starts at or
   * after {@code from}, as {@code find(from)} finds it, or {@link #NONE}.
   */
  static long nextStatus(String t, int from) {
    int n = t.length();
    for (int d = t.indexOf('.', Math.max(from + 1, 1)); d > 0 && d < n - 1; d = t.indexOf('.', d + 1)) {
      int p = d - 1;
      if (!isClassDigit(t.charAt(p)) || p > 0 && (isWordChar(t.charAt(p - 1)) || t.charAt(p - 1) == '.')) {
        continue;
      }
      int e = escEnd(t, p);
      if (e >= 0 && endsWord(t, e)) {
        return match(p, e, e);
      }
    }
    return NONE;
  }

  /**
   * Where {@code [245]\.(\d{1,3})\.(\d{1,3})} from {@code p} (a class digit, then a dot) ends, its
   * digit runs taken greedily; -1 when it does not match.
   */
  private static int escEnd(String t, int p) {
    int k = digits(t, p + 2);
    if (k < 0 || k >= t.length() || t.charAt(k) != '.') {
      return -1;
    }
    return digits(t, k + 1);
  }

  /** Where a run of one to three ASCII digits from {@code k} ends, or -1 when none starts there. */
  private static int digits(String t, int k) {
    int e = k;
    while (e < t.length() && e - k < 3 && isDigit(t.charAt(e))) {
      e++;
    }
    return e == k ? -1 : e;
  }

  /** {@code (?![\w]|\.\d)} at {@code e}. */
  private static boolean endsWord(String t, int e) {
    int n = t.length();
    return e >= n || !isWordChar(t.charAt(e)) && !(t.charAt(e) == '.' && e + 1 < n && isDigit(t.charAt(e + 1)));
  }

  private static boolean isClassDigit(char c) {
    return c == '2' || c == '4' || c == '5';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \w}: an ASCII letter or digit, or the underscore. */
  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
  }
}
