package io.maildiag.ndr.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    List<List<String>> offered = new ArrayList<>(size);
    // per anchor, the number of phrases that offer it
    Map<String, int[]> uses = new HashMap<>(size * 8);
    // per phrase, the counts of its anchors, in the order offered
    List<int[][]> offeredUses = new ArrayList<>(size);
    for (TextRules.Phrase p : phrases) {
      List<String> a = anchors(p);
      offered.add(a);
      int[][] counts = new int[a.size()][];
      for (int i = 0; i < counts.length; i++) {
        int[] count = uses.get(a.get(i));
        if (count == null) {
          count = new int[1];
          uses.put(a.get(i), count);
        }
        count[0]++;
        counts[i] = count;
      }
      offeredUses.add(counts);
    }
    List<Map<String, List<Integer>>> ids = new ArrayList<>();
    for (int k = PAIR; k <= CHAR; k++) {
      ids.add(new LinkedHashMap<>(size));
    }
    this.always = new long[words(size)];
    for (int id = 0; id < size; id++) {
      String best = null;
      int bestUses = 0;
      List<String> a = offered.get(id);
      int[][] counts = offeredUses.get(id);
      for (int i = 0; i < a.size(); i++) {
        String x = a.get(i);
        int u = counts[i][0];
        if (best == null || better(x, u, best, bestUses)) {
          best = x;
          bestUses = u;
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
      String[] w = words(part.words());
      for (int i = 0; i < w.length; i++) {
        boolean closedLeft = i > 0 || !part.openStart();
        boolean closedRight = i < w.length - 1 || !part.openEnd();
        if (closedLeft && i + 1 < w.length) {
          String next = w[i + 1];
          boolean nextClosed = i + 1 < w.length - 1 || !part.openEnd();
          if (nextClosed || next.length() >= AFFIX) {
            add(out, PAIR, w[i], next.substring(0, Math.min(AFFIX, next.length())));
          }
        }
        if (closedLeft && closedRight) {
          add(out, WHOLE, w[i]);
        } else if (closedLeft && w[i].length() >= AFFIX) {
          add(out, PREFIX, w[i].substring(0, AFFIX));
        } else if (closedRight && w[i].length() >= AFFIX) {
          add(out, SUFFIX, w[i].substring(w[i].length() - AFFIX));
        }
        char[] cs = w[i].toCharArray();
        for (int k = 0; k < cs.length; k++) {
          if (cs[k] >= 0x80) {
            add(out, CHAR, w[i].substring(k, k + 1));
          }
        }
      }
    }
    return out;
  }

  private static void add(List<String> anchors, int kind, String key) {
    String a = new StringBuilder(key.length() + 1).append((char) ('0' + kind)).append(key).toString();
    if (!anchors.contains(a)) {
      anchors.add(a);
    }
  }

  /** Adds the anchor of {@code kind} whose key is {@code first}, a space and {@code second}, unless present. */
  private static void add(List<String> anchors, int kind, String first, String second) {
    String a = new StringBuilder(first.length() + second.length() + 2).append((char) ('0' + kind))
        .append(first).append(' ').append(second).toString();
    if (!anchors.contains(a)) {
      anchors.add(a);
    }
  }

  /** The words of normalised text: its pieces between single spaces. */
  private static String[] words(String text) {
    int count = 1;
    for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
      count++;
    }
    String[] out = new String[count];
    int start = 0;
    for (int k = 0; k < count - 1; k++) {
      int end = text.indexOf(' ', start);
      out[k] = text.substring(start, end);
      start = end + 1;
    }
    out[count - 1] = text.substring(start);
    return out;
  }

  /** Whether anchor {@code a}, offered by {@code ua} phrases, is likely more selective than {@code b}, offered by {@code ub}. */
  private static boolean better(String a, int ua, String b, int ub) {
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
    return markWords(t.toCharArray(), always.clone(), -2, 0);
  }

  /**
   * Returns {@link #candidates} of {@code t}, given {@code prefixFound}, the candidates of {@code
   * t[0, from - 1)}, where {@code t[from - 1]} is a space: only the words after it are read. Every
   * anchor lies within one word or two neighbouring ones, and the words of the prefix end where
   * they ended in it, so the prefix's marks stand; only its last word pairs with the first new one.
   */
  long[] extend(long[] prefixFound, String t, int from) {
    int last = from - 1; // the prefix's length
    int s = last;
    int h = 0;
    while (s > 0 && t.charAt(s - 1) != ' ') {
      s--;
    }
    for (int k = s; k < last; k++) {
      h = 31 * h + t.charAt(k);
    }
    char[] a = new char[t.length() - from];
    t.getChars(from, t.length(), a, 0);
    // the space before a[0] is at -1; a last word of the prefix ends there
    return markWords(a, prefixFound.clone(), s < last ? -1 : -2, h);
  }

  /**
   * Marks in {@code found} the phrases anchored by the words of {@code a}; {@code prevEnd} is where
   * the word before {@code a[0]} ended (-1: one space before {@code a[0]}; lower: no such word) and
   * {@code prevHash} its hash.
   */
  private long[] markWords(char[] a, long[] found, int prevEnd, int prevHash) {
    int n = a.length;
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
          chars.mark(c, found);
        }
        if (++i == n || (c = a[i]) == ' ') {
          break;
        }
      }
      int len = i - s;
      int headLen = Math.min(AFFIX, len);
      whole.mark(h, found);
      if (prevEnd + 1 == s) {
        // the previous word, one space, and the head of this one
        pairs.mark((prevHash * 31 + ' ') * POW31[headLen] + head, found);
      }
      if (len >= AFFIX) {
        prefixes.mark(head, found);
        suffixes.mark(hash(a, i - AFFIX, i), found);
      }
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
   * An open-addressing table from the {@link String#hashCode} of a key to the ids of the phrases
   * indexed under it, looked up by the hash of a range of the text alone, so that no substring is
   * made and no key is read. Keys with equal hashes share one entry: a text word whose hash equals a
   * key's without being the key only adds candidates, which the exact search then rejects, so the
   * table still never misses a phrase that can match.
   */
  private static final class WordTable {
    /**
     * Per slot, the hash in the high half and, in the low half, the position in {@link #ids} of the
     * entry's id count, plus one; 0 for an empty slot. One long per probe keeps a look-up, which
     * mostly misses, to one cache line.
     */
    private final long[] slots;
    /** Per entry, its number of ids followed by the ids. */
    private final int[] ids;
    private final int shift;
    /**
     * A one-hash Bloom filter of the keys' hashes, about eight bits per key: most words of a text
     * are no key, and this rejects most of them from a few cache lines instead of the whole table.
     */
    private final long[] filter;
    private final int filterShift;

    WordTable(Map<String, List<Integer>> entries) {
      Map<Integer, List<Integer>> byHash = new LinkedHashMap<>(entries.size() * 2);
      for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
        Integer h = e.getKey().hashCode();
        List<Integer> list = byHash.get(h);
        if (list == null) {
          byHash.put(h, new ArrayList<>(e.getValue()));
        } else {
          list.addAll(e.getValue());
        }
      }
      // at most half full: a look-up of a word that is no key ends within a slot or two
      int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(Math.max(1, byHash.size())));
      slots = new long[1 << bits];
      shift = 32 - bits;
      int total = 0;
      for (List<Integer> list : byHash.values()) {
        total += 1 + list.size();
      }
      ids = new int[total];
      int filterBits = Math.max(6, bits + 2);
      filter = new long[1 << (filterBits - 6)];
      filterShift = 32 - filterBits;
      int at = 0;
      for (Map.Entry<Integer, List<Integer>> e : byHash.entrySet()) {
        int h = e.getKey();
        int slot = slot(h);
        while (slots[slot] != 0) {
          slot = (slot + 1) & (slots.length - 1);
        }
        slots[slot] = ((long) h << 32) | (at + 1);
        int bit = filterBit(h);
        filter[bit >>> 6] |= 1L << bit;
        ids[at++] = e.getValue().size();
        for (int id : e.getValue()) {
          ids[at++] = id;
        }
      }
    }

    /** The home slot of hash {@code h}: its top bits after a multiplicative mix. */
    private int slot(int h) {
      return (h * 0x9E3779B9) >>> shift;
    }

    /** The bit of hash {@code h} in the filter: other bits of another mix than {@link #slot}'s. */
    private int filterBit(int h) {
      return (h * 0x85EBCA6B) >>> filterShift;
    }

    /** Adds the ids of the key whose {@link String#hashCode} is {@code h} to {@code found}. */
    void mark(int h, long[] found) {
      int bit = filterBit(h);
      if ((filter[bit >>> 6] & (1L << bit)) == 0) {
        return;
      }
      long[] s = slots;
      int mask = s.length - 1;
      for (int slot = slot(h); ; slot = (slot + 1) & mask) {
        long e = s[slot];
        if (e == 0) {
          return;
        }
        if ((int) (e >>> 32) == h) {
          int at = (int) e - 1;
          int end = at + 1 + ids[at];
          for (int k = at + 1; k < end; k++) {
            int id = ids[k];
            found[id >>> 6] |= 1L << id;
          }
          return;
        }
      }
    }
  }
}
