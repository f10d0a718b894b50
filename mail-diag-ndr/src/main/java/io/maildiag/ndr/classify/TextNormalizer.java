package io.maildiag.ndr.classify;

import org.jspecify.annotations.Nullable;

/**
 * Normalises diagnostic text (and rule phrases) for word matching.
 *
 * <p>The input is first cut to {@link #MAX_INPUT_CHARS} characters, so the cost of classifying
 * is bounded whatever the caller passes. Then, in one pass over whitespace-separated tokens:
 *
 * <ul>
 *   <li>e-mail addresses are dropped (the part of a token between delimiters such as {@code <},
 *       {@code :}, {@code (} or two dots that holds an {@code @}), so that local parts such as {@code
 *       user-unknown@example.com} cannot look like words, while {@code FROM:<a@b>} keeps {@code
 *       from};
 *   <li>SMTP reply codes ({@code 550}, {@code 550-}) and enhanced status codes ({@code 5.1.1},
 *       {@code #5.1.1}, {@code 550-5.1.1}) are dropped: they are inputs of their own, and in
 *       multi-line replies they interrupt phrases ({@code "not accepted due to 550-5.7.26 domain's
 *       DMARC policy"});
 *   <li>letters are lower-cased and Latin letters lose their diacritics ({@code Empfänger} and
 *       {@code Empfanger} both become {@code empfanger}, {@code boîte} becomes {@code boite},
 *       {@code ß} becomes {@code ss}), so that rules match whether or not a mail system kept the
 *       accents; combining vowel signs of other scripts (Devanagari, Thai, Arabic) stay in their
 *       word, and zero-width joiners and soft hyphens vanish;
 *   <li>the contractions {@code n't} become {@code " not"} ({@code can't}, {@code cannot} become
 *       {@code can not}; {@code won't} becomes {@code will not}); the apostrophe of a French or
 *       Italian elision is a word break ({@code l'adresse n'existe pas} becomes {@code l adresse n
 *       existe pas}); other apostrophes vanish ({@code user's} becomes {@code users});
 *   <li>every other character that is not a letter or digit is a word break.
 * </ul>
 *
 * <p>The result holds lower-case words separated by single spaces, without leading or trailing
 * space. Linear in the (cut) input; no regular expressions.
 */
public final class TextNormalizer {
  /** Input beyond this many characters is ignored: {@value}. */
  public static final int MAX_INPUT_CHARS = io.maildiag.ndr.ReasonClassifier.MAX_TEXT_CHARS;

  private TextNormalizer() {}

  /** Returns the normalised form of {@code text}; never null, possibly empty. */
  public static String normalize(CharSequence text) {
    return compute(text);
  }

  /**
   * Returns the normalised form of {@code text}, which is {@code first} stripped, a space, and a
   * second text, from the normalised forms of {@code first} and of the second text: tokens are
   * normalised each on its own, so it is those two joined by a space (when both have words),
   * provided neither text is cut at {@link #MAX_INPUT_CHARS}. For a diagnostic with the SMTP stage
   * appended, whose own words need no second pass.
   */
  public static String joined(String text, String first, String normalizedFirst, String normalizedSecond) {
    if (text.length() > MAX_INPUT_CHARS || first.length() > MAX_INPUT_CHARS) {
      return compute(text);
    }
    if (normalizedFirst.isEmpty()) {
      return normalizedSecond;
    }
    return normalizedSecond.isEmpty() ? normalizedFirst : normalizedFirst + " " + normalizedSecond;
  }

  /**
   * Whether {@code text} is already what {@link #normalize} makes of it because it is words of the
   * ASCII letters a-z separated by single spaces, without "cannot": most rule phrases are, and this
   * one look costs less than normalising them again while the JVM is cold. False when unsure.
   */
  static boolean isPlainWords(String text) {
    int n = text.length();
    if (n == 0 || n > MAX_INPUT_CHARS || text.indexOf("cannot") >= 0) {
      return false;
    }
    char[] c = text.toCharArray();
    char prev = ' '; // no leading space
    for (char x : c) {
      if (x == ' ' ? prev == ' ' : x < 'a' || x > 'z') {
        return false;
      }
      prev = x;
    }
    return prev != ' '; // no trailing space
  }

