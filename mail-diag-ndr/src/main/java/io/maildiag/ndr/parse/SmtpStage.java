package io.maildiag.ndr.parse;

import io.maildiag.core.internal.UpperCase;
import io.maildiag.ndr.classify.Stage;
import io.maildiag.ndr.classify.TextNormalizer;
import io.maildiag.ndr.classify.TextRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where in the SMTP session a remote reply came, as a bounce says it apart from the reply, and
 * the words that carry it into a recipient's diagnostic text for the classifier.
 *
 * <p>Bounces name the stage in many ways: Postfix appends {@code (in reply to RCPT TO command)};
 * Exim writes {@code SMTP error from remote mail server after MAIL FROM:<...>:}; qmail says {@code
 * does not like recipient}, {@code sender was rejected}, {@code my name was rejected} or {@code
 * failed after I sent the message}; Yahoo appends {@code [RCPT_TO]}; sendmail and Courier print a
 * transcript, the client's command after {@code >>>} and the server's reply after {@code <<<}. A
 * report's Diagnostic-Code usually carries the reply alone, so the stage is read from the text
 * and, when the diagnostic does not already say it, appended in Postfix's wording ({@link
 * #annotate}).
 *
 * <p>Pipelining: a sendmail transcript shows the last command sent ({@code >>> DATA}) before the
 * replies to a pipelined group. When a later reply in the same exchange says that no recipient
 * was accepted ({@code <<< 503 Need RCPT}, {@code <<< 554 no valid recipients}), the refusal
 * answered the {@code RCPT TO}, not the {@code DATA}.
 */
final class SmtpStage {
  private SmtpStage() {}

  /**
   * A stage: what the classifier reads, and the words appended to a diagnostic.
   *
   * @param stage the stage
   * @param words the words, such as {@code (in reply to RCPT TO command)}
   * @param normalizedWords the words {@linkplain TextNormalizer#normalize normalised}
   */
  record Found(Stage stage, String words, String normalizedWords) {
    Found(Stage stage, String words) {
      this(stage, words, TextNormalizer.normalize(words));
    }
  }

  static final Found CONNECT = new Found(Stage.CONNECT, "(after initial connection)");
  static final Found HELO = new Found(Stage.CONNECT, "(in reply to HELO command)");
  static final Found EHLO = new Found(Stage.CONNECT, "(in reply to EHLO command)");
  static final Found MAIL = new Found(Stage.MAIL_FROM, "(in reply to MAIL FROM command)");
  static final Found RCPT = new Found(Stage.RCPT_TO, "(in reply to RCPT TO command)");
  static final Found DATA = new Found(Stage.DATA, "(in reply to DATA command)");
  static final Found END_OF_DATA = new Found(Stage.DATA, "(in reply to end of DATA command)");
  static final Found LOCAL = new Found(Stage.LOCAL, "(X-Unix)");

