package io.maildiag.ndr.parse;

/**
 * Word boundaries for regular expressions that mean the same on every JDK: JDK 17's {@code \b}.
 * Java's {@code \b} changed in JDK 19 (JDK-8264160): before, a letter or digit of any script was a
 * word char; since, only the ASCII ones of {@code \w} are, so "éafter" has a boundary inside it on
 * JDK 19 and later and none before. Bounce texts hold every script, and the analysis must read them
 * alike whatever JDK runs it.
 *
 * <p>On JDK 17 and 18 these are {@code \b} itself. On later JDKs they are written out with
 * look-arounds: a word char is a letter, a decimal digit or an underscore, of any script, and so is
 * a non-spacing mark that follows a letter or digit (through up to {@value #MARKS} marks; JDK 17
 * follows any number). Every {@code \b} of the analyzer's patterns stands where one side is a word
 * char by the pattern itself, before a word or after one, so most are written as the one
 * look-around the other side needs ({@link #BEFORE}, {@link #AFTER}); {@link #ANY} serves where
 * neither side is known.
 */
final class WordBoundary {
  private WordBoundary() {}

  /** Whether this JDK's {@code \b} is JDK 17's. */
  private static final boolean NATIVE = Runtime.version().feature() < 19;

  /** The most non-spacing marks after a letter or digit that the written-out boundaries look through. */
  static final int MARKS = 10;

  /** A letter, a decimal digit or an underscore, of any script. */
  private static final String PLAIN = "[\\p{L}\\p{Nd}_]";

  /** A letter or digit and the non-spacing marks after it, ending just before the position. */
  private static final String MARKED = "[\\p{L}\\p{Nd}]\\p{Mn}{1," + MARKS + "}";

  /** A word char ends just before the position. */
  private static final String WORD_LEFT = "(?<=" + PLAIN + "|" + MARKED + ")";

  /** No word char ends just before the position. */
  private static final String NO_WORD_LEFT = "(?<!" + PLAIN + "|" + MARKED + ")";

  /** A word char starts at the position: a plain one, or a mark after a letter or digit. */
  private static final String WORD_RIGHT = "(?:(?=" + PLAIN + ")|(?=\\p{Mn})(?<=[\\p{L}\\p{Nd}]\\p{Mn}{0,"
      + (MARKS - 1) + "}))";

  /** {@code \b} where the pattern goes on with a letter: no word char comes before. */
  static final String BEFORE = NATIVE ? "\\b" : NO_WORD_LEFT;

  /**
   * {@code \b} where the pattern has just matched a letter: no word char comes after (a mark after
   * the letter would be one).
   */
  static final String AFTER = NATIVE ? "\\b" : "(?![\\p{L}\\p{Nd}\\p{Mn}_])";

  /** {@code \b} where either side may be a word char or not: a word char on one side only. */
  static final String ANY = NATIVE ? "\\b"
      : "(?:" + WORD_LEFT + "(?!" + WORD_RIGHT + ")|" + NO_WORD_LEFT + WORD_RIGHT + ")";
}
