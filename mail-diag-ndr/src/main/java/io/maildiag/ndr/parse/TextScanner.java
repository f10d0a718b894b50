package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads recipients and their diagnostics from the human-readable text of a bounce, whatever the
 * mail system. The text is cut where the returned message starts; each line that names a
 * recipient the way bounces do (an address alone on a line, {@code <addr>: reason},
 * {@code Recipient: <addr>}, {@code 550 <addr>... reason}, "could not be delivered to addr") is an
 * anchor; the lines that follow it, up to the next anchor or the end of the section, are its
 * block. Blocks without an SMTP reply borrow the one reply the text gives (single-recipient
 * bounces often put it apart), or the text around the address. Each entry carries the SMTP stage
 * its block names ({@link SmtpStage}); a sendmail summary line ({@code 554 <addr>... Remote
 * protocol error}) just below a transcript reply ({@code <<< 550 ...}) takes the remote's reply as
 * its diagnostic.
 */
final class TextScanner {
  private static final Pattern FAILURE_WORD = Pattern.compile("^(unknown|invalid|bad|failed).*");
  static final Pattern EXCHANGE_DATE = Pattern.compile("(?i)^on\\s+(?:\\w{3},?\\s+)?\\d{1,2}[ /.-]\\w+.*\\d{1,2}:\\d{2}.*");
  private TextScanner() {}

  static final int MAX_LINES = 4000;
  static final int MAX_LINE = 2000;
  /** How many lines after the end of the bounce text are read: {@link SmtpStage#at} looks 12 past a reply. */
  private static final int LOOK_PAST_END = 13;

  /**
   * One recipient read from text. An entry the scan makes reads its diagnostic, remote host,
   * excerpt and stage from its block when first asked for (each read is pure, so when does not
   * matter): the recipients of a delivery report take few of them, often none.
   */
  static final class Entry {
    private final String recipient;
    private final Smtp.Facts facts;
    private final int line;
    /** What the parts not read yet are read from; null for an entry given all its parts. */
    private final @Nullable Source source;
    private @Nullable String diagnostic;
    private @Nullable String remoteMta;
    private @Nullable String excerpt;
    private SmtpStage.@Nullable Found stage;
    /** Whether {@link #stage} is read (it may be null). */
    private boolean stageRead;

    Entry(String recipient, String diagnostic, Smtp.Facts facts, String remoteMta, String excerpt, int line,
        SmtpStage.@Nullable Found stage) {
      this.recipient = recipient;
      this.diagnostic = diagnostic;
      this.facts = facts;
      this.remoteMta = remoteMta;
      this.excerpt = excerpt;
      this.line = line;
      this.stage = stage;
      this.stageRead = true;
      this.source = null;
    }

    Entry(String recipient, String diagnostic, Smtp.Facts facts, String remoteMta, String excerpt, int line) {
      this(recipient, diagnostic, facts, remoteMta, excerpt, line, null);
    }

    /** An entry whose diagnostic, remote host, excerpt and stage are read from {@code source} when asked for. */
    private Entry(String recipient, Smtp.Facts facts, int line, @Nullable Source source) {
      this.recipient = recipient;
      this.facts = facts;
      this.line = line;
      this.source = source;
    }

    /**
     * This entry with {@code facts} and the diagnostic and remote host given, and the stage if
     * {@code stageGiven}; the parts not given (a null string) are this entry's own, read when
     * first asked for, as is the excerpt.
     */
    private Entry with(Smtp.Facts facts, @Nullable String diagnostic, @Nullable String remoteMta, boolean stageGiven,
        SmtpStage.@Nullable Found stage) {
      Entry x = new Entry(recipient, facts, line, source);
      x.diagnostic = diagnostic != null ? diagnostic : this.diagnostic;
      x.remoteMta = remoteMta != null ? remoteMta : this.remoteMta;
      x.excerpt = excerpt;
      x.stage = stageGiven ? stage : this.stage;
      x.stageRead = stageGiven || stageRead;
      return x;
    }

    String recipient() {
      return recipient;
    }

    Smtp.Facts facts() {
      return facts;
    }

    int line() {
      return line;
    }

    String diagnostic() {
      if (diagnostic == null) {
        // a virus scanner's footer, or the returned message's subject quoted beside its recipient, says
        // nothing of the failure
        diagnostic = narrow(withoutReturnedSubject(Engine.withoutScannerFooters(source.block)));
      }
      return diagnostic;
    }

    String remoteMta() {
      if (remoteMta == null) {
        remoteMta = remoteHost(source.block);
      }
      return remoteMta;
    }

    String excerpt() {
      if (excerpt == null) {
        excerpt = TextScanner.excerpt(source.lines, line, source.end);
      }
      return excerpt;
    }

    SmtpStage.@Nullable Found stage() {
      if (!stageRead) {
        stage = keptStage(source.lines, source.reads, source.best);
        stageRead = true;
      }
      return stage;
    }
  }

  /**
   * What the lazy parts of an {@link Entry} are read from: the block its diagnostic and remote
   * host come from, the lines and the end of the text for its excerpt, and the reads of its
   * anchors with the best one's index for its stage ({@link #keptStage}).
   */
  private record Source(String block, String[] lines, int end, StageRead[] reads, int best) {}

  /**
   * The scan: entries in text order, the bounce text proper, the text after the cut, and whether
   * the bounce text says delivery is only delayed (read when first asked: most callers never ask).
   */
  static final class Result {
    private final List<Entry> entries;
    private final String region;
    /** The text after the cut, once made; until then {@link #text} and {@link #starts} give it. */
    private @Nullable String after;
    private final @Nullable String text;
    private final @Nullable LineIndex starts;
    /** Where the text after the cut starts, as a line of {@link #starts}. */
    private final int afterLine;
    /** 0 not read yet, 1 delayed, 2 not delayed. */
    private byte delayed;
    /** Whether the text has more than {@link #MAX_LINES} lines and no end marker among those read. */
    private final boolean cut;

    Result(List<Entry> entries, String region, String after, boolean delayed) {
      this.entries = entries;
      this.region = region;
      this.after = after;
      this.text = null;
      this.starts = null;
      this.afterLine = 0;
      this.delayed = delayed ? (byte) 1 : (byte) 2;
      this.cut = false;
    }

    /** A scan whose text after the cut, lines {@code afterLine} on, is copied out only when asked for. */
    private Result(List<Entry> entries, String region, String text, LineIndex starts, int afterLine, boolean cut) {
      this.entries = entries;
      this.region = region;
      this.text = text;
      this.starts = starts;
      this.afterLine = afterLine;
      this.cut = cut;
    }

    /**
     * Whether recipients were looked for in the first {@link #MAX_LINES} lines of a longer text
     * only: no line among those ends the bounce text, so it may name more recipients after them.
     */
    boolean cut() {
      return cut;
    }

    List<Entry> entries() {
      return entries;
    }

    String region() {
      return region;
    }

    /** The text after the cut: the same string at each call (callers compare it by identity). */
    String after() {
      if (after == null) {
        // most messages attach the returned message as a part, and then nobody reads this copy
        after = restWithNewlines(text, starts, afterLine);
      }
      return after;
    }

    boolean delayed() {
      if (delayed == 0) {
        delayed = saysDelayed(region) ? (byte) 1 : (byte) 2;
      }
      return delayed == 1;
    }
  }

  /** An anchor line; {@code key} is the address's {@link Addresses#key}, made once. */
  private record Anchor(int line, String address, String rest, boolean strong, boolean single, String key) {
    Anchor(int line, String address, String rest, boolean strong, boolean single) {
      this(line, address, rest, strong, single, Addresses.key(address));
    }

    Anchor(int line, String address, String rest, boolean strong) {
      this(line, address, rest, strong, false);
    }
  }

  private static final String A = Addresses.ADDR;
  private static final String EXPANDED = "(?:\\((?:expanded|generated|alias(?:ed)?) from[^)]*\\)\\s*)?";
  static final Pattern P_BARE = Pattern.compile(
      "^[<\"(\\[]?\\s*(" + A + ")\\s*[>\")\\]]?\\s*" + EXPANDED + "[:;,.]?\\s*$");
  static final Pattern P_ADDR_COLON = Pattern.compile(
      "^[<\"](" + A + ")[>\"]\\s*" + EXPANDED + ":\\s*(.+)$");
  static final Pattern P_ADDR_COLON2 = Pattern.compile("^(" + A + ")\\s*" + EXPANDED + ":\\s+(.+)$");
  static final Pattern P_LABEL = Pattern.compile(
      "(?i)^(?:recipient(?:\\s+address)?|recipients?|"
          + "failed\\s+(?:recipient|address)(?:es)?|invalid\\s+recipient|invalid\\s+final\\s+delivery\\s+userid|"
          + "unknown\\s+(?:recipient|user)|bad\\s+address|address|rcpt(?:\\s*to)?|envelope-to|delivered-to|"
          + "destinataire|empf(?:ae|ä)nger|delivery\\s+failed(?:\\s+\\d{1,4}\\s+attempts?)?|error-for|"
          + "your\\s+message\\s+to|\u6536\u4ef6\u4eba|\u6536\u4fe1\u4eba|\u5b9b\u5148|\u53d7\u4fe1\u8005|\uc218\uc2e0\uc790|"
          + "\ubc1b\ub294\\s*\uc0ac\ub78c)"
          + "\\s*[:\uff1a]\\s*(?:rfc822\\s*;\\s*)?[<\"]?(" + A + ")[>\"]?\\s*(.*)$");
  static final Pattern P_TO = Pattern.compile(
      "(?i)^(?:to|an|para|a)\\s*:\\s*(?:\"[^\"]*\"\\s*|[^<\",]*\\s|[^<\",]*(?=<))?<?(" + A + ")>?\\s*$");
  /**
   * A recipient after a bullet: "*", "-", "--", "\u2022", "o", or Momentum's ">>>" ({@code >>> ADDR
   * (Undelivered): REPLY}).
   */
  static final Pattern P_BULLET = Pattern.compile("^(?:\\*|--?|\\u2022|o|>>>)\\s+[<\"]?(" + A + ")[>\"]?\\s*(.*)$");
  static final Pattern P_REPLY_ADDR = Pattern.compile(
      "^([245]\\d\\d)(?:[ -]#?[245]\\.\\d{1,3}\\.\\d{1,3})?[ \\t]+<(" + A + ")>(?:\\.\\.\\.|:)\\s*(.*)$");
  static final Pattern P_LEAD = Pattern.compile(
      "^<?(" + A + ")>?(?:\\s+|\\.\\.\\.|<mailto:|\\s*\\()(.*)$");
  /** The openings of {@link #EXPANDED}. */
  static final Keywords EXPANDED_WORDS = new Keywords("(expanded", "(generated", "(alias");
  /**
   * A line that is only an {@link #EXPANDED} note, {@code (generated from ADDR)}: Exim writes it
   * under "an undisclosed address", where it is the one address the sender knows. A weak anchor:
   * under an address line (sendmail's "(expanded from: ...)") the address line's anchor wins.
   */
  static final Pattern P_EXPANDED_ALONE = Pattern.compile(
      "(?i)^\\((?:expanded|generated|alias(?:ed)?) from:?\\s*<?(" + A + ")>?\\)\\s*$");
  /**
   * Whether {@code s} may match {@link #P_LABEL}: it has a colon and starts with one of {@link
   * #LABEL_STARTS}, or starts with the first char of one of the pattern's labels in Chinese, Japanese
   * or Korean (after which the colon may be a full-width one). {@code colon}: whether {@code s} holds
   * an ASCII colon.
   */
  static boolean mayBeLabel(String s, boolean colon) {
    if (colon && LABEL_STARTS.at(s, 0)) {
      return true;
    }
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return c == '\u6536' || c == '\u5b9b' || c == '\u53d7' || c == '\uc218' || c == '\ubc1b';
  }

