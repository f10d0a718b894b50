package io.maildiag.ndr.classify;

import java.util.ArrayList;
import java.util.Arrays;
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

  /** The kinds of anchor, from the most selective; an anchor is a kind and a key. */
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
  /**
   * The last characters of the suffix keys, as bits of two longs for those below 128, and whether
   * one is beyond: there are few such keys, and a word that ends otherwise is not hashed for them.
   */
  private final long suffixEnds0;
  private final long suffixEnds1;
  private final boolean suffixEndsBeyond;

  /** Indexes {@code phrases}; a phrase's position in the list is its id. */
  PhraseIndex(List<TextRules.Phrase> phrases) {
    this.size = phrases.size();
    List<Offer> offered = new ArrayList<>(size);
    // per kind of anchor and key, the number of phrases that offer it
    List<Map<String, int[]>> uses = new ArrayList<>();
    for (int k = PAIR; k <= CHAR; k++) {
      uses.add(new HashMap<>(size * 2));
    }
    for (TextRules.Phrase p : phrases) {
      Offer a = anchors(p);
      offered.add(a);
      for (int i = 0; i < a.size; i++) {
        Map<String, int[]> byKey = uses.get(a.kinds[i]);
        int[] count = byKey.get(a.keys[i]);
        if (count == null) {
          count = new int[1];
          byKey.put(a.keys[i], count);
        }
        count[0]++;
        a.uses[i] = count;
      }
    }
    List<Map<String, List<Integer>>> ids = new ArrayList<>();
    for (int k = PAIR; k <= CHAR; k++) {
      ids.add(new LinkedHashMap<>(size));
    }
    this.always = new long[words(size)];
    for (int id = 0; id < size; id++) {
      Offer a = offered.get(id);
      int best = -1;
      for (int i = 0; i < a.size; i++) {
        if (best < 0 || better(a, i, best)) {
          best = i;
        }
      }
      if (best < 0) {
        always[id >>> 6] |= 1L << id;
      } else {
        Map<String, List<Integer>> table = ids.get(a.kinds[best]);
        List<Integer> list = table.get(a.keys[best]);
        if (list == null) {
          list = new ArrayList<>();
          table.put(a.keys[best], list);
        }
        list.add(id);
      }
    }
    this.pairs = new WordTable(ids.get(PAIR));
    this.whole = new WordTable(ids.get(WHOLE));
    this.prefixes = new WordTable(ids.get(PREFIX));
    this.suffixes = new WordTable(ids.get(SUFFIX));
    long e0 = 0;
    long e1 = 0;
    boolean beyond = false;
    for (String key : ids.get(SUFFIX).keySet()) {
      char last = key.charAt(key.length() - 1);
      if (last < 64) {
        e0 |= 1L << last;
      } else if (last < 128) {
        e1 |= 1L << last;
      } else {
        beyond = true;
      }
    }
    this.suffixEnds0 = e0;
    this.suffixEnds1 = e1;
    this.suffixEndsBeyond = beyond;
    this.chars = new WordTable(ids.get(CHAR));
  }

  /** The number of longs in a set of {@code n} phrase ids. */
  static int words(int n) {
    return (n + 63) >>> 6;
  }

  /** The anchors one phrase offers, each a kind and a key, each once, in the order found. */
  private static final class Offer {
    int size;
    int[] kinds = new int[8];
    String[] keys = new String[8];
    /** Per anchor, the count of phrases that offer it (shared by all of them). */
    int[][] uses = new int[8][];

    void add(int kind, String key) {
      for (int i = 0; i < size; i++) {
        if (kinds[i] == kind && keys[i].equals(key)) {
          return;
        }
      }
      if (size == kinds.length) {
        kinds = Arrays.copyOf(kinds, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
        uses = Arrays.copyOf(uses, size * 2);
      }
      kinds[size] = kind;
      keys[size] = key;
      size++;
    }
  }

  /**
   * Every anchor the main parts of {@code p} offer (see the class comment), each once. The words of
   * a part are the pieces of its normalised text between single spaces; keys are cut from that text
   * (a pair's key is a word, the space and the next word's head).
   */
  private static Offer anchors(TextRules.Phrase p) {
    Offer out = new Offer();
    for (TextRules.Part part : p.parts()) {
      String t = part.words();
      char[] c = t.toCharArray();
      int n = c.length;
      int s = 0; // the word [s, e)
      while (s < n) {
        int e = end(t, s);
        boolean last = e == n;
        boolean closedLeft = s > 0 || !part.openStart();
        boolean closedRight = !last || !part.openEnd();
        if (closedLeft && !last) {
          int next = e + 1;
          int nextEnd = end(t, next);
          boolean nextClosed = nextEnd < n || !part.openEnd();
          if (nextClosed || nextEnd - next >= AFFIX) {
            out.add(PAIR, t.substring(s, next + Math.min(AFFIX, nextEnd - next)));
          }
        }
        if (closedLeft && closedRight) {
          out.add(WHOLE, t.substring(s, e));
        } else if (closedLeft && e - s >= AFFIX) {
          out.add(PREFIX, t.substring(s, s + AFFIX));
        } else if (closedRight && e - s >= AFFIX) {
          out.add(SUFFIX, t.substring(e - AFFIX, e));
        }
        for (int k = s; k < e; k++) {
          if (c[k] >= 0x80) {
            out.add(CHAR, t.substring(k, k + 1));
          }
        }
        s = e + 1;
      }
    }
    return out;
  }

  /** The end of the word of {@code t} that starts at {@code s}: the next space, or the length. */
  private static int end(String t, int s) {
    int e = t.indexOf(' ', s);
    return e < 0 ? t.length() : e;
  }

  /**
   * Whether anchor {@code i} of {@code a} is likely more selective than its anchor {@code j}: fewer
   * phrases offer it, else it is of a more selective kind, else its key is longer.
   */
  private static boolean better(Offer a, int i, int j) {
    int ui = a.uses[i][0];
    int uj = a.uses[j][0];
    if (ui != uj) {
      return ui < uj;
    }
    if (a.kinds[i] != a.kinds[j]) {
      return a.kinds[i] < a.kinds[j];
    }
    return a.keys[i].length() > a.keys[j].length();
  }

  /**
   * Longs at the end of a {@link #candidates} set, after the phrase ids, that hold a filter of the
   * hashes of the text's words ({@link #mayHaveWord}).
   */
  static final int WORD_FILTER_LONGS = 4;

  /**
   * Returns the ids of the phrases that can match {@code t}, as a bit set, followed by {@value
   * #WORD_FILTER_LONGS} longs of a filter of the text's words ({@link #mayHaveWord}).
   */
  long[] candidates(String t) {
    return markWords(t, 0, Arrays.copyOf(always, always.length + WORD_FILTER_LONGS), -2, 0);
  }

  /**
   * Whether the text whose {@link #candidates} are {@code found} may have a word whose {@link
   * String#hashCode} is {@code hash}: false only if it has none. Each word read sets one bit of the
   * filter, so a phrase one of whose whole words the text lacks is rejected without reading it.
   */
  boolean mayHaveWord(long[] found, int hash) {
    int bit = wordBit(hash);
    return (found[always.length + (bit >>> 6)] & (1L << bit)) != 0;
  }

  /** The bit of a word's hash in the filter of {@link #mayHaveWord}: 0 to 255. */
  private static int wordBit(int hash) {
    return (hash * 0x9E3779B9) >>> 24;
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
    // a last word of the prefix ends at the space before t[from]
    return markWords(t, from, prefixFound.clone(), s < last ? last : -2, h);
  }

  /**
   * Marks in {@code found} the phrases anchored by the words of {@code a} from index {@code from} on,
   * read in place; {@code prevEnd} is where the word before them ended ({@code from - 1}: one space
   * before {@code a[from]}; -2: no such word) and {@code prevHash} its hash.
   */
  private long[] markWords(String a, int from, long[] found, int prevEnd, int prevHash) {
    int n = a.length();
    int i = from;
    while (i < n) {
      char c = a.charAt(i);
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
        if (++i == n || (c = a.charAt(i)) == ' ') {
          break;
        }
      }
      int len = i - s;
      int headLen = Math.min(AFFIX, len);
      int bit = wordBit(h);
      found[always.length + (bit >>> 6)] |= 1L << bit;
      whole.mark(h, found);
      if (prevEnd + 1 == s) {
        // the previous word, one space, and the head of this one
        pairs.mark((prevHash * 31 + ' ') * POW31[headLen] + head, found);
      }
      if (len >= AFFIX) {
        prefixes.mark(head, found);
        if (mayEndSuffix(a.charAt(i - 1))) {
          suffixes.mark(hash(a, i - AFFIX, i), found);
        }
      }
      prevEnd = i;
      prevHash = h;
    }
    return found;
  }

  /** Whether a suffix key ends with {@code c} (see {@link #suffixEnds0}). */
  private boolean mayEndSuffix(char c) {
    if (c >= 128) {
      return suffixEndsBeyond;
    }
    return ((c < 64 ? suffixEnds0 : suffixEnds1) & 1L << c) != 0;
  }

  /** {@link String#hashCode} of {@code a[s, e)}. */
  private static int hash(String a, int s, int e) {
    int h = 0;
    for (int k = s; k < e; k++) {
      h = 31 * h + a.charAt(k);
    }
    return h;
  }

  /** The number of longs of a {@link #candidates} set that hold phrase ids (the filter follows). */
  int idLongs() {
    return always.length;
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
     * entry's id count, plus one, or for an entry of one id (most of them) that id, negated and less
     * one; 0 for an empty slot. One long per probe keeps a look-up, which mostly misses, to one cache
     * line, and a key of one phrase marks it without reading {@link #ids}.
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
        total += list.size() == 1 ? 0 : 1 + list.size(); // one id stands in its slot
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
        int bit = filterBit(h);
        filter[bit >>> 6] |= 1L << bit;
        if (e.getValue().size() == 1) {
          slots[slot] = ((long) h << 32) | ((-e.getValue().get(0) - 1) & 0xFFFFFFFFL);
          continue;
        }
        slots[slot] = ((long) h << 32) | (at + 1);
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
          if ((int) e < 0) {
            int id = -(int) e - 1; // the entry's one id
            found[id >>> 6] |= 1L << id;
            return;
          }
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
