package io.maildiag.ndr.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text searched for lower-case ASCII words as its copy lower-cased with {@link Locale#ROOT} would be,
 * without making that copy: {@code view.contains(w)} is {@code text.toLowerCase(Locale.ROOT).contains(w)}. The pairs of adjacent chars of the lower-cased text are read
 * in one pass (hashed as {@link CharPairs} keeps them), so that most words are ruled out without a
 * search.
 *
 * <p>Lower-casing maps a char to an ASCII char only for that char in either case, the Kelvin sign (to
 * k) and the dotted capital I (to an i and a combining dot above, which no ASCII char matches). So a
 * char of the text stands for a char of an ASCII word exactly when it is that char in either case,
 * or the Kelvin sign for a k, or the dotted capital I for an i that ends the word; and the word is in
 * the lower-cased text exactly where the text has chars standing for its chars. Indexes are the
 * text's own.
 */
final class LowerView {
  /** The low six bits of each Latin-1 char with A-Z lower-cased: the slot half a char takes in a pair. */
  private static final byte[] SLOT = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      SLOT[c] = (byte) (Keywords.lower((char) c) & 0x3f);
    }
  }

  private final String text;
  /** The length of the text: the end of what is searched. */
  private final int end;
  /** Whether the lower-cased text may hold a pair of each slot; plain stores, no read-modify-write chain. */
  private final boolean[] seen;

  /** A view of the whole of {@code text}, its pairs read in one pass. */
  LowerView(String text) {
    this.text = text;
    this.end = text.length();
    this.seen = new boolean[1 << 12];
    int n = text.length();
    int prev = 0; // the first char makes a pair with slot 0: one more slot only lets words through
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int slot = c < 256 ? SLOT[c] : wideSlot(c);
      seen[prev << 6 | slot] = true;
      prev = slot;
    }
  }

  private LowerView(String text, int end, boolean[] seen) {
    this.text = text;
    this.end = end;
    this.seen = seen;
  }

  /**
   * The slot of a char past Latin-1: that of the ASCII char it stands for (Kelvin sign k, dotted
   * capital I i), else any (no ASCII word's pair holds it).
   */
  private static int wideSlot(char c) {
    return (c == '\u212a' ? 'k' : c == '\u0130' ? 'i' : c) & 0x3f;
  }

  /**
   * The view of the first {@code limit} chars of the text: a copy of them, so that no search runs on
   * past them, read by the whole text's pairs (which hold the prefix's).
   */
  LowerView upTo(int limit) {
    return limit >= end ? this : new LowerView(text.substring(0, limit), limit, seen);
  }

  /** The text, as written (the prefix, for a view {@link #upTo} a limit). */
  String text() {
    return text;
  }

  /** False when the lower-case ASCII word {@code w} is surely not in the text: one of its pairs is not. */
  boolean mayContain(String w) {
    for (int j = 1; j < w.length(); j++) {
      if (!seen[(w.charAt(j - 1) & 0x3f) << 6 | (w.charAt(j) & 0x3f)]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text lower-cased holds the lower-case ASCII word {@code w}. */
  boolean contains(String w) {
    if (!mayContain(w)) {
      return false;
    }
    // any place will do: each spelling is searched in turn, no cursor kept
    Anchor anchor = anchor(w);
    int last = end - w.length();
    if (anchor.at < 0) {
      return scan(w, 0, last) >= 0;
    }
    for (char spelling : anchor.spellings) {
      if (find(w, anchor.at, spelling, 0, last) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The first start from {@code from} to {@code last} where {@code w} stands, tried at each index, or -1. */
  private int scan(String w, int from, int last) {
    for (int i = from; i <= last; i++) {
      if (standsAt(i, w, true)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first start from {@code from} to {@code last} where {@code w} stands with {@code spelling} at
   * its index {@code a}, or -1.
   */
  private int find(String w, int a, char spelling, int from, int last) {
    for (int at = text.indexOf(spelling, from + a); at >= 0 && at - a <= last; at = text.indexOf(spelling, at + 1)) {
      if (standsAt(at - a, w, true)) {
        return at - a;
      }
    }
    return -1;
  }

  /** Whether the text lower-cased holds one of {@code words}. */
  boolean containsAny(String[] words) {
    for (String w : words) {
      if (contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code contains(prefix + a) || contains(prefix + b)}: one search for the shared prefix, each place
   * it occurs then checked for either ending.
   */
  boolean containsEither(String prefix, String a, String b) {
    if (!mayContain(prefix) || !(mayContain(a) || mayContain(b))) {
      return false;
    }
    Cursor c = cursor(prefix);
    int p = prefix.length();
    for (int at = c.next(0); at >= 0; at = c.next(at + 1)) {
      // the prefix's last char does not end the word: looked at again as such
      if (standsAt(at, prefix, false) && (standsAt(at + p, a, true) || standsAt(at + p, b, true))) {
        return true;
      }
    }
    return false;
  }

  /** The first index from {@code from} where the lower-case ASCII word {@code w} stands in the text, or -1. */
  int indexOf(String w, int from) {
    return cursor(w).next(from);
  }

  /**
   * Whether the text's chars from {@code at} stand for {@code w}'s ({@code endsWord}: the last of them
   * ends the word searched for).
   */
  boolean standsAt(int at, String w, boolean endsWord) {
    int n = w.length();
    if (at < 0 || end - at < n) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      if (!stands(text.charAt(at + j), w.charAt(j), endsWord && j == n - 1)) {
        return false;
      }
    }
    return true;
  }

  /** Whether char {@code c} lower-cased stands for {@code p} of a lower-case ASCII word ({@code last}: ending it). */
  static boolean stands(char c, char p, boolean last) {
    if (c < 128) {
      return Keywords.lower(c) == p;
    }
    return c == '\u212a' ? p == 'k' : c == '\u0130' && last && p == 'i';
  }

  /** A reader of where {@code w} stands in the text, for starts that never go back. */
  Cursor cursor(String w) {
    return new Cursor(this, w, anchor(w));
  }

  /**
   * The places of one word, from those of its anchor's spellings: the next place of each spelling is
   * kept between calls, so that a rare spelling (capitals) is looked for once, not again from each start.
   */
  static final class Cursor {
    private final LowerView view;
    private final String word;
    private final Anchor anchor;
    /** The next start of the word found by each spelling, -1 when there is none, -2 before the first search. */
    private final int[] next;

    private Cursor(LowerView view, String word, Anchor anchor) {
      this.view = view;
      this.word = word;
      this.anchor = anchor;
      this.next = new int[anchor.spellings.length];
      Arrays.fill(next, -2);
    }

    /** The first index at or after {@code from} where the word stands in the text, or -1. */
    int next(int from) {
      if (from < 0) {
        from = 0;
      }
      int last = view.end - word.length(); // the last index a word can start at
      if (from > last) {
        return -1;
      }
      if (anchor.at < 0) {
        return view.scan(word, from, last);
      }
      int best = -1;
      for (int k = 0; k < next.length; k++) {
        int at = next[k];
        if (at == -2 || at >= 0 && at < from) {
          at = view.find(word, anchor.at, anchor.spellings[k], from, last);
          next[k] = at;
        }
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
        }
      }
      return best;
    }
  }

  /**
   * Where a word is searched from: one of its chars, the rarest in bounce texts, found by the
   * vectorised {@link String#indexOf(int, int)} in each case it may be written in.
   */
  static final class Anchor {
    /**
     * The chars an anchor is chosen from, about the rarest in bounce texts first, a letter's two cases
     * counted together. A k or an i is never an anchor: a Kelvin sign or a dotted capital I stands for it.
     */
    private static final String RANK = "|*[]#'_)(@,><qz/7\"689;j4vw=53yxbu1hgf:2.-\ncpdm0lsrnotea ";
    /** The anchor's index in the word, or -1 when the word has no {@link #RANK} char. */
    final int at;
    /** The anchor in each case it may be written in. */
    final char[] spellings;

    Anchor(String w) {
      int a = -1;
      for (int r = 0; r < RANK.length() && a < 0; r++) {
        a = w.indexOf(RANK.charAt(r));
      }
      at = a;
      if (a < 0) {
        spellings = new char[0];
        return;
      }
      char c = w.charAt(a);
      spellings = c >= 'a' && c <= 'z' ? new char[] {c, (char) (c - 32)} : new char[] {c};
    }
  }

  /** The anchors of the words asked for, made once each (the words are the callers' constants). */
  private static final Map<String, Anchor> ANCHORS = new ConcurrentHashMap<>();

  /** The anchor of {@code w}, made at its first use. */
  private static Anchor anchor(String w) {
    Anchor a = ANCHORS.get(w);
    if (a == null) {
      a = new Anchor(w);
      Anchor had = ANCHORS.putIfAbsent(w, a);
      if (had != null) {
        a = had;
      }
    }
    return a;
  }
}