  /**
   * Every match of {@link #P_LABEL} starts with one of these, or is in Chinese, Japanese or Korean
   * ({@link #mayBeLabel}).
   */
  static final Keywords LABEL_STARTS = new Keywords("recipient", "failed", "invalid", "unknown", "bad", "address",
      "rcpt", "envelope-to", "delivered-to", "destinataire", "empf", "delivery", "error-for", "your");
  /** Every match of {@link Spec#HEADERISH} starts with one of these. */
  static final Keywords HEADERISH_STARTS = new Keywords("from", "reply-to", "sender", "return-", "message-id",
      "in-reply-to", "references", "cc", "bcc", "date", "subject", "errors-to", "original", "x-", "received", "mail",
      "envelope-from", "resent-", "authentication-results", "dkim-signature", "list-", "reporting-mta", "remote-mta",
      "generating server", "disposition-notification-to", "final-recipient", "diagnostic-code", "action", "status",
      "arrival-date", "last-attempt-date", "will-retry-until");
  /** Every match of {@link #P_TO} starts with one of these. */
  static final Keywords TO_STARTS = new Keywords("to", "para", "a");
  static final Pattern P_RCPT = Pattern.compile("(?i)" + WordBoundary.BEFORE + "RCPT\\s+TO\\s*:\\s*<(" + A + ")>");
  static final Pattern[] SENTENCES = {
      Pattern.compile("(?i)" + WordBoundary.BEFORE + "(?:deliver(?:ed|ing|y)?|undeliverable|addressed|sen[dt]|sending|relay(?:ed|ing)?|"
          + "forward(?:ed|ing)?|transmit(?:ted|ting)?|reach)" + WordBoundary.AFTER + "[^<@\\n]{0,60}?" + WordBoundary.BEFORE + "(?:to|for)" + WordBoundary.AFTER + ":?\\s+[<\"]?(" + A + ")"),
      Pattern.compile("(?i)" + WordBoundary.BEFORE + "(?:recipients?|recipient\\(s\\)|addressee|mailbox|mailbox(?:es)?|user|address(?:es)?)"
          + WordBoundary.ANY + "[^@\\n<]{0,60}?(?::\\s*|\\s)[<\"]?(" + A + ")"),
      Pattern.compile("(?i)" + WordBoundary.BEFORE + "message\\s+(?:to|for)\\s+[<\"]?(" + A + ")"),
      Pattern.compile("(?i)" + WordBoundary.BEFORE + "rejected\\s+(?:recipient|address|your message to)\\s+[<\"]?(" + A + ")"),
  };
  /** Every match of {@code SENTENCES[i]} starts with {@code \b} and one of the words of {@code SENTENCE_STARTS[i]}. */
  static final Keywords[] SENTENCE_STARTS = {
      new Keywords("deliver", "undeliverable", "addressed", "sen", "relay", "forward", "transmit", "reach"),
      new Keywords("recipient", "address", "mailbox", "user"),
      new Keywords("message"),
      new Keywords("rejected"),
  };
  /** Every match of {@link #P_RCPT} starts with {@code \b} and this. */
  static final Keywords RCPT_STARTS = new Keywords("rcpt");
  /** The words of {@link #SENTENCE_STARTS} and {@link #RCPT_STARTS}: a line without any matches none of them. */
  static final Keywords SENTENCE_WORDS = new Keywords("deliver", "undeliverable", "sen", "relay", "forward",
      "transmit", "reach", "recipient", "address", "mailbox", "user", "message", "rejected", "rcpt");

  /** A word every match of {@link Spec#END_MARKER} contains. */
  private static final String MARKER_WORD = "message";
  static final Keywords END_MARKER_WORD = new Keywords(MARKER_WORD);
  /**
   * "was received", as {@code toLowerCase(Locale.ROOT).contains} finds it: only U+0130 and U+212A
   * lower-case to ASCII letters, to "i" followed by U+0307 and to "k", and neither can complete it.
   */
  static final Keywords WAS_RECEIVED = new Keywords("was received");
  /**
   * After its leading {@code [\s|*>-]}, every match of {@link Spec#END_MARKER} starts with one of these
   * words and a {@code \s} character.
   */
  static final Keywords END_MARKER_LEADS = new Keywords(spaced("the", "original", "unsent", "returned", "message",
      "this", "below", "enclosed", "included", "a", "header", "undelivered", "start"));
  static final Pattern RESPONSE_MARK = Pattern.compile(
      "(?i)^\\s*(?:the response (?:from the remote server )?was:?|the error that the other server returned was:?|"
          + "technical details of (?:permanent|temporary) failure:?|error message below:?|"
          + "the remote server (?:said|returned):?|remote host said:?|it responded as follows:?|reason:|"
          + "diagnostic[- ]code:)\\s*(.*)$");
  static final Pattern DELAY = Pattern.compile(
      "(?i)(has not yet been delivered|has been delayed|not been delivered .{0,20}yet|delivery (?:is )?delayed|"
          + "will (?:keep|continue) (?:trying|to try)|delivery attempts will continue|will be retried|"
          + "still being retried|this is a warning message only|warning: message .{0,60} delayed|"
          + "you do not need to (?:re-?send|resend)|only a temporary failure|no action is required on your part)");
  static final Pattern GAVE_UP = Pattern.compile(
      "(?i)(this is a permanent error|i've given up|not going to try again|giving up|will not be retried|"
          + "could not be delivered for too long|will be deleted from queue|has been (?:returned|bounced)|"
          + "permanent fatal (?:delivery )?errors?)");
  /** Every match of {@link #DELAY} starts with one of these. */
  static final Keywords DELAY_STARTS = new Keywords("has not yet been delivered", "has been delayed",
      "not been delivered ", "delivery delayed", "delivery is delayed", "will keep ", "will continue ",
      "delivery attempts will continue", "will be retried", "still being retried", "this is a warning message only",
      "warning: message ", "you do not need to ", "only a temporary failure", "no action is required on your part");
  /** Every match of {@link #GAVE_UP} starts with one of these. */
  static final Keywords GAVE_UP_STARTS = new Keywords("this is a permanent error", "i've given up",
      "not going to try again", "giving up", "will not be retried", "could not be delivered for too long",
      "will be deleted from queue", "has been returned", "has been bounced", "permanent fatal ");
  static final Pattern REMOTE_HOST = Pattern.compile(
      "(?i)(?:" + WordBoundary.BEFORE + "host\\s+|while talking to\\s+|^)([a-z0-9][a-z0-9.-]{1,250}\\.[a-z]{2,})\\.?\\s*(?:\\[[0-9a-f.:]+\\]|\\.?:$|"
          + "\\s+\\[[0-9a-f.:]+\\]\\s+did not like)");
  /** After its leading {@code \s}, every match of {@link Spec#SECTION_END} starts with one of these. */
  static final Keywords SECTION_END_LEADS = new Keywords("-", "=", "*", "_", "#", "~", "+", "|",
      "for further assistance", "if you do so, please include", "no action is required", "original message headers",
      "please do not reply", "delivery attempts will continue", "the following text was generated",
      "this is a permanent error", "if your message was also sent to", "diagnostic information for administrators");
  /** After its leading {@code \s}, every match of {@link #RESPONSE_MARK} starts with one of these. */
  static final Keywords RESPONSE_LEADS = new Keywords("the response ", "the error that the other server returned was",
      "technical details of ", "error message below", "the remote server ", "remote host said",
      "it responded as follows", "reason:", "diagnostic");
  /** After its leading {@code \s}, every match of {@link Spec#TRANSCRIPT_REPLY} starts with one of these. */
  static final Keywords TRANSCRIPT_LEADS = new Keywords("<<<", "out:", "s:", "<-", "server:");
  /** After its leading {@code \s}, every match of {@link Spec#REPLY_START} starts with one of these. */
  static final Keywords REPLY_START_LEADS = new Keywords("<<<", "[", "(", "#", "4", "5");
  /** At its start, every match of {@link #NOISE_LINE} or {@link Spec#REASON_WRAP} has one of these after {@code \s}. */
  static final Keywords CLEAN_LEADS = new Keywords("(expanded", "(generated", "giving up on ", "(reason:");
  /** At its start, every match of {@link #NOISE_LINE} has one of these after {@code \s}. */
  static final Keywords NOISE_LEADS = new Keywords("(expanded", "(generated", "giving up on ");
  /** Every match of {@link #INLINE_MARK} starts with one of these. */
  static final Keywords INLINE_STARTS = new Keywords("the error that the other server returned was:", "the response ",
      "remote host said:", "gave this error:", "the server responded with");
  /** Every match of {@link #REMOTE_HOST} that does not start the line starts with one of these. */
  static final Keywords REMOTE_HOST_STARTS = new Keywords("host", "while talking to");

