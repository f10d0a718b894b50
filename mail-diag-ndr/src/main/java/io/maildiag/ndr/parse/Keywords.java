package io.maildiag.ndr.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A few literal words, found in text with ASCII case ignored: the cheap necessary condition that
 * runs before a case-insensitive regular expression. A regular expression with an alternation is
 * tried at every position of a text; when each of its matches starts with one of a few words, only
 * the positions where a word starts need trying ({@link #find}), and a text without any of the words
 * cannot match at all ({@link #in}).
 *
 * <p>Case is ignored the way {@code (?i)} without {@code UNICODE_CASE} ignores it: {@code A-Z}
 * equal {@code a-z}, every other character equals only itself.
 *
 * <p>The words are kept in a trie laid out in one array: each character that occurs in a word is
 * given a column (a letter's two cases share one), each node a row, and a child is found with one
 * array read. When the words start with at most four distinct characters (either case),
 * candidates are found with {@link String#indexOf(int, int)}, which the JVM vectorises; otherwise
 * a small set of the words' first two characters rules out most positions of the text at one look
 * each, and when every word is long, a look at two characters skips several positions at once.
 */
final class Keywords {
  /** The characters {@code \s} matches (no {@code UNICODE_CHARACTER_CLASS}). */
  private static final char[] SPACE = {' ', '\t', '\n', '\u000B', '\f', '\r'};
  /** In {@link #next}: no child, so no word continues this way. */
  private static final int NONE = 0;
  /** In {@link #next}: a word ends here, so one of the words starts where the walk began. */
  private static final int WORD = -1;
  /** The column of each ASCII character, both cases of a letter alike; 0 for one in no word. */
  private final byte[] column = new byte[128];
  /** The row length: one more than the number of columns (column 0 stays empty). */
  private final int stride;
  /**
   * The trie: {@code next[node * stride + column]} is the child's node number, {@link #NONE} or
   * {@link #WORD}; the root is node 0. A word's end has no children: a longer word adds nothing.
   * Shorts, not ints: half the cache lines per walk, and the tables are read among much other work.
   */
  private final short[] next;
  /** The most nodes {@link #next} can number. */
  private static final int MAX_NODES = Short.MAX_VALUE;
  /**
   * The ASCII characters (either case) that a word starts with, bit {@code c} of {@code firstBits[c >>> 6]}:
   * {@link #at} rejects most characters with one look at this, before it reads the trie.
   */
  private final long[] firstBits = new long[2];
  /**
   * The pairs of columns a word may start with, bit {@code first * stride + second}: a word's first
   * two characters, or a one-character word and any column (0 standing for any other character and
   * for the text's end). Most positions of a text are ruled out by one look at this small set.
   */
  private final long[] pairs;
  /** The shortest {@link #span} that {@link #skip} is used for. */
  private static final int SKIP_FROM = 6;
  /** The length of the shortest word, at most 32: how far a look at two characters can skip. */
  private final int span;
  /**
   * When {@link #span} is {@link #SKIP_FROM} or more: for two columns, indexed as in {@link
   * #pairs}, how many positions further the next word can start at the earliest when they end the
   * {@link #span} characters from a position; {@code span - 1} for a pair that is in no word's
   * first span characters (a multi-word form of Horspool's skip).
   */
  private final byte @Nullable [] skip;
  /** The words' first characters in either case when there are at most four, else -1. */
  private final int first0;
  private final int first1;
  private final int first2;
  private final int first3;

  /**
   * @param words the words, lower-case ASCII, none empty
   */
  Keywords(String... words) {
    // the words as character arrays: read with plain array loads, which cost little even before
    // the JIT compiles this constructor (most instances are built once, when the JVM is cold)
    char[][] ws = new char[words.length][];
    FirstChars firsts = new FirstChars();
    int columns = 0;
    int chars = 0;
    int shortest = Integer.MAX_VALUE;
    for (int k = 0; k < words.length; k++) {
      char[] w = words[k].toCharArray();
      ws[k] = w;
      if (w.length == 0) {
        throw notLowerAscii(words[k]);
      }
      chars += w.length;
      shortest = Math.min(shortest, w.length);
      columns = addColumns(w, columns, words[k]);
      firsts.add(w[0]);
      addFirst(w[0]);
    }
    stride = columns + 1;
    int[] table = new int[(chars + 1) * stride];
    int nodes = 1;
    pairs = new long[(stride * stride + 63) / 64];
    for (char[] w : ws) {
      int node = 0;
      for (int i = 0; i < w.length && node != WORD; i++) {
        int at = node * stride + column[w[i]];
        if (i == w.length - 1) {
          table[at] = WORD;
        } else if (table[at] == NONE) {
          table[at] = nodes++;
        }
        node = table[at];
      }
      if (w.length == 1) {
        addAnyAfter(w[0]);
      } else {
        addPair(w[0], w[1]);
      }
    }
    next = shorts(table, nodes * stride);
    span = Math.min(shortest, 32);
    // the skips pay for their look two characters ahead when they move on far enough
    skip = span >= SKIP_FROM ? skips(ws) : null;
    first0 = firsts.kept(0);
    first1 = firsts.kept(1);
    first2 = firsts.kept(2);
    first3 = firsts.kept(3);
  }

  /**
   * The words {@link #product} gives for one of the lists of classes, built without listing them:
   * each class of a list is one node of the trie, whose children for all the class's characters are
   * the next class's node. The walk is the one the listed words' trie gives (both accept exactly the
   * same words), for a fraction of the work of inserting thousands of words, most of it done while
   * the JVM is cold. When two lists share a first character, the words are listed after all.
   *
   * @param alternatives lists of classes, each class the lower-case ASCII characters of one position
   */
  static Keywords ofProducts(String[]... alternatives) {
    StringBuilder firsts = new StringBuilder();
    for (String[] classes : alternatives) {
      for (char c : classes[0].toCharArray()) {
        if (firsts.indexOf(String.valueOf(c)) >= 0) {
          String[][] words = new String[alternatives.length][];
          for (int i = 0; i < words.length; i++) {
            words[i] = product(alternatives[i]);
          }
          return new Keywords(all(words));
        }
      }
      firsts.append(classes[0]);
    }
    return new Keywords(alternatives);
  }

  /** See {@link #ofProducts}; the lists' first classes have no character in common. */
  private Keywords(String[][] alternatives) {
    char[][][] alts = new char[alternatives.length][][];
    FirstChars firsts = new FirstChars();
    int columns = 0;
    int nodes = 1;
    int shortest = Integer.MAX_VALUE;
    for (int a = 0; a < alts.length; a++) {
      String[] classes = alternatives[a];
      if (classes.length == 0) {
        throw notLowerAscii("");
      }
      alts[a] = new char[classes.length][];
      nodes += classes.length - 1;
      shortest = Math.min(shortest, classes.length);
      for (int d = 0; d < classes.length; d++) {
        char[] cl = classes[d].toCharArray();
        alts[a][d] = cl;
        if (cl.length == 0) {
          throw notLowerAscii(String.join("", classes));
        }
        columns = addColumns(cl, columns, classes[d]);
      }
      for (char c : alts[a][0]) {
        firsts.add(c);
        addFirst(c);
      }
    }
    stride = columns + 1;
    checkNodes(nodes);
    next = new short[nodes * stride];
    pairs = new long[(stride * stride + 63) / 64];
    int fresh = 1;
    for (char[][] classes : alts) {
      int node = 0;
      for (int d = 0; d < classes.length; d++) {
        int child = d == classes.length - 1 ? WORD : fresh++;
        for (char c : classes[d]) {
          next[node * stride + column[c]] = (short) child;
        }
        node = child;
      }
      for (char c : classes[0]) {
        if (classes.length == 1) {
          addAnyAfter(c);
        } else {
          for (char c2 : classes[1]) {
            addPair(c, c2);
          }
        }
      }
    }
    span = Math.min(shortest, 32);
    if (span >= SKIP_FROM) {
      byte[] t = emptySkips();
      for (char[][] classes : alts) {
        for (int q = 1; q < span; q++) {
          for (char c1 : classes[q - 1]) {
            for (char c2 : classes[q]) {
              lowerSkip(t, c1, c2, q);
            }
          }
        }
      }
      skip = t;
    } else {
      skip = null;
    }
    first0 = firsts.kept(0);
    first1 = firsts.kept(1);
    first2 = firsts.kept(2);
    first3 = firsts.kept(3);
  }

  /** The first {@code length} entries of {@code table} as shorts; see {@link #next}. */
  private static short[] shorts(int[] table, int length) {
    checkNodes(length);
    short[] out = new short[length];
    for (int k = 0; k < length; k++) {
      out[k] = (short) table[k];
    }
    return out;
  }

  /** Fails when {@code nodes} (or any bound of them) exceed what {@link #next} can number. */
  private static void checkNodes(int nodes) {
    if (nodes > MAX_NODES) {
      throw new IllegalArgumentException("too many words: " + nodes + " trie cells");
    }
  }

  /** Sets the bits of {@link #firstBits} for {@code c} (lower-case ASCII) and its upper case. */
  private void addFirst(char c) {
    firstBits[c >>> 6] |= 1L << c;
    char u = upper(c);
    firstBits[u >>> 6] |= 1L << u;
  }

  /**
   * Gives each of {@code chars} (checked to be lower-case ASCII, from {@code word}) and its upper case
   * a column unless it has one; the number of columns afterwards.
   */
  private int addColumns(char[] chars, int columns, String word) {
    int count = columns;
    for (char c : chars) {
      if (c >= 128 || c >= 'A' && c <= 'Z') {
        throw notLowerAscii(word);
      }
      if (column[c] == 0) {
        column[c] = (byte) ++count;
        column[upper(c)] = column[c];
      }
    }
    return count;
  }

  /** Notes in {@link #pairs} that a word may start with {@code c} and then {@code c2}. */
  private void addPair(char c, char c2) {
    int bit = column[c] * stride + column[c2];
    pairs[bit >>> 6] |= 1L << bit;
  }

  /** Notes in {@link #pairs} that the one-character word {@code c} may be followed by anything. */
  private void addAnyAfter(char c) {
    int from = column[c] * stride;
    for (int k = 0; k < stride; k++) {
      pairs[(from + k) >>> 6] |= 1L << (from + k);
    }
  }

  /** A {@link #skip} table with no pair in a word yet: each skips {@code span - 1}. */
  private byte[] emptySkips() {
    byte[] t = new byte[stride * stride];
    Arrays.fill(t, (byte) (span - 1));
    return t;
  }

  /** Lowers the skip of the pair {@code c1}, {@code c2} found ending at index {@code q} of a word's first span chars. */
  private void lowerSkip(byte[] t, char c1, char c2, int q) {
    int pair = column[c1] * stride + column[c2];
    t[pair] = (byte) Math.min(t[pair], span - 1 - q);
  }

  private static IllegalArgumentException notLowerAscii(String word) {
    return new IllegalArgumentException("not a lower-case ASCII word: " + word);
  }

  /** The distinct first characters of the words, both cases of a letter, in the order met. */
  private static final class FirstChars {
    private char[] chars = new char[8];
    private int count;

    /** Adds {@code c} (not an upper-case letter) and its upper case, unless {@code c} is in already. */
    void add(char c) {
      for (int i = 0; i < count; i++) {
        if (chars[i] == c) {
          return;
        }
      }
      if (count + 2 > chars.length) {
        chars = Arrays.copyOf(chars, chars.length * 2);
      }
      chars[count++] = c;
      if (upper(c) != c) {
        chars[count++] = upper(c);
      }
    }

    /**
     * The {@code k}th character (0 to 3) as {@link #nextByIndexOf} keeps them: -1 when there are
     * more than four in all or no {@code k}th one (the first slot reads 0 when there is none).
     */
    int kept(int k) {
      if (count > 4) {
        return -1;
      }
      return k == 0 || k < count ? chars[k] : -1;
    }
  }

  /** {@code c} with a-z upper-cased: {@link Character#toUpperCase(char)} of an ASCII character. */
  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  /** The {@link #skip} table of the words. */
  private byte[] skips(char[][] words) {
    byte[] t = emptySkips();
    for (char[] w : words) {
      for (int q = 1; q < span; q++) {
        lowerSkip(t, w[q - 1], w[q], q);
      }
    }
    return t;
  }

  /** The first index at or after {@code from} where one of the words starts in {@code s}, or -1. */
  int next(String s, int from) {
    if (first0 >= 0) {
      return nextByIndexOf(s, Math.max(0, from));
    }
    return skip != null ? nextBySkips(s, from) : nextByTrie(s, from);
  }

  /**
   * {@link #next} by looking at the last two of the {@link #span} characters from a position and
   * moving on as far as no word can start; a word is looked for only where they end the first
   * span characters of one.
   */
  private int nextBySkips(String s, int from) {
    int last = s.length() - span;
    for (int i = Math.max(0, from); i <= last; ) {
      int end = i + span - 1;
      int ahead = skip[columnOf(s.charAt(end - 1)) * stride + columnOf(s.charAt(end))];
      if (ahead > 0) {
        i += ahead;
      } else if (wordFrom(next[columnOf(s.charAt(i))], s, i + 1)) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** {@link #next} by the vectorised {@link String#indexOf(int, int)} of each first character. */
  private int nextByIndexOf(String s, int from) {
    // the next occurrence of each first character; only the one at a rejected candidate moves on
    int p0 = s.indexOf(first0, from);
    int p1 = first1 < 0 ? -1 : s.indexOf(first1, from);
    int p2 = first2 < 0 ? -1 : s.indexOf(first2, from);
    int p3 = first3 < 0 ? -1 : s.indexOf(first3, from);
    while (true) {
      int at = earlier(earlier(p0, p1), earlier(p2, p3));
      if (at < 0 || wordAfterFirst(s, at)) {
        return at;
      }
      p0 = p0 == at ? s.indexOf(first0, at + 1) : p0;
      p1 = p1 == at ? s.indexOf(first1, at + 1) : p1;
      p2 = p2 == at ? s.indexOf(first2, at + 1) : p2;
      p3 = p3 == at ? s.indexOf(first3, at + 1) : p3;
    }
  }

  /**
   * A reader of {@link #next} over one text for starts that never go back. When the words have few
   * first characters, the next occurrence of each is kept between calls: a rare one (an upper-case
   * letter) is looked for once, not again from every start.
   */
  Cursor cursor(String s) {
    return new Cursor(s);
  }

  /** {@link #next} over one text, for starts that never decrease; see {@link #cursor}. */
  final class Cursor {
    /** No occurrence at or after the last start. */
    private static final int NONE_LEFT = Integer.MAX_VALUE;
    private final String s;
    /** The first occurrence of each first character not yet ruled out, or -1 before the first look. */
    private final int[] at = {-1, -1, -1, -1};

    private Cursor(String s) {
      this.s = s;
    }

    /** The first index at or after {@code from} where one of the words starts, or -1; {@code from} never decreases. */
    int next(int from) {
      if (first0 < 0) {
        return Keywords.this.next(s, from);
      }
      int f = Math.max(0, from);
      while (true) {
        int best = NONE_LEFT;
        for (int k = 0; k < 4; k++) {
          int c = firstChar(k);
          if (c < 0) {
            break;
          }
          // an occurrence before the start, or none looked for yet: look from the start
          if (at[k] < f) {
            int p = s.indexOf(c, f);
            at[k] = p < 0 ? NONE_LEFT : p;
          }
          best = Math.min(best, at[k]);
        }
        if (best == NONE_LEFT) {
          return -1;
        }
        if (wordAfterFirst(s, best)) {
          return best;
        }
        f = best + 1; // a rejected candidate stays rejected for every later start
      }
    }
  }

  /** The {@code k}th of the first characters kept for {@link #nextByIndexOf}, or -1. */
  private int firstChar(int k) {
    return k == 0 ? first0 : k == 1 ? first1 : k == 2 ? first2 : first3;
  }

  /** The smaller of two indexes, where -1 means none. */
  private static int earlier(int a, int b) {
    return a < 0 || b >= 0 && b < a ? b : a;
  }

  /** {@link #next} by a look at each pair of characters. */
  private int nextByTrie(String s, int from) {
    int n = s.length();
    int i = Math.max(0, from);
    if (i >= n) {
      return -1;
    }
    int left = columnOf(s.charAt(i));
    for (; i < n - 1; i++) {
      int right = columnOf(s.charAt(i + 1));
      int bit = left * stride + right;
      if ((pairs[bit >>> 6] & 1L << bit) != 0 && wordFrom(next[left], s, i + 1)) {
        return i;
      }
      left = right;
    }
    return at(s, n - 1) ? n - 1 : -1;
  }

  /** The column of {@code c}, 0 when it is in no word. */
  private int columnOf(char c) {
    return c < 128 ? column[c] : 0;
  }

  /** Whether a word ends at {@code node} ({@link #WORD}) or continues from it with {@code s} at {@code at}. */
  private boolean wordFrom(int node, String s, int at) {
    int t = node;
    int n = s.length();
    for (int j = at; t > 0; j++) {
      if (j == n) {
        return false;
      }
      char c = s.charAt(j);
      if (c >= 128) {
        return false;
      }
      t = next[t * stride + column[c]];
    }
    return t == WORD;
  }

  /**
   * {@link #at} where {@code s} has one of the words' first characters at {@code i} (an ASCII
   * character, found by {@link String#indexOf(int, int)}): only the rest of a word is looked for.
   */
  private boolean wordAfterFirst(String s, int i) {
    return wordFrom(next[column[s.charAt(i)]], s, i + 1);
  }

  /** Whether one of the words starts at index {@code i} of {@code s}. */
  boolean at(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c < 128 && (firstBits[c >>> 6] & 1L << c) != 0 && wordFrom(next[column[c]], s, i + 1);
  }

  /**
   * The words that start {@code word\s+x} where {@code x} is one of {@code next}: the word and a
   * {@code \s} character other than a space, or the word, a space, and a {@code \s} character or
   * one of {@code next}.
   */
  static String[] spacedThen(String word, String next) {
    List<String> out = new ArrayList<>(2 * SPACE.length + next.length());
    for (char c : SPACE) {
      if (c != ' ') {
        out.add(word + c);
      }
      out.add(word + ' ' + c);
    }
    for (char c : next.toCharArray()) {
      out.add(word + ' ' + c);
    }
    return out.toArray(new String[0]);
  }

  /** Every word of one character of each of {@code classes}, in order: ("24", "0-") gives 20, 2-, 40, 4-. */
  static String[] product(String... classes) {
    int count = 1;
    for (String chars : classes) {
      count *= chars.length();
    }
    String[] out = new String[count];
    char[] w = new char[classes.length];
    for (int i = 0; i < count; i++) {
      // i in the mixed radix of the classes' sizes, the last class its lowest digit
      int rest = i;
      for (int k = classes.length - 1; k >= 0; k--) {
        String chars = classes[k];
        w[k] = chars.charAt(rest % chars.length());
        rest /= chars.length();
      }
      out[i] = new String(w);
    }
    return out;
  }

  /** The words of several arrays, in order, as one array. */
  static String[] all(String[]... groups) {
    int n = 0;
    for (String[] g : groups) {
      n += g.length;
    }
    String[] out = new String[n];
    int at = 0;
    for (String[] g : groups) {
      System.arraycopy(g, 0, out, at, g.length);
      at += g.length;
    }
    return out;
  }

  /** Words and more words, as one array. */
  static String[] concat(String[] words, String... more) {
    String[] out = Arrays.copyOf(words, words.length + more.length);
    System.arraycopy(more, 0, out, words.length, more.length);
    return out;
  }

  /**
   * Whether one of the words starts {@code s} after its leading {@code \s} characters: the
   * necessary condition of a pattern {@code ^\s*(?:...)} whose alternatives start with the words.
   */
  boolean leads(String s) {
    return at(s, skipSpace(s));
  }

  /**
   * The {@code lookingAt} match of {@code p}, a pattern {@code ^\s*(?:...)} whose alternatives
   * start with the words, on {@code line}; null when there is none. No matcher is made unless one
   * of the words leads the line.
   */
  @Nullable Matcher leading(Pattern p, String line) {
    if (!leads(line)) {
      return null;
    }
    Matcher m = p.matcher(line);
    return m.lookingAt() ? m : null;
  }

  /** The index of the first character of {@code s} that {@code \s} does not match, or its length. */
  static int skipSpace(String s) {
    return skipSpace(s, 0);
  }

  /** The index of the first character of {@code s} from {@code from} that {@code \s} does not match, or its length. */
  static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether {@code c} is one of {@code [ \t\n\x0B\f\r]}, the characters {@code \s} matches. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Whether one of the words occurs in {@code s}. */
  boolean in(String s) {
    return next(s, 0) >= 0;
  }

  /** Every index of {@code s} where one of the words starts, in order. */
  int[] all(String s) {
    int[] out = new int[8];
    int n = 0;
    for (int p = next(s, 0); p >= 0; p = next(s, p + 1)) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = p;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Finds the next match of {@code m} (a matcher over {@code s}) that starts at or after {@code
   * from}, as {@code m.find(from)} does, provided every match of its pattern starts with one of
   * the words and none is empty; afterwards {@code m} reports the match as after {@code find}.
   */
  boolean find(Matcher m, String s, int from) {
    return findBefore(m, s, from, s.length());
  }

  /** {@link #find} among the matches that start before {@code limit}. */
  private boolean findBefore(Matcher m, String s, int from, int limit) {
    // transparent, non-anchoring bounds: a match tried at a region's start sees the text around it
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (int p = next(s, from); p >= 0 && p < limit; p = next(s, p + 1)) {
      m.region(p, s.length());
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first match of {@code p} in {@code s}, as {@code p.matcher(s).find()} finds it, provided
   * every match of {@code p} starts with one of the words and none is empty; null when there is
   * none. No matcher is made for a text without the words.
   */
  @Nullable Matcher match(Pattern p, String s) {
    return match(p, s, s.length());
  }

  /** The match after {@code m}'s (a matcher from {@link #match}), or null. */
  @Nullable Matcher matchAfter(Matcher m, String s) {
    return find(m, s, m.end()) ? m : null;
  }

  /**
   * {@link #match(Pattern, String)} for a pattern none of whose matches starts at or after {@code
   * limit} (one that needs a character that last occurs before it).
   */
  @Nullable Matcher match(Pattern p, String s, int limit) {
    int at = next(s, 0);
    if (at < 0 || at >= limit) {
      return null;
    }
    Matcher m = p.matcher(s);
    return findBefore(m, s, at, limit) ? m : null;
  }

  /**
   * {@code m} (or, when null, a new matcher of {@code p} over {@code s}) with its region from
   * {@code at} to the end: transparent, non-anchoring bounds, so that a match tried at the region's
   * start sees the text around it. Lets a loop over candidate starts make its matcher only when one
   * is tried.
   */
  static Matcher from(@Nullable Matcher m, Pattern p, String s, int at) {
    Matcher r = m != null ? m : p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    return r.region(at, s.length());
  }

  /** Whether {@code c} is an ASCII letter. */
  static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Whether {@code c} is an ASCII letter, digit or underscore, a word character to {@code \b}. */
  static boolean isAsciiWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** {@code c} with A-Z lower-cased, as {@code (?i)} folds case. */
  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Whether {@code s} holds the lower-case word {@code w} at {@code at}, ASCII case ignored (as
   * {@code (?i)} without UNICODE_CASE compares; {@code regionMatches} would also fold other letters).
   */
  static boolean startsWithAscii(String s, int at, String w) {
    if (at + w.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (lower(s.charAt(at + k)) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