  /** {@link #normalize}, for a {@link CharSequence} of any kind. */
  static String compute(CharSequence text) {
    int n = Math.min(text.length(), MAX_INPUT_CHARS);
    char[] raw = new char[n]; // one copy of the cut input; the passes below index it directly
    text.toString().getChars(0, n, raw, 0);
    Out out = new Out(n + 16);
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(raw[i])) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      // most tokens are ASCII letters and digits alone, or with ASCII punctuation around them
      // ("(in", "rejected:", "<<<"), which appendWord trims: written lower-cased as they are read
      while (i < n && isTrimmedAscii(raw[i])) {
        i++;
      }
      int run = i;
      char[] buf = out.reserve(n - i + 1);
      int o = out.length;
      char c;
      char l;
      while (i < n && (c = raw[i]) < 0x80 && (l = ASCII_LOWER[c]) != 0) {
        buf[o++] = l;
        i++;
      }
      int end = i;
      if (end > run) {
        while (end < n && isTrimmedAscii(raw[end])) {
          end++;
        }
      }
      if (end == n || isSpace(raw[end])) {
        // no run (punctuation alone) writes nothing; a run that is a reply code is dropped
        if (end > run && !isReplyCode(raw, run, i)) {
          buf[o++] = ' ';
          out.length = o;
          fixCannot(out);
        }
        i = end;
        continue;
      }
      i = end;
      // any other token: read to its end (what was read so far holds no '@') and then as a whole;
      // what was written past the output's length is left there
      int at = -1; // the first '@' of the token
      while (i < n && !isSpace(c = raw[i])) {
        if (c == '@' && at < 0) {
          at = i;
        }
        i++;
      }
      appendToken(raw, start, i, at, out);
    }
    if (out.length > 0 && out.last() == ' ') {
      out.length--;
    }
    return out.toString();
  }

  /**
   * The output being built: a growing character array, cheaper per character than a {@link
   * StringBuilder}.
   */
  private static final class Out {
    char[] chars;
    int length;

    Out(int capacity) {
      chars = new char[capacity];
    }

    /** Makes room for {@code n} more characters and returns the array to write them to. */
    char[] reserve(int n) {
      if (length + n > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(length + n, length * 2 + 16));
      }
      return chars;
    }

    void append(char c) {
      if (length == chars.length) {
        chars = java.util.Arrays.copyOf(chars, length * 2 + 16);
      }
      chars[length++] = c;
    }

    void append(String s) {
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i));
      }
    }

    /** The last character; the output must not be empty. */
    char last() {
      return chars[length - 1];
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }

  /**
   * Whether {@code c} is ASCII punctuation that {@link #appendWord} trims from a token's ends: not
   * a letter, digit, space or control, nor the '@' that makes a token an address.
   */
  private static boolean isTrimmedAscii(char c) {
    return c < 0x80 && c > ' ' && ASCII_LOWER[c] == 0 && c != '@';
  }

  private static boolean isSpace(char c) {
    if (c < 0x80) {
      return c <= ' '; // the only ASCII white space and space characters are the controls and ' '
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** {@link Character#isLetterOrDigit(char)}, without the table look-up for ASCII. */
  private static boolean isLetterOrDigit(char c) {
    return c < 0x80 ? ASCII_LOWER[c] != 0 : Character.isLetterOrDigit(c);
  }

  /** Appends the words of {@code raw[start, end)}, whose first '@' is at {@code at} (-1: none). */
  private static void appendToken(char[] raw, int start, int end, int at, Out out) {
    if (at >= 0) {
      // drop the address only: "FROM:<user@example.com>" keeps "FROM", and "user@example.com...User"
      // (two dots end a domain: no label is empty) keeps "User"
      int s = start;
      for (int k = start; k <= end; k++) {
        if (k == end || isAddressDelimiter(raw[k]) || raw[k] == '.' && k + 1 < end && raw[k + 1] == '.') {
          if (k > s && !containsAt(raw, s, k)) {
            appendWord(raw, s, k, out);
          }
          s = k + 1;
        }
      }
      return;
    }
    appendWord(raw, start, end, out);
  }

  private static boolean isAddressDelimiter(char c) {
    return c == '<' || c == '>' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
        || c == ';' || c == '"' || c == '=';
  }

  private static boolean containsAt(char[] raw, int s, int e) {
    for (int k = s; k < e; k++) {
      if (raw[k] == '@') {
        return true;
      }
    }
    return false;
  }

  private static void appendWord(char[] raw, int start, int end, Out out) {
    // trim punctuation around the token to recognise codes such as "(#5.4.4)" or "[550]"
    int s = start;
    int e = end;
    while (s < e && !isLetterOrDigit(raw[s])) {
      s++;
    }
    while (e > s && !isLetterOrDigit(raw[e - 1]) && !isMark(raw[e - 1])) {
      e--;
    }
    if (s == e || isCode(raw, s, e)) {
      return;
    }
    for (int k = s; k < e; k++) {
      char c = raw[k];
      if (c < 0x80 && ASCII_LOWER[c] != 0) {
        k = appendAsciiRun(raw, k, e, out) - 1;
        continue;
      }
      if (isApostrophe(c)) {
        if (k + 1 < e && Character.toLowerCase(raw[k + 1]) == 't' && k > s
            && Character.toLowerCase(raw[k - 1]) == 'n' && (k + 2 == e
            || !isLetterOrDigit(raw[k + 2]))) {
          expandNot(out);
          k++; // skip the t
        }
        if (k + 1 < e && Character.isLetter(raw[k + 1]) && isElision(raw, s, k)) {
          space(out); // French and Italian elision: "l'adresse" -> "l adresse", "dell'account" -> "dell account"
          continue;
        }
        continue; // other apostrophes vanish
      }
      if (isLetterOrDigit(c)) {
        appendLetter(c, out);
      } else if (isInvisible(c)) {
        continue; // zero-width joiners and soft hyphens do not break a word
      } else if (isMark(c) && out.length > 0 && out.last() != ' ') {
        if (out.last() >= 0x80) {
          out.append(c); // vowel signs of Indic, Thai, Arabic scripts belong to their word
        }
        // a combining accent on a Latin letter is dropped, like the accent of a precomposed one
      } else {
        space(out);
      }
    }
    space(out);
    fixCannot(out);
  }

  /** Per ASCII character, its lower case if it is a letter or digit, else 0. */
  private static final char[] ASCII_LOWER = new char[0x80];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_LOWER[c] = c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_LOWER[c] = c;
      ASCII_LOWER[c - 'a' + 'A'] = c;
    }
  }

  /**
   * Appends the run of ASCII letters and digits that starts at {@code k} (before {@code e}),
   * lower-cased, and returns where it ends: most text is such runs, and no folding, apostrophe or
   * mark applies inside one.
   */
  private static int appendAsciiRun(char[] raw, int k, int e, Out out) {
    char[] buf = out.reserve(e - k);
    int len = out.length;
    char l;
    while (k < e && raw[k] < 0x80 && (l = ASCII_LOWER[raw[k]]) != 0) {
      buf[len++] = l;
      k++;
    }
    out.length = len;
    return k;
  }

  /**
   * Latin letters with diacritics (U+00C0 to U+024F) folded to ASCII: {@link #NO_FOLD} where none
   * applies, null for a letter not met yet. Filled as letters are met (see {@link #latinFold}), so
   * that no decomposition is worked out for the many letters no text holds; threads racing on an
   * entry write equal strings.
   */
  private static final String[] FOLD = new String[0x250 - 0xC0];
  /** In {@link #FOLD}: no folding applies. */
  private static final String NO_FOLD = "";
  /**
   * Latin Extended Additional (U+1E00 to U+1EFF: Vietnamese) folded to ASCII: 0 where none applies,
   * {@link #NOT_MET} for a letter not met yet; filled as {@link #FOLD} is.
   */
  private static final char[] FOLD_EXTENDED = new char[0x100];
  /** In {@link #FOLD_EXTENDED}: a letter not met yet (no letter folds to this non-character). */
  private static final char NOT_MET = '\uFFFF';

  static {
    java.util.Arrays.fill(FOLD_EXTENDED, NOT_MET);
    String[][] special = {{"\u00df", "ss"}, {"\u00e6", "ae"}, {"\u00c6", "ae"}, {"\u0153", "oe"},
        {"\u0152", "oe"}, {"\u00f8", "o"}, {"\u00d8", "o"}, {"\u0111", "d"}, {"\u0110", "d"},
        {"\u0142", "l"}, {"\u0141", "l"}, {"\u00f0", "d"}, {"\u00d0", "d"}, {"\u00fe", "th"},
        {"\u00de", "th"}, {"\u0131", "i"}};
    for (String[] e : special) {
      FOLD[e[0].charAt(0) - 0xC0] = e[1];
    }
  }

  /**
   * The ASCII folding of {@code c} (U+00C0 to U+024F), or null where none applies: the lower case
   * of the base letter of its canonical decomposition, when that is an ASCII letter.
   */
  private static @Nullable String latinFold(char c) {
    String f = FOLD[c - 0xC0];
    if (f == null) {
      char base = decompositionBase(c);
      f = base < 0x80 && Character.isLetter(base) ? String.valueOf(Character.toLowerCase(base)) : NO_FOLD;
      FOLD[c - 0xC0] = f;
    }
    return f.isEmpty() ? null : f;
  }

  /** {@link #latinFold} for Latin Extended Additional (U+1E00 to U+1EFF); 0 where none applies. */
  private static char extendedFold(char c) {
    char f = FOLD_EXTENDED[c - 0x1E00];
    if (f == NOT_MET) {
      char base = decompositionBase(c);
      f = base < 0x80 && Character.isLetter(base) ? Character.toLowerCase(base) : 0;
      FOLD_EXTENDED[c - 0x1E00] = f;
    }
    return f;
  }

  /** The first character of the canonical decomposition (NFD) of {@code c}. */
  private static char decompositionBase(char c) {
    return java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD).charAt(0);
  }

  /**
   * Appends a letter or digit lower-cased, with Latin diacritics folded ("Empfänger" becomes
   * "empfanger", Vietnamese "địa chỉ" becomes "dia chi").
   */
  private static void appendLetter(char c, Out out) {
    char l = Character.toLowerCase(c);
    String f;
    char e;
    if (l >= 0xC0 && l < 0x250 && (f = latinFold(l)) != null) {
      out.append(f);
    } else if (c >= 0xC0 && c < 0x250 && (f = latinFold(c)) != null) {
      out.append(f);
    } else if (l >= 0x1E00 && l < 0x1F00 && (e = extendedFold(l)) != 0) {
      out.append(e);
    } else {
      out.append(l);
    }
  }

  private static boolean isInvisible(char c) {
    return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
  }

  private static boolean isMark(char c) {
    if (c < 0x80) {
      return false; // no ASCII character is a mark: punctuation is answered without the type table
    }
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** Turns a just-written "...n" into "... not": doesn't -> does not, can't -> can not. */
  private static void expandNot(Out out) {
    int len = out.length;
    // out ends with the letters before the apostrophe, including the 'n'
    int wordStart = len;
    while (wordStart > 0 && out.chars[wordStart - 1] != ' ') {
      wordStart--;
    }
    String word = new String(out.chars, wordStart, len - wordStart);
    out.length = wordStart;
    switch (word) {
      case "can" -> out.append("can not");
      case "won" -> out.append("will not");
      case "n" -> out.append("not");
      default -> {
        out.append(word.substring(0, word.length() - 1));
        out.append(" not");
      }
    }
  }

  /** Turns a just-written word "cannot " into "can not ". */
  private static void fixCannot(Out out) {
    int len = out.length;
    if (len >= 7 && out.chars[len - 1] == ' ' && endsWithCannot(out.chars, len - 1)
        && (len == 7 || out.chars[len - 8] == ' ')) {
      out.length = len - 7;
      out.append("can not ");
    }
  }

  /** Whether {@code c[end - 6, end)} is "cannot"; compared in place, without a copy. */
  private static boolean endsWithCannot(char[] c, int end) {
    int s = end - 6;
    return c[s] == 'c' && c[s + 1] == 'a' && c[s + 2] == 'n' && c[s + 3] == 'n' && c[s + 4] == 'o'
        && c[s + 5] == 't';
  }

  private static void space(Out out) {
    int len = out.length;
    if (len > 0 && out.chars[len - 1] != ' ') {
      out.append(' ');
    }
  }

  /** Articles and particles that French and Italian elide before a vowel: l', d', n', qu', dell'... */
  private static final java.util.Set<String> ELISIONS = java.util.Set.of("l", "d", "n", "j", "s", "c", "m", "t",
      "qu", "jusqu", "lorsqu", "puisqu", "dell", "all", "nell", "dall", "sull", "quell", "un");

  /** Whether raw[s, k) (the token up to an apostrophe) is an elided article or particle. */
  private static boolean isElision(char[] raw, int s, int k) {
    if (k - s > 7) {
      return false;
    }
    return ELISIONS.contains(new String(raw, s, k - s).toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`';
  }

  /**
   * {@link #isCode} for a token of ASCII letters and digits alone: a code then only when it is a
   * reply code of three digits (an enhanced code holds dots).
   */
  private static boolean isReplyCode(char[] raw, int s, int e) {
    return e - s == 3 && raw[s] >= '2' && raw[s] <= '5' && isDigit(raw[s + 1]) && isDigit(raw[s + 2]);
  }

  /**
   * Whether raw[s, e) is a reply code ({@code 550}, {@code 550-}), an enhanced status code
   * ({@code 5.1.1}), or both joined by a hyphen ({@code 550-5.1.1}).
   */
  private static boolean isCode(char[] raw, int s, int e) {
    int p = s;
    int q = replyCodeEnd(raw, p, e);
    if (q > p) {
      if (q == e) {
        return true;
      }
      if (raw[q] == '-' || raw[q] == ' ') {
        p = q + 1;
      } else {
        return false;
      }
    }
    return enhancedCodeEnd(raw, p, e) == e;
  }

  private static int replyCodeEnd(char[] raw, int p, int e) {
    if (p + 3 <= e && raw[p] >= '2' && raw[p] <= '5' && isDigit(raw[p + 1])
        && isDigit(raw[p + 2]) && (p + 3 == e || !isDigit(raw[p + 3]))) {
      return p + 3;
    }
    return p;
  }

  private static int enhancedCodeEnd(char[] raw, int p, int e) {
    if (p >= e || raw[p] < '2' || raw[p] > '5') {
      return -1;
    }
    p++;
    for (int part = 0; part < 2; part++) {
      if (p >= e || raw[p] != '.') {
        return -1;
      }
      p++;
      int digits = 0;
      while (p < e && isDigit(raw[p]) && digits < 3) {
        p++;
        digits++;
      }
      if (digits == 0) {
        return -1;
      }
    }
    return p;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
