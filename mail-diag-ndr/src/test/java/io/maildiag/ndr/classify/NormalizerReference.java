package io.maildiag.ndr.classify;

/**
 * The straightforward {@link TextNormalizer} as it was before it was tuned for speed (a {@link
 * StringBuilder}, {@link Character} look-ups for every character): the reference the tuned one
 * must agree with, character for character.
 */
final class NormalizerReference {
  /** Input beyond this many characters is ignored: {@value}. */
  static final int MAX_INPUT_CHARS = io.maildiag.ndr.ReasonClassifier.MAX_TEXT_CHARS;

  private NormalizerReference() {}

  /** Returns the normalised form of {@code raw}; never null, possibly empty. */
  static String normalize(CharSequence raw) {
    int n = Math.min(raw.length(), MAX_INPUT_CHARS);
    StringBuilder out = new StringBuilder(n + 16);
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(raw.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(raw.charAt(i))) {
        i++;
      }
      if (start < i) {
        appendToken(raw, start, i, out);
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static void appendToken(CharSequence raw, int start, int end, StringBuilder out) {
    int at = -1;
    for (int k = start; k < end; k++) {
      if (raw.charAt(k) == '@') {
        at = k;
        break;
      }
    }
    if (at >= 0) {
      // drop the address only: "FROM:<user@example.com>" keeps "FROM"
      int s = start;
      for (int k = start; k <= end; k++) {
        if (k == end || isAddressDelimiter(raw.charAt(k)) || raw.charAt(k) == '.' && k + 1 < end && raw.charAt(k + 1) == '.') {
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

  private static boolean containsAt(CharSequence raw, int s, int e) {
    for (int k = s; k < e; k++) {
      if (raw.charAt(k) == '@') {
        return true;
      }
    }
    return false;
  }

  private static void appendWord(CharSequence raw, int start, int end, StringBuilder out) {
    // trim punctuation around the token to recognise codes such as "(#5.4.4)" or "[550]"
    int s = start;
    int e = end;
    while (s < e && !Character.isLetterOrDigit(raw.charAt(s))) {
      s++;
    }
    while (e > s && !Character.isLetterOrDigit(raw.charAt(e - 1)) && !isMark(raw.charAt(e - 1))) {
      e--;
    }
    if (s == e || isCode(raw, s, e)) {
      return;
    }
    for (int k = s; k < e; k++) {
      char c = raw.charAt(k);
      if (isApostrophe(c)) {
        if (k + 1 < e && Character.toLowerCase(raw.charAt(k + 1)) == 't' && k > s
            && Character.toLowerCase(raw.charAt(k - 1)) == 'n' && (k + 2 == e
            || !Character.isLetterOrDigit(raw.charAt(k + 2)))) {
          expandNot(out);
          k++; // skip the t
        }
        if (k + 1 < e && Character.isLetter(raw.charAt(k + 1)) && isElision(raw, s, k)) {
          space(out); // French and Italian elision: "l'adresse" -> "l adresse", "dell'account" -> "dell account"
          continue;
        }
        continue; // other apostrophes vanish
      }
      if (Character.isLetterOrDigit(c)) {
        appendLetter(c, out);
      } else if (isInvisible(c)) {
        continue; // zero-width joiners and soft hyphens do not break a word
      } else if (isMark(c) && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        if (out.charAt(out.length() - 1) >= 0x80) {
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

  /** Latin letters with diacritics (U+00C0 to U+024F) folded to ASCII; null where none applies. */
  private static final String[] FOLD = new String[0x250 - 0xC0];
  /** Latin Extended Additional (U+1E00 to U+1EFF: Vietnamese) folded to ASCII. */
  private static final char[] FOLD_EXTENDED = new char[0x100];

  static {
    for (int c = 0xC0; c < 0x250; c++) {
      String d = java.text.Normalizer.normalize(String.valueOf((char) c), java.text.Normalizer.Form.NFD);
      char base = d.charAt(0);
      if (base < 0x80 && Character.isLetter(base)) {
        FOLD[c - 0xC0] = String.valueOf(Character.toLowerCase(base));
      }
    }
    for (int c = 0x1E00; c < 0x1F00; c++) {
      String d = java.text.Normalizer.normalize(String.valueOf((char) c), java.text.Normalizer.Form.NFD);
      char base = d.charAt(0);
      FOLD_EXTENDED[c - 0x1E00] = base < 0x80 && Character.isLetter(base) ? Character.toLowerCase(base) : 0;
    }
    String[][] special = {{"\u00df", "ss"}, {"\u00e6", "ae"}, {"\u00c6", "ae"}, {"\u0153", "oe"},
        {"\u0152", "oe"}, {"\u00f8", "o"}, {"\u00d8", "o"}, {"\u0111", "d"}, {"\u0110", "d"},
        {"\u0142", "l"}, {"\u0141", "l"}, {"\u00f0", "d"}, {"\u00d0", "d"}, {"\u00fe", "th"},
        {"\u00de", "th"}, {"\u0131", "i"}};
    for (String[] e : special) {
      FOLD[e[0].charAt(0) - 0xC0] = e[1];
    }
  }

  /**
   * Appends a letter or digit lower-cased, with Latin diacritics folded ("Empfänger" becomes
   * "empfanger", Vietnamese "địa chỉ" becomes "dia chi").
   */
  private static void appendLetter(char c, StringBuilder out) {
    char l = Character.toLowerCase(c);
    if (l >= 0xC0 && l < 0x250 && FOLD[l - 0xC0] != null) {
      out.append(FOLD[l - 0xC0]);
    } else if (c >= 0xC0 && c < 0x250 && FOLD[c - 0xC0] != null) {
      out.append(FOLD[c - 0xC0]);
    } else if (l >= 0x1E00 && l < 0x1F00 && FOLD_EXTENDED[l - 0x1E00] != 0) {
      out.append(FOLD_EXTENDED[l - 0x1E00]);
    } else {
      out.append(l);
    }
  }

  private static boolean isInvisible(char c) {
    return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
  }

  private static boolean isMark(char c) {
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  /** Turns a just-written "...n" into "... not": doesn't -> does not, can't -> can not. */
  private static void expandNot(StringBuilder out) {
    int len = out.length();
    // out ends with the letters before the apostrophe, including the 'n'
    int wordStart = len;
    while (wordStart > 0 && out.charAt(wordStart - 1) != ' ') {
      wordStart--;
    }
    String word = out.substring(wordStart, len);
    out.setLength(wordStart);
    switch (word) {
      case "can" -> out.append("can not");
      case "won" -> out.append("will not");
      case "n" -> out.append("not");
      default -> out.append(word, 0, word.length() - 1).append(" not");
    }
  }

  /** Turns a just-written word "cannot " into "can not ". */
  private static void fixCannot(StringBuilder out) {
    int len = out.length();
    if (len >= 7 && out.charAt(len - 1) == ' ' && "cannot".contentEquals(out.subSequence(len - 7, len - 1))
        && (len == 7 || out.charAt(len - 8) == ' ')) {
      out.setLength(len - 7);
      out.append("can not ");
    }
  }

  private static void space(StringBuilder out) {
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) != ' ') {
      out.append(' ');
    }
  }

  /** Articles and particles that French and Italian elide before a vowel: l', d', n', qu', dell'... */
  private static final java.util.Set<String> ELISIONS = java.util.Set.of("l", "d", "n", "j", "s", "c", "m", "t",
      "qu", "jusqu", "lorsqu", "puisqu", "dell", "all", "nell", "dall", "sull", "quell", "un");

  /** Whether raw[s, k) (the token up to an apostrophe) is an elided article or particle. */
  private static boolean isElision(CharSequence raw, int s, int k) {
    if (k - s > 7) {
      return false;
    }
    return ELISIONS.contains(raw.subSequence(s, k).toString().toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`';
  }

  /**
   * Whether raw[s, e) is a reply code ({@code 550}, {@code 550-}), an enhanced status code
   * ({@code 5.1.1}), or both joined by a hyphen ({@code 550-5.1.1}).
   */
  private static boolean isCode(CharSequence raw, int s, int e) {
    int p = s;
    int q = replyCodeEnd(raw, p, e);
    if (q > p) {
      if (q == e) {
        return true;
      }
      if (raw.charAt(q) == '-' || raw.charAt(q) == ' ') {
        p = q + 1;
      } else {
        return false;
      }
    }
    return enhancedCodeEnd(raw, p, e) == e;
  }

  private static int replyCodeEnd(CharSequence raw, int p, int e) {
    if (p + 3 <= e && raw.charAt(p) >= '2' && raw.charAt(p) <= '5' && isDigit(raw.charAt(p + 1))
        && isDigit(raw.charAt(p + 2)) && (p + 3 == e || !isDigit(raw.charAt(p + 3)))) {
      return p + 3;
    }
    return p;
  }

  private static int enhancedCodeEnd(CharSequence raw, int p, int e) {
    if (p >= e || raw.charAt(p) < '2' || raw.charAt(p) > '5') {
      return -1;
    }
    p++;
    for (int part = 0; part < 2; part++) {
      if (p >= e || raw.charAt(p) != '.') {
        return -1;
      }
      p++;
      int digits = 0;
      while (p < e && isDigit(raw.charAt(p)) && digits < 3) {
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