  static final Pattern EXPLICIT = Pattern.compile(
      "(?i)in\\s+reply\\s+to\\s+(?:the\\s+)?(MAIL\\s+FROM|RCPT\\s+TO|end\\s+of\\s+DATA|DATA|BDAT|HELO|EHLO|LHLO)"
          + "\\s+command"
          + "|" + WordBoundary.BEFORE + "after\\s+(?:pipelined\\s+)?(MAIL\\s+FROM|RCPT\\s+TO|end\\s+of\\s+data|DATA|initial\\s+connection|"
          + "HELO|EHLO)" + WordBoundary.AFTER
          + "|" + WordBoundary.BEFORE + "while\\s+sending\\s+(MAIL\\s+FROM|RCPT\\s+TO|end\\s+of\\s+data|DATA\\s+command|message\\s+body)"
          + "|" + WordBoundary.BEFORE + "(does\\s+not\\s+like\\s+recipient|sender\\s+was\\s+rejected|my\\s+name\\s+was\\s+rejected|"
          + "greeting\\s+failed|failed\\s+on\\s+DATA\\s+command|failed\\s+after\\s+I\\s+sent\\s+the\\s+message|"
          + "refused\\s+to\\s+talk\\s+to\\s+me)"
          + "|\\[(RCPT_TO|MAIL_FROM|DATA)\\]"
          + "|" + WordBoundary.BEFORE + "for\\s+(RCPT\\s+TO|MAIL\\s+FROM|DATA|TEXT)\\s+command"
          + "|" + WordBoundary.BEFORE + "after\\s+(RCPT|MAIL|DATA)\\s+command");
  /**
   * The words that open {@link #EXPLICIT}'s alternatives, longest first, each followed in a match by
   * {@code \s} characters and then a character of {@link #LEAD_THEN} (at the same index).
   */
  static final String[] LEAD_WORDS = {"greeting", "refused", "sender", "failed", "after", "while", "does",
      "for", "in", "my"};
  /** For each of {@link #LEAD_WORDS}: the characters that may follow its {@code \s} characters. */
  static final String[] LEAD_THEN = {"f", "t", "w", "oa", "pmredih", "s", "n", "rmdt", "r", "n"};
  /** The alternatives of {@link #EXPLICIT} that open with a bracket. */
  static final String[] BRACKETED = {"[rcpt_to]", "[mail_from]", "[data]"};
  /** After its leading {@code \s}, every match of {@link Spec#CLIENT} starts with this. */
  static final Keywords CLIENT_LEAD = new Keywords(">>>");
  /** After its leading {@code \s}, every match of the server-line patterns starts with this. */
  static final Keywords SERVER_LEAD = new Keywords("<<<");
  static final Pattern NO_RECIPIENT = Pattern.compile(
      "(?i)^\\s*<<<\\s*5\\d\\d[ -].*(?:" + WordBoundary.BEFORE + "rcpt" + WordBoundary.AFTER + "|" + WordBoundary.BEFORE + "recipients?" + WordBoundary.AFTER + ")");
  /** A word every match of {@link #NO_RECIPIENT} has ("recipient" also in "recipients"). */
  static final Keywords RECIPIENT_WORDS = new Keywords("rcpt", "recipient");
  private static final int MAX_SCAN = 64 * 1024;

  /** The first stage the text names in words, or null. */
  static @Nullable Found explicit(String text) {
    String t = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
    Hit h = explicitHit(t, nextExplicit(t, 0));
    return h != null ? h.found : null;
  }

  /**
   * {@code explicit(line + "\n" + block)}, without joining them unless a match may start in the
   * line or at the join: otherwise every match lies in the block, where the same starts are tried.
   */
  static @Nullable Found explicit(String line, String block) {
    if (line.length() + 1 + block.length() > MAX_SCAN || mayStartInLine(line)) {
      return explicit(line + "\n" + block);
    }
    // a block that is part of the line (a one-line anchor's rest) has no start the line lacks
    if (block.length() <= line.length() && line.contains(block)) {
      return null;
    }
    return explicit(block);
  }

  /**
   * Whether {@link #nextExplicit} finds a start in {@code line} once a newline and more text follow
   * it: a start in the line alone, or a lead word that ends the line or its last space.
   */
  private static boolean mayStartInLine(String line) {
    int n = line.length();
    return nextExplicit(line, 0) >= 0 || leadEndsAt(line, n)
        || n > 0 && line.charAt(n - 1) == ' ' && leadEndsAt(line, n - 1);
  }

  /** Whether one of {@link #LEAD_WORDS} ends just before {@code q} in {@code s}, ASCII case ignored. */
  private static boolean leadEndsAt(String s, int q) {
    for (String w : LEAD_WORDS) {
      if (q >= w.length() && Keywords.startsWithAscii(s, q - w.length(), w)) {
        return true;
      }
    }
    return false;
  }

  /** A stage named in words, and where the words that name it end. */
  record Hit(Found found, int end) {}

  /** {@link StageWords#at}: the pattern decides at this start. */
  static final Hit UNSURE = new Hit(CONNECT, -1);

  /**
   * The first match of {@link #EXPLICIT} in {@code t} that starts at or after {@code at}, the first
   * start {@link #nextExplicit} gives from there, as {@code find} finds it; null when none. Each
   * start is read by hand ({@link StageWords#at}); only where that is unsure is the pattern tried.
   */
  private static @Nullable Hit explicitHit(String t, int at) {
    Matcher m = null;
    for (int p = at; p >= 0; p = nextExplicit(t, p + 1)) {
      Hit h = StageWords.at(t, p);
      if (h == UNSURE) {
        m = Keywords.from(m, EXPLICIT, t, p);
        h = m.lookingAt() ? new Hit(found(m, t), m.end()) : null;
      }
      if (h != null) {
        return h;
      }
    }
    return null;
  }

