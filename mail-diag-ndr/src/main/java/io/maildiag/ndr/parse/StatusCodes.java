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
      if (!Smtp.isClassDigit(t.charAt(p)) || p < 1 || t.charAt(p - 1) != '#') {
        continue;
      }
      int e = Smtp.enhancedCodeEnd(t, p, t.length());
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
      if (!Smtp.isClassDigit(t.charAt(p)) || p > 0 && (Keywords.isAsciiWordChar(t.charAt(p - 1)) || t.charAt(p - 1) == '.')) {
        continue;
      }
      int e = Smtp.enhancedCodeEnd(t, p, t.length());
      if (e >= 0 && endsWord(t, e)) {
        return match(p, e, e);
      }
    }
    return NONE;
  }

  /** {@code (?![\w]|\.\d)} at {@code e}. */
  private static boolean endsWord(String t, int e) {
    int n = t.length();
    return e >= n || !Keywords.isAsciiWordChar(t.charAt(e)) && !(t.charAt(e) == '.' && e + 1 < n && Smtp.isDigit(t.charAt(e + 1)));
  }

}
