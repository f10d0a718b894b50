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
   * {@link TextScanner.Spec#REASON_WRAP} ({@code (?i)^\s*\(reason:\s*(.*?)\)?\s*$}) as {@code matches()}
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
      if (Smtp.isLineEnd(l.charAt(k))) {
        return null;
      }
    }
    return l.substring(g, e);
  }

  /** The field names of {@link TextScanner.Spec#HEADERISH} that are words alone, each followed by {@code \s*:}. */
  private static final String[] HEADER_NAMES = {"from", "reply-to", "sender", "return-path", "message-id",
      "in-reply-to", "references", "cc", "bcc", "date", "subject", "errors-to", "original-mail-from", "received",
      "envelope-from", "authentication-results", "dkim-signature", "sender-mta", "reporting-mta", "remote-mta",
      "generating server", "return-receipt-to", "disposition-notification-to", "final-recipient",
      "original-recipient", "diagnostic-code", "action", "status", "arrival-date", "last-attempt-date",
      "will-retry-until"};
  /** The field names of {@link TextScanner.Spec#HEADERISH} that go on with {@code [\w-]+}. */
  private static final String[] HEADER_PREFIXES = {"x-", "resent-", "list-"};
  /** The field names of {@link TextScanner.Spec#HEADERISH} with {@code \s+} between two words. */
  private static final String[][] HEADER_PAIRS = {{"mail", "from"}, {"original", "sender"}};

  /**
   * {@link TextScanner.Spec#HEADERISH} as {@code lookingAt()} reads it: one of its names at the start,
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
   * {@link SmtpStage.Spec#NEGATIVE} ({@code ^\s*<<<\s*[45]\d\d(?:[ -]|$)}) as {@code lookingAt()} reads
   * it. {@code $} also matches before a line terminator that ends the line ("\r\n" counts as one).
   */
  static boolean negativeReply(String l) {
    int i = Keywords.skipSpace(l);
    if (!l.startsWith("<<<", i)) {
      return false;
    }
    i = Keywords.skipSpace(l, i + 3);
    int n = l.length();
    if (i + 3 > n || l.charAt(i) != '4' && l.charAt(i) != '5' || !Smtp.isDigit(l.charAt(i + 1))
        || !Smtp.isDigit(l.charAt(i + 2))) {
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
    return rest == 1 && Smtp.isLineEnd(l.charAt(k)) && !(l.charAt(k) == '\n' && k > 0 && l.charAt(k - 1) == '\r');
  }

  /** {@link #remoteHost}: no match. */
  static final long NO = -1;
  /** {@link #remoteHost}: not decided here (a character outside ASCII before "host"): run the pattern. */
  static final long UNSURE = -2;

  /**
   * {@link TextScanner#REMOTE_HOST} in the stripped line {@code s[from, to)}: its first match as
   * {@code lookingAt()} at the line's start (tried only when {@code atStart}) and then {@code find}
   * from the words "host" and "while talking to" after it find it. Returns where its host name
   * starts and ends ({@link #hostStart}, {@link #hostEnd}), {@link #NO} or {@link #UNSURE}.
   */
  static long remoteHost(String s, int from, int to, boolean atStart) {
    return remoteHost(s, from, to, atStart, TextScanner.REMOTE_HOST_STARTS.next(s, from + 1));
  }

  /**
   * {@link #remoteHost(String, int, int, boolean)}, given where the first of its words after the
   * line's start is ({@code REMOTE_HOST_STARTS.next(s, from + 1)}, -1 for none).
   */
  static long remoteHost(String s, int from, int to, boolean atStart, int word) {
    if (atStart) {
      long h = hostAfterLead(s, from, from, to);
      if (h != NO) {
        return h;
      }
      int e = hostNameEnd(s, from, to); // "^"
      if (e >= 0) {
        return (long) from << 32 | e;
      }
    }
    for (int p = word; p >= 0 && p < to;
        p = TextScanner.REMOTE_HOST_STARTS.next(s, p + 1)) {
      long h = hostAfterLead(s, p, from, to);
      if (h != NO) {
        return h;
      }
    }
    return NO;
  }

  static int hostStart(long match) {
    return (int) (match >>> 32);
  }

  static int hostEnd(long match) {
    return (int) match;
  }

  /**
   * The host name after {@code \bhost\s+} or {@code while talking to\s+} at {@code p} of the line
   * {@code s[from, to)}, as {@link #remoteHost} returns it.
   */
  private static long hostAfterLead(String s, int p, int from, int to) {
    int after;
    if (startsWithAscii(s, p, to, "host")) {
      if (p > from) {
        char c = s.charAt(p - 1);
        if (c >= 128) {
          return UNSURE; // \b reads letters, digits and marks outside ASCII
        }
        if (Keywords.isAsciiWordChar(c)) {
          return NO; // no \b before "host"; "while talking to" starts with no "h"
        }
      }
      after = p + 4;
    } else if (startsWithAscii(s, p, to, "while talking to")) {
      after = p + 16;
    } else {
      return NO;
    }
    int h = skipSpace(s, after, to);
    if (h == after) {
      return NO;
    }
    int e = hostNameEnd(s, h, to);
    return e < 0 ? NO : (long) h << 32 | e;
  }

  /**
   * Where the host name of {@link TextScanner#REMOTE_HOST} that starts at {@code p} ends, as the
   * pattern backtracks to it, or -1: {@code [a-z0-9][a-z0-9.-]{1,250}} then a dot and the letters
   * after it, then what must follow. The second piece gives back from its longest, so the dots are
   * tried from the last; after a dot the letters end where their run ends (a letter can neither
   * be skipped by {@code \.?\s*} nor start what follows).
   */
  private static int hostNameEnd(String s, int p, int to) {
    if (p >= to || !isAsciiAlnum(s.charAt(p))) {
      return -1;
    }
    int run = p + 1;
    while (run < to && isHostChar(s.charAt(run))) {
      run++;
    }
    for (int d = Math.min(run - 1, p + 251); d >= p + 2; d--) {
      if (s.charAt(d) != '.') {
        continue;
      }
      int e = d + 1;
      while (e < to && Keywords.isAsciiLetter(s.charAt(e))) {
        e++;
      }
      if (e - d - 1 >= 2 && hostTail(s, e, to)) {
        return e;
      }
    }
    return -1;
  }

  /**
   * Whether {@code \.?\s*(?:\[[0-9a-f.:]+\]|\.?:$|\s+\[[0-9a-f.:]+\]\s+did not like)} matches at
   * {@code k} of the line ending at {@code to}. Each alternative starts with "[", "." or ":", none
   * a {@code \s} character, so only the end of the spaces is tried; the third needs an address
   * literal there, where the first already matches.
   */
  private static boolean hostTail(String s, int k, int to) {
    int x = k < to && s.charAt(k) == '.' ? k + 1 : k;
    int y = skipSpace(s, x, to);
    if (y >= to) {
      return false;
    }
    char c = s.charAt(y);
    if (c == '[') {
      int i = y + 1;
      while (i < to && isLiteralChar(s.charAt(i))) {
        i++;
      }
      return i > y + 1 && i < to && s.charAt(i) == ']';
    }
    if (c == '.') {
      return y + 1 < to && s.charAt(y + 1) == ':' && lineEndAt(s, y + 2, to);
    }
    return c == ':' && lineEndAt(s, y + 1, to);
  }

  /** Whether {@code $} matches at {@code k} of the line ending at {@code to}: there, or before one final terminator. */
  private static boolean lineEndAt(String s, int k, int to) {
    int rest = to - k;
    if (rest == 0) {
      return true;
    }
    if (rest == 2) {
      return s.charAt(k) == '\r' && s.charAt(k + 1) == '\n';
    }
    return rest == 1 && Smtp.isLineEnd(s.charAt(k)) && !(s.charAt(k) == '\n' && k > 0 && s.charAt(k - 1) == '\r');
  }

  /** {@link Keywords#startsWithAscii} within a line that ends at {@code to}. */
  private static boolean startsWithAscii(String s, int at, int to, String w) {
    return at + w.length() <= to && Keywords.startsWithAscii(s, at, w);
  }

  /** {@link Keywords#skipSpace} within a line that ends at {@code to}. */
  private static int skipSpace(String s, int from, int to) {
    int i = from;
    while (i < to && Keywords.isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code [a-z0-9.-]}, ASCII case ignored. */
  private static boolean isHostChar(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '-';
  }

  private static boolean isAsciiAlnum(char c) {
    return Keywords.isAsciiLetter(c) || Smtp.isDigit(c);
  }

  /** {@code [0-9a-f.:]}, ASCII case ignored. */
  private static boolean isLiteralChar(char c) {
    return Smtp.isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':';
  }

  /**
   * The phrases of {@link TextScanner.Spec#END_MARKER}'s alternation, each optional piece written out
   * (with and without it), as words that {@code \s+} separates.
   */
  private static final String[][] END_PHRASES = endPhrases();

  private static String[][] endPhrases() {
    java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("original message",
        "original message headers", "original message header", "original message follows", "original message text",
        "unsent message", "unsent message follows", "returned message", "start of returned message",
        "message text follows", "message headers follows", "message headers follow", "message header follows",
        "message header follow", "header of the original message", "undelivered message follows",
        "undelivered message attached"));
    for (String lead : new String[] {"this is a", "below is a", "below this line is a", "enclosed is a",
        "included is a", "a"}) {
      for (String the : new String[] {" the", ""}) {
        for (String original : new String[] {" original", ""}) {
          out.add(lead + " copy of" + the + original + " message");
        }
      }
    }
    String[][] phrases = new String[out.size()][];
    for (int k = 0; k < phrases.length; k++) {
      phrases[k] = out.get(k).split(" ");
    }
    return phrases;
  }

  /**
   * {@link TextScanner.Spec#END_MARKER} as {@code matches()} reads {@code t}: after the possessive lead
   * {@code [\s|*>-]*+} and an optional "the", one of its phrases, then what may end a marker line.
   * Every way the pattern can take (with or without "the", each phrase with or without its optional
   * words) is tried, as its backtracking would.
   */
  static boolean endMarker(String t) {
    int i = 0;
    while (i < t.length() && isEndMarkerLead(t.charAt(i))) {
      i++;
    }
    int afterThe = -1;
    if (Keywords.startsWithAscii(t, i, "the")) {
      int k = Keywords.skipSpace(t, i + 3);
      afterThe = k > i + 3 ? k : -1;
    }
    // a phrase is compared only where its first letter is
    char first = i < t.length() ? Keywords.lower(t.charAt(i)) : 0;
    char firstAfterThe = afterThe >= 0 && afterThe < t.length() ? Keywords.lower(t.charAt(afterThe)) : 0;
    for (String[] phrase : END_PHRASES) {
      char c = phrase[0].charAt(0);
      if (c == firstAfterThe && endsMarkerFrom(t, afterThe, phrase) || c == first && endsMarkerFrom(t, i, phrase)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code phrase}, its words {@code \s+} apart, is at {@code i} of {@code t} and a marker's end follows it. */
  private static boolean endsMarkerFrom(String t, int i, String[] phrase) {
    int k = i;
    for (int w = 0; w < phrase.length; w++) {
      if (w > 0) {
        int s = Keywords.skipSpace(t, k);
        if (s == k) {
          return false;
        }
        k = s;
      }
      if (!Keywords.startsWithAscii(t, k, phrase[w])) {
        return false;
      }
      k += phrase[w].length();
    }
    return endsMarker(t, k);
  }

  /**
   * Whether {@code [^a-z]*(?:[a-z ,']{0,40})?[\s:.|-]*$} ({@code (?i)}) matches {@code t} from
   * {@code k} to its end: up to the first letter anything; from there the longest run of letters,
   * spaces, commas and apostrophes that is not over 40 long; then only {@code [\s:.|-]}. A shorter
   * start or run would leave the same character that stops the last piece.
   */
  private static boolean endsMarker(String t, int k) {
    int n = t.length();
    int i = k;
    while (i < n && !Keywords.isAsciiLetter(t.charAt(i))) {
      i++;
    }
    int limit = Math.min(n, i + 40);
    while (i < limit && (Keywords.isAsciiLetter(t.charAt(i)) || t.charAt(i) == ' ' || t.charAt(i) == ',' || t.charAt(i) == '\'')) {
      i++;
    }
    while (i < n) {
      char c = t.charAt(i);
      if (!Keywords.isSpace(c) && c != ':' && c != '.' && c != '|' && c != '-') {
        return false;
      }
      i++;
    }
    return true;
  }

  /** {@code [\s|*>-]}: the lead of {@link TextScanner.Spec#END_MARKER}. */
  private static boolean isEndMarkerLead(char c) {
    return Keywords.isSpace(c) || c == '|' || c == '*' || c == '>' || c == '-';
  }

  /** The literal openings of {@link TextScanner.Spec#DETAIL_LEAD}. */
  private static final String[] DETAIL_WORDS = {"technical details", "the error", "the response", "remote host",
      "remote server", "reason", "diagnostic", "error", "smtp error", "<<<", ">>>", "the server", "the mail server",
      "response", "could not deliver", "additional information follows"};

  /**
   * {@link TextScanner.Spec#DETAIL_LEAD} as {@code lookingAt()} reads it: after the leading {@code \s}
   * chars, one of its openings; "host" and a {@code \s} char; a reply code and {@code [\s:-]}; or
   * an enhanced code's class, dot and digit, with an optional "#".
   */
  static boolean detailLead(String l) {
    int i = Keywords.skipSpace(l);
    for (String w : DETAIL_WORDS) {
      if (Keywords.startsWithAscii(l, i, w)) {
        return true;
      }
    }
    int n = l.length();
    if (Keywords.startsWithAscii(l, i, "host") && i + 4 < n && Keywords.isSpace(l.charAt(i + 4))) {
      return true;
    }
    if (i + 3 < n && isClass(l.charAt(i)) && Smtp.isDigit(l.charAt(i + 1)) && Smtp.isDigit(l.charAt(i + 2))) {
      char c = l.charAt(i + 3);
      if (Keywords.isSpace(c) || c == ':' || c == '-') {
        return true;
      }
    }
    int k = i < n && l.charAt(i) == '#' ? i + 1 : i;
    return k + 2 < n && isClass(l.charAt(k)) && l.charAt(k + 1) == '.' && Smtp.isDigit(l.charAt(k + 2));
  }

  /** {@code [245]}. */
  private static boolean isClass(char c) {
    return c == '2' || c == '4' || c == '5';
  }

  /**
   * The markers of {@link TextScanner#RESPONSE_MARK} in the pattern's order, each optional piece
   * written out (with it first, as the pattern tries it); those but the last three may be followed
   * by a colon.
   */
  private static final String[] RESPONSE_MARKS = {"the response from the remote server was", "the response was",
      "the error that the other server returned was", "technical details of permanent failure",
      "technical details of temporary failure", "error message below", "the remote server said",
      "the remote server returned", "remote host said", "it responded as follows", "reason:", "diagnostic-code:",
      "diagnostic code:"};

  /**
   * {@link TextScanner#RESPONSE_MARK} as {@code matches()} reads {@code l}: its group (what follows
   * the marker, its colon and the {@code \s} chars after them), or null. The group runs to the end,
   * so on a line without a line terminator the first marker that starts the line (after its
   * {@code \s} chars) gives it; a line with one is left to the pattern.
   */
  static @Nullable String responseMark(String l) {
    for (int k = 0; k < l.length(); k++) {
      if (Smtp.isLineEnd(l.charAt(k))) {
        java.util.regex.Matcher m = TextScanner.RESPONSE_MARK.matcher(l);
        return m.matches() ? m.group(1) : null;
      }
    }
    int i = Keywords.skipSpace(l);
    for (String w : RESPONSE_MARKS) {
      if (Keywords.startsWithAscii(l, i, w)) {
        int k = i + w.length();
        if (!w.endsWith(":") && k < l.length() && l.charAt(k) == ':') {
          k++;
        }
        return l.substring(Keywords.skipSpace(l, k));
      }
    }
    return null;
  }

  /**
   * The group of {@link SmtpStage.Spec#SERVER} ({@code ^\s*<<<\s*(.*)$}, {@code mark} "<<<") or {@link
   * SmtpStage.Spec#CLIENT} ({@code mark} ">>>") as {@code lookingAt()} reads {@code l}, or null: after
   * the mark and its {@code \s} chars, the text up to the first line terminator, which must end
   * the line ("\r\n" counts as one). Giving back spaces to the group would not move that terminator.
   */
  static @Nullable String transcriptText(String l, String mark) {
    int i = Keywords.skipSpace(l);
    if (!l.startsWith(mark, i)) {
      return null;
    }
    int g = Keywords.skipSpace(l, i + mark.length());
    int t = g;
    while (t < l.length() && !Smtp.isLineEnd(l.charAt(t))) {
      t++;
    }
    return t == l.length() || endsAtTerminator(l, t) ? l.substring(g, t) : null;
  }

  /** The marks of {@link TextScanner.Spec#TRANSCRIPT_REPLY} and {@link TextScanner.Spec#TRANSCRIPT_PREFIX_CI}, in their order. */
  private static final String[] TRANSCRIPT_MARKS = {"<<<", "out:", "s:", "<-", "server:"};

  /** The mark of {@link #TRANSCRIPT_MARKS} at {@code i} of {@code l} (ASCII case ignored), or null; no mark starts another. */
  private static @Nullable String transcriptMarkAt(String l, int i) {
    for (String w : TRANSCRIPT_MARKS) {
      if (Keywords.startsWithAscii(l, i, w)) {
        return w;
      }
    }
    return null;
  }

  /**
   * {@link TextScanner.Spec#TRANSCRIPT_REPLY} ({@code (?i)^\s*(?:<<<|out:|s:|<-|server:)\s*([45]\d\d)[ -]})
   * as {@code lookingAt()} reads {@code l}: where its code starts, or -1.
   */
  static int transcriptReply(String l) {
    int i = Keywords.skipSpace(l);
    String mark = transcriptMarkAt(l, i);
    if (mark == null) {
      return -1;
    }
    int k = Keywords.skipSpace(l, i + mark.length());
    return k + 3 < l.length() && (l.charAt(k) == '4' || l.charAt(k) == '5') && Smtp.isDigit(l.charAt(k + 1))
        && Smtp.isDigit(l.charAt(k + 2)) && (l.charAt(k + 3) == ' ' || l.charAt(k + 3) == '-') ? k : -1;
  }

  /** {@code TRANSCRIPT_PREFIX_CI.matcher(t).replaceFirst("")}: {@code t} without its leading mark and the {@code \s} chars after it. */
  static String withoutTranscriptMark(String t) {
    String mark = transcriptMarkAt(t, 0);
    return mark == null ? t : t.substring(Keywords.skipSpace(t, mark.length()));
  }

  /**
   * {@link TextScanner.Spec#REPLY_START} ({@code ^\s*(?:<<<\s*)?[\[(]?#?([45]\d\d)(?:[ :-]|$)}) as
   * {@code lookingAt()} reads {@code l}: where its code starts, or -1. Each optional piece is taken
   * when there, as what follows it cannot start with it.
   */
  static int replyStart(String l) {
    int k = Keywords.skipSpace(l);
    if (l.startsWith("<<<", k)) {
      k = Keywords.skipSpace(l, k + 3);
    }
    if (k < l.length() && (l.charAt(k) == '[' || l.charAt(k) == '(')) {
      k++;
    }
    if (k < l.length() && l.charAt(k) == '#') {
      k++;
    }
    if (k + 3 > l.length() || l.charAt(k) != '4' && l.charAt(k) != '5' || !Smtp.isDigit(l.charAt(k + 1))
        || !Smtp.isDigit(l.charAt(k + 2))) {
      return -1;
    }
    int e = k + 3;
    if (e == l.length() || endsAtTerminator(l, e)) {
      return k;
    }
    char c = l.charAt(e);
    return c == ' ' || c == ':' || c == '-' ? k : -1;
  }

  /**
   * {@link TextScanner.Spec#INNER_REPLY} ({@code ^[245]\d\d[ -].*}) as {@code matches()} reads {@code s}:
   * a reply code, a space or hyphen, and no line terminator after them.
   */
  static boolean innerReply(String s) {
    if (!replyCodeAt(s, 0, s.length())) {
      return false;
    }
    for (int k = 4; k < s.length(); k++) {
      if (Smtp.isLineEnd(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s[at, end)} starts with a reply code of class 2, 4 or 5 and a space or hyphen
   * after it ({@code [245]\d\d[ -]}).
   */
  static boolean replyCodeAt(String s, int at, int end) {
    return end - at >= 4 && isClass(s.charAt(at)) && Smtp.isDigit(s.charAt(at + 1)) && Smtp.isDigit(s.charAt(at + 2))
        && (s.charAt(at + 3) == ' ' || s.charAt(at + 3) == '-');
  }

  /**
   * Whether {@code s[at, end)} starts with a reply code of class 2, 4 or 5 and a hyphen ({@code
   * [245]\d\d-}): the first line of a reply that goes on.
   */
  static boolean continuedReplyAt(String s, int at, int end) {
    return replyCodeAt(s, at, end) && s.charAt(at + 3) == '-';
  }

  /** The phrases of {@link TextScanner.Spec#SECTION_END}. */
  private static final String[] SECTION_END_PHRASES = {"for further assistance", "if you do so, please include",
      "no action is required", "original message headers", "please do not reply", "delivery attempts will continue",
      "the following text was generated", "this is a permanent error", "if your message was also sent to",
      "diagnostic information for administrators"};

  /**
   * {@link TextScanner.Spec#SECTION_END} as {@code lookingAt()} reads {@code l}: after the {@code \s}
   * chars, four or more of {@code [-=*_#~+|]}, or one of its phrases (ASCII case ignored).
   */
  static boolean sectionEnd(String l) {
    int i = Keywords.skipSpace(l);
    if (i >= l.length()) {
      return false;
    }
    if (Engine.isRuleChar(l.charAt(i))) {
      return separatorRun(l, i) >= 4;
    }
    char c = Keywords.lower(l.charAt(i));
    for (String w : SECTION_END_PHRASES) {
      if (w.charAt(0) == c && Keywords.startsWithAscii(l, i, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link TextScanner.Spec#SEPARATOR_LINE} ({@code ^[-=*_#~+|]{3,}.*}) as {@code matches()} reads
   * {@code t}: three or more of those chars, then no line terminator.
   */
  static boolean separatorLine(String t) {
    if (separatorRun(t, 0) < 3) {
      return false;
    }
    for (int k = 3; k < t.length(); k++) {
      if (Smtp.isLineEnd(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** How many of {@code [-=*_#~+|]} follow one another from {@code i}. */
  private static int separatorRun(String l, int i) {
    int k = i;
    while (k < l.length() && Engine.isRuleChar(l.charAt(k))) {
      k++;
    }
    return k - i;
  }
}
