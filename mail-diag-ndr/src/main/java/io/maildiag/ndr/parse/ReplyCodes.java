package io.maildiag.ndr.parse;

/**
 * {@link Smtp#replyCode}'s search in one pass over the codes of a text: the first code that opens a
 * line ({@link Smtp#REPLY_LINE}), the first non-positive one after a marker ({@link
 * Smtp#REPLY_MARKED}) and the first that looks like a reply ({@link Smtp#REPLY_ANY}), each read by
 * hand at a code, backwards from it to what must come before.
 *
 * <p>The matches of each pattern come in the order of their codes: a match ends with its code, and
 * what comes before the code in it (a line's leading marks, a marker and spaces, quotes and
 * {@code #}) holds no digit, so a match that starts after another starts after that one's code. So
 * the first match of each (as {@code find} finds it) is the one with the first code, and the match
 * after one ({@code find(end)}) the one with the next code.
 */
final class ReplyCodes {
  private ReplyCodes() {}

  /** A code is after "code" after a char outside ASCII, where {@code \b} reads Unicode: run the patterns. */
  static final int UNSURE = -2;

  /**
   * Where the reply code {@link Smtp#replyCode} reads starts in {@code text}, -1 when there is
   * none, {@link #UNSURE} when the patterns must decide.
   */
  static int replyCodeAt(String text) {
    boolean lineSeen = false; // the first REPLY_LINE match, positive, was met: the rule no longer applies
    int marked = -1;
    int any = -1;
    // the codes in order: the cursor keeps the next place of each class digit, found once
    Keywords.Cursor codes = Smtp.CODE_STARTS.cursor(text);
    for (int c = codes.next(0); c >= 0; c = codes.next(c + 1)) {
      if (c + 2 >= text.length() || !Smtp.isDigit(text.charAt(c + 2))) {
        continue;
      }
      boolean positive = text.charAt(c) == '2';
      if (!lineSeen && lineAt(text, c)) {
        if (!positive) {
          return c;
        }
        lineSeen = true;
      }
      if (marked < 0 && !positive) {
        int mk = markedAt(text, c);
        if (mk == UNSURE) {
          return UNSURE;
        }
        if (mk > 0) {
          marked = c;
        }
      }
      if (any < 0 && anyAt(text, c)) {
        any = c;
      }
      if (lineSeen && marked >= 0) {
        break; // no later code changes the answer
      }
    }
    return marked >= 0 ? marked : any;
  }

  /**
   * Whether {@link Smtp#REPLY_LINE}, {@code (?m)^[ \t>'"*|(\[]*(?:<<<[ \t]*)?#?([245][0-5]\d)(?=[
   * \t]|-|:|$)}, matches with its code at {@code c} (a class digit, 0-5 and a digit). None of the
   * leading marks is "<" or "#", so what precedes the code reads one way backwards.
   */
  static boolean lineAt(String t, int c) {
    if (!endsCode(t, c + 3, false)) {
      return false;
    }
    int k = c;
    if (k > 0 && t.charAt(k - 1) == '#') {
      k--;
    }
    int j = k;
    while (j > 0 && (t.charAt(j - 1) == ' ' || t.charAt(j - 1) == '\t')) {
      j--;
    }
    if (j >= 3 && t.startsWith("<<<", j - 3)) {
      k = j - 3;
    }
    while (k > 0 && isLineLead(t.charAt(k - 1))) {
      k--;
    }
    return k == 0 || Smtp.isLineEnd(t.charAt(k - 1));
  }

  /**
   * Whether {@link Smtp#REPLY_MARKED} matches with its code at {@code c}: 1 if so, 0 if not, {@link
   * #UNSURE}. Before the code come {@code \s*['"(\[]?\s*#?} and before those the marker; no marker
   * ends with a quote or bracket, so one there is the optional one.
   */
  static int markedAt(String t, int c) {
    int k = c;
    if (k > 0 && t.charAt(k - 1) == '#') {
      k--;
    }
    k = spaceBefore(t, k);
    if (k > 0 && "'\"([".indexOf(t.charAt(k - 1)) >= 0) {
      k = spaceBefore(t, k - 1);
    }
    return endsCode(t, c + 3, true) ? markerEndsAt(t, k) : 0;
  }