  static Result scan(String text, Set<String> exclude) {
    // where each line starts, found as far as the scan reads; the lines themselves are made as far too
    LineIndex starts = new LineIndex(text);
    String[] lines = new String[16];
    int made = 0;
    int firstCut = Integer.MAX_VALUE; // the first line shortened to MAX_LINE, if any
    int end = -1; // the line of the end marker, if any
    // the end marker's word is looked for in the text, not in each line: the next one found
    // answers for every line before it
    int word = -1;
    Keywords.Cursor words = END_MARKER_WORD.cursor(text);
    for (int i = 0; starts.has(i); i++) {
      int offset = starts.start(i);
      made = i + 1;
      lines = withRoom(lines, i);
      lines[i] = line(text, starts, i);
      if (starts.length(i) > MAX_LINE) {
        firstCut = Math.min(firstCut, i);
      }
      // the next "message" already found lies past this line: no marker here, whatever the line starts with
      if (word >= offset && word + MARKER_WORD.length() > offset + lines[i].length()) {
        continue;
      }
      if (!mayLeadEnd(lines[i])) {
        continue;
      }
      if (word < offset) {
        word = words.next(offset);
        if (word < 0) {
          break; // no line from here on has it
        }
      }
      if (word + MARKER_WORD.length() > offset + lines[i].length()) {
        continue;
      }
      String t = lines[i].strip();
      // "The original message was received at ..." is not a marker: ruled out before the pattern is tried
      if (t.length() < 100 && t.length() > 6 && !WAS_RECEIVED.in(t) && mayOpenEnd(t) && LineMatchers.endMarker(t)) {
        end = i;
        break;
      }
    }
    // past the end only the few lines a transcript's pipelined replies are looked for in (SmtpStage.at)
    int needed = end < 0 ? starts.count() : end + LOOK_PAST_END;
    // no end marker in the lines read, and more lines than are read: the bounce text may go on
    boolean cut = end < 0 && starts.cutShort();
    if (end < 0) {
      end = needed;
    }
    for (; made < needed && starts.has(made); made++) {
      lines = withRoom(lines, made);
      lines[made] = line(text, starts, made);
      if (starts.length(made) > MAX_LINE) {
        firstCut = Math.min(firstCut, made);
      }
    }
    if (lines.length != made) {
      lines = Arrays.copyOf(lines, made);
    }
    String region = end <= firstCut ? withNewlines(text, starts, 0, end) : joinWithNewlines(lines, 0, end);

    List<Anchor> strong = new ArrayList<>();
    List<Anchor> weak = new ArrayList<>();
    // every anchor has an "@": the next one in the text rules out the lines before it
    for (int i = 0, at = -1; i < end; i++) {
      int offset = starts.start(i);
      if (at < offset) {
        at = text.indexOf('@', offset);
        if (at < 0) {
          break;
        }
      }
      if (at >= offset + lines[i].length()) {
        continue;
      }
      Anchor a = anchor(lines[i], i);
      if (a == null || exclude.contains(a.key)) {
        continue;
      }
      (a.strong ? strong : weak).add(a);
    }
    List<Anchor> anchors = strong.isEmpty() ? weak : strong;
    // an anchor repeating the previous anchor's address within the same paragraph continues it
    List<Anchor> kept = new ArrayList<>();
    for (Anchor a : anchors) {
      Anchor prev = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      if (prev != null && !prev.single && prev.key.equals(a.key)
          && a.line - prev.line <= 6 && !blankBetween(lines, prev.line, a.line)) {
        continue;
      }
      kept.add(a);
    }
    anchors = kept;
    // merge by address, keeping first appearance order
    Map<String, List<Anchor>> byAddress = new LinkedHashMap<>();
    for (Anchor a : anchors) {
      List<Anchor> same = byAddress.get(a.key);
      if (same == null) {
        same = new ArrayList<>();
        byAddress.put(a.key, same);
      }
      same.add(a);
    }
    // the anchors' lines, ascending (one anchor a line at most, found in line order)
    int[] anchorLines = new int[anchors.size()];
    for (int k = 0; k < anchorLines.length; k++) {
      anchorLines[k] = anchors.get(k).line;
    }
    // a list of addresses on consecutive lines shares the reason that follows the list: by anchor
    // index, the index of the list's last anchor, or -1
    // (read from the last anchor back, each anchor once: the list's end is the next anchor's when
    // this one goes on to it)
    int[] listEnd = new int[anchorLines.length];
    for (int k = anchors.size() - 1; k >= 0; k--) {
      boolean goesOn = k + 1 < anchors.size() && anchors.get(k + 1).line == anchors.get(k).line + 1
          && anchors.get(k).rest.isBlank() && !anchors.get(k).single;
      listEnd[k] = !goesOn ? -1 : listEnd[k + 1] >= 0 ? listEnd[k + 1] : k + 1;
    }
    List<Entry> entries = new ArrayList<>();
    // every line before the cut is in the region: a transcript's server lines there are found in it
    boolean transcripts = !byAddress.isEmpty() && region.indexOf("<<<") >= 0;
    for (List<Anchor> group : byAddress.values()) {
      Anchor first = group.get(0);
      String bestBlock = null;
      Smtp.Facts bestFacts = null;
      int bestScore = 0;
      String firstBlock = null;
      int bestLine = first.line;
      // the stage is read afterwards, only for the anchors whose stage is kept
      StageRead[] reads = new StageRead[group.size()];
      int best = -1;
      for (int k = 0; k < reads.length; k++) {
        Anchor a = group.get(k);
        int limit = nextAnchor(anchorLines, a.line, end);
        Block read = block(lines, a, limit);
        Anchor owner = a;
        int last = listEnd[Arrays.binarySearch(anchorLines, a.line)];
        if (read.text.isBlank() && last >= 0) {
          Anchor tail = anchors.get(last);
          owner = tail;
          read = block(lines, tail, nextAnchor(anchorLines, tail.line, end));
        }
        String block = read.text;
        Smtp.Facts known = read.facts;
        // sendmail: "<<< 550 ..." (the remote's reply) just above its own "554 <addr>... Remote protocol error"
        // (the server lines above are "<<<" lines)
        int above = owner.single && transcripts ? SmtpStage.first(lines, owner.line) : owner.line;
        reads[k] = new StageRead(owner, block, nextAnchor(anchorLines, owner.line, end), above, transcripts);
        if (above < owner.line && SmtpStage.isNegativeReply(lines[above])) {
          String remote = SmtpStage.replyText(lines, above, owner.line);
          if (!remote.isBlank()) {
            block = remote;
            known = null;
          }
        }
        Smtp.Facts f = known != null ? known : Smtp.facts(block);
        if (firstBlock == null || firstBlock.isBlank()) {
          firstBlock = block;
        }
        int score = (f.reply().isPresent() ? 2 : 0) + (f.status().isPresent() ? 1 : 0);
        if (score > bestScore) {
          bestScore = score;
          bestFacts = f;
          bestBlock = block;
          bestLine = a.line;
          best = k;
        }
      }
      // the diagnostic and the remote host come from the best block, else from the first
      Smtp.Facts facts = bestFacts != null ? bestFacts
          : new Smtp.Facts(java.util.Optional.empty(), java.util.Optional.empty());
      String from = bestBlock != null ? bestBlock : firstBlock;
      entries.add(new Entry(first.address, facts, bestLine, new Source(from, lines, end, reads, best)));
    }
    // recipients whose block had no SMTP facts borrow the text's response section or its one reply
    if (!entries.isEmpty()) {
      int missing = 0;
      for (Entry e : entries) {
        if (e.facts.reply().isEmpty() && e.facts.status().isEmpty()) {
          missing++;
        }
      }
      if (missing > 0 && (entries.size() == 1 || missing == entries.size())) {
        String response = responseSection(lines, end);
        String orphan = response != null ? response : orphanReply(lines, end, anchorLines);
        List<Entry> fixed = new ArrayList<>();
        // the orphan's facts and diagnostic, read once for all the entries that borrow them
        Smtp.Facts f = null;
        String diag = null;
        for (Entry e : entries) {
          boolean lacks = e.facts.reply().isEmpty() && e.facts.status().isEmpty();
          if (lacks && orphan != null && (entries.size() == 1 || response == null)) {
            if (f == null) {
              f = Smtp.facts(orphan);
              diag = narrow(orphan);
            }
            if (f.reply().isPresent() || f.status().isPresent() || response != null || e.diagnostic().isBlank()) {
              SmtpStage.Found st = e.stage() != null ? e.stage() : SmtpStage.explicit(orphan);
              fixed.add(e.with(f, diag.isBlank() ? null : diag,
                  e.remoteMta().isEmpty() ? remoteHost(orphan) : e.remoteMta(), true, st));
              continue;
            }
          }
          if (e.diagnostic().isBlank()) {
            String before = paragraphBefore(lines, e.line);
            fixed.add(e.with(Smtp.facts(before), Smtp.clean(withoutReturnedSubject(before)), null, false, null));
            continue;
          }
          fixed.add(e);
        }
        entries = fixed;
      }
    }
    // the end marker's line, if any, is not in the text after the cut
    return new Result(entries, region, text, starts, lines.length > end ? end + 1 : end, cut);
  }

  /** {@code text.split("\n")}: as {@link #splitLines}, without the empty strings at the end (unless no newline). */
  static String[] splitDroppingTrailingEmpty(String text) {
    if (text.indexOf('\n') < 0) {
      return new String[] {text};
    }
    String[] all = splitLines(text);
    int n = all.length;
    while (n > 0 && all[n - 1].isEmpty()) {
      n--;
    }
    return n == all.length ? all : Arrays.copyOf(all, n);
  }

