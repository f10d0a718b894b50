package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of an RFC 3464 delivery-status report (and RFC 6533 global reports): the
 * per-message block and one block per recipient. Lenient: fields may be folded, blocks may lack
 * the blank line between them (a repeated per-recipient field starts a new block), unknown fields
 * are kept, and a report embedded in plain text is found by {@link #findInText}.
 */
final class DsnParser {
  private static final Pattern UTF8_ESCAPE = Pattern.compile("\\\\x\\{([0-9A-Fa-f]{1,6})\\}");
  private DsnParser() {}

  /** A parsed report: per-message fields and per-recipient blocks, names lower-cased. */
  record Report(Map<String, String> message, List<Map<String, String>> recipients, int firstLine) {}

  static final Set<String> MESSAGE_FIELDS = Set.of("reporting-mta", "dsn-gateway", "received-from-mta",
      "arrival-date", "original-envelope-id");
  static final Set<String> RECIPIENT_FIELDS = Set.of("original-recipient", "final-recipient", "action",
      "status", "remote-mta", "diagnostic-code", "last-attempt-date", "final-log-id", "will-retry-until",
      "x-actual-recipient", "x-display-name");
  private static final Set<String> KEY_FIELDS = Set.of("final-recipient", "original-recipient", "action",
      "status", "diagnostic-code", "remote-mta");

  static Report parse(String text) {
    return parse(text, 0, text.length(), 0, onlyLfEndsLines(text, 0));
  }

  /** Joins a field's continuation lines ({@code folded}, each after an LF) to its value in {@code map}. */
  private static void unfold(Map<String, String> map, String name, StringBuilder folded) {
    String before = map.get(name);
    map.put(name, before == null ? folded.toString() : before.concat(folded.toString()));
  }

  /**
   * The report in the lines of {@code text[from, to)} ({@code to} at a line's end), as if the text
   * were split at LFs; {@code firstLine} is the line number of {@code from}, for the result. Lines
   * are read in place: a field's name becomes its shared lower-case constant when it is a known one.
   * {@code lfOnly} is {@link #onlyLfEndsLines} from {@code from}.
   */
  private static Report parse(String text, int from, int to, int firstLine, boolean lfOnly) {
    Map<String, String> message = new LinkedHashMap<>();
    List<Map<String, String>> recipients = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    boolean keyed = false; // whether current has a recipient's key field (KEY_FIELDS)
    String lastName = null;
    Map<String, String> lastMap = null;
    int[] field = new int[3]; // name end, value start, value end of the current line's field
    // the continuation lines of the last field, joined to its value once it ends (not line by line,
    // which took time quadratic in their number)
    StringBuilder folded = null;
    for (int pos = from; pos <= to; ) {
      int eol = lineEnd(text, pos, to);
      int start = pos;
      pos = eol + 1;
      boolean blank = isBlank(text, start, eol);
      if (blank && eol > start && lastName != null && lastMap != null
          && fieldAfterIndentedLines(text, pos, to, field, lfOnly)) {
        // a line of white space inside a folded value (obsolete folding, RFC 5322 section 4.2):
        // indented lines follow it, and then a field, so the block goes on (text quoted after the
        // report, indented too, is not taken into its last field)
        continue;
      }
      if (!blank && lastName != null && lastMap != null && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
        if (folded == null) {
          folded = new StringBuilder();
        }
        folded.append('\n').append(text, start, eol);
        continue;
      }
      if (folded != null) {
        unfold(lastMap, lastName, folded);
        folded = null;
      }
      if (blank) {
        if (keyed) {
          recipients.add(current);
          current = new LinkedHashMap<>();
          keyed = false;
        }
        lastName = null;
        continue;
      }
      if (!field(text, start, eol, field, lfOnly)) {
        lastName = null;
        continue;
      }
      int known = knownName(text, start, field[0]);
      String name = known >= 0 ? KNOWN_NAMES[known] : LowerCase.root(text.substring(start, field[0]));
      int kinds = known >= 0 ? KNOWN_KINDS[known] : 0; // an unknown name is in none of the sets
      String value = text.substring(field[1], field[2]);
      boolean messageField = (kinds & MESSAGE) != 0;
      if (messageField && !keyed) {
        message.putIfAbsent(name, value);
        lastName = name;
        lastMap = message;
        continue;
      }
      if (messageField) {
        // a per-message field after recipient fields: a new report section (loose formats)
        recipients.add(current);
        current = new LinkedHashMap<>();
        keyed = false;
        message.putIfAbsent(name, value);
        lastName = name;
        lastMap = message;
        continue;
      }
      boolean perRecipient = (kinds & RECIPIENT) != 0 || (name.startsWith("x-") && keyed);
      if (!perRecipient) {
        // unknown field: keep it on whichever block is open
        Map<String, String> target = keyed ? current : message;
        target.putIfAbsent(name, value);
        lastName = name;
        lastMap = target;
        continue;
      }
      boolean key = (kinds & KEY) != 0;
      if (key && current.containsKey(name)) {
        recipients.add(current); // the same field twice: a new recipient block without a blank line
        current = new LinkedHashMap<>();
      }
      current.put(name, value);
      keyed |= key;
      lastName = name;
      lastMap = current;
    }
    if (folded != null) {
      unfold(lastMap, lastName, folded);
    }
    if (keyed) {
      recipients.add(current);
    }
    for (java.util.Iterator<Map<String, String>> it = recipients.iterator(); it.hasNext(); ) {
      Map<String, String> r = it.next();
      if (!r.containsKey("final-recipient") && !r.containsKey("original-recipient") && !r.containsKey("action")
          && !r.containsKey("status")) {
        it.remove();
      }
    }
    // an x- field alone (X-Postfix-Sender in the message block) is not a recipient
    return new Report(message, recipients, firstLine);
  }

  /**
   * Whether one or more lines that start with a space or tab and are not white space only start at
   * {@code pos}, and a line that {@link #field(String, int, int, int[], boolean)} reads as a field
   * follows them (all before {@code to}; {@code out} is its scratch).
   */
  private static boolean fieldAfterIndentedLines(String text, int pos, int to, int[] out, boolean lfOnly) {
    int line = pos;
    while (line < to && (text.charAt(line) == ' ' || text.charAt(line) == '\t')) {
      int end = lineEnd(text, line, to);
      if (isBlank(text, line, end)) {
        return false;
      }
      line = end + 1;
    }
    return line > pos && line < to && field(text, line, lineEnd(text, line, to), out, lfOnly);
  }

  /** The end of the line that starts at {@code start}: the index of its LF, or {@code to} if none comes before it. */
  private static int lineEnd(String text, int start, int to) {
    int lf = text.indexOf('\n', start);
    return lf < 0 || lf > to ? to : lf;
  }

  /** {@code text[from, to)} is empty or whitespace only, as String.isBlank decides. */
  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      // a surrogate is never whitespace, alone or in a pair, so chars can be tested one by one
      if (c != ' ' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Bits of {@link #KNOWN_KINDS}: the name is in MESSAGE_FIELDS, RECIPIENT_FIELDS, KEY_FIELDS. */
  private static final int MESSAGE = 1;
  private static final int RECIPIENT = 2;
  private static final int KEY = 4;
  /** For each of {@link #KNOWN_NAMES}, the sets it is in, so that a line costs no set lookups. */
  private static final int[] KNOWN_KINDS;

  /** The field names the parser knows, lower-cased: a name found here is shared, not built. */
  private static final String[] KNOWN_NAMES;
  /** The indexes in {@link #KNOWN_NAMES} of the names of each length, in order: a line compares only those. */
  private static final int[][] KNOWN_BY_LENGTH;

  static {
    java.util.Set<String> known = new java.util.TreeSet<>(MESSAGE_FIELDS);
    known.addAll(RECIPIENT_FIELDS);
    known.addAll(List.of("x-postfix-sender", "x-postfix-queue-id", "x-original-message-id", "x-supplementary-info"));
    KNOWN_NAMES = known.toArray(new String[0]);
    KNOWN_KINDS = new int[KNOWN_NAMES.length];
    for (int i = 0; i < KNOWN_NAMES.length; i++) {
      String k = KNOWN_NAMES[i];
      KNOWN_KINDS[i] = (MESSAGE_FIELDS.contains(k) ? MESSAGE : 0) | (RECIPIENT_FIELDS.contains(k) ? RECIPIENT : 0)
          | (KEY_FIELDS.contains(k) ? KEY : 0);
    }
    int longest = 0;
    for (String k : KNOWN_NAMES) {
      longest = Math.max(longest, k.length());
    }
    KNOWN_BY_LENGTH = new int[longest + 1][];
    for (int len = 0; len <= longest; len++) {
      int count = 0;
      for (String k : KNOWN_NAMES) {
        count += k.length() == len ? 1 : 0;
      }
      int[] ids = new int[count];
      count = 0;
      for (int i = 0; i < KNOWN_NAMES.length; i++) {
        if (KNOWN_NAMES[i].length() == len) {
          ids[count++] = i;
        }
      }
      KNOWN_BY_LENGTH[len] = ids;
    }
  }

  /**
   * Whether no line terminator other than LF ({@link Smtp#isLineEnd}) occurs in {@code text} from
   * {@code from} on: then a value runs to its line's LF. Each search is the JDK's intrinsic, and
   * one for a char above U+00FF in Latin-1 text is answered at once.
   */
  static boolean onlyLfEndsLines(String text, int from) {
    return otherLineEnd(text, from) < 0;
  }

  /** The first index from {@code from} of a line terminator other than LF, or -1. */
  private static int otherLineEnd(String text, int from) {
    int first = -1;
    for (char c : OTHER_LINE_ENDS) {
      int i = text.indexOf(c, from);
      if (i >= 0 && (first < 0 || i < first)) {
        first = i;
      }
    }
    return first;
  }

  private static final char[] OTHER_LINE_ENDS = {'\r', '\u0085', '\u2028', '\u2029'};

  /**
   * {@link #onlyLfEndsLines} of one text from points that move forward, as {@link #findInText}
   * asks it for each block it tries: the next terminator other than LF is looked for again only
   * when a point has passed it, so the text is searched once in all, not once for each block.
   */
  static final class OnlyLf {
    private final String text;
    private int at;
    /** The first terminator other than LF from {@link #at}, or -1. */
    private int next;

    OnlyLf(String text) {
      this.text = text;
      this.next = otherLineEnd(text, 0);
    }

    boolean from(int from) {
      if (from < at) {
        at = 0; // a point before the last one: look from the start again
        next = otherLineEnd(text, 0);
      }
      if (next >= 0 && next < from) {
        next = otherLineEnd(text, from);
      }
      at = from;
      return next < 0;
    }
  }

  /**
   * The index in {@link #KNOWN_NAMES} of {@code text[from, to)} lower-cased, a field name of ASCII
   * letters, digits and hyphens, or -1. For such a name, ignoring ASCII case is exactly what
   * comparing the Locale.ROOT lower case does.
   */
  private static int knownName(String text, int from, int to) {
    int len = to - from;
    if (len >= KNOWN_BY_LENGTH.length) {
      return -1;
    }
    char first = (char) (text.charAt(from) | 0x20); // a letter, lower-cased
    int[] ids = KNOWN_BY_LENGTH[len];
    for (int j = 0; j < ids.length; j++) {
      String k = KNOWN_NAMES[ids[j]];
      if (k.charAt(0) == first && asciiEqualsLower(text, from, k)) {
        return ids[j];
      }
    }
    return -1;
  }

  /**
   * Whether {@code text} at {@code from} holds {@code lower} (ASCII lower case) with letters in any
   * case, its first char aside (already compared).
   */
  private static boolean asciiEqualsLower(String text, int from, String lower) {
    for (int k = 1; k < lower.length(); k++) {
      char c = text.charAt(from + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the line {@code text[from, to)} as {@link #field(String)} does, without copying it: on
   * success {@code out} holds the name's end and the value's start and end, and true is returned.
   */
  private static boolean field(String text, int from, int to, int[] out, boolean lfOnly) {
    if (from == to || !Keywords.isAsciiLetter(text.charAt(from))) {
      return false;
    }
    int nameEnd = from + 1;
    while (nameEnd < to && nameEnd - from < 61 && isNameChar(text.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd < to && isNameChar(text.charAt(nameEnd))) {
      return false; // a longer name leaves no room for the colon
    }
    int colon = nameEnd;
    while (colon < to && Keywords.isSpace(text.charAt(colon))) {
      colon++;
    }
    if (colon == to || text.charAt(colon) != ':') {
      return false;
    }
    int v = colon + 1;
    if (v < to && Keywords.isSpace(text.charAt(v))) {
      v++;
    }
    int e = lfOnly ? to : v; // the line holds no terminator when only LFs end lines
    while (e < to && !Smtp.isLineEnd(text.charAt(e))) {
      e++;
    }
    // "(.*)$" stops at the first line terminator, where "$" holds only at a final one (the line has no LF)
    if (e < to - 1) {
      return false;
    }
    out[0] = nameEnd;
    out[1] = v;
    out[2] = e;
    return true;
  }

  /** A field line's name and value, as {@link Spec#FIELD} reads them. */
  record Field(String name, String value) {}

  /**
   * Reads a line as {@link Spec#FIELD} does, without a regular expression: a name of up to 61 letters,
   * digits and hyphens that starts with a letter, optional {@code \s}, a colon, one optional
   * {@code \s}, and the value up to a line terminator that may only end the line. Null when the
   * line is not a field.
   */
  static @Nullable Field field(String line) {
    int n = line.length();
    if (n == 0 || !Keywords.isAsciiLetter(line.charAt(0))) {
      return null;
    }
    int nameEnd = 1;
    while (nameEnd < n && nameEnd < 61 && isNameChar(line.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd < n && isNameChar(line.charAt(nameEnd))) {
      return null; // a longer name leaves no room for the colon
    }
    int colon = nameEnd;
    while (colon < n && Keywords.isSpace(line.charAt(colon))) {
      colon++;
    }
    if (colon == n || line.charAt(colon) != ':') {
      return null;
    }
    int from = colon + 1;
    if (from < n && Keywords.isSpace(line.charAt(from))) {
      from++;
    }
    int to = from;
    while (to < n && !Smtp.isLineEnd(line.charAt(to))) {
      to++;
    }
    // "(.*)$" stops at the first line terminator, where "$" holds only at a final one (or "\r\n")
    boolean atEnd = to >= n - 1 || to == n - 2 && line.charAt(to) == '\r' && line.charAt(to + 1) == '\n';
    return atEnd ? new Field(line.substring(0, nameEnd), line.substring(from, to)) : null;
  }

  private static boolean isNameChar(char c) {
    return Keywords.isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-';
  }

  /** Every match of {@link #REPORT_START} starts with one of these. */
  static final Keywords REPORT_START_WORDS = new Keywords("reporting-mta", "final-recipient",
      "original-recipient", "arrival-date", "received-from-mta", "original-envelope-id");
  static final Pattern REPORT_START = Pattern.compile(
      "(?i)^(Reporting-MTA|Final-Recipient|Original-Recipient|Arrival-Date|Received-From-MTA|Original-Envelope-Id)\\s*:");

  /**
   * Finds a delivery-status block inside plain text (DSNs whose MIME structure is broken or
   * flattened): the first run of lines from a Reporting-MTA or Final-Recipient field that yields
   * at least one recipient with an Action or Status. Returns null when there is none.
   */
  static Report findInText(String text) {
    if (!someLineStartsReport(text)) {
      return null;
    }
    // the lines are read in place, as the text split at LFs: line i is text[start, end)
    int n = text.length();
    int[] field = new int[3];
    OnlyLf onlyLf = new OnlyLf(text);
    boolean lfOnly = onlyLf.from(0);
    int i = 0;
    for (int start = 0; start <= n; ) {
      int end = lineEnd(text, start);
      if (REPORT_START_WORDS.at(text, start) && REPORT_START.matcher(text).region(start, end).lookingAt()) {
        // the block runs until a line that is no field, not blank, not indented and no SMTP reply line
        // (a multi-line Diagnostic-Code written without folding), or until the second field in a row
        // whose name no report uses: lines i to j - 1
        int j = i;
        int jStart = start;
        int misses = 0;
        while (jStart <= n) {
          int jEnd = lineEnd(text, jStart);
          boolean isField = field(text, jStart, jEnd, field, lfOnly);
          boolean blank = isBlank(text, jStart, jEnd);
          if (blank || jStart < jEnd && (text.charAt(jStart) == ' ' || text.charAt(jStart) == '\t') || isField
              || j > i && LineMatchers.replyCodeAt(text, jStart, jEnd)) {
            if (isField && !isDsnish(text, jStart, field[0])) {
              misses++;
              if (misses > 1) {
                break;
              }
            } else if (!blank) {
              misses = 0;
            }
            j++;
            jStart = jEnd + 1;
            continue;
          }
          break;
        }
        Report r = parse(text, start, jStart - 1, i, onlyLf.from(start));
        boolean usable = false;
        for (Map<String, String> rec : r.recipients()) {
          if ((rec.containsKey("final-recipient") || rec.containsKey("original-recipient"))
              && (rec.containsKey("action") || rec.containsKey("status"))) {
            usable = true;
          }
        }
        if (usable) {
          return r;
        }
        if (j - 1 > i) { // go on after line j - 1, which ends just before line j starts
          i = j - 1;
          end = jStart - 1;
        }
      }
      i++;
      start = end + 1;
    }
    return null;
  }

  /** The end of the line that starts at {@code start}: the index of its LF, or the text's length. */
  private static int lineEnd(String text, int start) {
    return lineEnd(text, start, text.length());
  }

  /**
   * Whether a line of {@code text} starts with one of {@link #REPORT_START_WORDS}, the names {@link
   * #REPORT_START} accepts: one look at the start of each line, whose LF is found by String.indexOf
   * (vectorised), costs less than a search of every position for the words.
   */
  static boolean someLineStartsReport(String text) {
    for (int at = 0; ; ) {
      if (REPORT_START_WORDS.at(text, at)) {
        return true;
      }
      int lf = text.indexOf('\n', at);
      if (lf < 0) {
        return false;
      }
      at = lf + 1;
    }
  }

  /**
   * Whether the field whose name is {@code text[from, nameEnd)} is a report's: a per-message or
   * per-recipient field, or an x- field. Its name is letters, digits and hyphens, which the
   * Locale.ROOT lower case compares as ASCII does.
   */
  private static boolean isDsnish(String text, int from, int nameEnd) {
    int known = knownName(text, from, nameEnd);
    if (known >= 0 && (KNOWN_KINDS[known] & (MESSAGE | RECIPIENT)) != 0) {
      return true;
    }
    return nameEnd - from >= 2 && (text.charAt(from) | 0x20) == 'x' && text.charAt(from + 1) == '-';
  }

  /** The address in an address-typed field: {@code rfc822; <a@b>} becomes {@code a@b}. */
  static String address(String value) {
    if (value == null) {
      return "";
    }
    String v = Headers.unfold(value).trim();
    String type = "";
    int semi = v.indexOf(';');
    if (semi >= 0 && semi < 20) {
      type = LowerCase.root(v.substring(0, semi).trim());
      v = v.substring(semi + 1).trim();
    }
    if (v.startsWith("<") && v.indexOf('>') > 0) {
      v = v.substring(1, v.indexOf('>'));
    }
    if (v.indexOf('(') >= 0) { // a trailing comment needs its parenthesis
      v = withoutTrailingComment(v);
    }
    v = v.trim();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.length() > 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' && v.indexOf('"', 1) == v.length() - 1
        && v.indexOf('@') > 0) {
      v = v.substring(1, v.length() - 1); // the whole address quoted ("a@example.org"), not a quoted local part
    }
    if (type.equals("utf-8") || v.contains("\\x{")) {
      v = unescapeUtf8(v);
    }
    return v.trim();
  }

  /**
   * {@code TRAILING_COMMENT.matcher(v).replaceAll("")} in one pass. The comment's ")" must end the
   * value, or stand before a line terminator that does (where {@code $} matches); no line terminator
   * may come between its "(" and its ")" ({@code .} matches none); and the match starts where the
   * run of white space before the first such "(" starts.
   */
  static String withoutTrailingComment(String v) {
    int n = v.length();
    int close;
    if (n >= 1 && v.charAt(n - 1) == ')') {
      close = n - 1;
    } else if (n >= 2 && v.charAt(n - 2) == ')' && Smtp.isLineEnd(v.charAt(n - 1))) {
      close = n - 2;
    } else if (n >= 3 && v.charAt(n - 3) == ')' && v.charAt(n - 2) == '\r' && v.charAt(n - 1) == '\n') {
      close = n - 3;
    } else {
      return v;
    }
    int lastTerminator = close - 1;
    while (lastTerminator >= 0 && !Smtp.isLineEnd(v.charAt(lastTerminator))) {
      lastTerminator--;
    }
    for (int open = Math.max(lastTerminator + 1, 1); open < close; open++) {
      if (v.charAt(open) == '(' && Keywords.isSpace(v.charAt(open - 1))) {
        int start = open - 1;
        while (start > 0 && Keywords.isSpace(v.charAt(start - 1))) {
          start--;
        }
        return v.substring(0, start).concat(v.substring(close + 1));
      }
    }
    return v;
  }

  /** RFC 6533 utf-8-addr-xtext / unitext: {@code \x{HEX}} escapes become characters. */
  static String unescapeUtf8(String v) {
    Matcher m = UTF8_ESCAPE.matcher(v);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1), 16);
      String rep = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Comments that only restate the class of the status code: they add nothing to it. */
  private static final Set<String> CLASS_ONLY_COMMENTS = Set.of("permanent failure", "permanent error",
      "temporary failure", "temporary error", "transient failure", "transient error", "persistent transient failure",
      "failure", "failed", "error", "success", "delivered", "delayed", "unknown", "other", "undefined status",
      "other or undefined status", "permanent", "temporary", "unrecoverable error", "fatal error");

  /**
   * The text of the comment after the code in a Status field ({@code 4.0.0 (mx.example: host name lookup
   * failure)}): RFC 3464's own example puts the reason there when no Diagnostic-Code follows. Empty when
   * there is no comment or it only restates the code's class.
   */
  static String statusComment(String value) {
    int open = value.indexOf('(');
    if (open < 0) {
      return "";
    }
    int close = value.lastIndexOf(')');
    if (close <= open) {
      close = value.length(); // an unclosed comment runs to the end of the field
    }
    String c = Headers.unfold(value.substring(open + 1, close)).strip();
    if (c.isEmpty() || CLASS_ONLY_COMMENTS.contains(LowerCase.root(c))) {
      return "";
    }
    return Smtp.clean(c);
  }

  /** The type and text of a Diagnostic-Code field: {@code smtp; 550 ...}. */
  record Diagnostic(String type, String text) {}

  static Diagnostic diagnostic(String value) {
    String v = value == null ? "" : value.trim();
    int semi = v.indexOf(';');
    if (semi > 0 && semi < 24) {
      String type = v.substring(0, semi).trim();
      if (isDiagType(type)) {
        return new Diagnostic(LowerCase.root(type), v.substring(semi + 1));
      }
    }
    return new Diagnostic("", v);
  }

  /** Whether {@link Spec#DIAG_TYPE} matches all of {@code s}: a letter, then letters, digits, '_', '.' or '-'. */
  static boolean isDiagType(String s) {
    if (s.isEmpty() || !Keywords.isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isNameChar(c) && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** The host of a Remote-MTA or Reporting-MTA field: {@code dns; mx.example.com. (...)} becomes {@code mx.example.com}. */
  static String host(String value) {
    if (value == null) {
      return "";
    }
    String v = Headers.unfold(value).trim();
    int semi = v.indexOf(';');
    if (semi >= 0 && semi < 20) {
      v = v.substring(semi + 1).trim();
    }
    int sp = v.indexOf(' ');
    if (sp > 0) {
      v = v.substring(0, sp);
    }
    int end = v.length();
    while (end > 0 && v.charAt(end - 1) == '.') {
      end--; // an index, not a copy per dot: a run of 60,000 dots took 0.35 s
    }
    return v.substring(0, end);
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    /**
     * A comment that ends the value: white space, "(", then anything up to a ")" at the end. Read by
     * hand ({@link DsnParser#withoutTrailingComment}), in one pass; the pattern, kept as its definition, takes
     * time quadratic in the length of a long run of white space.
     */
    static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+\\(.*\\)$");

    /** A diagnostic type; {@link DsnParser#isDiagType} reads it without the regular expression. */
    static final Pattern DIAG_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** A field line; {@link DsnParser#field} reads it without the regular expression. */
    static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9-]{0,60})\\s*:\\s?(.*)$");
  }
}
