package io.maildiag.ndr.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds, in one pass over a text's words, the phrases of {@link TextRules} that can match the
 * text, so that only those are searched.
 *
 * <p>Each phrase is indexed under one <em>anchor</em>: a condition on the words of the text that
 * every match of the phrase meets. The words of the text are the runs of characters other than
 * the space, exactly the boundaries {@link TextRules} matches on, so an anchor is a strictly
 * necessary condition whatever the text: a phrase that is not a candidate cannot match. The
 * anchors, from the most selective:
 *
 * <ul>
 *   <li><b>pair</b>: a word of a phrase part that the part closes on the left (not the first word
 *       of a {@code *}-led part) followed by the next word of the part: the text holds the first as
 *       a whole word, then after one space a word that begins with the first {@value #AFFIX}
 *       characters of the second (the whole second word if shorter and closed);
 *   <li><b>whole</b>: a word the part closes on both sides: a whole word of the text;
 *   <li><b>prefix</b> / <b>suffix</b>: an end word with {@code *} on its open side only: the first
 *       or last {@value #AFFIX} characters of a word of the text;
 *   <li><b>character</b>: a non-ASCII character of a word open on both sides (Chinese and Japanese
 *       phrases such as {@code *宛先不明*}, written without spaces): a character of the text.
 * </ul>
 *
 * <p>Of the anchors a phrase offers, the one that fewest phrases offer is taken, the more
 * selective kind and then the longer key winning ties; this keeps words such as "unknown" or
 * "rejected", which complete many phrases, from making many candidates. Immutable and safe for
 * concurrent use.
 */
final class PhraseIndex {
  /** Characters of an open-ended or following word that index it: {@value}. */
  static final int AFFIX = 3;
  /** 31 to the powers 0 to {@value #AFFIX}, to extend a {@link String#hashCode} by a few characters. */
  private static final int[] POW31 = {1, 31, 31 * 31, 31 * 31 * 31};

  /** The kinds of anchor, from the most selective; an anchor is written as its kind's digit and its key. */
  private static final int PAIR = 0;
  private static final int WHOLE = 1;
  private static final int PREFIX = 2;
  private static final int SUFFIX = 3;
  private static final int CHAR = 4;

  private final int size;
  private final WordTable pairs;
  private final WordTable whole;
  private final WordTable prefixes;
  private final WordTable suffixes;
  private final WordTable chars;
  /** Phrases without an anchor: always candidates. */
  private final long[] always;

  /** Indexes {@code phrases}; a phrase's position in the list is its id. */
  PhraseIndex(List<TextRules.Phrase> phrases) {
    this.size = phrases.size();
    List<List<String>> offered = new ArrayList<>();
    Map<String, Integer> uses = new HashMap<>();
    for (TextRules.Phrase p : phrases) {
      List<String> a = anchors(p);
      offered.add(a);
      for (String x : a) {
        uses.put(x, uses.getOrDefault(x, 0) + 1);
      }
    }
    List<Map<String, List<Integer>>> ids = new ArrayList<>();
    for (int k = PAIR; k <= CHAR; k++) {
      ids.add(new LinkedHashMap<>());
    }
    this.always = new long[words(size)];
    for (int id = 0; id < size; id++) {
      String best = null;
      for (String a : offered.get(id)) {
        if (best == null || better(a, best, uses)) {
          best = a;
        }
      }
      if (best == null) {
        always[id >>> 6] |= 1L << id;
      } else {
        Map<String, List<Integer>> table = ids.get(best.charAt(0) - '0');
        String key = best.substring(1);
        List<Integer> list = table.get(key);
        if (list == null) {
          list = new ArrayList<>();
          table.put(key, list);
        }
        list.add(id);
      }
    }
    this.pairs = new WordTable(ids.get(PAIR));
    this.whole = new WordTable(ids.get(WHOLE));
    this.prefixes = new WordTable(ids.get(PREFIX));
    this.suffixes = new WordTable(ids.get(SUFFIX));
    this.chars = new WordTable(ids.get(CHAR));
  }

  /** The number of longs in a set of {@code n} phrase ids. */
  static int words(int n) {
    return (n + 63) >>> 6;
  }

  /** Every anchor the main parts of {@code p} offer (see the class comment), each once. */
  private static List<String> anchors(TextRules.Phrase p) {
    List<String> out = new ArrayList<>();
    for (TextRules.Part part : p.parts()) {
      String[] w = part.words().split(" ");
      for (int i = 0; i < w.length; i++) {
        boolean closedLeft = i > 0 || !part.openStart();
        boolean closedRight = i < w.length - 1 || !part.openEnd();
        if (closedLeft && i + 1 < w.length) {
          String next = w[i + 1];
          boolean nextClosed = i + 1 < w.length - 1 || !part.openEnd();
          if (nextClosed || next.length() >= AFFIX) {
            add(out, PAIR, w[i] + " " + next.substring(0, Math.min(AFFIX, next.length())));
          }
        }
        if (closedLeft && closedRight) {
          add(out, WHOLE, w[i]);
        } else if (closedLeft && w[i].length() >= AFFIX) {
          add(out, PREFIX, w[i].substring(0, AFFIX));
        } else if (closedRight && w[i].length() >= AFFIX) {
          add(out, SUFFIX, w[i].substring(w[i].length() - AFFIX));
        }
        for (int k = 0; k < w[i].length(); k++) {
          if (w[i].charAt(k) >= 0x80) {
            add(out, CHAR, String.valueOf(w[i].charAt(k)));
          }
        }
      }
    }
    return out;
  }

  private static void add(List<String> anchors, int kind, String key) {
    String a = (char) ('0' + kind) + key;
    if (!anchors.contains(a)) {
      anchors.add(a);
    }
  }

  /** Whether anchor {@code a} is likely more selective than {@code b}. */
  private static boolean better(String a, String b, Map<String, Integer> uses) {
    int ua = uses.get(a);
    int ub = uses.get(b);
    if (ua != ub) {
      return ua < ub;
    }
    if (a.charAt(0) != b.charAt(0)) {
      return a.charAt(0) < b.charAt(0);
    }
    return a.length() > b.length();
  }

  /** Returns the ids of the phrases that can match {@code t}, as a bit set. */
  long[] candidates(String t) {
    long[] found = always.clone();
    char[] a = t.toCharArray(); // one copy; indexing an array is cheaper than String.charAt
    int n = a.length;
    int prevStart = -1;
    int prevEnd = -2; // no previous word: never one space before the first
    int prevHash = 0;
    int i = 0;
    while (i < n) {
      char c = a[i];
      if (c == ' ') {
        i++;
        continue;
      }
      int s = i;
      int h = 0; // String.hashCode of the word
      int head = 0; // String.hashCode of its first AFFIX characters (or fewer)
      while (true) {
        h = 31 * h + c;
        if (i - s < AFFIX) {
          head = h;
        }
        if (c >= 0x80) {
          chars.mark(a, i, i + 1, c, found);
        }
        if (++i == n || (c = a[i]) == ' ') {
          break;
        }
      }
      int len = i - s;
      int headLen = Math.min(AFFIX, len);
      whole.mark(a, s, i, h, found);
      if (prevEnd + 1 == s) {
        // the previous word, one space, and the head of this one
        pairs.mark(a, prevStart, s + headLen, (prevHash * 31 + ' ') * POW31[headLen] + head, found);
      }
      if (len >= AFFIX) {
        prefixes.mark(a, s, s + AFFIX, head, found);
        suffixes.mark(a, i - AFFIX, i, hash(a, i - AFFIX, i), found);
      }
      prevStart = s;
      prevEnd = i;
      prevHash = h;
    }
    return found;
  }

  /** {@link String#hashCode} of {@code a[s, e)}. */
  private static int hash(char[] a, int s, int e) {
    int h = 0;
    for (int k = s; k < e; k++) {
      h = 31 * h + a[k];
    }
    return h;
  }

  /** Returns whether phrase {@code id} is in the set {@code ids}. */
  static boolean contains(long[] ids, int id) {
    return (ids[id >>> 6] & (1L << id)) != 0;
  }

  /** The number of phrases indexed. */
  int size() {
    return size;
  }

  /**
   * An open-addressing table from keys to phrase ids, looked up by a range of the text and its
   * hash, so that no substring is made.
   */
  private static final class WordTable {
    private final char[] @Nullable [] keys;
    /** The keys' hash codes, compared before a key is read. */
    private final int[] hashes;
    private final int[][] ids;
    private final int mask;

    WordTable(Map<String, List<Integer>> entries) {
      int cap = Integer.highestOneBit(Math.max(2, entries.size()) * 2) * 2;
      keys = new char[cap][];
      hashes = new int[cap];
      ids = new int[cap][];
      mask = cap - 1;
      for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
        String k = e.getKey();
        int slot = k.hashCode() & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = k.toCharArray();
        hashes[slot] = k.hashCode();
        List<Integer> list = e.getValue();
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = list.get(i);
        }
        ids[slot] = a;
      }
    }

    /** Adds the ids of the key {@code t[s, e)}, whose {@link String#hashCode} is {@code h}, to {@code found}. */
    void mark(char[] t, int s, int e, int h, long[] found) {
      int len = e - s;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        char[] k = keys[slot];
        if (k == null) {
          return;
        }
        if (hashes[slot] == h && java.util.Arrays.equals(k, 0, k.length, t, s, e)) {
          for (int id : ids[slot]) {
            found[id >>> 6] |= 1L << id;
          }
          return;
        }
      }
    }
  }
}
