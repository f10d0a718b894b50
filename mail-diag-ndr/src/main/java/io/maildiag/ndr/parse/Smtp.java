package io.maildiag.ndr.parse;

import io.maildiag.core.internal.Excerpt;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads SMTP facts from free text: the basic reply code (RFC 5321 section 4.2), the enhanced
 * status code that belongs to it (RFC 3463, RFC 2034 section 4), and a clean one-line diagnostic.
 *
 * <p>Rules, in order of preference:
 *
 * <ul>
 *   <li>A reply code followed by an enhanced code ({@code 550 5.1.1}, {@code 550-5.7.26},
 *       {@code #550 5.1.1}) gives both; the first such pair in the text wins.
 *   <li>Otherwise the reply code is the three digits that open an SMTP reply: at the start of a
 *       line (also after {@code <<<}), or after {@code said:}, {@code returned '}, {@code host
 *       [ip]:}, {@code smtp;} and similar markers.
 *   <li>Otherwise the enhanced code is a qmail-style {@code (#5.1.1)}, or the first standalone
 *       {@code class.subject.detail} with word boundaries, skipping dotted quads, version numbers
 *       and codes of a different class than the reply code.
 * </ul>
 */
final class Smtp {
  private Smtp() {}

  /** Longest diagnostic text kept, in characters. */
  static final int MAX_TEXT = 1000;
  /** Longest excerpt, in characters. */
  private static final int MAX_EXCERPT = 300;
  /** Longest text scanned for codes. */
  private static final int MAX_SCAN = 64 * 1024;

  private static final String DIGITS = "0123456789";
  private static final String ESC = "([245])\\.(\\d{1,3})\\.(\\d{1,3})";
  static final Pattern PAIR = Pattern.compile(
      "(?<![\\w.#+-])#?([245][0-5]\\d)(?:[ \\t]*-[ \\t]*|[ \\t]+)['\"]?#?" + ESC + "(?![\\w]|\\.\\d)");
  static final Pattern REPLY_LINE = Pattern.compile(
      "(?m)^[ \\t>'\"*|(\\[]*(?:<<<[ \\t]*)?#?([245][0-5]\\d)(?=[ \\t]|-|:|$)");
  static final Pattern REPLY_MARKED = Pattern.compile(
      "(?im)(?:said:|says:|returned:?|response:|responded|reply:|replied:?|answer:|error:|error code:?|"
          + "error_code\\s*:|smtp;|smtp:|x-unix;|\\]:|\\):|status:?|reason:|" + WordBoundary.BEFORE + "code:?|message:|rejected:|"
          + "failed:|was:)\\s*['\"(\\[]?\\s*#?([245][0-5]\\d)(?=[ \\t]|-|:|,|;|'|\"|\\)|\\]|$)");
  static final Pattern REPLY_ANY = Pattern.compile(
      "(?<![\\w.:/=+#-])([45][0-5]\\d)(?=[ \\t]+[A-Za-z<#\\[]|-['\"]?[A-Za-z0-9]|:\\s)");
  static final Pattern QMAIL = Pattern.compile("\\(#" + ESC + "\\)|#" + ESC + "(?![\\w]|\\.\\d)");
  static final Pattern STATUS = Pattern.compile("(?<![\\w.])" + ESC + "(?![\\w]|\\.\\d)");
  /** Every match of {@link #PAIR} starts with one of these: an optional #, the reply code, a space, tab or hyphen. */
  static final Keywords PAIR_STARTS = Keywords.ofProducts(new String[] {"245", "012345", DIGITS, " \t-"},
      new String[] {"#", "245", "012345", DIGITS, " \t-"});
  /** Every match of {@link #REPLY_MARKED} starts with one of these. */
  static final Keywords MARKED_STARTS = new Keywords("said:", "says:", "returned", "response:", "responded", "reply:",
      "replied", "answer:", "error", "smtp;", "smtp:", "x-unix;", "]:", "):", "status", "reason:", "code", "message:",
      "rejected:", "failed:", "was:");
  /** Every reply code ({@link #REPLY_LINE}, {@link #REPLY_MARKED}, {@link #REPLY_ANY}) has one of these. */
  static final Keywords CODE_STARTS = Keywords.ofProducts(new String[] {"245", "012345"});
  /** Every match of {@link #REPLY_ANY} starts with one of these: the code and what its lookahead needs first. */
  static final Keywords ANY_STARTS = Keywords.ofProducts(new String[] {"45", "012345", DIGITS, " \t-:"});
  /** Every match of {@link #QMAIL} starts with one of these. */
  static final Keywords QMAIL_STARTS = Keywords.ofProducts(new String[] {"(", "#", "245", ".", DIGITS},
      new String[] {"#", "245", ".", DIGITS});
  /** Every match of {@link #STATUS} starts with one of these. */
  static final Keywords STATUS_STARTS = Keywords.ofProducts(new String[] {"245", ".", DIGITS});
  private static final Pattern VERSION_BEFORE = Pattern.compile(
      "(?i)(?:version|ver\\.?|" + WordBoundary.BEFORE + "v|release|rev|build|postfix|exim|sendmail|qmail|mta|smtpd?|server|"
          + "ip|ipv4|address|id)[ \\t:=/-]*$");

  /** What a text says, as far as codes go. */
  record Facts(Optional<EnhancedStatusCode> status, Optional<ReplyCode> reply) {}

  /** The reply and enhanced status codes of a text (the first 64K of it). */
  static Facts facts(String raw) {
    String text = raw.length() > MAX_SCAN ? raw.substring(0, MAX_SCAN) : raw;
    // (without a class digit followed by a digit or a dot, as every code has, replyCode finds nothing)
    if (!mayHoldStatus(text)) {
      // no pair and no enhanced status code without one: only a reply code may be found
      return new Facts(Optional.empty(), replyCode(text));
    }
    int[] g = new int[3];
    for (int at = nextPair(text, 0, g); at >= 0; at = nextPair(text, g[2], g)) {
      Optional<ReplyCode> r = replyIn(text, g[0]);
      int dot = text.indexOf('.', g[1] + 2); // the enhanced code's second dot
      Optional<EnhancedStatusCode> s = statusIn(text, g[1], dot, g[2]);
      if (r.isPresent() && s.isPresent() && r.get().value() / 100 == s.get().statusClass()
          && !r.get().isPositive()) {
        return new Facts(s, r);
      }
    }
    Optional<ReplyCode> reply = replyCode(text);
    Optional<EnhancedStatusCode> status = statusCode(text, reply);
    return new Facts(status, reply);
  }

  /**
   * Where the next match of {@link #PAIR} in {@code text} that starts at or after {@code from}
   * starts, as {@code find(from)} finds it, or -1; {@code groups} receives where its reply code and
   * its enhanced code start and where it ends. A match ends with an enhanced code, so it is looked
   * for from the dots of the text: back from a code over what may come between it and the reply code
   * ({@code #}, a quote, spaces, tabs and hyphens), to where the reply code must start.
   */
  static int nextPair(String text, int from, int[] groups) {
    int n = text.length();
    int tried = -1;
    for (int dot = text.indexOf('.', Math.max(from, 1)); dot > 0 && dot < n - 1; dot = text.indexOf('.', dot + 1)) {
      int code = dot - 1;
      char c = text.charAt(code);
      char d = text.charAt(dot + 1);
      if (c != '2' && c != '4' && c != '5' || d < '0' || d > '9') {
        continue;
      }
      int k = code;
      if (k > 0 && text.charAt(k - 1) == '#') {
        k--;
      }
      if (k > 0 && (text.charAt(k - 1) == '\'' || text.charAt(k - 1) == '"')) {
        k--;
      }
      while (k > 0 && isPairSeparator(text.charAt(k - 1))) {
        k--;
      }
      int start = k - 3;
      if (start < 0 || k == code) {
        continue; // no room for the reply code, or nothing between it and the enhanced code
      }
      // the reply code's optional "#" first: a match there is the one find meets first
      for (int at = start > 0 && text.charAt(start - 1) == '#' ? start - 1 : start; at <= start; at++) {
        if (at < from || at <= tried) {
          continue;
        }
        tried = at;
        if (pairAt(text, at, groups)) {
          return at;
        }
      }
    }
    return -1;
  }

  /**
   * Whether {@link #PAIR} matches at {@code at} ({@code lookingAt}, its look-behind seeing the text
   * before); if so {@code groups} receives where the reply code and the enhanced code start and where
   * the match ends. Each piece is matched greedily: none can give back what the next one needs (a
   * space is no hyphen, quote, {@code #} or class digit; a shorter digit run is followed by a digit),
   * so backtracking would find nothing more.
   */
  static boolean pairAt(String t, int at, int[] groups) {
    int n = t.length();
    if (at > 0 && isPairBefore(t.charAt(at - 1))) {
      return false; // (?<![\w.#+-])
    }
    int p = at < n && t.charAt(at) == '#' ? at + 1 : at;
    if (p + 3 > n || !isClassDigit(t.charAt(p)) || t.charAt(p + 1) < '0' || t.charAt(p + 1) > '5'
        || !isDigit(t.charAt(p + 2))) {
      return false;
    }
    int q = p + 3;
    int r = q;
    while (r < n && (t.charAt(r) == ' ' || t.charAt(r) == '\t')) {
      r++;
    }
    if (r < n && t.charAt(r) == '-') {
      r++;
      while (r < n && (t.charAt(r) == ' ' || t.charAt(r) == '\t')) {
        r++;
      }
    } else if (r == q) {
      return false; // neither a hyphen nor a space or tab
    }
    if (r < n && (t.charAt(r) == '\'' || t.charAt(r) == '"')) {
      r++;
    }
    if (r < n && t.charAt(r) == '#') {
      r++;
    }
    int end = enhancedCodeEnd(t, r, n);
    if (end < 0 || end < n && (Keywords.isAsciiWordChar(t.charAt(end))
        || t.charAt(end) == '.' && end + 1 < n && isDigit(t.charAt(end + 1)))) {
      return false; // (?![\w]|\.\d)
    }
    groups[0] = p;
    groups[1] = r;
    groups[2] = end;
    return true;
  }

  /** {@code [\w.#+-]}: what must not come right before a {@link #PAIR}. */
  private static boolean isPairBefore(char c) {
    return Keywords.isAsciiWordChar(c) || c == '.' || c == '#' || c == '+' || c == '-';
  }

  /** Whether {@code c} may separate the codes of a {@link #PAIR}: a space, a tab or a hyphen. */
  private static boolean isPairSeparator(char c) {
    return c == ' ' || c == '\t' || c == '-';
  }

  /** Whether {@code text} has a class digit, a dot and a digit ({@code 5.1}), as every enhanced status code does. */
  static boolean mayHoldStatus(String text) {
    // from dot to dot: the vectorised indexOf passes over the rest
    int last = text.length() - 1;
    for (int dot = text.indexOf('.', 1); dot > 0 && dot < last; dot = text.indexOf('.', dot + 1)) {
      char c = text.charAt(dot - 1);
      char d = text.charAt(dot + 1);
      if ((c == '2' || c == '4' || c == '5') && d >= '0' && d <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * The reply code of a text: the first that opens a line ({@link #REPLY_LINE}) unless it is
   * positive, else the first non-positive one after a marker ({@link #REPLY_MARKED}), else the first
   * that looks like a reply ({@link #REPLY_ANY}); read in one pass over the codes ({@link
   * ReplyCodes}), by the patterns where that is unsure.
   */
  static Optional<ReplyCode> replyCode(String text) {
    int at = ReplyCodes.replyCodeAt(text);
    if (at == ReplyCodes.UNSURE) {
      return replyCodeByPatterns(text);
    }
    return at < 0 ? Optional.empty() : replyIn(text, at);
  }

  /** {@link #replyCode} as the patterns find it. */
  static Optional<ReplyCode> replyCodeByPatterns(String text) {
    if (CODE_STARTS.next(text, 0) < 0) {
      return Optional.empty(); // every reply code starts with a class digit and 0-5
    }
    Matcher m = firstReplyLine(text);
    if (m != null) {
      Optional<ReplyCode> r = reply(m.group(1));
      if (r.isPresent() && !r.get().isPositive()) {
        return r;
      }
    }
    for (m = MARKED_STARTS.match(REPLY_MARKED, text); m != null; m = MARKED_STARTS.matchAfter(m, text)) {
      Optional<ReplyCode> r = reply(m.group(1));
      if (r.isPresent() && !r.get().isPositive()) {
        return r;
      }
    }
    for (m = ANY_STARTS.match(REPLY_ANY, text); m != null; m = ANY_STARTS.matchAfter(m, text)) {
      Optional<ReplyCode> r = reply(m.group(1));
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /**
   * The first match of {@link #REPLY_LINE} in {@code text}, as {@code find} finds it, or null. A
   * match is a code at a line's start after a few leading marks, so it is tried only at the start
   * of a line that such marks lead to from a code.
   */
  static @Nullable Matcher firstReplyLine(String text) {
    Matcher m = null;
    int tried = -1;
    for (int p = CODE_STARTS.next(text, 0); p >= 0; p = CODE_STARTS.next(text, p + 1)) {
      int start = p;
      while (start > 0 && isReplyLead(text.charAt(start - 1))) {
        start--;
      }
      if (start == tried || start > 0 && !isLineEnd(text.charAt(start - 1))) {
        continue;
      }
      tried = start;
      // transparent bounds: "^" at the region's start sees the character before it
      m = Keywords.from(m, REPLY_LINE, text, start);
      if (m.lookingAt()) {
        return m;
      }
    }
    return null;
  }

  /** Whether {@code c} may come between a line's start and its reply code in {@link #REPLY_LINE}. */
  private static boolean isReplyLead(char c) {
    switch (c) {
      case ' ', '\t', '>', '\'', '"', '*', '|', '(', '[', '<', '#':
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code c} ends a line for {@code (?m)^}: a line terminator. */
  static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Facts of a success report: the first positive reply/code pair, else the first codes of any class. */
  static Facts positiveFacts(String raw) {
    String text = raw.length() > MAX_SCAN ? raw.substring(0, MAX_SCAN) : raw;
    for (Matcher pm = PAIR_STARTS.match(PAIR, text); pm != null; pm = PAIR_STARTS.matchAfter(pm, text)) {
      Optional<ReplyCode> r = reply(pm.group(1));
      Optional<EnhancedStatusCode> s = status(pm.group(2), pm.group(3), pm.group(4));
      if (r.isPresent() && s.isPresent() && r.get().value() / 100 == s.get().statusClass()) {
        return new Facts(s, r);
      }
    }
    Optional<ReplyCode> r = positiveReply(text);
    return new Facts(statusCode(text, r), r);
  }

  /** Whether {@link #VERSION_BEFORE} finds a match in the twelve characters of {@code text} before {@code at}. */
  static boolean versionBefore(String text, int at) {
    int from = Math.max(0, at - 12);
    if (!mayEndWithVersionWord(text, from, at)) {
      return false;
    }
    int hand = versionWordBefore(text, from, at);
    return hand == UNSURE_VERSION ? VERSION_BEFORE.matcher(text.substring(from, at)).find() : hand == 1;
  }

  /** The words of {@link #VERSION_BEFORE} but {@code \bv}, ASCII lower case. */
  private static final String[] VERSION_WORDS = {"version", "ver.", "ver", "release", "rev", "build", "postfix",
      "exim", "sendmail", "qmail", "mta", "smtpd", "smtp", "server", "ip", "ipv4", "address", "id"};
  /** {@link #versionWordBefore}: a char outside ASCII before a "v": run the pattern. */
  private static final int UNSURE_VERSION = -1;

  /**
   * {@link #VERSION_BEFORE}'s {@code find} in {@code text[from, to)} by hand: 1 when it finds a
   * match, 0 when not, {@link #UNSURE_VERSION}. Where {@code $} matches (the end, or before one
   * final line terminator, "\r\n" being one), the run of {@code [ \t:=/-]} before it is skipped,
   * and one of the words must end there: none ends with one of those chars.
   */
  private static int versionWordBefore(String text, int from, int to) {
    for (int k = 0; k < 3; k++) {
      int e = to - k;
      if (e < from || !dollarAt(text, from, to, e)) {
        continue;
      }
      int q = e;
      while (q > from && isVersionSeparator(text.charAt(q - 1))) {
        q--;
      }
      for (String w : VERSION_WORDS) {
        if (q - w.length() >= from && Keywords.startsWithAscii(text, q - w.length(), w)) {
          return 1;
        }
      }
      // \bv: a "v" with no word char before it in the piece searched
      if (q - 1 >= from && Keywords.lower(text.charAt(q - 1)) == 'v') {
        if (q - 1 == from) {
          return 1;
        }
        char before = text.charAt(q - 2);
        if (before >= 128) {
          return UNSURE_VERSION;
        }
        if (!Keywords.isAsciiWordChar(before)) {
          return 1;
        }
      }
    }
    return 0;
  }

  /** Whether {@code $} (not multiline) matches at {@code e} of the text {@code text[from, to)}. */
  private static boolean dollarAt(String text, int from, int to, int e) {
    if (e == to) {
      return true;
    }
    if (e == to - 2) {
      return text.charAt(e) == '\r' && text.charAt(e + 1) == '\n';
    }
    char c = text.charAt(e);
    if (c == '\n') {
      return !(e > from && text.charAt(e - 1) == '\r'); // not between "\r" and "\n"
    }
    return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /**
   * A necessary condition for a {@link #VERSION_BEFORE} match in {@code text[from, to)}, so that most
   * codes cost neither a copy nor a matcher: each of its words ends with an ASCII letter, a dot or a
   * 4, and only {@code [ \t:=/-]} follow it up to the end or to one or two final line-terminator
   * chars (where {@code $} also matches).
   */
  private static boolean mayEndWithVersionWord(String text, int from, int to) {
    int end = to;
    for (int k = 0; k < 3; k++) {
      int p = end;
      while (p > from && isVersionSeparator(text.charAt(p - 1))) {
        p--;
      }
      if (p > from) {
        char c = text.charAt(p - 1);
        int lower = c | 0x20;
        if (c == '.' || c == '4' || c < 128 && lower >= 'a' && lower <= 'z') {
          return true;
        }
      }
      if (end == from || !isLineEnd(text.charAt(end - 1))) {
        return false;
      }
      end--;
    }
    return false;
  }

  /** {@code [ \t:=/-]}: what may come between a version word and the code. */
  private static boolean isVersionSeparator(char c) {
    return c == ' ' || c == '\t' || c == ':' || c == '=' || c == '/' || c == '-';
  }

  /** A positive (2yz) reply code at the start of the text or a line, for delivery reports. */
  static Optional<ReplyCode> positiveReply(String text) {
    int at = positiveReplyAt(text);
    return at < 0 ? Optional.empty() : replyIn(text, at);
  }

  /**
   * Where the digits of the first {@link Spec#POSITIVE_REPLY} match are, or -1. A match starts at a line
   * start (as {@code (?m)^} finds one: the text's start and after a line terminator, not between CR
   * and LF and not at the end) or at {@code smtp;}; its {@code \\s*} takes all the white space after
   * that, for the digits cannot be white space. Every start inside one run of white space reaches the
   * same end, so a run is read once.
   */
  static int positiveReplyAt(String text) {
    int n = text.length();
    int runFrom = -1; // the white space last read, [runFrom, runTo]: a start in it reaches runTo again
    int runTo = -1;
    for (int i = 0; i < n; i++) {
      boolean lineStart = i == 0 || isLineEnd(text.charAt(i - 1)) && !(text.charAt(i - 1) == '\r' && text.charAt(i) == '\n');
      if (lineStart && !(i >= runFrom && i <= runTo)) {
        runFrom = i;
        runTo = Keywords.skipSpace(text, i);
        if (isPositiveReply(text, runTo)) {
          return runTo;
        }
      }
      int afterMark = i + 5;
      if (text.startsWith("smtp;", i) && !(afterMark >= runFrom && afterMark <= runTo)) {
        runFrom = afterMark;
        runTo = Keywords.skipSpace(text, afterMark);
        if (isPositiveReply(text, runTo)) {
          return runTo;
        }
      }
    }
    return -1;
  }

  /** Whether a positive reply code that {@link Spec#POSITIVE_REPLY}'s look-ahead accepts is at {@code k}. */
  private static boolean isPositiveReply(String text, int k) {
    int n = text.length();
    if (k + 3 > n || text.charAt(k) != '2' || text.charAt(k + 1) < '0' || text.charAt(k + 1) > '5'
        || !isDigit(text.charAt(k + 2))) {
      return false;
    }
    if (k + 3 == n) {
      return true;
    }
    char next = text.charAt(k + 3);
    return next == ' ' || next == '\t' || next == '-' || isLineEnd(next);
  }

  /**
   * The enhanced status code of a text, given its reply code: the first qmail-style one ({@link
   * #QMAIL}) of the reply's class (of any but 2 without one), else the first standalone one ({@link
   * #STATUS}) not after a version word, of the reply's class, else (without a reply code) the first
   * of any class. The matches are found by hand ({@link StatusCodes}).
   */
  static Optional<EnhancedStatusCode> statusCode(String text, Optional<ReplyCode> reply) {
    if (text.length() > StatusCodes.MAX_LENGTH) {
      return statusCodeByPatterns(text, reply);
    }
    for (long q = StatusCodes.nextQmail(text, 0); q != StatusCodes.NONE; q = StatusCodes.nextQmail(text,
        StatusCodes.end(q))) {
      Optional<EnhancedStatusCode> s = statusAt(text, q);
      if (s.isPresent() && classOk(s.get(), reply)) {
        return s;
      }
    }
    Optional<EnhancedStatusCode> other = Optional.empty();
    for (long m = StatusCodes.nextStatus(text, 0); m != StatusCodes.NONE; m = StatusCodes.nextStatus(text,
        StatusCodes.end(m))) {
      if (versionBefore(text, StatusCodes.code(m))) {
        continue;
      }
      Optional<EnhancedStatusCode> s = statusAt(text, m);
      if (s.isEmpty()) {
        continue;
      }
      if (classOk(s.get(), reply)) {
        return s;
      }
      if (other.isEmpty() && reply.isEmpty()) {
        other = s;
      }
    }
    return other;
  }

  /** The enhanced code of a match of {@link StatusCodes}, as {@link #status} reads its three parts. */
  private static Optional<EnhancedStatusCode> statusAt(String text, long match) {
    int p = StatusCodes.code(match);
    int dot = text.indexOf('.', p + 2); // the second dot
    return statusIn(text, p, dot, StatusCodes.codeEnd(match));
  }

  /** {@link #statusCode} as the patterns find it. */
  static Optional<EnhancedStatusCode> statusCodeByPatterns(String text, Optional<ReplyCode> reply) {
    for (Matcher q = QMAIL_STARTS.match(QMAIL, text); q != null; q = QMAIL_STARTS.matchAfter(q, text)) {
      Optional<EnhancedStatusCode> s = q.group(1) != null
          ? status(q.group(1), q.group(2), q.group(3))
          : status(q.group(4), q.group(5), q.group(6));
      if (s.isPresent() && classOk(s.get(), reply)) {
        return s;
      }
    }
    Optional<EnhancedStatusCode> other = Optional.empty();
    for (Matcher m = STATUS_STARTS.match(STATUS, text); m != null; m = STATUS_STARTS.matchAfter(m, text)) {
      if (versionBefore(text, m.start())) {
        continue;
      }
      Optional<EnhancedStatusCode> s = status(m.group(1), m.group(2), m.group(3));
      if (s.isEmpty()) {
        continue;
      }
      if (classOk(s.get(), reply)) {
        return s;
      }
      if (other.isEmpty() && reply.isEmpty()) {
        other = s;
      }
    }
    return other;
  }

  private static boolean classOk(EnhancedStatusCode s, Optional<ReplyCode> reply) {
    if (reply.isPresent()) {
      return reply.get().value() / 100 == s.statusClass();
    }
    return s.statusClass() != 2;
  }

  static Optional<EnhancedStatusCode> status(String c, String s, String d) {
    // the usual case without building and parsing a string; anything else as the parser reads it
    if (c.length() == 1 && (c.charAt(0) == '2' || c.charAt(0) == '4' || c.charAt(0) == '5')) {
      int subject = codePart(s);
      int detail = codePart(d);
      if (subject >= 0 && detail >= 0) {
        return Optional.of(new EnhancedStatusCode(c.charAt(0) - '0', subject, detail));
      }
    }
    return EnhancedStatusCode.parse(c + "." + s + "." + d).value();
  }

  /**
   * {@link #status} of the enhanced code in {@code t} whose class digit is at {@code p}, whose
   * second dot is at {@code dot} and which ends at {@code end}: the usual case read in place,
   * without copying its three parts out.
   */
  static Optional<EnhancedStatusCode> statusIn(String t, int p, int dot, int end) {
    char c = t.charAt(p);
    if (c == '2' || c == '4' || c == '5') {
      int subject = codePart(t, p + 2, dot);
      int detail = codePart(t, dot + 1, end);
      if (subject >= 0 && detail >= 0) {
        return Optional.of(new EnhancedStatusCode(c - '0', subject, detail));
      }
    }
    return status(t.substring(p, p + 1), t.substring(p + 2, dot), t.substring(dot + 1, end));
  }

  /** The value of one to three ASCII digits without a leading zero (or "0"), else -1. */
  private static int codePart(String digits) {
    return codePart(digits, 0, digits.length());
  }

  /** {@link #codePart(String)} of {@code t[from, to)}. */
  private static int codePart(String t, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > 3 || n > 1 && t.charAt(from) == '0') {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** {@link #reply} of the three chars of {@code t} at {@code p}: the usual case read in place, without a copy. */
  static Optional<ReplyCode> replyIn(String t, int p) {
    // the usual case, 2-5 then 0-5 then a digit, without a parse result; anything else as the parser reads it
    char a = t.charAt(p);
    char b = t.charAt(p + 1);
    char c = t.charAt(p + 2);
    if (a >= '2' && a <= '5' && b >= '0' && b <= '5' && c >= '0' && c <= '9') {
      return Optional.of(ReplyCode.of((a - '0') * 100 + (b - '0') * 10 + (c - '0')));
    }
    return ReplyCode.parse(t.substring(p, p + 3)).value();
  }

  static Optional<ReplyCode> reply(String digits) {
    return digits.length() == 3 ? replyIn(digits, 0) : ReplyCode.parse(digits).value();
  }

  /** Parses the leading code of a Status field value such as {@code 5.0.0 (permanent failure)}. */
  static Optional<EnhancedStatusCode> statusField(String value) {
    // STATUS_FIELD's find: at the start only, after the \s chars, a code whose digit runs are taken greedily
    int p = Keywords.skipSpace(value);
    int end = enhancedCodeEnd(value, p, value.length());
    if (end < 0) {
      return Optional.empty();
    }
    int dot = value.indexOf('.', p + 2);
    return statusIn(value, p, dot, end);
  }

  /**
   * Joins a block into one clean line: SMTP multi-line prefixes ({@code 550-5.7.1}) after the first
   * line are dropped, whitespace is collapsed, the result is trimmed and bounded.
   */
  static String clean(String block) {
    if (isCleanLine(block)) {
      return block; // nothing to join, strip, collapse, drop or cut: no copy is made
    }
    String b = block.length() > MAX_SCAN ? block.substring(0, MAX_SCAN) : block;
    StringBuilder out = new StringBuilder(Math.min(b.length(), MAX_TEXT * 2 + 1));
    int written = 0; // the length before spaces are collapsed, which bounds the work
    int firstCode = -1; // the first prefix's reply code, as a number
    boolean collapsed = isCollapsed(b);
    for (int from = 0, n = b.length(); from < n; ) {
      int nl = b.indexOf('\n', from);
      int to = nl < 0 ? n : nl;
      // the line [s, e), stripped as String.strip strips, without a copy
      int s = stripStart(b, from, to);
      int e = stripEnd(b, s, to);
      from = to + 1;
      if (s == e) {
        continue;
      }
      // the stripped line starts with the prefix's "<<<" or code, or it has none
      int prefixEnd = mayStartReply(b.charAt(s)) ? multilinePrefixEnd(b, s, e) : -1;
      if (prefixEnd >= 0) {
        int code = replyCodeAfterLead(b, s, e);
        if (firstCode < 0) {
          firstCode = code;
          if (b.startsWith("<<<", s)) {
            s = stripStart(b, s + 3, e);
          }
        } else if (code == firstCode) {
          s = stripStart(b, prefixEnd, e);
        }
      }
      if (written > 0) {
        appendCollapsed(out, " ", 0, 1, true);
        written++;
      }
      appendCollapsed(out, b, s, e, collapsed);
      written += e - s;
      if (written > MAX_TEXT * 2) {
        break;
      }
    }
    String s = out.toString().strip();
    // re-wrapped multi-line replies repeat "550-5.1.1" inside the text: keep only the first
    int lead = leadingPair(s);
    if (lead >= 0) {
      int end = leadingPairEnd(s, lead);
      String tail = s.substring(end);
      String kept = withoutRepeats(tail, s.substring(lead, lead + 3), s.substring(lead + 4, end - 1));
      if (kept.length() != tail.length()) {
        s = (s.substring(0, end) + kept).strip();
      }
    }
    return bound(s);
  }

  /**
   * Whether {@link #clean} gives {@code block} back as it is: one line, no longer than {@link
   * #MAX_TEXT}, with no white space at either end, no {@code <<<} to drop, every space run one
   * space already, and no repeat of its leading reply and enhanced code pair to drop.
   */
  static boolean isCleanLine(String block) {
    int n = block.length();
    if (n == 0 || n > MAX_TEXT || Character.isWhitespace(block.charAt(0))
        || Character.isWhitespace(block.charAt(n - 1)) || block.indexOf('\n') >= 0 || block.startsWith("<<<")
        || !isCollapsed(block)) {
      return false;
    }
    int lead = leadingPair(block);
    if (lead < 0) {
      return true;
    }
    int end = leadingPairEnd(block, lead);
    return !repeatsFrom(block, end, block.substring(lead, lead + 3), block.substring(lead + 4, end - 1));
  }

  /**
   * Whether {@link #withoutRepeats} of {@code s} from {@code from} on drops anything: a repeat
   * looked for in {@code s} itself, where it starts and ends at the same places, without the copy.
   */
  static boolean repeatsFrom(String s, int from, String code, String status) {
    for (int i = s.indexOf(code, from + 1); i >= 0; i = s.indexOf(code, i + 1)) {
      if (repeatAt(s, i, code, status) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The first index in {@code [s, e)} of {@code t} that is no white space ({@link String#strip}), or {@code e}. */
  private static int stripStart(String t, int s, int e) {
    while (s < e && Character.isWhitespace(t.charAt(s))) {
      s++;
    }
    return s;
  }

  /** The end of {@code t[s, e)} without trailing white space ({@link String#strip}). */
  private static int stripEnd(String t, int s, int e) {
    while (e > s && Character.isWhitespace(t.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /**
   * Where the multi-line prefix {@code ^\s*(?:<<<\s*)?([245]\d\d)[ -](?:#?ESC\s*)?} ({@code ESC} an
   * enhanced code) ends when it matches the stripped line {@code t[s, e)} with
   * {@code lookingAt}, or -1: an optional {@code <<<} and {@code \s} run, a reply code, a space or
   * hyphen, then optionally {@code #}, an enhanced code and a {@code \s} run. Each piece is matched
   * greedily, and no piece can give back what the next one needs, so no backtracking is lost.
   */
  static int multilinePrefixEnd(String t, int s, int e) {
    int p = replyCodeAfterLeadAt(t, s, e);
    if (p < 0 || p + 4 > e || !isClassDigit(t.charAt(p)) || !isDigit(t.charAt(p + 1))
        || !isDigit(t.charAt(p + 2)) || t.charAt(p + 3) != ' ' && t.charAt(p + 3) != '-') {
      return -1;
    }
    int end = p + 4;
    int q = end < e && t.charAt(end) == '#' ? end + 1 : end;
    int esc = enhancedCodeEnd(t, q, e);
    if (esc < 0) {
      return end;
    }
    while (esc < e && isRegexSpace(t.charAt(esc))) {
      esc++;
    }
    return esc;
  }

  /** Where the reply code of a line that {@link #multilinePrefixEnd} matched starts: after "<<<" and a {@code \s} run, if a code follows them. */
  private static int replyCodeAfterLeadAt(String t, int s, int e) {
    if (t.startsWith("<<<", s) && s + 3 <= e) {
      int p = s + 3;
      while (p < e && isRegexSpace(t.charAt(p))) {
        p++;
      }
      if (p + 3 <= e && isClassDigit(t.charAt(p))) {
        return p;
      }
    }
    return s;
  }

  /** The reply code of a line that {@link #multilinePrefixEnd} matched, as a number. */
  private static int replyCodeAfterLead(String t, int s, int e) {
    int p = replyCodeAfterLeadAt(t, s, e);
    return (t.charAt(p) - '0') * 100 + (t.charAt(p + 1) - '0') * 10 + (t.charAt(p + 2) - '0');
  }

  /**
   * The end of an enhanced code {@code [245]\.\d{1,3}\.\d{1,3}} that starts at {@code p}, before
   * {@code e}, its digit runs taken greedily (as the regular expression takes them), or -1.
   */
  static int enhancedCodeEnd(String t, int p, int e) {
    if (p + 4 > e || !isClassDigit(t.charAt(p)) || t.charAt(p + 1) != '.') {
      return -1;
    }
    int q = digitsEnd(t, p + 2, e);
    if (q == p + 2 || q >= e || t.charAt(q) != '.') {
      return -1;
    }
    int r = digitsEnd(t, q + 1, e);
    return r == q + 1 ? -1 : r;
  }

  /** The end of the run of at most three ASCII digits at {@code p}, before {@code e}. */
  private static int digitsEnd(String t, int p, int e) {
    int q = p;
    while (q < e && q - p < 3 && isDigit(t.charAt(q))) {
      q++;
    }
    return q;
  }

  /**
   * Where the first leading pair {@code ([245]\d\d)[ -](ESC)\s} in {@code s} starts, or -1. A match is a reply
   * code, a space or hyphen, and an enhanced code, so it starts five characters before the enhanced
   * code's first dot: the dots are visited in order (with the vectorised indexOf), which visits the
   * possible starts in order.
   */
  static int leadingPair(String s) {
    int n = s.length();
    for (int dot = s.indexOf('.', 5); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      int p = dot - 5;
      if (isClassDigit(s.charAt(p)) && isDigit(s.charAt(p + 1)) && isDigit(s.charAt(p + 2))
          && (s.charAt(p + 3) == ' ' || s.charAt(p + 3) == '-') && leadingPairEnd(s, p) >= 0) {
        return p;
      }
    }
    return -1;
  }

  /** The end of the leading pair at {@code p} (after its {@code \s}), or -1. */
  static int leadingPairEnd(String s, int p) {
    int esc = enhancedCodeEnd(s, p + 4, s.length());
    return esc >= 0 && esc < s.length() && isRegexSpace(s.charAt(esc)) ? esc + 1 : -1;
  }

  /** {@code [245]}: the class digit of a reply or enhanced code. */
  static boolean isClassDigit(char c) {
    return c == '2' || c == '4' || c == '5';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \s} of a regular expression: space, tab, LF, VT, FF, CR. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * {@code tail} without the repeats of {@code code}, a space or hyphen, and {@code status} that
   * follow a {@code \s} character, each with the {@code \s} run after it: what replacing {@code
   * (?<=\s)code[ -]status(?:\s+|$)} by nothing gives.
   */
  static String withoutRepeats(String tail, String code, String status) {
    StringBuilder b = null;
    int copied = 0;
    int i = tail.indexOf(code, 1); // at 0 nothing precedes
    while (i >= 0) {
      int end = repeatAt(tail, i, code, status);
      if (end < 0) {
        i = tail.indexOf(code, i + 1);
        continue;
      }
      if (b == null) {
        b = new StringBuilder(tail.length());
      }
      b.append(tail, copied, i);
      copied = end;
      i = tail.indexOf(code, end);
    }
    return b == null ? tail : b.append(tail, copied, tail.length()).toString();
  }

  /** Where a repeat of the pair that starts at {@code i} ends, with the {@code \s} after it, or -1. */
  private static int repeatAt(String tail, int i, String code, String status) {
    int n = tail.length();
    int j = i + code.length() + 1 + status.length();
    if (j > n || !Keywords.isSpace(tail.charAt(i - 1)) || !tail.startsWith(code, i)
        || tail.charAt(i + code.length()) != ' ' && tail.charAt(i + code.length()) != '-'
        || !tail.startsWith(status, i + code.length() + 1)) {
      return -1;
    }
    if (j < n && Keywords.isSpace(tail.charAt(j))) {
      while (j < n && Keywords.isSpace(tail.charAt(j))) {
        j++;
      }
      return j;
    }
    // "$": the end, or a final line terminator that "\s" does not match
    boolean end = j == n || j == n - 1 && (tail.charAt(j) == '\u0085' || tail.charAt(j) == '\u2028'
        || tail.charAt(j) == '\u2029');
    return end ? j : -1;
  }

  /**
   * Appends {@code x[from, to)} to {@code b}, each run of spaces, tabs and no-break spaces (across
   * both) one space. {@code collapsed}: {@link #isCollapsed} holds for all of {@code x}.
   */
  private static void appendCollapsed(StringBuilder b, String x, int from, int to, boolean collapsed) {
    boolean joinsRun = from < to && x.charAt(from) == ' ' && b.length() > 0 && b.charAt(b.length() - 1) == ' ';
    if (!joinsRun && (collapsed || !needsCollapse(x, from, to))) {
      b.append(x, from, to); // every run is one space already
      return;
    }
    int start = from;
    for (int i = from; i < to; i++) {
      char c = x.charAt(i);
      if (c == ' ' || c == '\t' || c == '\u00a0') {
        b.append(x, start, i);
        if (b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
          b.append(' ');
        }
        start = i + 1;
      }
    }
    b.append(x, start, to);
  }

  /**
   * Whether {@code x} (up to a few kilobytes) has no tab, no no-break space and no two spaces in a
   * row: then no part of it {@link #needsCollapse}, which three vectorised searches tell at once
   * instead of a char loop per line. A longer text is left to the loop, which stops with the output.
   */
  static boolean isCollapsed(String x) {
    return x.length() <= 8192 && x.indexOf('\t') < 0 && x.indexOf('\u00a0') < 0 && x.indexOf("  ") < 0;
  }

  /** Whether {@code x[from, to)} has a tab, a no-break space or two spaces in a row. */
  static boolean needsCollapse(String x, int from, int to) {
    char prev = 0;
    for (int i = from; i < to; i++) {
      char c = x.charAt(i);
      if (c == '\t' || c == '\u00a0' || c == ' ' && prev == ' ') {
        return true;
      }
      prev = c;
    }
    return false;
  }

  /** Whether a line starting with {@code c} can open with an SMTP reply ({@code <<< 550}, {@code 550}). */
  private static boolean mayStartReply(char c) {
    return c == '<' || c == '2' || c == '4' || c == '5';
  }

  static String bound(String s) {
    return Excerpt.of(s, MAX_TEXT);
  }

  /** {@code s} as an excerpt: its first 297 chars and "..." when it is longer than 300. */
  static String excerpt(String s) {
    return Excerpt.of(s, MAX_EXCERPT);
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    /**
     * A positive reply code at the start of a line or after {@code smtp;}; read by hand ({@link
     * #positiveReplyAt}), the pattern kept as its definition: tried from every line start of a run of
     * blank lines, its {@code \\s*} took time quadratic in the run's length.
     */
    static final Pattern POSITIVE_REPLY = Pattern.compile("(?m)(?:^|smtp;)\\s*(2[0-5]\\d)(?=[ \\t-]|$)");

    static final Pattern STATUS_FIELD = Pattern.compile("^\\s*" + ESC);
  }
}