  /** The markers of {@link Smtp#REPLY_MARKED} that end with a colon, without it (lower-case). */
  private static final String[] COLON_MARKERS = {"said", "says", "returned", "response", "reply", "replied", "answer",
      "error", "smtp", "status", "reason", "message", "rejected", "failed", "was", "error code"};
  /** Those that may end without their colon ({@code :?}) or have none. */
  private static final String[] BARE_MARKERS = {"returned", "responded", "replied", "status", "error code"};

  /** Whether a marker of {@link Smtp#REPLY_MARKED} ends just before {@code e}: 1, 0 or {@link #UNSURE}. */
  private static int markerEndsAt(String t, int e) {
    if (e <= 0) {
      return 0;
    }
    char last = t.charAt(e - 1);
    if (last == ';') {
      return endsWith(t, e, "smtp;") || endsWith(t, e, "x-unix;") ? 1 : 0;
    }
    int p = last == ':' ? e - 1 : e;
    if (last == ':') {
      if (p > 0 && (t.charAt(p - 1) == ']' || t.charAt(p - 1) == ')')) {
        return 1;
      }
      if (endsWith(t, spaceBefore(t, p), "error_code")) {
        return 1; // error_code\s*:
      }
    }
    for (String w : last == ':' ? COLON_MARKERS : BARE_MARKERS) {
      if (endsWith(t, p, w)) {
        return 1;
      }
    }
    // \bcode:?
    if (!endsWith(t, p, "code")) {
      return 0;
    }
    int b = p - 4;
    if (b == 0) {
      return 1;
    }
    char before = t.charAt(b - 1);
    if (before >= 128) {
      return UNSURE;
    }
    return Keywords.isAsciiWordChar(before) ? 0 : 1;
  }

  /**
   * Whether {@link Smtp#REPLY_ANY}, {@code (?<![\w.:/=+#-])([45][0-5]\d)(?=[ \t]+[A-Za-z<#\[]|-['"]?[A-Za-z0-9]|:\s)},
   * matches at {@code c}.
   */
  static boolean anyAt(String t, int c) {
    if (t.charAt(c) == '2') {
      return false;
    }
    if (c > 0) {
      char b = t.charAt(c - 1);
      if (Keywords.isAsciiWordChar(b) || ".:/=+#-".indexOf(b) >= 0) {
        return false;
      }
    }
    int n = t.length();
    int k = c + 3;
    if (k >= n) {
      return false;
    }
    char a = t.charAt(k);
    if (a == ' ' || a == '\t') {
      while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
        k++;
      }
      if (k >= n) {
        return false;
      }
      char d = t.charAt(k);
      return Keywords.isAsciiLetter(d) || d == '<' || d == '#' || d == '[';
    }
    if (a == '-') {
      // "550-'5.1.1 ...'": Amazon SES quotes the remote reply after the code and a hyphen
      int q = k + 1 < n && (t.charAt(k + 1) == '\'' || t.charAt(k + 1) == '"') ? k + 2 : k + 1;
      return q < n && (Keywords.isAsciiLetter(t.charAt(q)) || Smtp.isDigit(t.charAt(q)));
    }
    return a == ':' && k + 1 < n && Keywords.isSpace(t.charAt(k + 1));
  }

  /**
   * Whether the lookahead after a code holds at {@code k}: the end, a line terminator ({@code (?m)$}),
   * or one of {@code [ \t]|-|:}, and with {@code marked} also {@code ,|;|'|"|\)|\]}.
   */
  private static boolean endsCode(String t, int k, boolean marked) {
    if (k >= t.length()) {
      return true;
    }
    char a = t.charAt(k);
    return a == ' ' || a == '\t' || a == '-' || a == ':' || Smtp.isLineEnd(a)
        || marked && (a == ',' || a == ';' || a == '\'' || a == '"' || a == ')' || a == ']');
  }

  /** Whether {@code w} (lower-case ASCII) ends just before {@code e} in {@code t}, ASCII case ignored. */
  private static boolean endsWith(String t, int e, String w) {
    int p = e - w.length();
    return p >= 0 && Keywords.startsWithAscii(t, p, w);
  }


  /** Where the run of {@code \s} characters that ends at {@code e} starts. */
  private static int spaceBefore(String t, int e) {
    int k = e;
    while (k > 0 && Keywords.isSpace(t.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  /** {@code [ \t>'"*|(\[]}: the marks a reply line may start with. */
  private static boolean isLineLead(char c) {
    switch (c) {
      case ' ', '\t', '>', '\'', '"', '*', '|', '(', '[':
        return true;
      default:
        return false;
    }
  }

}
