package io.maildiag.ndr.parse;

import org.jspecify.annotations.Nullable;

/**
 * Hand-written matches of line patterns of {@link TextScanner} and {@link SmtpStage} that run on
 * few lines of a message each, but whose matchers, run once or twice per message, cost more than
 * their work: the pattern's nodes are seldom in the cache. Each gives exactly what its pattern
 * gives ({@code (?i)} folds ASCII letters only, {@code \s} is {@link Keywords#isSpace}, and
 * {@code .} stops at a line terminator).
 */
final class LineMatchers {
  private LineMatchers() {}

  /**
   * {@link TextScanner#REASON_WRAP} ({@code (?i)^\s*\(reason:\s*(.*?)\)?\s*$}) as {@code matches()}
   * reads it: its group, or null. The group starts after the spaces that follow the colon and ends
   * where the trailing spaces start, or one before at a ")" there; {@code .} cannot cross a line
   * terminator.
   */
  static @Nullable String reasonWrap(String l) {
    int i = Keywords.skipSpace(l);
    if (!Keywords.startsWithAscii(l, i, "(reason:")) {
      return null;
    }
    int g = Keywords.skipSpace(l, i + "(reason:".length());
    int e = l.length();
    while (e > g && Keywords.isSpace(l.charAt(e - 1))) {
      e--;
    }
    if (e > g && l.charAt(e - 1) == ')') {
      e--;
    }
    for (int k = g; k < e; k++) {
      if (isLineTerminator(l.charAt(k))) {
        return null;
      }
    }
    return l.substring(g, e);
  }

  /** Whether {@code c} is a line terminator to {@code .} and {@code $}: {@code \n \r \u0085 \u2028 \u2029}. */
  static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** The field names of {@link TextScanner#HEADERISH} that are words alone, each followed by {@code \s*:}. */
  private static final String[] HEADER_NAMES = {"from", "reply-to", "sender", "return-path", "message-id",
      "in-reply-to", "references", "cc", "bcc", "date", "subject", "errors-to", "original-mail-from", "received",
      "envelope-from", "authentication-results", "dkim-signature", "sender-mta", "reporting-mta", "remote-mta",
      "generating server", "return-receipt-to", "disposition-notification-to", "final-recipient",
      "original-recipient", "diagnostic-code", "action", "status", "arrival-date", "last-attempt-date",
      "will-retry-until"};
  /** The field names of {@link TextScanner#HEADERISH} that go on with {@code [\w-]+}. */
  private static final String[] HEADER_PREFIXES = {"x-", "resent-", "list-"};
  /** The field names of {@link TextScanner#HEADERISH} with {@code \s+} between two words. */
  private static final String[][] HEADER_PAIRS = {{"mail", "from"}, {"original", "sender"}};

  /**
   * {@link TextScanner#HEADERISH} as {@code lookingAt()} reads it: one of its names at the start,
   * then {@code \s*:}. Each name's end is fixed, or (for {@code [\w-]+}) is where the run of word
   * characters and hyphens ends, as neither a space nor a colon is one.
   */
  static boolean headerish(String s) {
    for (String w : HEADER_NAMES) {
      if (Keywords.startsWithAscii(s, 0, w) && colonAfterSpaces(s, w.length())) {
        return true;
      }
    }
    for (String w : HEADER_PREFIXES) {
      if (Keywords.startsWithAscii(s, 0, w)) {
        int k = w.length();
        while (k < s.length() && (Keywords.isAsciiWordChar(s.charAt(k)) || s.charAt(k) == '-')) {
          k++;
        }
        if (k > w.length() && colonAfterSpaces(s, k)) {
          return true;
        }
      }
    }
    for (String[] pair : HEADER_PAIRS) {
      if (Keywords.startsWithAscii(s, 0, pair[0])) {
        int k = pair[0].length();
        int after = Keywords.skipSpace(s, k);
        if (after > k && Keywords.startsWithAscii(s, after, pair[1]) && colonAfterSpaces(s, after + pair[1].length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code \s*:} matches at {@code k} in {@code s}. */
  private static boolean colonAfterSpaces(String s, int k) {
    int i = Keywords.skipSpace(s, k);
    return i < s.length() && s.charAt(i) == ':';
  }

  /**
   * {@link SmtpStage#NEGATIVE} ({@code ^\s*<<<\s*[45]\d\d(?:[ -]|$)}) as {@code lookingAt()} reads
   * it. {@code $} also matches before a line terminator that ends the line ("\r\n" counts as one).
   */
  static boolean negativeReply(String l) {
    int i = Keywords.skipSpace(l);
    if (!l.startsWith("<<<", i)) {
      return false;
    }
    i = Keywords.skipSpace(l, i + 3);
    int n = l.length();
    if (i + 3 > n || l.charAt(i) != '4' && l.charAt(i) != '5' || !isAsciiDigit(l.charAt(i + 1))
        || !isAsciiDigit(l.charAt(i + 2))) {
      return false;
    }
    int k = i + 3;
    return k == n || l.charAt(k) == ' ' || l.charAt(k) == '-' || endsAtTerminator(l, k);
  }

  /** Whether {@code l} from {@code k} is one line terminator ({@code \r\n} being one), where {@code $} matches too. */
  static boolean endsAtTerminator(String l, int k) {
    int rest = l.length() - k;
    if (rest == 2) {
      return l.charAt(k) == '\r' && l.charAt(k + 1) == '\n';
    }
    // not between the two of a "\r\n"
    return rest == 1 && isLineTerminator(l.charAt(k)) && !(l.charAt(k) == '\n' && k > 0 && l.charAt(k - 1) == '\r');
  }

  /** Whether {@code c} is an ASCII digit, as {@code \d} matches. */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