  /**
   * The first index at or after {@code from} where a match of {@link #EXPLICIT} may start, found from the {@code \s} characters and brackets of
   * {@code s}: each word of it but the bracketed ones is a lead word just before a {@code \s}
   * character, so only the characters before those are compared, with no trie walk elsewhere.
   */
  static int nextExplicit(String s, int from) {
    int n = s.length();
    int start = Math.max(0, from);
    for (int q = start; q < n; q++) {
      char c = s.charAt(q);
      if (c == '[') {
        if (bracketedAt(s, q)) {
          return q;
        }
      } else if (c <= ' ' && Keywords.isSpace(c)) {
        int p = leadEndingAt(s, q, start);
        if (p >= 0) {
          return p;
        }
      }
    }
    return -1;
  }

  /** Whether one of {@link #BRACKETED} starts at {@code q}, ASCII case ignored. */
  private static boolean bracketedAt(String s, int q) {
    for (String w : BRACKETED) {
      if (Keywords.startsWithAscii(s, q, w)) {
        return true;
      }
    }
    return false;
  }

  /** For each lower-case letter, the indexes in {@link #LEAD_WORDS} of the words that end with it, longest first. */
  private static final int[][] LEADS_BY_LAST = leadsByLast();
  /**
   * The last two letters of the lead words, bit {@code 26 * (second last - 'a') + (last - 'a')}:
   * one look rules out most words before a {@code \s} character (a word's ending is rarely theirs).
   */
  private static final long[] LEAD_ENDINGS = leadEndings();

  private static long[] leadEndings() {
    long[] out = new long[(26 * 26 + 63) / 64];
    for (String w : LEAD_WORDS) {
      int bit = 26 * (w.charAt(w.length() - 2) - 'a') + w.charAt(w.length() - 1) - 'a';
      out[bit >>> 6] |= 1L << bit;
    }
    return out;
  }

  private static int[][] leadsByLast() {
    int[][] out = new int[26][0];
    for (int k = 0; k < LEAD_WORDS.length; k++) {
      int last = LEAD_WORDS[k].charAt(LEAD_WORDS[k].length() - 1) - 'a';
      out[last] = Arrays.copyOf(out[last], out[last].length + 1);
      out[last][out[last].length - 1] = k;
    }
    return out;
  }

