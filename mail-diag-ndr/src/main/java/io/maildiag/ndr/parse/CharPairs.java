package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A text with the pairs of adjacent chars it holds, read in one pass, so that the many words the
 * format detector looks for are searched only when each of their pairs is there. A word the text
 * holds has all its pairs in the text, so a missing pair rules the word out without a search.
 *
 * <p>Pairs are kept hashed (the low six bits of each char): two pairs may share a slot, which only
 * lets a word through to the search; it never rules out a word the text holds.
 */
final class CharPairs {
  /**
   * {@code Character.toLowerCase} of each Latin-1 char, which {@link Locale#ROOT} lower-casing applies
   * char by char to a text of such chars (the result is Latin-1 again).
   */
  private static final byte[] LATIN1_LOWER = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      LATIN1_LOWER[c] = (byte) Character.toLowerCase(c);
    }
  }

  private final String text;
  /** Whether the text holds a pair of each slot ({@link #slot}); plain stores, no read-modify-write chain. */
  private final boolean[] seen;

  CharPairs(String text) {
    this.text = text;
    this.seen = new boolean[1 << 12];
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

  private CharPairs(String text, boolean[] seen) {
    this.text = text;
    this.seen = seen;
  }

  /**
   * {@code text.toLowerCase(Locale.ROOT)} with its pairs. A text of Latin-1 chars (the usual case)
   * is copied to bytes in one step and lower-cased eight bytes at a time ({@link #lowerAscii}), then
   * its pairs are read in a second pass (two plain loops run faster than one that does both); a text
   * with a char past Latin-1 is lower-cased as chars from the first such char on ({@link
   * #wideLowerCased}).
   */
  static CharPairs lowerCased(String text) {
    int n = text.length();
    // a char past Latin-1 (a surrogate pair: both its chars) becomes one '?', and up to the first
    // such char byte i is char i: the first '?' that is no '?' in the text is that char
    byte[] lower = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int q = Bytes.indexOf(lower, QUESTION_MARKS, 0, lower.length); q < lower.length;
        q = Bytes.indexOf(lower, QUESTION_MARKS, q + 1, lower.length)) {
      if (text.charAt(q) != '?') {
        return wideLowerCased(text, q, lower);
      }
    }
    lowerLatin1(lower);
    boolean[] seen = new boolean[1 << 12];
    int prev = 0;
    for (int j = 0; j < n; j++) {
      int slot = lower[j] & 0x3f;
      seen[prev << 6 | slot] = true; // the first char makes a pair with slot 0: one more slot only lets words through
      prev = slot;
    }
    return new CharPairs(new String(lower, StandardCharsets.ISO_8859_1), seen);
  }

  /**
   * Lower-cases Latin-1 bytes in place as {@link Locale#ROOT} lower-casing does their chars: eight
   * ASCII bytes at a time ({@link #lowerAscii}), a word with a byte past ASCII byte by byte.
   */
  static void lowerLatin1(byte[] b) {
    int n = b.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long v = Bytes.word(b, i);
      if ((v & HIGH) == 0) {
        Bytes.putWord(b, i, lowerAscii(v));
      } else {
        for (int k = i; k < i + 8; k++) {
          b[k] = LATIN1_LOWER[b[k] & 0xff];
        }
      }
    }
    for (; i < n; i++) {
      b[i] = LATIN1_LOWER[b[i] & 0xff];
    }
  }

  /** The high bit of each byte: set in a word only where a byte is past ASCII. */
  private static final long HIGH = 0x8080808080808080L;
  /** A '?' in each byte, for {@link Bytes#indexOf}. */
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

  /**
   * Eight ASCII bytes (high bits clear) with A-Z lower-cased: a byte's high bit is set by adding
   * 0x3F when it is 'A' or above and by adding 0x25 when it is above 'Z'; neither sum carries into
   * the next byte. Where exactly one of them is set, the byte is a capital and gains 0x20.
   */
  static long lowerAscii(long v) {
    long capitals = ((v + 0x3F3F3F3F3F3F3F3FL) ^ (v + 0x2525252525252525L)) & HIGH;
    return v | capitals >>> 2;
  }

  /**
   * {@link #lowerCased} of a text whose first char past Latin-1 is at {@code k}; {@code latin1} holds
   * the chars before it as Latin-1 bytes. {@link Locale#ROOT} lower-casing maps each char of the Basic
   * Multilingual Plane to {@link Character#toLowerCase(int)} but for a capital sigma (by its context),
   * a dotted capital I (two chars) and surrogates (code points): a text with one of those is
   * lower-cased by the JDK.
   */
  private static CharPairs wideLowerCased(String text, int k, byte[] latin1) {
    int n = text.length();
    // the chars copied in one step and lower-cased in place: an array read costs less than charAt
    char[] out = text.toCharArray();
    for (int i = 0; i < k; i++) {
      out[i] = (char) (LATIN1_LOWER[latin1[i] & 0xff] & 0xff);
    }
    for (int i = k; i < n; i++) {
      char c = out[i];
      if (c < 256) {
        out[i] = (char) (LATIN1_LOWER[c] & 0xff);
        continue;
      }
      int cp = lowerWide(c);
      if (cp < 0 || cp > 0xffff) {
        return new CharPairs(LowerCase.root(text));
      }
      out[i] = (char) cp;
    }
    boolean[] seen = new boolean[1 << 12];
    int prev = 0;
    for (char c : out) {
      int slot = c & 0x3f;
      seen[prev << 6 | slot] = true; // as in lowerCased: the first char makes a pair with slot 0
      prev = slot;
    }
    return new CharPairs(new String(out), seen);
  }

  /**
   * {@link Character#toLowerCase(int)} of a char past Latin-1, or -1 for a capital sigma, a dotted
   * capital I or a surrogate (see {@link #wideLowerCased}). The blocks bounce texts mostly hold past
   * Latin-1 are read without the look-up: basic Cyrillic, and Arabic, kana, CJK and the replacement
   * char, which have no case.
   */
  static int lowerWide(char c) {
    if (c >= 0x3000 && c < 0xa000 || c >= 0x0600 && c < 0x0700 || c == 0xfffd || c >= 0x0430 && c < 0x0460) {
      return c;
    }
    if (c >= 0x0410 && c < 0x0430) {
      return c + 0x20;
    }
    if (c >= 0x0400 && c < 0x0410) {
      return c + 0x50;
    }
    return c == '\u03a3' || c == '\u0130' || Character.isSurrogate(c) ? -1 : Character.toLowerCase((int) c);
  }

  /**
   * A text read by this one's pairs: {@code prefix} must be a prefix of {@link #text()}, whose pairs
   * are then all among these (so a missing pair still rules a word out).
   */
  CharPairs prefix(String prefix) {
    return new CharPairs(prefix, seen);
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

  /** {@code text.indexOf(w)}, not searched for when the pairs rule {@code w} out. */
  int indexOf(String w) {
    return mayContain(w) ? text.indexOf(w) : -1;
  }

  /** {@code text.contains(w)}. */
  boolean contains(String w) {
    return indexOf(w) >= 0;
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
