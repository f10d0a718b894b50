package io.maildiag.ndr.parse;

/**
 * A text with the pairs of adjacent chars it holds, read in one pass, so that the many words the
 * format detector looks for are searched only when each of their pairs is there. A word the text
 * holds has all its pairs in the text, so a missing pair rules the word out without a search.
 *
 * <p>Pairs are kept hashed (the low six bits of each char): two pairs may share a slot, which only
 * lets a word through to the search; it never rules out a word the text holds.
 */
final class CharPairs {
  private final String text;
  /** Whether the text holds a pair of each slot ({@link #slot}). */
  private final boolean[] seen = new boolean[1 << 12];

  CharPairs(String text) {
    this.text = text;
    int n = text.length();
    if (n < 2) {
      return;
    }
    int prev = text.charAt(0) & 0x3f;
    for (int i = 1; i < n; i++) {
      int c = text.charAt(i) & 0x3f;
      seen[prev << 6 | c] = true;
      prev = c;
    }
  }

  /** The slot of the pair {@code a}, {@code b}. */
  private static int slot(char a, char b) {
    return (a & 0x3f) << 6 | (b & 0x3f);
  }

  /** The text searched. */
  String text() {
    return text;
  }

  /** False when {@code w} is surely not in the text: one of its pairs is not (a one-char word may be). */
  boolean mayContain(String w) {
    for (int j = 1; j < w.length(); j++) {
      if (!seen[slot(w.charAt(j - 1), w.charAt(j))]) {
        return false;
      }
    }
    return true;
  }

  /** {@code text.contains(w)}. */
  boolean contains(String w) {
    return mayContain(w) && text.contains(w);
  }

  /** Whether the text holds one of {@code words}. */
  boolean containsAny(String[] words) {
    for (String w : words) {
      if (contains(w)) {
        return true;
      }
    }
    return false;
  }
}