  /**
   * Where a lead word that ends just before the {@code \s} character at {@code q} starts, if at or
   * after {@code from} and followed as {@link #LEAD_THEN} says: the longest such word, -1 when none.
   * Only the words that end with the two letters before {@code q} are compared, from their ends.
   */
  private static int leadEndingAt(String s, int q, int from) {
    if (q - 2 < from) {
      return -1; // every lead word has two characters or more
    }
    int last = Keywords.lower(s.charAt(q - 1)) - 'a';
    int second = Keywords.lower(s.charAt(q - 2)) - 'a';
    if (last < 0 || last >= 26 || second < 0 || second >= 26) {
      return -1; // the lead words are letters
    }
    int bit = 26 * second + last;
    if ((LEAD_ENDINGS[bit >>> 6] & 1L << bit) == 0) {
      return -1;
    }
    for (int k : LEADS_BY_LAST[last]) {
      String w = LEAD_WORDS[k];
      int p = q - w.length();
      if (p >= from && endsAt(s, q, w) && thenFits(s, q, LEAD_THEN[k])) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Whether {@code w} (lower-case ASCII) ends just before {@code q} in {@code s}, ASCII case ignored,
   * given that its last character does; compared from the end, where most candidates differ first.
   */
  private static boolean endsAt(String s, int q, String w) {
    int p = q - w.length();
    for (int k = w.length() - 2; k >= 0; k--) {
      if (Keywords.lower(s.charAt(p + k)) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the {@code \s} character at {@code q} continues a lead word as {@link
   * Keywords#spacedThen} allows: any but a space, or a space and then a {@code \s} character or one
   * of {@code then} (ASCII case ignored).
   */
  private static boolean thenFits(String s, int q, String then) {
    if (s.charAt(q) != ' ') {
      return true;
    }
    if (q + 1 >= s.length()) {
      return false;
    }
    char c = s.charAt(q + 1);
    return Keywords.isSpace(c) || then.indexOf(Keywords.lower(c)) >= 0;
  }

  /**
   * The stage the text names in words when every mention names the same stage (a bounce about one
   * recipient, or one session); null when there is none or they differ.
   */
  static @Nullable Found explicitUnique(String text) {
    String t = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
    Found first = null;
    for (Hit h = explicitHit(t, nextExplicit(t, 0)); h != null; h = explicitHit(t, nextExplicit(t, h.end))) {
      Found f = h.found;
      if (first == null) {
        first = f;
      } else if (f.stage() != first.stage()) {
        return null;
      }
    }
    return first;
  }

  /**
   * The stage a match of {@link #EXPLICIT} in {@code t} names, read from the group that
   * matched: the words around a group name no stage, so its first letters tell which one it is.
   */
  private static Found found(Matcher m, String t) {
    int g = 1;
    while (m.start(g) < 0) {
      g++;
    }
    return found(g, t, m.start(g), m.end(g));
  }

  /** The stage that group {@code g} of {@link #EXPLICIT}, matched at {@code t[at, end)}, names. */
  static Found found(int g, String t, int at, int end) {
    char c = Keywords.lower(t.charAt(at));
    if (g == QMAIL_GROUP) {
      switch (c) {
        case 'd':
          return RCPT; // does not like recipient
        case 's':
          return MAIL; // sender was rejected
        case 'm':
          return HELO; // my name was rejected
        case 'f': // failed on DATA command, failed after I sent the message
          return Keywords.lower(t.charAt(end - 1)) == 'd' ? DATA : END_OF_DATA;
        default:
          return CONNECT; // greeting failed, refused to talk to me
      }
    }
    char d = Keywords.lower(t.charAt(at + 1)); // every other group's words have four letters or more
    switch (c) {
      case 'm':
        return d == 'e' ? END_OF_DATA : MAIL; // message body; MAIL FROM, MAIL_FROM, MAIL
      case 'r':
        return RCPT;
      case 'e':
        return d == 'h' ? EHLO : END_OF_DATA; // EHLO; end of DATA
      case 'h':
      case 'l':
        return HELO;
      case 'i':
        return CONNECT; // initial connection
      default:
        return DATA; // DATA, DATA command, BDAT, TEXT
    }
  }

  /** The group of {@link #EXPLICIT} that holds qmail's phrases ("does not like recipient", ...). */
  private static final int QMAIL_GROUP = 4;

  /** The stage of the first negative server reply of a transcript in {@code lines[from, to)}, or null. */
  static @Nullable Found transcript(String[] lines, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
      if (isNegativeReply(lines[i])) {
        return at(lines, i);
      }
    }
    return null;
  }

  /**
   * The stage of the transcript reply that {@code diagnostic} repeats ({@code <<< 550 Unknown
   * user}), found anywhere in {@code text}; null when the text has no such transcript line. For
   * more than one diagnostic in the same text, {@link TranscriptReplies} reads the text once.
   */
  static @Nullable Found transcriptFor(String text, String diagnostic) {
    return new TranscriptReplies(text).stageOf(diagnostic);
  }

  /**
   * {@link #transcriptFor} for any number of diagnostics in one text. A diagnostic's reply is the
   * first server line ({@code <<< ...}) in the text's first {@value #MAX_SCAN} chars whose text,
   * stripped and with its runs of white space made one space, starts with the diagnostic's first 40
   * chars so written, or is a start of them at least 12 chars long.
   *
   * <p>The server lines are read once, on the first question: kept sorted by their first 40 chars
   * (the lines that start with a diagnostic's chars are a range there) and by their whole text when
   * it is 40 chars or fewer (the lines that are a start of them are looked up by length). Answers
   * are kept by those chars, on which alone they depend. A report of thousands of recipients so reads
   * its transcript once, not once for each of them.
   */
  static final class TranscriptReplies {
    private static final int SHORTEST_START = 12;

    private final String text;
    /** Whether the text holds a server mark at all; looked for once. */
    private @Nullable Boolean hasServerMark;
    private String @Nullable [] lines;
    /** The server lines' texts by how they start; null until read. */
    private @Nullable LinesByStart byStart;
    /** The first server line of each text of at most {@value LinesByStart#START} chars. */
    private final Map<String, Integer> whole = new HashMap<>();
    private final Map<String, @Nullable Found> answers = new HashMap<>();

    TranscriptReplies(String text) {
      this.text = text;
    }

    /** {@link SmtpStage#transcriptFor} of this text and {@code diagnostic}. */
    @Nullable Found stageOf(String diagnostic) {
      if (hasServerMark == null) {
        hasServerMark = text.contains("<<<");
      }
      if (!hasServerMark) {
        return null;
      }
      String want = collapse(diagnostic);
      if (want.length() < 6) {
        return null;
      }
      want = want.substring(0, Math.min(want.length(), LinesByStart.START));
      if (answers.containsKey(want)) {
        return answers.get(want);
      }
      if (byStart == null) {
        read();
      }
      int first = byStart.first(want);
      for (int len = SHORTEST_START; len <= want.length(); len++) {
        Integer line = whole.get(want.substring(0, len));
        if (line != null && (first < 0 || line < first)) {
          first = line;
        }
      }
      Found answer = first < 0 ? null : at(lines, first(lines, first));
      answers.put(want, answer);
      return answer;
    }

    private void read() {
      String[] ls = (text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text).split("\n", -1);
      LinesByStart.Builder starts = new LinesByStart.Builder();
      for (int i = 0; i < ls.length; i++) {
        String said = LineMatchers.transcriptText(ls[i], "<<<");
        if (said == null) {
          continue;
        }
        String got = collapse(said);
        if (got.isEmpty()) {
          continue;
        }
        starts.add(got, i);
        if (got.length() <= LinesByStart.START) {
          whole.putIfAbsent(got, i);
        }
      }
      byStart = starts.build();
      lines = ls;
    }
  }

  /** The first line of the server reply group that ends at or contains {@code line}. */
  static int first(String[] lines, int line) {
    int i = line;
    while (i > 0 && isServer(lines[i - 1]) && line - i < 20) {
      i--;
    }
    return i;
  }

  /**
   * The stage of the server reply starting at {@code reply}: the client command just above it,
   * corrected for pipelining; null when no command precedes it.
   */
  static @Nullable Found at(String[] lines, int reply) {
    int j = reply - 1;
    while (j >= 0 && reply - j <= 20 && isServer(lines[j])) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    String sent = LineMatchers.transcriptText(lines[j], ">>>");
    if (sent == null) {
      return null;
    }
    Found f = command(sent);
    if (f == null || f.stage() != Stage.DATA) {
      return f;
    }
    // pipelined: a later reply of the same exchange says no recipient was accepted
    for (int k = reply + 1; k < lines.length && k <= reply + 12; k++) {
      String l = lines[k];
      if (l.isBlank() || LineMatchers.transcriptText(l, ">>>") != null) {
        break;
      }
      if (SERVER_LEAD.leads(l) && RECIPIENT_WORDS.in(l) && NO_RECIPIENT.matcher(l).lookingAt()) {
        return RCPT;
      }
    }
    return f;
  }

  /**
   * The command a block of its own names, in {@code lines[from, to)}: a line of three or more
   * dashes and {@code SMTP command} (Digital Arts m-FILTER writes {@code -------server message},
   * the reply, then {@code -------SMTP command} and the command it answered), and the next line
   * that is not blank; null when there is no such block or its command is not one of the session's.
   */
  static @Nullable Found commandBlock(String[] lines, int from, int to) {
    int end = Math.min(to, lines.length);
    for (int i = Math.max(0, from); i < end; i++) {
      String raw = lines[i];
      int lead = Keywords.skipSpace(raw, 0);
      if (lead + 15 > raw.length() || raw.charAt(lead) != '-') {
        continue; // most lines: ruled out without a copy
      }
      String l = raw.strip();
      int k = 0;
      while (k < l.length() && l.charAt(k) == '-') {
        k++;
      }
      if (k < 3 || l.length() - k != 12 || !l.regionMatches(true, k, "SMTP command", 0, 12)) {
        continue;
      }
      for (int j = i + 1; j < end; j++) {
        if (!lines[j].isBlank()) {
          return command(lines[j]);
        }
      }
      return null;
    }
    return null;
  }

  /** Whether {@code lines[line]} is a negative server reply of a transcript ({@code <<< 550 ...}). */
  static boolean isNegativeReply(String line) {
    return LineMatchers.negativeReply(line);
  }

  /** Whether {@code line} is a server reply line of a transcript ({@code <<< ...}). */
  private static boolean isServer(String line) {
    return LineMatchers.transcriptText(line, "<<<") != null;
  }

  /** The server reply lines {@code lines[from, to)} without their {@code <<<} marks. */
  static String replyText(String[] lines, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      String said = LineMatchers.transcriptText(lines[i], "<<<");
      if (said == null) {
        break;
      }
      b.append(b.length() > 0 ? "\n" : "").append(said);
    }
    return b.toString();
  }

  private static @Nullable Found command(String cmd) {
    String c = UpperCase.root(cmd.strip());
    if (c.startsWith("MAIL FROM") || c.startsWith("MAIL  FROM")) {
      return MAIL;
    }
    if (c.startsWith("RCPT TO") || c.startsWith("RCPT  TO")) {
      return RCPT;
    }
    if (c.equals(".") || c.startsWith(". ") || c.startsWith("<CRLF>.") || c.startsWith("END OF DATA")) {
      return END_OF_DATA;
    }
    if (c.equals("DATA") || c.startsWith("DATA ") || c.startsWith("BDAT")) {
      return DATA;
    }
    if (c.startsWith("EHLO")) {
      return EHLO;
    }
    if (c.startsWith("HELO") || c.startsWith("LHLO")) {
      return HELO;
    }
    return null;
  }

  private static String collapse(String s) {
    return collapseSpace(s.strip());
  }

  /** {@code s} with each run of {@code \s} characters made one space. */
  static String collapseSpace(String s) {
    StringBuilder b = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Keywords.isSpace(c)) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < n && Keywords.isSpace(s.charAt(end))) {
        end++;
      }
      if (b == null) {
        if (c == ' ' && end == i + 1) {
          continue; // a single space stays as it is
        }
        b = new StringBuilder(n).append(s, 0, i);
      }
      b.append(' ');
      i = end - 1;
    }
    return b == null ? s : b.toString();
  }

  /**
   * Returns {@code diagnostic} with the stage's words appended, unless the diagnostic is empty,
   * no stage is known, or the diagnostic already names that stage.
   */
  static String annotate(String diagnostic, @Nullable Found stage) {
    return annotated(diagnostic, stage).diagnostic();
  }

  /**
   * A diagnostic as the classifier reads it, and the scan of its normalised text by the standard
   * rules when {@link #annotated} made one (else null).
   */
  record Annotated(String diagnostic, TextRules.@Nullable Scan scan) {}

  /**
   * {@link #annotate}, with the scan made to look for the stage in the text: of the text itself,
   * or extended by the appended words, so that the classifier need not normalise and scan again.
   */
  static Annotated annotated(String diagnostic, @Nullable Found stage) {
    if (stage == null || diagnostic.isBlank()) {
      return new Annotated(diagnostic, null);
    }
    TextRules rules = TextRules.standard();
    String normalized = TextNormalizer.normalize(diagnostic);
    TextRules.Scan scan = rules.scan(normalized);
    if ((scan.stageBits() & 1 << stage.stage().ordinal()) != 0) {
      return new Annotated(diagnostic, scan);
    }
    String annotated = diagnostic.strip() + " " + stage.words();
    String joined = TextNormalizer.joined(annotated, diagnostic, normalized, stage.normalizedWords());
    return new Annotated(annotated, rules.scan(joined, scan));
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    static final Pattern CLIENT = Pattern.compile("^\\s*>>>\\s*(.*)$");

    static final Pattern SERVER = Pattern.compile("^\\s*<<<\\s*(.*)$");

    static final Pattern NEGATIVE = Pattern.compile("^\\s*<<<\\s*[45]\\d\\d(?:[ -]|$)");
  }
}