  /** {@code text.split("\n", -1)}, without the list it builds on the way. */
  static String[] splitLines(String text) {
    int count = 1;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      count++;
    }
    String[] out = new String[count];
    int from = 0;
    for (int k = 0; k < count - 1; k++) {
      int nl = text.indexOf('\n', from);
      out[k] = text.substring(from, nl);
      from = nl + 1;
    }
    out[count - 1] = count == 1 ? text : text.substring(from);
    return out;
  }

  /** Line {@code i} of {@code text}, cut to {@link #MAX_LINE} characters. */
  private static String line(String text, LineIndex starts, int i) {
    int from = starts.start(i);
    return text.substring(from, from + Math.min(starts.length(i), MAX_LINE));
  }

  /** {@code lines} with room for line {@code i}, grown by half when full. */
  private static String[] withRoom(String[] lines, int i) {
    return i < lines.length ? lines : Arrays.copyOf(lines, Math.min(MAX_LINES, lines.length + (lines.length >> 1) + 1));
  }

  /** The lines {@code [from, to)} of {@code text} (of {@code starts}), each followed by a newline. */
  static String withNewlines(String text, LineIndex starts, int from, int to) {
    if (from >= to) {
      return "";
    }
    // every line but the text's last is followed by its newline in the text
    int end = starts.start(to);
    return end <= text.length() ? text.substring(starts.start(from), end) : text.substring(starts.start(from)) + "\n";
  }

  /**
   * {@link #withNewlines} from line {@code from} to the last line: without finding each line's
   * start first when the text is too short to have more than {@link #MAX_LINES} lines, as then
   * its last line is the text's.
   */
  static String restWithNewlines(String text, LineIndex starts, int from) {
    if (text.length() >= MAX_LINES) {
      return withNewlines(text, starts, from, starts.count());
    }
    return starts.has(from) ? text.substring(starts.start(from)) + "\n" : "";
  }

  /** {@code lines[from, to)}, each followed by a newline. */
  private static String joinWithNewlines(String[] lines, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(lines[i]).append('\n');
    }
    return b.toString();
  }

  /** Whether a bounce text says delivery is delayed, not given up. */
  private static boolean saysDelayed(String region) {
    return DELAY_STARTS.match(DELAY, region) != null && GAVE_UP_STARTS.match(GAVE_UP, region) == null;
  }

  /** {@link #stage} of what was read for one anchor. */
  private static SmtpStage.@Nullable Found stage(String[] lines, StageRead r) {
    return stage(lines, r.owner, r.block, r.limit, r.above, r.transcripts);
  }

  /**
   * What {@link #stage} reads for one anchor of a recipient: its block's owner and block, as found,
   * and whether the text before the cut has a transcript's server mark ({@code <<<}) at all.
   */
  private record StageRead(Anchor owner, String block, int limit, int above, boolean transcripts) {}

  /**
   * The stage kept for a recipient: that of the anchor with the best facts ({@code best}, -1 for
   * none), else the first that any of its anchors names; each read only when needed, as reads are
   * pure.
   */
  private static SmtpStage.@Nullable Found keptStage(String[] lines, StageRead[] reads, int best) {
    if (best >= 0) {
      SmtpStage.Found f = stage(lines, reads[best]);
      if (f != null) {
        return f;
      }
    }
    for (int k = 0; k < reads.length; k++) {
      if (k == best) {
        continue; // read above: no stage
      }
      SmtpStage.Found f = stage(lines, reads[k]);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * The stage of one anchor's reply: named in words in its block or on its line, else the
   * transcript command before its first negative reply (a Courier block, or the {@code <<<}
   * lines from {@code above} that precede a sendmail line).
   */
  private static SmtpStage.@Nullable Found stage(String[] lines, Anchor a, String block, int limit, int above,
      boolean transcripts) {
    SmtpStage.Found f = SmtpStage.explicit(lines[a.line], block);
    if (f != null) {
      return f;
    }
    if (above < a.line && SmtpStage.isNegativeReply(lines[above])) {
      return SmtpStage.at(lines, above);
    }
    SmtpStage.Found named = SmtpStage.commandBlock(lines, a.line + 1, Math.min(limit, a.line + 30));
    if (named != null) {
      return named;
    }
    // a transcript's negative reply is a "<<<" line before the cut: without one there is none to find
    return a.single || !transcripts ? null : SmtpStage.transcript(lines, a.line, Math.min(limit, a.line + 30));
  }

  private static boolean continuesReply(List<String> out, String[] lines, int blank, int limit) {
    if (out.isEmpty()) {
      return false;
    }
    String prev = out.get(out.size() - 1);
    // after its leading \s, every match starts with "<<<" or a reply code's class digit
    int lead = Keywords.skipSpace(prev);
    if (lead == prev.length() || "<245".indexOf(prev.charAt(lead)) < 0) {
      return false;
    }
    int code = replyContinues(prev, lead);
    if (code < 0) {
      return false;
    }
    int j = blank;
    while (j < limit && lines[j].isBlank()) {
      j++;
    }
    if (j >= limit) {
      return false;
    }
    // LEADING_PROMPT.matcher(next.strip()).replaceFirst("").startsWith(the code)
    String next = lines[j].strip();
    int k = next.startsWith("<<<") ? Keywords.skipSpace(next, 3) : 0;
    return next.startsWith(prev.substring(code, code + 3), k);
  }

  /**
   * {@link Spec#REPLY_CONT} ({@code ^\s*(?:<<<\s*)?([245]\d\d)-}) on {@code prev}, whose {@code \s}
   * chars end at {@code lead}: where its code starts, or -1 when it does not match.
   */
  static int replyContinues(String prev, int lead) {
    int k = prev.startsWith("<<<", lead) ? Keywords.skipSpace(prev, lead + 3) : lead;
    if (k + 4 > prev.length()) {
      return -1;
    }
    char c = prev.charAt(k);
    return (c == '2' || c == '4' || c == '5') && Smtp.isDigit(prev.charAt(k + 1)) && Smtp.isDigit(prev.charAt(k + 2))
        && prev.charAt(k + 3) == '-' ? k : -1;
  }

  /**
   * Whether a line may be an address alone ({@link #P_BARE}): unless it opens with a parenthesis
   * or has an "(expanded from ...)" note, at most one of its space-separated pieces has more than
   * brackets and punctuation.
   */
  static boolean mayBeBare(String s) {
    if (s.startsWith("(") || EXPANDED_WORDS.in(s)) {
      return true;
    }
    int pieces = 0;
    boolean counted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Keywords.isSpace(c)) {
        counted = false;
      } else if (!counted && !isBarePunctuation(c)) {
        if (++pieces > 1) {
          return false;
        }
        counted = true;
      }
    }
    return true;
  }

  /**
   * Where the address of {@link #P_BARE} must start: after its one optional opening bracket or
   * quote and the {@code \s} characters after it (neither can start an address).
   */
  static int bareAddressAt(String s) {
    int i = startsWithOneOf(s, "<\"([") ? 1 : 0;
    while (i < s.length() && Keywords.isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The brackets, quotes and punctuation {@link #P_BARE} allows around an address. */
  private static boolean isBarePunctuation(char c) {
    switch (c) {
      case '<', '"', '[', '>', ')', ']', ':', ';', ',', '.':
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code s} starts with one of the characters of {@code chars}. */
  private static boolean startsWithOneOf(String s, String chars) {
    return !s.isEmpty() && chars.indexOf(s.charAt(0)) >= 0;
  }

  /**
   * Whether a line, once stripped, may match {@link Spec#END_MARKER}: after what stripping and the
   * marker's {@code [\s|*>-]} lead skip (or more), one of its words, and "message" somewhere.
   */
  static boolean mayEndText(String line) {
    return mayLeadEnd(line) && END_MARKER_WORD.in(line);
  }

  /** The first half of {@link #mayEndText}: one of the marker's words where a match would start. */
  private static boolean mayLeadEnd(String line) {
    int i = 0;
    while (i < line.length() && isMarkerLead(line.charAt(i))) {
      i++;
    }
    return END_MARKER_LEADS.at(line, i);
  }

  /**
   * The words that open {@link Spec#END_MARKER}'s alternatives (after its optional "the"), each with
   * the beginnings of the words that may follow it there: a marker's first two words are one of
   * these pairs, or "the" and one of these openers.
   */
  private static final String[][] END_OPENERS = {
      {"original", "message"}, {"unsent", "message"}, {"returned", "message"}, {"message", "text", "header"},
      {"this", "is"}, {"below", "this", "is"}, {"enclosed", "is"}, {"included", "is"}, {"a", "copy"},
      {"header", "of"}, {"undelivered", "message"}, {"start", "of"}};

  /**
   * Whether a stripped line may match {@link Spec#END_MARKER} as its first words go: after the
   * marker's lead ({@code [\s|*>-]*+}), an opener and then a word that may follow it, or "the" and
   * then an opener, each word followed by a {@code \s} character (ASCII case ignored).
   */
  static boolean mayOpenEnd(String t) {
    int i = 0;
    while (i < t.length() && isEndLead(t.charAt(i))) {
      i++;
    }
    int after = wordThenSpace(t, i, "the");
    for (String[] opener : END_OPENERS) {
      if (after >= 0 && Keywords.startsWithAscii(t, after, opener[0])) {
        return true;
      }
      int next = wordThenSpace(t, i, opener[0]);
      if (next < 0) {
        continue;
      }
      for (int k = 1; k < opener.length; k++) {
        if (Keywords.startsWithAscii(t, next, opener[k])) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code [\s|*>-]}: the lead {@link Spec#END_MARKER} skips. */
  private static boolean isEndLead(char c) {
    return Keywords.isSpace(c) || c == '|' || c == '*' || c == '>' || c == '-';
  }

  /** Where the text after {@code word} at {@code i} and its {@code \s+} starts, or -1 when they are not there. */
  private static int wordThenSpace(String t, int i, String word) {
    if (!Keywords.startsWithAscii(t, i, word)) {
      return -1;
    }
    int k = i + word.length();
    if (k >= t.length() || !Keywords.isSpace(t.charAt(k))) {
      return -1;
    }
    while (k < t.length() && Keywords.isSpace(t.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Each word followed by each character {@code \s} matches. */
  private static String[] spaced(String... words) {
    String space = " \t\n\u000B\f\r";
    String[] out = new String[words.length * space.length()];
    for (int w = 0; w < words.length; w++) {
      for (int c = 0; c < space.length(); c++) {
        out[w * space.length() + c] = words[w] + space.charAt(c);
      }
    }
    return out;
  }

  /** What {@link String#strip} or {@link Spec#END_MARKER}'s lead {@code [\s|*>-]} skips at a line's start. */
  private static boolean isMarkerLead(char c) {
    return Character.isWhitespace(c) || c == '|' || c == '*' || c == '>' || c == '-';
  }

  /** Whether a line ends a section ({@link Spec#SECTION_END}): a separator or a closing phrase. */
  private static boolean sectionEnd(String l) {
    return LineMatchers.sectionEnd(l);
  }

  private static boolean blankBetween(String[] lines, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (lines[i].isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The first anchor line after {@code line} ({@code anchorLines} ascending), or {@code end} when none is before it. */
  private static int nextAnchor(int[] anchorLines, int line, int end) {
    // a binary search: a list of thousands of addresses asks this once for each of them
    int lo = 0;
    int hi = anchorLines.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (anchorLines[mid] <= line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < anchorLines.length ? Math.min(anchorLines[lo], end) : end;
  }

  /**
   * The address of an X.400 recipient line's {@code dda:SMTP=ADDR;} attribute (older Exchange writes
   * its recipients so: {@code c=US;a= ;p=ORG;o=SITE;dda:SMTP=ann@example.org; on DATE}), or null.
   */
  static @Nullable String x400Smtp(String s) {
    for (int k = s.indexOf('='); k >= 0; k = s.indexOf('=', k + 1)) {
      if (k >= 8 && s.regionMatches(true, k - 8, "dda:smtp", 0, 8)) {
        int end = k + 1;
        while (end < s.length() && s.charAt(end) != ';' && !Keywords.isSpace(s.charAt(end))) {
          end++;
        }
        String address = s.substring(k + 1, end);
        return address.equals(Addresses.first(address)) ? address : null;
      }
    }
    return null;
  }

  /** The longest line read whole for an anchor; a longer one is read through its first this many chars. */
  static final int MAX_ANCHOR_LINE = 600;

  /** {@code s} cut to at most {@code max} chars, at its last space before that if it has one. */
  static String cutAtSpace(String s, int max) {
    int cut = s.lastIndexOf(' ', max);
    return (cut > 0 ? s.substring(0, cut) : s.substring(0, max)).strip();
  }

  /**
   * Recognises a recipient anchor on a line, or returns null. A line longer than {@link
   * #MAX_ANCHOR_LINE} is read through its start, where an anchor's address stands; a rest that ran
   * to the end of that start runs on to the end of the line.
   */
  static Anchor anchor(String raw, int index) {
    if (raw.indexOf('@') < 0) {
      return null;
    }
    String s = raw.strip();
    if (s.length() <= MAX_ANCHOR_LINE) {
      return anchorIn(s, index);
    }
    String head = cutAtSpace(s, MAX_ANCHOR_LINE);
    Anchor a = anchorIn(head, index);
    if (a == null || a.rest.isEmpty() || !head.endsWith(a.rest)) {
      return a;
    }
    return new Anchor(a.line, a.address, a.rest.concat(s.substring(head.length())), a.strong, a.single, a.key);
  }

  /** {@link #anchor} of a stripped line of at most {@link #MAX_ANCHOR_LINE} chars. */
  private static Anchor anchorIn(String s, int index) {
    if (s.isEmpty() || s.indexOf('@') < 0) {
      return null;
    }
    // a header field name needs its colon
    boolean colon = s.indexOf(':') >= 0;
    if (colon && HEADERISH_STARTS.at(s, 0) && LineMatchers.headerish(s)) {
      return null;
    }
    String x400 = x400Smtp(s);
    if (x400 != null) {
      // Exchange's X.400 form: "c=US;a= ;p=ORG;o=SITE;dda:SMTP=ann@example.org; on DATE"
      return new Anchor(index, x400, "", true);
    }
    // the three patterns most anchors match are read by hand; the patterns run only where that is unsure
    Matcher m = null;
    long g = AnchorMatchers.bare(s);
    if (g == AnchorMatchers.UNSURE) {
      m = whole(mayBeBare(s) && localPartAt(s, bareAddressAt(s)), P_BARE, s);
    }
    if (m != null || g >= 0) {
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)), "", true);
    }
    g = colon ? AnchorMatchers.addrColon(s) : AnchorMatchers.NO;
    if (g == AnchorMatchers.UNSURE) {
      m = whole(startsWithOneOf(s, "<\"") && localPartAt(s, 1), P_ADDR_COLON, s);
    }
    if (m != null || g >= 0) {
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)),
          m != null ? m.group(2) : s.substring(AnchorMatchers.rest(g)), true);
    }
    g = AnchorMatchers.replyAddr(s);
    if (g == AnchorMatchers.UNSURE) {
      // the reply's prefix has no "<": the address follows the first one
      int bracket = s.indexOf('<');
      m = whole(startsWithOneOf(s, "245") && bracket > 0 && localPartAt(s, bracket + 1), P_REPLY_ADDR, s);
    }
    if (m != null || g >= 0) {
      // "554 <addr>... 550 Host unknown": the inner reply is the remote's, the outer the MTA's
      String inner = m != null ? m.group(3) : s.substring(AnchorMatchers.rest(g));
      boolean innerReply = LineMatchers.innerReply(inner);
      return new Anchor(index, Addresses.trim(m != null ? m.group(2) : address(s, g)), innerReply ? inner : s, true,
          true);
    }
    g = mayBeLabel(s, colon) ? AnchorMatchers.label(s) : AnchorMatchers.NO;
    if (g == AnchorMatchers.UNSURE) {
      m = whole(true, P_LABEL, s);
    }
    if (m != null || g >= 0) {
      String rest = m != null ? m.group(2) : s.substring(AnchorMatchers.rest(g));
      if (rest.isBlank() && FAILURE_WORD.matcher(LowerCase.root(s)).matches()) {
        rest = s; // "Unknown user: addr" says why
      }
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)), rest, true);
    }
    g = colon ? AnchorMatchers.addrColon2(s) : AnchorMatchers.NO;
    if (g == AnchorMatchers.UNSURE) {
      m = whole(localPartAt(s, 0), P_ADDR_COLON2, s);
    }
    if (m != null || g >= 0) {
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)),
          m != null ? m.group(2) : s.substring(AnchorMatchers.rest(g)), true);
    }
    m = whole(startsWithOneOf(s, "*-\u2022o") || s.startsWith(">>>"), P_BULLET, s);
    if (m != null) {
      return new Anchor(index, Addresses.trim(m.group(1)), m.group(2), true);
    }
    g = AnchorMatchers.lead(s);
    if (g == AnchorMatchers.UNSURE) {
      m = whole(localPartAt(s, s.charAt(0) == '<' ? 1 : 0), P_LEAD, s);
    }
    String leadRest = m != null ? m.group(2) : g >= 0 ? s.substring(AnchorMatchers.rest(g)) : null;
    if (leadRest != null && !LowerCase.root(leadRest).startsWith("wrote")) {
      String rest = leadRest;
      // "addr (addr)<mailto:addr>" and "addr<mailto:addr>": the rest is not a diagnostic
      if (s.contains("<mailto:")) {
        rest = "";
      }
      rest = withoutLeadingPunct(rest);
      // Exchange 2003: "addr on Mon, 20 May 2024 10:00:00 +0200"
      if (mayBeExchangeDate(rest) && EXCHANGE_DATE.matcher(rest).matches()) {
        rest = "";
      }
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)), rest, true);
    }
    g = colon ? AnchorMatchers.to(s) : AnchorMatchers.NO;
    if (g == AnchorMatchers.UNSURE) {
      m = whole(TO_STARTS.at(s, 0) && toLabel(s), P_TO, s);
    }
    if (m != null || g >= 0) {
      return new Anchor(index, Addresses.trim(m != null ? m.group(1) : address(s, g)), "", false);
    }
    if (s.charAt(0) == '(' && EXPANDED_WORDS.at(s, 0)) {
      m = whole(true, P_EXPANDED_ALONE, s);
      if (m != null) {
        return new Anchor(index, Addresses.trim(m.group(1)), "", false);
      }
    }
    int firstWord = SENTENCE_WORDS.next(s, 0);
    if (firstWord < 0) {
      return null;
    }
    // every sentence and "RCPT TO:" match ends with an address: none starts after the last one
    int lastAt = lastAddressAt(s);
    if (lastAt < 0) {
      return null;
    }
    // the words' starts are found once for all the patterns, not once per pattern
    int[] starts = wordStarts(s, firstWord, lastAt);
    for (int k = 0; k < SENTENCES.length; k++) {
      String found = sentenceAddress(k, s, starts);
      if (found != null) {
        String addr = Addresses.trim(found);
        if (Addresses.isSystem(addr) || Addresses.isRole(addr) || inLaterSentenceOfReply(s, found)) {
          continue;
        }
        return new Anchor(index, addr, s, true);
      }
    }
    String rcpt = sentenceAddress(SENTENCES.length, s, starts);
    if (rcpt != null) {
      return new Anchor(index, Addresses.trim(rcpt), "", false);
    }
    return null;
  }

  /**
   * Whether {@code found} is named only in a later sentence of a server's reply: after a reply code
   * and a sentence's end (". "), as in "550 5.7.1 Your message was blocked by X. If you are not a
   * spammer, send an e-mail message from another address to ADDR". Such an address is one to write
   * to, not the recipient the reply is about, which a reply names in its first sentence.
   */
  static boolean inLaterSentenceOfReply(String s, String found) {
    int at = s.indexOf(found);
    if (at < 0) {
      return false;
    }
    int stop = s.lastIndexOf(". ", at);
    return stop > 0 && Smtp.facts(s.substring(0, stop)).reply().isPresent();
  }

  /**
   * The address of the first match of {@code SENTENCES[k]} ({@link #P_RCPT} for {@code k} 4) at
   * one of {@code starts}, as {@link #matchAt} finds it, or null: read by hand ({@link
   * SentenceMatchers}), and by the pattern where that is unsure.
   */
  private static @Nullable String sentenceAddress(int k, String s, int[] starts) {
    Keywords words = k < SENTENCES.length ? SENTENCE_STARTS[k] : RCPT_STARTS;
    Pattern p = k < SENTENCES.length ? SENTENCES[k] : P_RCPT;
    for (int i = 0; starts[i] >= 0; i++) {
      int at = starts[i];
      if (!words.at(s, at)) {
        continue;
      }
      long h = SentenceMatchers.at(k, s, at);
      if (h == SentenceMatchers.UNSURE) {
        Matcher m = Keywords.from(null, p, s, at);
        if (m.lookingAt()) {
          return m.group(1);
        }
      } else if (h >= 0) {
        return s.substring(SentenceMatchers.start(h), SentenceMatchers.end(h));
      }
    }
    return null;
  }

  /** {@code LEADING_PUNCT.matcher(rest).replaceFirst("")}: without its leading {@code [.:;,\s]} chars. */
  static String withoutLeadingPunct(String rest) {
    int i = 0;
    while (i < rest.length() && (".:;,".indexOf(rest.charAt(i)) >= 0 || Keywords.isSpace(rest.charAt(i)))) {
      i++;
    }
    return i == 0 ? rest : rest.substring(i);
  }

  /** A necessary condition for {@link #EXCHANGE_DATE}: "on" and a {@code \s} char at the start, and a colon. */
  static boolean mayBeExchangeDate(String rest) {
    return rest.length() > 2 && Keywords.startsWithAscii(rest, 0, "on") && Keywords.isSpace(rest.charAt(2))
        && rest.indexOf(':') >= 0;
  }

  /**
   * Whether {@code s} starts as {@link #P_TO} needs: one of its labels (ASCII case ignored), then
   * {@code \s} characters and a colon. Most lines that start with an "a" have a letter after it.
   */
  static boolean toLabel(String s) {
    return AnchorMatchers.toColon(s) >= 0;
  }

  /** The address of a match of {@link AnchorMatchers}. */
  private static String address(String s, long match) {
    return s.substring(AnchorMatchers.start(match), AnchorMatchers.end(match));
  }

  /**
   * Where one of {@link #SENTENCE_WORDS} starts in {@code s} at a word start (not after an ASCII
   * letter, digit or underscore) before {@code limit}, from {@code first} (where the first word
   * starts), ended by -1: the starts {@link #matchAt} tries for each pattern of {@link #SENTENCES}
   * and for {@link #P_RCPT}, each of whose words is one of these.
   */
  static int[] wordStarts(String s, int first, int limit) {
    int[] out = new int[8];
    int count = 0;
    for (int p = first; p >= 0 && p < limit; p = SENTENCE_WORDS.next(s, p + 1)) {
      if (p > 0 && Keywords.isAsciiWordChar(s.charAt(p - 1))) {
        continue; // no \b before a word here
      }
      if (count + 1 >= out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[count++] = p;
    }
    out[count] = -1;
    return out;
  }

  /**
   * The first match of {@code p}, a pattern each of whose matches starts with {@code \b} and then
   * one of {@code words}, trying only {@code starts} ({@link #wordStarts} of {@code s} and its
   * limit) where one of {@code words} starts.
   */
  static @Nullable Matcher matchAt(Keywords words, Pattern p, String s, int[] starts) {
    Matcher m = null;
    for (int k = 0; starts[k] >= 0; k++) {
      int at = starts[k];
      if (!words.at(s, at)) {
        continue;
      }
      m = Keywords.from(m, p, s, at);
      if (m.lookingAt()) {
        return m;
      }
    }
    return null;
  }

  /**
   * The index of the last "@" whose local part, as {@link Addresses#ADDR} reads it, may follow a
   * colon, a {@code \s} character, a bracket or a quote, as in the sentence patterns and {@link
   * #P_RCPT}; -1 when there is none. Their address cannot start inside a run of local-part
   * characters, so it starts where the run before the "@" starts.
   */
  static int lastAddressAt(String s) {
    for (int at = s.lastIndexOf('@'); at > 0; at = s.lastIndexOf('@', at - 1)) {
      int start = at;
      while (start > 0) {
        int cp = Character.codePointBefore(s, start);
        if (!isLocalPartChar(cp)) {
          break;
        }
        start -= Character.charCount(cp);
      }
      if (start > 0 && start < at) {
        char before = s.charAt(start - 1);
        if (before == ':' || before == '<' || before == '"' || Keywords.isSpace(before)) {
          return at;
        }
      }
    }
    return -1;
  }

  /**
   * Whether a run of local-part characters starts at {@code k} and ends at an "@": the address of
   * a pattern anchored there ({@code ^<?(ADDR)}) can start nowhere else, as "@" is not in the run.
   */
  static boolean localPartAt(String s, int k) {
    int i = k;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isLocalPartChar(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i > k && i < s.length() && s.charAt(i) == '@';
  }

  /** Whether {@code cp} may be in a local part: {@code [\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]}. */
  static boolean isLocalPartChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER || cp < 128 && "!#$%&'*+/=?^_`{|}~.-".indexOf(cp) >= 0;
  }

  /** The whole-text match of {@code p} on {@code s}, or null; no matcher is made unless {@code mayMatch}. */
  private static @Nullable Matcher whole(boolean mayMatch, Pattern p, String s) {
    if (!mayMatch) {
      return null;
    }
    Matcher m = p.matcher(s);
    return m.matches() ? m : null;
  }

  /** The text of an anchor's block and, when it was read on the way, its facts (else null). */
  private record Block(String text, Smtp.@Nullable Facts facts) {}

  private static Block block(String[] lines, Anchor a, int limit) {
    if (a.single) {
      return new Block(a.rest.isBlank() ? "" : withWrappedTail(a.rest, lines, a.line, limit), null);
    }
    List<String> out = new ArrayList<>();
    if (!a.rest.isBlank()) {
      out.add(a.rest);
    }
    boolean content = !a.rest.isBlank() && !endsWithColon(a.rest);
    int i = a.line + 1;
    boolean crossed = false;
    // the lines joined for a look at their facts, and how many there were: returned if no line follows
    String joined = null;
    Smtp.Facts joinedFacts = null;
    int joinedLines = 0;
    while (i < limit && out.size() < 30) {
      String l = lines[i];
      if (sectionEnd(l)) {
        // an address alone above a separator ("----- Transcript follows -----"): the reason is below it
        if (!content && !crossed && LineMatchers.separatorLine(l.strip())) {
          crossed = true;
          i++;
          continue;
        }
        break;
      }
      if (l.isBlank()) {
        if (content && continuesReply(out, lines, i, limit)) {
          i++;
          continue; // a blank line inside a multi-line reply ("550-..." then "550 ...")
        }
        // the lines joined last time had no facts: with no line added since (blank lines in a row), neither now
        if (content && (joined == null || joinedLines != out.size())) {
          joined = String.join("\n", out);
          joinedLines = out.size();
          Smtp.Facts f = Smtp.facts(joined);
          joinedFacts = f;
          if (f.reply().isPresent() || f.status().isPresent()) {
            break;
          }
        }
        if (content) {
          int j = i;
          while (j < limit && lines[j].isBlank()) {
            j++;
          }
          if (j >= limit || !LineMatchers.detailLead(lines[j])) {
            break;
          }
        }
        i++;
        continue;
      }
      String cleaned = cleanLine(l);
      if (cleaned != null) {
        out.add(cleaned);
        if (!endsWithColon(l)) {
          content = true;
        }
      }
      i++;
    }
    // the lines last joined, when no line came after them: their facts are known
    return joined != null && joinedLines == out.size() ? new Block(joined, joinedFacts)
        : new Block(String.join("\n", out), null);
  }

  /** The most continuation lines {@link #withWrappedTail} adds. */
  private static final int MAX_CONTINUATION = 10;

  /** The least length of a line that a line as deeply indented may continue (one wrapped at about 72 to 80). */
  static final int WRAPPED_LINE = 60;

  /**
   * {@code rest}, the text of the one-line anchor on line {@code line}, with the lines after it that
   * continue it, up to {@code limit}, a blank line or a section's end: a reply wrapped onto lines
   * indented deeper than it, or, after a line long enough to have been wrapped ({@value
   * #WRAPPED_LINE} chars), onto lines as deeply indented that read as its tail ({@link #wrappedOnto}).
   */
  static String withWrappedTail(String rest, String[] lines, int line, int limit) {
    int indent = Keywords.skipSpace(lines[line], 0);
    StringBuilder sb = null;
    for (int i = line + 1; i < limit && i <= line + MAX_CONTINUATION; i++) {
      String l = lines[i];
      int k = Keywords.skipSpace(l, 0);
      if (k == l.length() || sectionEnd(l)) {
        break;
      }
      if (k < indent || k == indent && !(lines[i - 1].length() >= WRAPPED_LINE && wrappedOnto(lines[i - 1], l, k))) {
        break; // a line indented less, or as deeply but not the tail of a wrapped line
      }
      if (sb == null) {
        sb = new StringBuilder(rest);
      }
      sb.append('\n').append(l, k, l.length());
    }
    return sb == null ? rest : sb.toString();
  }

  /**
   * Whether {@code l}, whose text starts at {@code k}, may be the wrapped tail of {@code above}:
   * it holds no '@' (no address), and it goes on with a lower-case word or a parenthesis, or with a
   * capital after a colon that ends {@code above} ("rejected:" then "Delivery not authorized"). A
   * sentence or a reply that starts on its own line ("While talking to ...", "250 ...") starts otherwise.
   */
  private static boolean wrappedOnto(String above, String l, int k) {
    if (l.indexOf('@', k) >= 0) {
      return false;
    }
    char c = l.charAt(k);
    return c >= 'a' && c <= 'z' || c == '(' || c >= 'A' && c <= 'Z' && above.stripTrailing().endsWith(":");
  }

  static final Pattern NOISE_LINE = Pattern.compile(
      "(?i)^\\s*(?:\\((?:expanded|generated) from:?[^)]*\\)|giving up on [^ ]+\\.?)\\s*$");

  /** Sendmail's "(reason: ...)" wrapper is removed; "(expanded from ...)" and "Giving up on" lines are dropped. */
  private static String cleanLine(String l) {
    if (!CLEAN_LEADS.leads(l)) {
      return l;
    }
    if (NOISE_LEADS.leads(l) && NOISE_LINE.matcher(l).matches()) {
      return null;
    }
    String reason = LineMatchers.reasonWrap(l);
    return reason != null ? reason : l;
  }

  /**
   * The whole multi-line reply whose first line is {@code truncated} ({@code 550-5.7.26 ...}), as
   * a session transcript in the text gives it, or null. Reports often keep only the first line.
   * For more than one reply in the same text, {@link FullReplies} reads the text once.
   */
  static @Nullable String fullReply(String text, String truncated) {
    return new FullReplies(text).of(truncated);
  }

  /**
   * {@link #fullReply} for any number of replies in one text. The text's lines are those of {@code
   * text.split("\n", MAX_LINES)}; a reply's full text starts at the first line that, without its
   * transcript mark and with its runs of white space made one space, starts with the reply's first
   * 40 chars (so written), and goes on over the lines after it that carry the same reply code.
   *
   * <p>The lines that can start such a reply ({@code 550-...} continued by a {@code 550-} or {@code
   * 550 } line) are found in one pass, on the first question, and kept sorted by their first 40
   * chars; each question then looks up the range that starts with its own. Answers are kept by those
   * 40 chars, on which alone they depend. A report of thousands of recipients, each with a reply of
   * several lines that the text does not complete, so costs time in proportion to the text: asked
   * line by line, each recipient read the whole text again.
   */
  static final class FullReplies {
    private final String text;
    /** The lines that start a continued reply, in line order; read on first use, with {@link #byStart}. */
    private final List<Candidate> candidates = new ArrayList<>();
    /** {@link #candidates} by how they start, each by its index there; null until read. */
    private @Nullable LinesByStart byStart;
    private final Map<String, @Nullable String> answers = new HashMap<>();

    /** A line that starts a reply continued on the next line: its number, end and collapsed form. */
    private record Candidate(int line, int end, String collapsed) {}

    FullReplies(String text) {
      this.text = text;
    }

    /** {@link TextScanner#fullReply} of this text and {@code truncated}. */
    @Nullable String of(String truncated) {
      String want = SmtpStage.collapseSpace(truncated.strip());
      if (want.length() < 8) {
        return null;
      }
      String head = want.substring(0, Math.min(want.length(), LinesByStart.START));
      if (!LineMatchers.continuedReplyAt(head, 0, head.length())) {
        return lineByLine(head);
      }
      if (answers.containsKey(head)) {
        return answers.get(head);
      }
      if (byStart == null) {
        byStart = readCandidates();
      }
      int k = byStart.first(head); // indexes are in line order: the lowest is the first line
      Candidate c = k < 0 ? null : candidates.get(k);
      String answer = c == null ? null : continued(c.collapsed, c.line, c.end);
      answers.put(head, answer);
      return answer;
    }

    /** Reads the lines that start a reply continued on the next line into {@link #candidates}. */
    private LinesByStart readCandidates() {
      int n = text.length();
      LinesByStart.Builder starts = new LinesByStart.Builder();
      for (int i = 0, s = 0; ; i++) {
        int e = splitLineEnd(text, s, i);
        if (e < n && mayStartReply(s, e)) {
          String l = SmtpStage.collapseSpace(stripTranscript(text.substring(s, e)));
          if (LineMatchers.continuedReplyAt(l, 0, l.length()) && continued(l, i, e) != null) {
            starts.add(l, candidates.size());
            candidates.add(new Candidate(i, e, l));
          }
        }
        if (e >= n) {
          break;
        }
        s = e + 1;
      }
      return starts.build();
    }

    /**
     * Whether line {@code [s, e)} may start, once stripped, without its transcript mark and
     * collapsed, with a reply code and a hyphen: a necessary condition, read without copying.
     */
    private boolean mayStartReply(int s, int e) {
      int p = s;
      while (p < e && Character.isWhitespace(text.charAt(p))) {
        p++;
      }
      int k = text.startsWith("<<<", p) ? 3 : text.startsWith("<-", p) || text.startsWith("S:", p) ? 2
          : text.startsWith("Out:", p) ? 4 : 0;
      if (k > 0) {
        p += k;
        while (p < e && Keywords.isSpace(text.charAt(p))) {
          p++;
        }
      }
      return LineMatchers.continuedReplyAt(text, p, e);
    }

    /**
     * The reply that starts with line {@code i}, which ends at {@code e} and reads {@code l}
     * collapsed: it and the lines after it with the same code, up to the one with a space after the
     * code, 20 lines at most; null when the next line does not go on.
     */
    private @Nullable String continued(String l, int i, int e) {
      int n = text.length();
      String code = l.substring(0, 3);
      List<String> out = new ArrayList<>();
      out.add(l);
      for (int j = i + 1, cs = e + 1, prevEnd = e; prevEnd < n && out.size() < 20; j++) {
        int ce = splitLineEnd(text, cs, j);
        String c = stripTranscript(text.substring(cs, ce));
        if (!c.startsWith(code + "-") && !c.startsWith(code + " ")) {
          break;
        }
        out.add(c);
        if (c.startsWith(code + " ")) {
          break;
        }
        prevEnd = ce;
        cs = ce + 1;
      }
      return out.size() > 1 ? Smtp.clean(String.join("\n", out)) : null;
    }

    /**
     * The search for a reply that does not start with a code and a hyphen, line by line: only the
     * lines that hold its first word are collapsed and compared.
     */
    private @Nullable String lineByLine(String head) {
      // the head's first word: collapsing spaces leaves it as it is, so a line that starts so contains it
      String word = head.indexOf(' ') < 0 ? head : head.substring(0, head.indexOf(' '));
      int n = text.length();
      int next = text.indexOf(word);
      for (int i = 0, s = 0; next >= 0; i++) {
        int e = splitLineEnd(text, s, i);
        if (next < s) {
          next = text.indexOf(word, s);
          if (next < 0) {
            break;
          }
        }
        if (next + word.length() <= e) {
          String l = SmtpStage.collapseSpace(stripTranscript(text.substring(s, e)));
          if (l.startsWith(head)) {
            String answer = continued(l, i, e);
            if (answer != null) {
              return answer;
            }
          }
        }
        if (e >= n) {
          break;
        }
        s = e + 1;
      }
      return null;
    }
  }

  /**
   * Where line {@code i} of {@code text.split("\n", MAX_LINES)}, which starts at {@code s}, ends:
   * at its newline, or at the text's end for the last line and for line {@code MAX_LINES - 1},
   * which holds the rest.
   */
  private static int splitLineEnd(String text, int s, int i) {
    int nl = i == MAX_LINES - 1 ? -1 : text.indexOf('\n', s);
    return nl < 0 ? text.length() : nl;
  }

  /** {@code TRANSCRIPT_PREFIX.matcher(l.strip()).replaceFirst("")}: the stripped line without its transcript mark. */
  private static String stripTranscript(String l) {
    String t = l.strip();
    int k;
    if (t.startsWith("<<<")) {
      k = 3;
    } else if (t.startsWith("<-") || t.startsWith("S:")) {
      k = 2;
    } else if (t.startsWith("Out:")) {
      k = 4;
    } else {
      return t;
    }
    return t.substring(Keywords.skipSpace(t, k));
  }

  /**
   * {@code block} without its lines that start with "Subject:": a notice quotes the returned message's
   * subject beside its recipient, and that is not a reply; {@code block} itself when it has none.
   */
  static String withoutReturnedSubject(String block) {
    if (block.indexOf("ubject:") < 0 && block.indexOf("UBJECT:") < 0) {
      return block;
    }
    StringBuilder out = new StringBuilder(block.length());
    int start = 0;
    int n = block.length();
    while (start < n) {
      int lf = block.indexOf('\n', start);
      int end = lf < 0 ? n : lf + 1;
      int k = Keywords.skipSpace(block, start);
      if (!block.regionMatches(true, k, "subject:", 0, 8)) {
        out.append(block, start, end);
      }
      start = end;
    }
    return out.toString();
  }

  /**
   * Cuts a block to what follows its last response marker ("Remote host said:", "The response
   * was:"), or, in an SMTP session transcript, to the first negative server reply.
   */
  static String narrow(String block) {
    // without a transcript reply or a response marker leading a line, the lines need not be made
    return leadsALine(block) ? narrowByLines(block) : narrowInline(block);
  }

  /** {@link #narrow}, reading the block's lines. */
  static String narrowByLines(String block) {
    String[] ls = splitDroppingTrailingEmpty(block);
    for (int i = 0; i < ls.length; i++) {
      int t = LineMatchers.transcriptReply(ls[i]);
      if (t >= 0) {
        StringBuilder sb = new StringBuilder(LineMatchers.withoutTranscriptMark(ls[i].strip()));
        int indent = Keywords.skipSpace(ls[i]);
        for (int j = i + 1; j < ls.length; j++) {
          int c = LineMatchers.transcriptReply(ls[j]);
          if (c < 0) {
            // a reply line wrapped onto lines indented deeper than it
            int k = Keywords.skipSpace(ls[j]);
            if (k > indent && k < ls[j].length()) {
              sb.append('\n').append(ls[j], k, ls[j].length());
              continue;
            }
            break;
          }
          if (!ls[j].startsWith(ls[i].substring(t, t + 3), c)) {
            break;
          }
          sb.append('\n').append(LineMatchers.withoutTranscriptMark(ls[j].strip()));
        }
        return Smtp.clean(sb.toString());
      }
    }
    int from = -1;
    String inline = null;
    for (int i = 0; i < ls.length; i++) {
      String after = RESPONSE_LEADS.leads(ls[i]) ? LineMatchers.responseMark(ls[i]) : null;
      if (after != null) {
        from = i + 1;
        inline = after;
      }
    }
    if (from >= 0) {
      StringBuilder sb = new StringBuilder(inline == null ? "" : inline);
      for (int i = from; i < ls.length; i++) {
        sb.append('\n').append(ls[i]);
      }
      String s = Smtp.clean(sb.toString());
      if (!s.isBlank()) {
        return s;
      }
    }
    return narrowInline(block);
  }

  /**
   * Whether a line of {@code block} starts, after its {@code \s} characters, with one of {@link
   * #TRANSCRIPT_LEADS} or {@link #RESPONSE_LEADS}, as {@link Keywords#leads} reads the line: none
   * of their words holds a newline, so each is looked for in the block where the line starts.
   */
  private static boolean leadsALine(String block) {
    for (int from = 0, n = block.length(); from < n; ) {
      int nl = block.indexOf('\n', from);
      int to = nl < 0 ? n : nl;
      int k = from;
      while (k < to && Keywords.isSpace(block.charAt(k))) {
        k++;
      }
      if (k < to && (TRANSCRIPT_LEADS.at(block, k) || RESPONSE_LEADS.at(block, k))) {
        return true;
      }
      from = to + 1;
    }
    return false;
  }

  /** {@link #narrow} of a block without a transcript reply or response marker: cut after its last inline marker. */
  private static String narrowInline(String block) {
    String joined = Smtp.clean(block);
    int cut = -1;
    for (Matcher in = INLINE_STARTS.match(INLINE_MARK, joined); in != null; in = INLINE_STARTS.matchAfter(in, joined)) {
      cut = in.end();
    }
    if (cut > 0 && cut < joined.length() - 3) {
      return joined.substring(cut).strip();
    }
    return joined;
  }

  static final Pattern INLINE_MARK = Pattern.compile(
      "(?i)(?:the error that the other server returned was:|the response (?:from the remote server )?was:|"
          + "remote host said:|gave this error:|the server responded with:?)");

  /** The section after a response marker, when the text has one: the lines up to a blank line pair or end. */
  private static String responseSection(String[] lines, int end) {
    for (int i = 0; i < end; i++) {
      String after = RESPONSE_LEADS.leads(lines[i]) ? LineMatchers.responseMark(lines[i]) : null;
      if (after == null) {
        continue;
      }
      List<String> out = new ArrayList<>();
      if (!after.isBlank()) {
        out.add(after);
      }
      int j = i + 1;
      boolean content = !out.isEmpty();
      while (j < end && out.size() < 20) {
        String l = lines[j];
        if (sectionEnd(l)) {
          break;
        }
        if (l.isBlank()) {
          if (content) {
            break;
          }
          j++;
          continue;
        }
        out.add(l);
        content = true;
        j++;
      }
      if (!out.isEmpty()) {
        return String.join("\n", out);
      }
    }
    return null;
  }

  /** The first SMTP reply line of {@code text} with its continuation lines, or null. */
  static String firstReply(String text) {
    String[] ls = text.split("\n", MAX_LINES);
    return orphanReply(ls, ls.length, new int[0]);
  }

  /** The first SMTP reply in the text that is not on an anchor line, with its continuation lines. */
  private static String orphanReply(String[] lines, int end, int[] anchorLines) {
    // which lines are anchors, looked up without boxing each line's index
    boolean[] anchor = new boolean[end];
    for (int a : anchorLines) {
      if (a >= 0 && a < end) {
        anchor[a] = true;
      }
    }
    for (int i = 0; i < end; i++) {
      if (anchor[i]) {
        continue;
      }
      String l = lines[i];
      int code = LineMatchers.replyStart(l);
      boolean hit = code >= 0 && Smtp.reply(l.substring(code, code + 3)).isPresent();
      // the facts need an enhanced status code, which needs "5.", "4." or "2." and a digit
      if (!hit && Smtp.mayHoldStatus(l)) {
        Smtp.Facts f = Smtp.facts(l);
        hit = f.reply().isPresent() && f.status().isPresent();
      }
      if (!hit) {
        continue;
      }
      List<String> out = new ArrayList<>();
      out.add(l);
      for (int j = i + 1; j < end && out.size() < 12; j++) {
        String c = lines[j];
        if (c.isBlank() && continuesReply(out, lines, j, end)) {
          continue;
        }
        if (c.isBlank() || anchor[j] || sectionEnd(c)) {
          break;
        }
        out.add(c);
      }
      return String.join("\n", out);
    }
    return null;
  }

  private static String paragraphBefore(String[] lines, int line) {
    List<String> out = new ArrayList<>();
    int i = line - 1;
    boolean headingOnly = false;
    for (int para = 0; para < 3 && i >= 0; para++) {
      while (i >= 0 && lines[i].isBlank()) {
        i--;
      }
      List<String> paragraph = new ArrayList<>();
      while (i >= 0 && !lines[i].isBlank() && paragraph.size() < 8 && !sectionEnd(lines[i])) {
        paragraph.add(0, lines[i]);
        i--;
      }
      if (para > 0 && headingOnly && factsOnly(paragraph)) {
        // Exim's "The message identifier is: ..." lines say nothing of the failure: skip them
        continue;
      }
      out.addAll(0, paragraph);
      // a lone heading ("The following recipients ...:") says nothing: add the paragraph before it
      headingOnly = paragraph.size() == 1 && paragraph.get(0).strip().endsWith(":");
      if (!headingOnly || i < 0 || sectionEnd(lines[Math.max(0, i)]) && !lines[i].isBlank()) {
        break;
      }
    }
    return String.join("\n", out);
  }

  /**
   * Whether every line of {@code paragraph} (two or more) states a fact of the message as
   * {@code "The ... is: value"}, as Exim's warnings list its identifier, subject and date.
   */
  static boolean factsOnly(List<String> paragraph) {
    if (paragraph.size() < 2) {
      return false;
    }
    for (String l : paragraph) {
      if (!l.contains(" is:") || !Keywords.startsWithAscii(l.strip(), 0, "the ")) {
        return false;
      }
    }
    return true;
  }

  static String remoteHost(String block) {
    if (block == null) {
      return "";
    }
    // every match ends with an address literal or a colon: the next of each in the block rules out
    // the lines before both (and the next dot the lines before it)
    int bracket = -1;
    int colon = -1;
    int dot = -1;
    int word = -1; // the next "host" or "while talking to", as the others

    for (int from = 0, n = block.length(); from < n; ) {
      int nl = block.indexOf('\n', from);
      int to = nl < 0 ? n : nl;
      int start = from;
      from = to + 1;
      if (bracket < start && bracket != -2) {
        bracket = block.indexOf('[', start);
        bracket = bracket < 0 ? -2 : bracket; // -2: none further on
      }
      if (colon < start && colon != -2) {
        colon = block.indexOf(':', start);
        colon = colon < 0 ? -2 : colon;
      }
      if ((bracket < 0 || bracket >= to) && (colon < 0 || colon >= to)) {
        if (bracket == -2 && colon == -2) {
          break;
        }
        continue;
      }
      // and every host name has a dot
      if (dot < start && dot != -2) {
        dot = block.indexOf('.', start);
        dot = dot < 0 ? -2 : dot;
      }
      if (dot < 0 || dot >= to) {
        if (dot == -2) {
          break;
        }
        continue;
      }
      // the stripped line [ls, le) in the block: neither a host name at its start nor "host" or
      // "while talking to" after it: nothing to match, and no copy or matcher is made
      int le = to;
      while (le > start && Character.isWhitespace(block.charAt(le - 1))) {
        le--;
      }
      int ls = start;
      while (ls < le && Character.isWhitespace(block.charAt(ls))) {
        ls++;
      }
      if (word != -2 && word < ls + 1) {
        word = REMOTE_HOST_STARTS.next(block, ls + 1);
        word = word < 0 ? -2 : word;
      }
      boolean atStart = mayNameHostAt(block, ls, le);
      if ((word < 0 || word >= le) && !atStart) {
        continue;
      }
      long h = LineMatchers.remoteHost(block, ls, le, atStart, word);
      if (h >= 0) {
        return LowerCase.root(block.substring(LineMatchers.hostStart(h), LineMatchers.hostEnd(h)));
      }
      if (h == LineMatchers.UNSURE) {
        String l = block.substring(start, to).strip();
        Matcher m = REMOTE_HOST.matcher(l);
        // at the start of the line "^" may match; elsewhere a match starts with "host" or "while talking to"
        if (mayNameHostAtStart(l) && m.lookingAt() || REMOTE_HOST_STARTS.find(m, l, 1)) {
          return LowerCase.root(m.group(1));
        }
      }
    }
    return "";
  }

  /**
   * Whether {@link #REMOTE_HOST} may match at the start of {@code l}: each way it can ("host",
   * "while talking to", or a host name then an address literal or a colon) starts with a run of
   * {@code [A-Za-z0-9.-]} that a {@code \s} character, "[" or ":" ends.
   */
  private static boolean mayNameHostAtStart(String l) {
    return mayNameHostAt(l, 0, l.length());
  }

  /** {@link #mayNameHostAtStart} of the line {@code s[from, to)}. */
  private static boolean mayNameHostAt(String s, int from, int to) {
    int i = from;
    while (i < to && isHostChar(s.charAt(i))) {
      i++;
    }
    if (i == from || i == to) {
      return false;
    }
    char c = s.charAt(i);
    return c == '[' || c == ':' || Keywords.isSpace(c);
  }

  /** Whether {@code c} is in {@code [a-z0-9.-]} with ASCII case ignored. */
  private static boolean isHostChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
  }

  /**
   * Where {@code l} ends once {@link String#strip} has removed its trailing whitespace: every
   * whitespace character is in the BMP, and no half of a surrogate pair is whitespace, so it is read
   * a char at a time.
   */
  private static int stripEnd(String l) {
    int e = l.length();
    while (e > 0 && Character.isWhitespace(l.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** {@code l.strip().endsWith(":")}, without the copy. */
  static boolean endsWithColon(String l) {
    int e = stripEnd(l);
    return e > 0 && l.charAt(e - 1) == ':';
  }

  private static String excerpt(String[] lines, int from, int end) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < end && sb.length() < 300; i++) {
      // the line as strip() leaves it, appended without a copy
      String l = lines[i];
      int e = stripEnd(l);
      int b = 0;
      while (b < e && Character.isWhitespace(l.charAt(b))) {
        b++;
      }
      if (b == e) {
        if (sb.length() > 0) {
          break;
        }
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(l, b, e);
    }
    String s = sb.toString();
    return Smtp.excerpt(s);
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    static final Pattern LEADING_PROMPT = Pattern.compile("^<<<\\s*");

    static final Pattern INNER_REPLY = Pattern.compile("^[245]\\d\\d[ -].*");

    static final Pattern LEADING_PUNCT = Pattern.compile("^[.:;,\\s]+");

    static final Pattern SEPARATOR_LINE = Pattern.compile("^[-=*_#~+|]{3,}.*");

    static final Pattern TRANSCRIPT_PREFIX = Pattern.compile("^(?:<<<|<-|Out:|S:)\\s*");

    static final Pattern TRANSCRIPT_PREFIX_CI = Pattern.compile("(?i)^(<<<|out:|s:|<-|server:)\\s*");

    static final Pattern REPLY_START = Pattern.compile("^\\s*(?:<<<\\s*)?[\\[(]?#?([45]\\d\\d)(?:[ :-]|$)");

    static final Pattern HEADERISH = Pattern.compile(
        "(?i)^(?:from|reply-to|sender|return-path|message-id|in-reply-to|references|cc|bcc|date|subject|"
            + "errors-to|original-mail-from|x-[\\w-]+|received|mail\\s+from|envelope-from|resent-[\\w-]+|"
            + "authentication-results|dkim-signature|list-[\\w-]+|original\\s+sender|sender-mta|reporting-mta|"
            + "remote-mta|generating server|return-receipt-to|disposition-notification-to|final-recipient|"
            + "original-recipient|x-actual-recipient|diagnostic-code|action|status|arrival-date|"
            + "last-attempt-date|will-retry-until|x-postfix-sender)\\s*:");

    static final Pattern SECTION_END = Pattern.compile(
        "(?i)^\\s*(?:[-=*_#~+|]{4,}|for further assistance|if you do so, please include|no action is required|"
            + "original message headers|please do not reply|delivery attempts will continue|"
            + "the following text was generated|this is a permanent error|"
            + "if your message was also sent to|diagnostic information for administrators)");

    static final Pattern END_MARKER = Pattern.compile(
        "(?i)^[\\s|*>-]*+(?:the\\s+)?(?:"
            + "original\\s+message(?:\\s+(?:headers?|follows|text))?|unsent\\s+message(?:\\s+follows)?|"
            + "returned\\s+message|start\\s+of\\s+returned\\s+message|message\\s+text\\s+follows|"
            + "message\\s+headers?\\s+follows?|"
            + "(?:this\\s+is\\s+a\\s+|below\\s+(?:this\\s+line\\s+)?is\\s+a\\s+|enclosed\\s+is\\s+a\\s+|"
            + "included\\s+is\\s+a\\s+|a\\s+)copy\\s+of\\s+(?:the\\s+)?(?:original\\s+)?message|"
            + "header\\s+of\\s+the\\s+original\\s+message|original\\s+message\\s+follows|"
            + "undelivered\\s+message\\s+(?:follows|attached)|message\\s+header\\s+follows)"
            + "[^a-z]*(?:[a-z ,']{0,40})?[\\s:.|-]*$");

    static final Pattern DETAIL_LEAD = Pattern.compile(
        "(?i)^\\s*(?:technical details|the error|the response|remote (?:host|server)|reason|diagnostic|error|"
            + "smtp error|host\\s|<<<|>>>|[245]\\d\\d[\\s:-]|#?[245]\\.\\d|the (?:mail )?server|response|"
            + "could not deliver|additional information follows)");

    static final Pattern REPLY_CONT = Pattern.compile("^\\s*(?:<<<\\s*)?([245]\\d\\d)-");

    static final Pattern REASON_WRAP = Pattern.compile("(?i)^\\s*\\(reason:\\s*(.*?)\\)?\\s*$");

    static final Pattern TRANSCRIPT_REPLY = Pattern.compile(
        "^\\s*(?:<<<|out:|s:|<-|server:)\\s*([45]\\d\\d)[ -]", Pattern.CASE_INSENSITIVE);
  }
}
