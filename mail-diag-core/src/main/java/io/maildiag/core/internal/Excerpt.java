package io.maildiag.core.internal;

/**
 * Cuts text quoted from hostile input (a record, a header field, a server's reply) to a bounded
 * length for messages and evidence. A cut never leaves half of a surrogate pair, and the result is
 * never longer than the bound: a text that fits is returned whole.
 */
public final class Excerpt {
  /** What marks a cut. */
  static final String MARK = "...";

  private Excerpt() {}

  /**
   * {@code s} when it has at most {@code max} chars, else its start and {@value #MARK}, {@code max}
   * chars in all (one fewer when the cut would split a surrogate pair).
   *
   * @param max the most chars of the result; at least 4
   * @throws IllegalArgumentException if {@code max} is less than 4
   */
  public static String of(String s, int max) {
    if (max < MARK.length() + 1) {
      throw new IllegalArgumentException("max must be at least " + (MARK.length() + 1) + ": " + max);
    }
    return s.length() <= max ? s : start(s, max - MARK.length()) + MARK;
  }

  /**
   * {@code s} when it has at most {@code max} chars, else its start and {@code "... (N chars in
   * all)"}, at most {@code max} chars in all (one fewer when the cut would split a surrogate pair).
   *
   * @param max the most chars of the result; at least 40
   * @throws IllegalArgumentException if {@code max} is less than 40
   */
  public static String counted(String s, int max) {
    if (max < 40) {
      throw new IllegalArgumentException("max must be at least 40: " + max);
    }
    if (s.length() <= max) {
      return s;
    }
    String tail = MARK + " (" + s.length() + " chars in all)";
    return start(s, max - tail.length()) + tail;
  }

  /** The first {@code keep} chars of {@code s}, or one fewer when the last would be a high surrogate. */
  private static String start(String s, int keep) {
    int k = keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1)) ? keep - 1 : keep;
    return s.substring(0, k);
  }
}
