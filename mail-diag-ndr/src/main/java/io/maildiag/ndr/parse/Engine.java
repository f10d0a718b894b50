package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.internal.MessageStart;
import io.maildiag.ndr.Actor;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.ClassificationInput;
import io.maildiag.ndr.Evidence;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.ReasonClassifier;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.RetryAdvice;
import io.maildiag.ndr.classify.Advice;
import io.maildiag.ndr.classify.TextMatch;
import io.maildiag.ndr.classify.TextNormalizer;
import io.maildiag.ndr.classify.TextRules;
import io.maildiag.ndr.classify.Tier;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of one message, from bytes to {@link BounceAnalysis}. Stateless apart from its
 * limits; {@link #analyze} may be called concurrently. It never throws: an unexpected failure is
 * caught and reported as {@link Codes#INTERNAL_ERROR} with whatever was found before.
 *
 * <p>The order of recognition: feedback reports (ARF, RFC 5965, and Hotmail/JMRP complaints),
 * Amazon SES JSON notifications, then bounces (a delivery-status report, or the text of a vendor
 * bounce, or a mail system's report that a gateway attached whole to a message of its own); a
 * message with no bounce evidence is then checked for an automatic reply (RFC 3834)
 * and for a bounce quoted or forwarded by a person; anything else is not a bounce.
 */
public final class Engine {
  private static final Pattern RULE_ONLY = Pattern.compile("[-=*_#~+|\\s]+");
  private static final Pattern BOUNCE_WORDING = Pattern.compile("(?i)(undeliver|could not be delivered|delivery (has )?failed|mail delivery|"
      + "permanent error|user unknown|does not exist|rejected|returned to sender|failure notice|"
      + "mailer-daemon)");
  /** The words every {@link Spec#SENDER_MARK} match starts with ("mail" only as "MAIL\\s+FROM": white space follows it). */
  static final Keywords SENDER_MARK_WORDS = new Keywords(Keywords.concat(
      new String[] {"mail ", "mail\t", "mail\n", "mail\u000b", "mail\f", "mail\r"},
      "envelope-from", "x-", "original sender:", "message sent by"));
  /** Top-level fields whose addresses are the sender side's. */
  private static final String[] SENDER_SIDE_FIELDS = {"To", "Cc", "Reply-To", "Sender", "Return-Path", "Delivered-To"};
  /** Fields of the returned message whose addresses are its sender's. */
  static final String[] ORIGINAL_SENDER_FIELDS = {"From", "Sender", "Return-Path", "Reply-To"};
  /** Marks that a message has no attached message or header part ({@link Message#originalHeaders}). */
  private static final Headers NO_PART = new Headers(List.of());
  static final Pattern REPORTING_HOST = Pattern.compile("(?i)(?:mail system at host|postfix program at host|qmail-send program at|"
      + "Mail Agent v[\\d.]+ at|delivery status notification from|Generating server:)\\s+([A-Za-z0-9.-]+[A-Za-z0-9])");
  /** The words every {@link #REPORTING_HOST} match starts with. */
  static final String[] REPORTING_HOST_STARTS = {"mail system at host", "postfix program at host",
      "qmail-send program at", "mail agent v", "delivery status notification from", "generating server:"};
  /** {@link #REPORTING_HOST_STARTS} as a gate. */
  static final Keywords REPORTING_HOST_WORDS = new Keywords(REPORTING_HOST_STARTS);
  private final Limits limits;
  private final Classifier classifier;

  /**
   * Classifies one recipient, given the scan of its diagnostic text when the engine made one (else
   * null): {@link ReasonClassifier}'s classification, without a second pass over the text.
   */
  @FunctionalInterface
  public interface Classifier {
    /** Classifies {@code input}; {@code scan} is null or the scan of its normalised diagnostic text. */
    Classification classify(ClassificationInput input, TextRules.@Nullable Scan scan);
  }

  /** Creates an engine with the given limits and classifier. */
  public Engine(Limits limits, Classifier classifier) {
    this.limits = limits;
    this.classifier = classifier;
  }

  /**
   * Analyses the first {@code length} bytes of {@code input}. {@code early} carries diagnostics
   * found while reading the input (truncation, I/O errors). Input in another form than a message's
   * bytes (gzip-compressed, marked text, another kind of file) is prepared first; see {@link
   * InputForm}.
   */
  public BounceAnalysis analyze(byte[] input, int length, List<Diagnostic> early) {
    InputForm.Prepared p;
    try {
      p = InputForm.of(input, length, early, maxInputBytes());
    } catch (RuntimeException e) {
      return failed(early, e);
    }
    if (p.foreign() != null) {
      return foreign(p);
    }
    return analyze(p.bytes(), p.length(), p.early(), new Deadline(limits.totalTimeBudget()), true);
  }

  /** The analysis that failed unexpectedly with {@code e}: no result, the diagnostics so far and the failure. */
  private BounceAnalysis failed(List<Diagnostic> early, Throwable e) {
    return failed(diags(early), e);
  }

  /** The diagnostics of one analysis, starting with those found while reading its input. */
  private Diags diags(List<Diagnostic> early) {
    Diags diags = new Diags(limits.maxDiagnostics());
    for (Diagnostic d : early) {
      diags.add(d);
    }
    return diags;
  }

  private static BounceAnalysis failed(Diags diags, Throwable e) {
    diags.add(Diagnostic.error(Codes.INTERNAL_ERROR,
        "the analysis failed unexpectedly (" + e.getClass().getSimpleName() + "); no result could be built"));
    return new BounceAnalysis(MessageKind.NOT_A_BOUNCE, Formats.UNKNOWN, Optional.empty(), List.of(),
        OriginalMessage.none(), Optional.empty(), diags.toList());
  }

  /** {@link Limits#maxInputBytes()} as an array length. */
  private int maxInputBytes() {
    return (int) Math.min(limits.maxInputBytes(), Integer.MAX_VALUE - 16L);
  }

  /** The analysis of a file of another kind than a message ({@link InputForm.Prepared#foreign()}). */
  private BounceAnalysis foreign(InputForm.Prepared p) {
    Diags diags = diags(p.early());
    diags.add(Diagnostic.error(Codes.NOT_A_MESSAGE, "the input is not a mail message but " + p.foreign()));
    return notABounce(diags, OriginalMessage.none());
  }

  /**
   * {@link #analyze(byte[], int, List)} within {@code deadline}; {@code mayBeMbox} is false for one
   * message already cut from an mbox file, which need not be looked at for From_ lines again.
   */
  private BounceAnalysis analyze(byte[] input, int length, List<Diagnostic> early, Deadline deadline,
      boolean mayBeMbox) {
    Diags diags = diags(early);
    try {
      return run(input, length, diags, deadline, mayBeMbox);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(diags, e);
    }
  }

  /** The most messages {@link #analyzeEach} analyses in one mbox file. */
  public static final int MAX_MBOX_MESSAGES = 10_000;

  /**
   * Analyses every message of the first {@code length} bytes of {@code input}: one analysis for a
   * message, one per message for an mbox file, in file order. At most {@link #MAX_MBOX_MESSAGES}
   * are analysed, all within one {@link Limits#totalTimeBudget()}; a message with nothing after its
   * From_ line (a file cut short, or being written) is not one. What concerns the file rather than
   * one message goes on the first analysis, where {@link #analyze} puts it too: the {@code early}
   * diagnostics (reading the input), and the messages left out for the cap or the time budget.
   */
  public List<BounceAnalysis> analyzeEach(byte[] input, int length, List<Diagnostic> early) {
    try {
      InputForm.Prepared p = InputForm.of(input, length, early, maxInputBytes());
      if (p.foreign() != null) {
        return List.of(foreign(p));
      }
      return each(p.bytes(), p.length(), p.early());
    } catch (RuntimeException | StackOverflowError e) {
      // each message is guarded on its own; this is the input form and the mbox split around them
      return List.of(failed(early, e));
    }
  }

  /** {@link #analyzeEach} of a message's bytes as mail carries them. */
  private List<BounceAnalysis> each(byte[] input, int length, List<Diagnostic> early) {
    int[] starts = Mbox.starts(input, length, MAX_MBOX_MESSAGES + 1);
    if (starts.length == 1) {
      return List.of(analyze(input, length, early, new Deadline(limits.totalTimeBudget()), false));
    }
    Deadline deadline = new Deadline(limits.totalTimeBudget());
    int count = Math.min(starts.length, MAX_MBOX_MESSAGES);
    int end = starts.length > count ? starts[count] : length;
    List<BounceAnalysis> out = new ArrayList<>(count);
    List<Diagnostic> file = new ArrayList<>();
    if (starts.length > count) {
      file.add(Diagnostic.warning(Codes.MORE_MESSAGES, "the mbox file holds more than " + MAX_MBOX_MESSAGES
          + " messages; the first " + MAX_MBOX_MESSAGES + " were analysed"));
    }
    for (int i = 0; i < count; i++) {
      int from = starts[i];
      int to = i + 1 < count ? starts[i + 1] : end;
      if (isBlank(input, Mbox.lineEnd(input, from, to), to)) {
        continue; // a From_ line and nothing else
      }
      if (!out.isEmpty() && deadline.expired()) {
        file.add(Diagnostic.error(Codes.TIME_BUDGET_EXCEEDED, "the time budget of " + limits.totalTimeBudget()
            + " ran out after " + out.size() + " messages of the mbox file; the rest were not analysed"));
        break;
      }
      byte[] one = Arrays.copyOfRange(input, from, to);
      out.add(analyze(one, one.length, out.isEmpty() ? early : List.of(), deadline, false));
    }
    if (out.isEmpty()) {
      // nothing but From_ lines: the first message, as empty as it is
      byte[] one = Arrays.copyOfRange(input, starts[0], starts[1]);
      out.add(analyze(one, one.length, early, deadline, false));
    }
    if (!file.isEmpty()) {
      BounceAnalysis first = out.get(0);
      List<Diagnostic> all = new ArrayList<>(first.diagnostics());
      all.addAll(file);
      out.set(0, new BounceAnalysis(first.kind(), first.format(), first.reportingMta(), first.recipients(),
          first.original(), first.feedbackType(), all));
    }
    return List.copyOf(out);
  }

  private BounceAnalysis notABounce(Diags diags, OriginalMessage original) {
    return new BounceAnalysis(MessageKind.NOT_A_BOUNCE, Formats.UNKNOWN, Optional.empty(), List.of(), original,
        Optional.empty(), diags.toList());
  }

  private BounceAnalysis run(byte[] input, int length, Diags diags, Deadline deadline, boolean mayBeMbox) {
    if (length == 0 || isBlank(input, length)) {
      diags.add(Diagnostic.error(Codes.NOT_A_MESSAGE, "the input is empty"));
      return notABounce(diags, OriginalMessage.none());
    }
    Mbox.Split mbox = mayBeMbox ? Mbox.split(input, length) : new Mbox.Split(length, 0);
    if (mbox.more() > 0) {
      // an mbox file of several messages: the first is analysed (see BounceAnalyzer, "Input")
      length = mbox.firstEnd();
      diags.add(Diagnostic.warning(Codes.MORE_MESSAGES, "the input is an mbox file of " + (mbox.more() + 1)
          + " messages; only the first was analysed (BounceAnalyzer.analyzeEach analyses each)"));
    }
    Normalizer.Normalized normalized = Normalizer.normalizeReadingWhiteLines(input, length,
        Math.max(1, limits.maxLineLength()), Math.max(1, limits.maxHeaderBytes()), diags);
    byte[] norm = normalized.bytes();
    MimePart root = new MimeReader(limits.maxMimeDepth(), limits.maxHeaderFields(), diags, deadline).read(normalized);
    if (deadline.expired()) {
      diags.once(timeUp("reading the MIME structure"));
    }
    if (!hasHeaderField(norm)) {
      // no line before the first empty one is a header field: the input is text without a header
      // section (a notice saved from a mail program, or no mail at all), read whole as plain text;
      // its first paragraph would otherwise be taken for a header section
      diags.add(Diagnostic.error(Codes.NOT_A_MESSAGE,
          "the input has no header section; it is not a mail message and was read as plain text"));
      root = new MimePart("", 0, Headers.EMPTY, ContentType.TEXT_PLAIN, norm, true);
    }
    Message msg = new Message(root, diags, norm);

    BounceAnalysis arf = Feedback.analyze(msg, this);
    if (arf != null) {
      return arf;
    }
    BounceAnalysis ses = SesNotification.analyze(msg, this);
    if (ses != null) {
      return ses;
    }
    if (listServerNotice(root.headers, msg.fromAddress)) {
      BounceAnalysis fml = FmlNotice.analyze(msg, this);
      if (fml != null) {
        return fml;
      }
    }
    return bounce(msg, deadline);
  }

  private Diagnostic timeUp(String phase) {
    return Diagnostic.error(Codes.TIME_BUDGET_EXCEEDED, "the time budget of " + limits.totalTimeBudget()
        + " ran out while " + phase + "; the analysis is incomplete");
  }

  private static boolean isBlank(byte[] in, int length) {
    return isBlank(in, 0, length);
  }

  /** Whether bytes {@code from} to {@code to} of {@code in} are only spaces, tabs and line breaks. */
  private static boolean isBlank(byte[] in, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = in[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a line of {@code norm} before its first empty line starts a header field (most
   * messages: the first line does); see {@link #fieldAt}.
   */
  static boolean hasHeaderField(byte[] norm) {
    int n = norm.length;
    for (int line = 0; line < n && norm[line] != '\n'; ) {
      if (MessageStart.fieldStartsAt(norm, line, n)) {
        return true;
      }
      line = Bytes.indexOf(norm, Bytes.LF, line, n) + 1; // past the end (n + 1) when no LF follows
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // bounces

  /**
   * The alternatives of {@link Spec#BOUNCE_SUBJECT} that are ASCII, lower-case, {@code non[- ]?deliver}
   * spelled out: an ASCII subject matches the pattern exactly when it holds one of them.
   */
  static final Keywords BOUNCE_SUBJECT_ASCII = new Keywords("undeliver", "non-deliver", "non deliver", "nondeliver",
      "delivery status notification", "delivery notification", "returned mail", "mail delivery fail", "delivery fail",
      "failure notice", "failed delivery", "could not be delivered", "mail system error", "returned to sender",
      "delivery problem", "delayed mail", "warning: could not send", "message not delivered", "delivery has failed",
      "mail could not be delivered", "message delivery", "delivery report", "permanent delivery failure",
      "notice: mail delivery status", "error sending your mail", "unzustellbar", "nicht zustellbar", "non remis",
      "non distribuable", "no entregado", "no se puede entregar", "non recapitabile", "impossibile recapitare",
      "onbestelbaar", "niet bezorgd", "niedostarcz", "teslim edileme", "kunde inte levereras", "olevererbar",
      "kan ikke leveres", "ei voitu toimittaa", "tidak terkirim");

  /**
   * The alternatives of {@link Spec#BOUNCE_SUBJECT} that hold a char past ASCII, as written there. The
   * pattern folds ASCII case only, so such a char matches only itself: a subject holds one of these
   * alternatives only where it holds that char.
   */
  static final String[] BOUNCE_SUBJECT_WIDE = {"n\u00e3o entregue", "n\u00e3o \u00e9 poss\u00edvel entregar",
      "nedoru\u010diteln", "nie mo\u017cna dostarczy\u0107", "\u672a\u9001\u8fbe", "\u7121\u6cd5\u50b3\u905e",
      "\ubc30\ub2ec \ubabb \ud568", "\u914d\u4fe1\u4e0d\u80fd", "\u672a\u914d\u4fe1", "\u9001\u4fe1\u30a8\u30e9\u30fc",
      "\u30a8\u30e9\u30fc\u30e1\u30fc\u30eb", "\u9000\u4fe1", "\u65e0\u6cd5\u6295\u9012", "\u9000\u56de",
      "\u043d\u0435 \u0434\u043e\u0441\u0442\u0430\u0432\u043b\u0435\u043d",
      "\u043d\u0435\u0434\u043e\u0441\u0442\u0430\u0432\u043b"};

  /**
   * {@code BOUNCE_SUBJECT.matcher(subject).find()}: the ASCII alternatives by their words, and in a
   * subject with a char past ASCII the others, each where its first such char occurs.
   */
  static boolean bounceSubject(String subject) {
    if (BOUNCE_SUBJECT_ASCII.in(subject)) {
      return true;
    }
    for (int i = 0; i < subject.length(); i++) {
      if (subject.charAt(i) >= 128) {
        return holdsWideWord(subject);
      }
    }
    return false;
  }

  /** Whether {@code s} holds one of {@link #BOUNCE_SUBJECT_WIDE}, its ASCII letters in either case. */
  private static boolean holdsWideWord(String s) {
    for (String w : BOUNCE_SUBJECT_WIDE) {
      int k = 0;
      while (w.charAt(k) < 128) {
        k++;
      }
      for (int at = s.indexOf(w.charAt(k), k); at >= 0; at = s.indexOf(w.charAt(k), at + 1)) {
        if (foldedAt(s, at - k, w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code w} is in {@code s} at {@code at} as {@code (?i)} compares: A-Z as a-z, any other char as itself. */
  private static boolean foldedAt(String s, int at, String w) {
    if (at < 0 || at + w.length() > s.length()) {
      return false;
    }
    for (int j = 0; j < w.length(); j++) {
      if (Keywords.lower(s.charAt(at + j)) != w.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern FORWARD_BODY = Pattern.compile(
      "(?im)^(?:-{2,}\\s*(?:forwarded message|original message|weitergeleitete nachricht|message transféré|"
          + "mensaje reenviado)\\s*-{2,}|begin forwarded message:|-----original message-----)");
  /**
   * {@link Spec#SYSTEM_NAME}'s alternatives spelled out, lower-case, but for {@code mail delivery
   * (sub)?system}, which holds the alternative {@code mail delivery}: the pattern folds ASCII case only
   * and has nothing but fixed strings, so it finds a match exactly where one of these is.
   */
  static final Keywords SYSTEM_NAME_WORDS = new Keywords("mailer-daemon", "mailer daemon", "postmaster",
      "mail administrator", "system administrator", "delivery status notification", "mail delivery",
      "microsoft outlook", "microsoft exchange", "mmsc ndr");

  private BounceAnalysis bounce(Message msg, Deadline deadline) {
    Diags diags = msg.diags;
    Headers top = msg.root.headers;
    String from = msg.fromAddress;
    String subject = msg.subject;

    // delivery-status parts of this message (not of attached messages)
    List<MimePart> dsnParts = new ArrayList<>();
    for (MimePart p : msg.own) {
      if (p.type.isDeliveryStatus()) {
        dsnParts.add(p);
      }
    }
    List<Rcpt> rcpts = new ArrayList<>();
    String reportingMta = "";
    Map<String, String> nameless = null; // the one per-recipient block that names no recipient, if so
    String namelessLabel = "";
    int namelessBlocks = 0;
    for (MimePart p : dsnParts) {
      DsnParser.Report r = DsnParser.parse(p.text(diags));
      if (reportingMta.isEmpty()) {
        reportingMta = DsnParser.host(r.message().get("reporting-mta"));
      }
      for (Map<String, String> block : r.recipients()) {
        Rcpt x = fromDsn(block, p.label(), diags);
        if (x != null) {
          rcpts.add(x);
        } else { // fromDsn found no recipient field in the block
          nameless = block;
          namelessLabel = p.label();
          namelessBlocks++;
        }
      }
    }
    String text = msg.notificationText();
    MimePart textPart = msg.textPart;
    boolean looseDsn = false;
    if (rcpts.isEmpty()) {
      // a delivery-status block inside the text (flattened or broken multipart/report)
      for (MimePart p : msg.own) {
        if (!(p.type.isText() || p.type.mimeType().startsWith("message/")) || p.type.isDeliveryStatus()
            || p.type.isHeadersOnly() || p.children.size() > 0) {
          continue;
        }
        String t = p.text(diags);
        if (p.type.mimeType().equals("text/html") && Html.hasMarkup(t)) {
          t = Html.toText(t); // the fields of a report written into an HTML notice, without its markup
        }
        DsnParser.Report r = DsnParser.findInText(t);
        if (r == null) {
          continue;
        }
        if (reportingMta.isEmpty()) {
          reportingMta = DsnParser.host(r.message().get("reporting-mta"));
        }
        for (Map<String, String> block : r.recipients()) {
          Rcpt x = fromDsn(block, p.label(), diags);
          if (x != null) {
            rcpts.add(x);
          }
        }
        if (!rcpts.isEmpty()) {
          looseDsn = true;
          break;
        }
      }
    }
    boolean hasDsn = !rcpts.isEmpty() || !dsnParts.isEmpty();
    // each key of X-Failed-Recipients, with the first address written so (its case as written)
    Map<String, String> failedAsWritten = new LinkedHashMap<>();
    String failedAddress = "";
    for (String v : top.all("X-Failed-Recipients")) {
      for (String a : Addresses.all(v)) {
        failedAsWritten.putIfAbsent(Addresses.key(a), a);
        failedAddress = a;
      }
    }
    Set<String> failedHeader = failedAsWritten.keySet();
    if (rcpts.isEmpty() && namelessBlocks == 1 && failedHeader.size() == 1
        && LowerCase.root(nameless.getOrDefault("action", "failed")).strip().startsWith("failed")) {
      // the report's one block names no recipient, the X-Failed-Recipients field names one: the same failure
      Rcpt x = fromDsn(nameless, namelessLabel, diags, failedAddress);
      if (x != null) {
        rcpts.add(x); // the report's own part: hasDsn holds already
      }
    }
    Set<String> senders = msg.senderAddresses();
    Set<String> exclude = senders;
    for (Rcpt x : rcpts) {
      exclude = without(exclude, senders, Addresses.key(x.recipient));
    }
    for (String k : failedHeader) {
      exclude = without(exclude, senders, k);
    }
    TextScanner.Result scan;
    if (deadline.ok()) {
      scan = TextScanner.scan(text, exclude);
    } else {
      diags.once(timeUp("reading the bounce text"));
      scan = new TextScanner.Result(List.of(), text, "", false);
    }

    if (scan.cut()) {
      diags.once(Diagnostic.warning(Codes.TEXT_TOO_LONG, "the message text has more than " + TextScanner.MAX_LINES
          + " lines; failed recipients were looked for in the first " + TextScanner.MAX_LINES + " only"));
    }
    String family = Formats.family(new Formats.Signals(msg.fromRaw, subject, new Formats.HeaderLines(top), text, msg.notificationPairs(),
        reportingMta, hasDsn));
    if (scan.entries().isEmpty() && rcpts.isEmpty() && failedHeader.isEmpty() && !exclude.isEmpty()
        && msg.daemonSender() && !(family.equals(Formats.UNKNOWN) || family.equals(Formats.RFC3464))
        && deadline.ok()) {
      // a mail system's own bounce layout names no one but an address of the sender side: a message its
      // sender sent to himself (or to a list or alias that leads back) fails for that address; read it
      TextScanner.Result again = TextScanner.scan(text, Set.of());
      if (!again.entries().isEmpty()) {
        scan = again;
      }
    }
    if (rcpts.isEmpty() && dsnParts.isEmpty() && failedHeader.isEmpty() && scan.entries().isEmpty()
        && (msg.daemonSender() || msg.systemSender()) && !msg.personalSender() && !forwardSubject(subject)) {
      // a mail system's report that a gateway wrapped whole in a message of its own (to add a footer):
      // the attached report is read as the bounce, its diagnostics kept only when it is used
      MimePart wrapped = wrappedReport(msg);
      if (wrapped != null) {
        Diags innerDiags = new Diags(limits.maxDiagnostics());
        BounceAnalysis inner = bounce(new Message(wrapped, innerDiags), deadline);
        if (!inner.recipients().isEmpty()) {
          for (Diagnostic d : inner.diagnostics()) {
            diags.add(d);
          }
          diags.add(Diagnostic.info(Codes.WRAPPED_REPORT, "the delivery report came attached to a message of "
              + "its own (a gateway's wrapper); the attached report was read"));
          return new BounceAnalysis(inner.kind(), inner.format(), inner.reportingMta(), inner.recipients(),
              inner.original(), inner.feedbackType(), diags.toList());
        }
      }
    }
    boolean systemSender = msg.systemSender();
    // Exim's own notices ("Mail failure - no recipient addresses") name a bounce only from a mail system
    boolean subjectNamesBounce = bounceSubject(subject)
        || msg.daemonSender() && Keywords.startsWithAscii(subject, afterTags(subject), "mail failure - ");
    if (!hasDsn && failedHeader.isEmpty() && msg.autoReply() && !msg.daemonSender()
        && !(subjectNamesBounce && !AutoReply.subjectSaysAutoReply(subject))) {
      BounceAnalysis auto = AutoReply.analyze(msg, this);
      if (auto != null) {
        return auto;
      }
    }
    boolean reportType = Formats.lowerContains(top.get("Content-Type").orElse(""), "delivery-status");
    boolean strong = hasDsn || !failedHeader.isEmpty() || reportType;
    boolean daemon = msg.daemonSender();
    boolean vendor = !(family.equals(Formats.UNKNOWN) || family.equals(Formats.RFC3464));
    boolean replyPrefix = replySubject(subject);
    boolean bounceSubject = subjectNamesBounce && !forwardSubject(subject)
        && !(replyPrefix && msg.personalSender());
    boolean bounceEvidence = strong || daemon || bounceSubject
        || (systemSender && (vendor || !scan.entries().isEmpty()));

    // not a bounce by its own evidence: an automatic reply, a quoted bounce, or nothing
    if (!bounceEvidence) {
      BounceAnalysis auto = AutoReply.analyze(msg, this);
      if (auto != null) {
        return auto;
      }
      if (isQuotedBounce(msg, scan)) {
        return quotedBounce(msg, scan, diags);
      }
      if (vendor && !scan.entries().isEmpty() && !msg.personalSender()) {
        bounceEvidence = true; // vendor wording with recipients, from an unrecognised sender
      } else {
        return notABounce(diags, OriginalMessage.none());
      }
    }
    boolean certain = strong || daemon && (bounceSubject || vendor);

    // merge text findings into report recipients, or build recipients from the text
    String textParser = family.equals(Formats.RFC3464) || family.equals(Formats.UNKNOWN) ? "text" : family;
    String textLabel = textPart != null ? textPart.label()
        : msg.textFromPreamble ? msg.root.type.mimeType() + " (preamble)" : "text";
    if (!rcpts.isEmpty()) {
      enrich(rcpts, scan.entries(), scan.region());
      for (Rcpt x : rcpts) {
        if (x.diagnostic.isBlank() && !x.statusComment.isEmpty()) {
          x.diagnostic = x.statusComment; // no Diagnostic-Code and nothing in the text: the Status comment
        }
      }
      if (rcpts.size() == 1) {
        Rcpt only = rcpts.get(0);
        if (only.diagnostic.isBlank()) {
          only.diagnostic = summary(scan.region());
        }
        if (!looksLikeAddress(only.recipient) && failedHeader.size() == 1) {
          only.recipient = failedAsWritten.values().iterator().next();
        }
      }
    } else {
      Map<String, TextScanner.Entry> byKey = new LinkedHashMap<>();
      for (TextScanner.Entry e : scan.entries()) {
        byKey.putIfAbsent(Addresses.key(e.recipient()), e);
      }
      List<TextScanner.Entry> chosen = new ArrayList<>();
      if (!failedHeader.isEmpty() && Collections.disjoint(byKey.keySet(), failedHeader)
          && scan.entries().size() > failedHeader.size()) {
        // the text names more failed recipients than X-Failed-Recipients, and none of its: its own list wins
        chosen.addAll(scan.entries());
      } else if (!failedHeader.isEmpty()) {
        TextScanner.Entry fromRegion = null; // the same for every address: read once
        for (String k : failedHeader) {
          TextScanner.Entry e = byKey.get(k);
          if (e == null && failedHeader.size() == 1 && scan.entries().size() == 1) {
            e = scan.entries().get(0);
          }
          String addr = failedAsWritten.get(k);
          if (e == null) {
            if (fromRegion == null) {
              fromRegion = regionEntry(addr, scan.region());
            }
            e = fromRegion;
          }
          chosen.add(new TextScanner.Entry(addr, e.diagnostic(), e.facts(), e.remoteMta(), e.excerpt(), e.line(),
              e.stage()));
        }
      } else {
        chosen.addAll(scan.entries());
      }
      if (chosen.isEmpty()) {
        // last resorts: the recipient named in the returned message
        String to = msg.originalRecipient(scan);
        if (!to.isEmpty() && !exclude.contains(Addresses.key(to))) {
          chosen.add(regionEntry(to, scan.region()));
        }
      }
      for (TextScanner.Entry e : chosen) {
        Rcpt x = new Rcpt();
        x.recipient = e.recipient();
        x.diagnostic = e.diagnostic();
        x.status = e.facts().status();
        x.reply = e.facts().reply();
        x.remoteMta = e.remoteMta();
        x.part = textLabel;
        x.parser = textParser;
        x.excerpt = e.excerpt().isEmpty() ? e.diagnostic() : e.excerpt();
        x.lineNamingRecipient = e.excerpt();
        x.stage = e.stage();
        x.action = scan.delayed() || msg.subjectSaysDelay() ? "delayed" : "failed";
        rcpts.add(x);
      }
      if (rcpts.size() == 1 && rcpts.get(0).diagnostic.isBlank()) {
        rcpts.get(0).diagnostic = summary(scan.region()); // as for a report's one recipient without a diagnostic
      }
      if (rcpts.size() == 1 && rcpts.get(0).status.isEmpty() && rcpts.get(0).reply.isEmpty()) {
        // Exchange Online's notice gives its one recipient's error under "Error Details", away from the address
        String reported = reportedError(text);
        if (!reported.isEmpty()) {
          Rcpt only = rcpts.get(0);
          only.diagnostic = only.diagnostic.isBlank() ? reported : only.diagnostic.strip() + " " + reported;
          Smtp.Facts f = Smtp.facts(reported);
          only.status = f.status();
          only.reply = f.reply();
        }
      }
    }
    SmtpStage.TranscriptReplies transcript = null; // the region read once for all the recipients
    for (Rcpt x : rcpts) {
      if (x.action.isEmpty()) {
        x.action = inferAction(x, scan.delayed() || msg.subjectSaysDelay());
      }
      if (x.stage == null && !x.diagnostic.isBlank()) {
        // a report's reply that a session transcript in the text repeats after its command
        if (transcript == null) {
          transcript = new SmtpStage.TranscriptReplies(scan.region());
        }
        x.stage = transcript.stageOf(x.diagnostic);
      }
    }
    if (reportingMta.isEmpty()) {
      reportingMta = msg.reportingSystem();
    }
    if (rcpts.isEmpty() && (!certain || !strong && top.get("List-Id").isPresent())) {
      // no failed recipient, and either no certain bounce evidence or a message a mailing list
      // distributed without a report of its own (a bounce's look on a posting, as phishing wears it);
      // a person's message with a bounce's subject that attaches or quotes the bounce is that
      if (msg.personalSender() && isQuotedBounce(msg, scan)) {
        return quotedBounce(msg, scan, diags);
      }
      return notABounce(diags, OriginalMessage.none());
    }
    if (rcpts.isEmpty()) {
      diags.add(Diagnostic.warning(Codes.NO_RECIPIENT_FOUND,
          "the message looks like a bounce but no failed recipient could be found in it"));
    }
    Provider reporter = Formats.reporter(family, msg.fromRaw, reportingMta);
    OriginalMessage original = msg.original(scan);
    if (rcpts.size() == 1) {
      // read only when the diagnostic gives no reason
      rcpts.get(0).notice = scan.region();
      rcpts.get(0).noticeSubject = original.subject().orElse("");
    }
    List<RecipientResult> results = new ArrayList<>();
    for (Rcpt x : rcpts) {
      results.add(result(x, Formats.forRecipient(reporter, x.remoteMta, x.diagnostic), null));
    }
    MessageKind kind = kindOf(results);
    String format = family;
    if (looseDsn && family.equals(Formats.UNKNOWN)) {
      format = Formats.RFC3464;
    }
    return new BounceAnalysis(kind, format, reportingMta.isEmpty() ? Optional.empty() : Optional.of(reportingMta),
        results, original, Optional.empty(), diags.toList());
  }

  /**
   * {@code set} without {@code key}; {@code senders} is the message's own set, which is not changed:
   * it is copied only when the key is to leave it (most recipients are not among the senders).
   */
  private static Set<String> without(Set<String> set, Set<String> senders, String key) {
    if (!set.contains(key)) {
      return set;
    }
    Set<String> own = set == senders ? new HashSet<>(senders) : set;
    own.remove(key);
    return own;
  }

  /** The words of {@link Spec#FORWARD_SUBJECT}'s alternatives, lower-case ({@code fwd?} as both its words). */
  private static final String[] FORWARD_PREFIXES = {
      "fwd", "fw", "wg", "tr", "rv", "vs", "vl", "i", "doorst", "enc", "rif", "reenv"};

  /**
   * Where a subject's own words start: after white space and the tags that lists and gateways put
   * before them, each followed by white space or none: a bracketed tag ({@code [list]},
   * {@code [EXTERNAL]}, to the first ']') or a starred one ({@code ***SPAM***}: stars, a word
   * without stars, stars). A tag that does not close ends the tags. Linear in the subject.
   */
  static int afterTags(String s) {
    int i = Keywords.skipSpace(s);
    while (i < s.length()) {
      int end;
      if (s.charAt(i) == '[') {
        int close = s.indexOf(']', i + 1);
        if (close < 0) {
          break;
        }
        end = close + 1;
      } else if (s.charAt(i) == '*') {
        int j = i;
        while (j < s.length() && s.charAt(j) == '*') {
          j++;
        }
        int k = j;
        while (k < s.length() && s.charAt(k) != '*') {
          k++;
        }
        if (k == j || k == s.length()) {
          break; // no word between the stars, or no closing stars
        }
        while (k < s.length() && s.charAt(k) == '*') {
          k++;
        }
        end = k;
      } else {
        break;
      }
      i = Keywords.skipSpace(s, end);
    }
    return i;
  }

  /**
   * Whether {@code subject} is a forward's: after its tags ({@link #afterTags}), one of the
   * {@link #FORWARD_PREFIXES} in ASCII letters of either case, and {@link #forwardSuffix}.
   */
  static boolean forwardSubject(String subject) {
    int i = afterTags(subject);
    for (String w : FORWARD_PREFIXES) {
      if (Keywords.startsWithAscii(subject, i, w) && forwardSuffix(subject, i + w.length())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code \s*(\[\d+\])?\s*:} matches {@code s} at {@code i}: white space, a numbered tag, white space, a colon. */
  private static boolean forwardSuffix(String s, int i) {
    int k = Keywords.skipSpace(s, i);
    if (k < s.length() && s.charAt(k) == '[') {
      int d = k + 1;
      while (d < s.length() && Smtp.isDigit(s.charAt(d))) {
        d++;
      }
      if (d == k + 1 || d >= s.length() || s.charAt(d) != ']') {
        return false; // no tag, and a '[' is not the colon
      }
      k = Keywords.skipSpace(s, d + 1);
    }
    return k < s.length() && s.charAt(k) == ':';
  }

  /** The prefixes a reply subject starts with, lower-case. */
  private static final String[] REPLY_PREFIXES = {"re", "aw", "sv", "antw"};

  /**
   * Whether {@code subject} is a reply's: after its tags ({@link #afterTags}), one of the prefixes
   * in ASCII letters of either case, white space and a colon.
   */
  static boolean replySubject(String subject) {
    int i = afterTags(subject);
    for (String p : REPLY_PREFIXES) {
      int j = i;
      int k = 0;
      while (k < p.length() && j < subject.length() && Keywords.lower(subject.charAt(j)) == p.charAt(k)) {
        j++;
        k++;
      }
      if (k < p.length()) {
        continue;
      }
      while (j < subject.length() && Keywords.isSpace(subject.charAt(j))) {
        j++;
      }
      if (j < subject.length() && subject.charAt(j) == ':') {
        return true;
      }
    }
    return false;
  }

  private static boolean subjectSaysDelay(String subject) {
    String s = LowerCase.root(subject);
    return s.contains("(delay)") || s.contains("delayed") || s.contains("warning: could not send")
        || s.contains("still being retried") || s.contains("delivery delay");
  }

  /** Where Exchange Online's notice writes a recipient's error: the line {@code Reported error: ...}. */
  private static final String REPORTED_ERROR = "\nReported error:";

  /**
   * The error an Exchange Online notice reports for its recipient, from the line that starts
   * {@code Reported error:} in its "Error Details" (at most 300 chars), or "" when there is none.
   */
  static String reportedError(String text) {
    int i = text.indexOf(REPORTED_ERROR);
    if (i < 0) {
      return "";
    }
    int from = i + REPORTED_ERROR.length();
    int end = text.indexOf('\n', from);
    String line = text.substring(from, end < 0 ? text.length() : end).strip();
    return Excerpt.of(line, 300);
  }

  private static String inferAction(Rcpt x, boolean delayed) {
    if (x.status.isPresent()) {
      EnhancedStatusCode s = x.status.get();
      if (s.isSuccess()) {
        return "delivered";
      }
      if (s.isTransient() && delayed) {
        return "delayed";
      }
      return "failed";
    }
    return delayed ? "delayed" : "failed";
  }

  /**
   * Whether the message is a notice of the fml mailing-list manager to a list's administrator
   * address: an {@code X-MLServer} field naming fml, from a {@code -admin} address. fml writes one
   * when it refuses a post to a list (a sender who is not a member, a duplicated Message-ID taken
   * for a loop), naming the list's address in angle brackets.
   */
  static boolean listServerNotice(Headers top, String fromAddress) {
    // the field first: most messages have none, and then the sender is not read
    String server = top.get("X-MLServer").orElse("");
    if (!Keywords.startsWithAscii(server, Keywords.skipSpace(server, 0), "fml")) {
      return false;
    }
    String local = Addresses.localPart(fromAddress);
    return local.length() > 6 && Keywords.startsWithAscii(local, local.length() - 6, "-admin");
  }

  /** An entry for a recipient known from elsewhere: its diagnostic is the text's one reply, if any. */
  private static TextScanner.Entry regionEntry(String address, String region) {
    TextScanner.Result r = TextScanner.scan(region, Set.of());
    String diag = "";
    Smtp.Facts facts = null; // the region's own facts are read only when nothing else gives them
    String remote = "";
    SmtpStage.Found stage = null;
    for (TextScanner.Entry e : r.entries()) {
      if (e.facts().reply().isPresent() || e.facts().status().isPresent()) {
        diag = e.diagnostic();
        facts = e.facts();
        remote = e.remoteMta();
        stage = e.stage();
        break;
      }
    }
    if (diag.isEmpty()) {
      String reply = TextScanner.firstReply(region);
      diag = reply != null ? Smtp.clean(reply) : summary(region);
      if (reply != null) {
        facts = Smtp.facts(reply);
        stage = SmtpStage.explicit(reply);
      }
    }
    if (facts == null) {
      facts = Smtp.facts(region);
    }
    if (stage == null && !diag.isBlank()) {
      stage = SmtpStage.transcriptFor(region, diag);
    }
    if (stage == null && !diag.isBlank()) {
      stage = SmtpStage.explicitUnique(region); // "after MAIL FROM:" on the line above the reply
    }
    return new TextScanner.Entry(address, diag, facts, remote, Smtp.excerpt(diag), 0, stage);
  }

  /** A boilerplate line; its {@code ^} holds at the start only, so it is tried there ({@code lookingAt}), not at every index. */
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)^(this (message|is an automatically generated|is the|report relates)|hi[.!,]?|hello|dear|"
          + "i'm sorry|i am sorry|sorry|please|for further|if you|thank|regards|the mail system|"
          + "this message was created|a message that you sent|it's attached|you can delete)");

  /**
   * The words of {@link Spec#BOILERPLATE_PARAGRAPH}, lower-case: each of its matches is one of them,
   * ASCII case ignored, and each of them is a match.
   */
  private static final Keywords BOILERPLATE_PARAGRAPH_WORDS = new Keywords("created automatically",
      "mail delivery software", "could not be delivered to one or more", "this is a permanent error",
      "for further assistance", "please contact", "please send mail to", "include this problem report",
      "delete your own text", "it's attached below", "do not reply", "automatically generated");
  /**
   * Lower-case words one of which each {@link #BOILERPLATE} match starts with, ASCII case ignored: the
   * pattern is tried only on a line that starts with one.
   */
  private static final Keywords BOILERPLATE_STARTS = new Keywords("this ", "hi", "hello", "dear", "i'm sorry",
      "i am sorry", "sorry", "please", "for further", "if you", "thank", "regards", "the mail system",
      "a message that you sent", "it's attached", "you can delete");

  /**
   * Words of the footers virus scanners append to the mail they pass, bounces included ("Este mensaje
   * ha sido analizado con NOD32 antivirus system"): such a paragraph says nothing of the failure.
   */
  static final String[] SCANNER_FOOTER_WORDS = {"nod32", "antivirus system", "analizado con",
      "has been scanned", "was scanned", "scanned for viruses", "virus signature database", "virus-free"};
  /**
   * Words one of which every {@link #SCANNER_FOOTER_WORDS} word lower-cased from the text holds, ASCII
   * case ignored: a text without them has no footer. Two sets of at most four first chars (either case)
   * each, so that each is searched by the vectorised String.indexOf of its first chars rather than by a
   * look at every char; the first chars are rare in text ("nod32" by its "d32").
   */
  private static final Keywords SCANNER_FOOTER_HINTS = new Keywords("virus", "zado");
  private static final Keywords SCANNER_FOOTER_HINTS_2 = new Keywords("canned", "d32");

  /** The gist of a bounce text without a reply code: its substantive paragraphs, boilerplate left out. */
  static String summary(String region) {
    region = withoutScannerFooters(region);
    StringBuilder sb = new StringBuilder();
    String firstBoilerplate = null; // a notice that says nothing more says it there ("This is a permanent error")
    int start = 0;
    while (start >= 0) {
      // the paragraphs PARAGRAPH_BREAK.split gives, one at a time: most summaries stop early
      String para;
      int at = region.indexOf('\n', start);
      int end = -1;
      while (at >= 0 && (end = paragraphBreakEnd(region, at)) < 0) {
        at = region.indexOf('\n', at + 1); // the white space after the LF held none: the next starts past it
      }
      if (at >= 0) {
        para = region.substring(start, at);
        start = end;
      } else {
        para = region.substring(start);
        start = -1;
      }
      String p = para.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (boilerplateParagraph(p)) {
        if (firstBoilerplate == null) {
          firstBoilerplate = p;
        }
        continue;
      }
      for (String l : p.split("\n")) {
        String t = l.strip();
        if (t.isEmpty() || BOILERPLATE_STARTS.at(t, 0) && BOILERPLATE.matcher(t).lookingAt() || ruleStart(t)
            || ruleEnd(t) || returnedHeaderLine(t)) {
          continue;
        }
        if (t.endsWith(":") && t.length() < 80 && p.indexOf('\n') < 0) {
          continue; // a lone heading
        }
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
      if (sb.length() > 400) {
        break;
      }
    }
    if (sb.length() == 0 && firstBoilerplate != null) {
      return Smtp.clean(firstBoilerplate.replace('\n', ' '));
    }
    if (sb.length() == 0) {
      for (String l : region.split("\n")) {
        String t = l.strip();
        if (!t.isEmpty() && !RULE_ONLY.matcher(t).matches()) {
          sb.append(sb.length() > 0 ? " " : "").append(t);
        }
        if (sb.length() > 400) {
          break;
        }
      }
    }
    return Smtp.clean(sb.toString());
  }

  /** The fields a notice quotes from the returned message beside its recipient ("Subject: ...", "To: ..."). */
  static final String[] RETURNED_HEADER_FIELDS = {"subject:", "to:", "from:", "date:", "cc:", "message-id:"};

  /** Whether the line {@code t} is one of the {@link #RETURNED_HEADER_FIELDS}. */
  static boolean returnedHeaderLine(String t) {
    if (t.isEmpty() || "stfdcmSTFDCM\u017f".indexOf(t.charAt(0)) < 0) {
      return false; // no field's first letter in either case, nor the long s that regionMatches takes for an s
    }
    for (String f : RETURNED_HEADER_FIELDS) {
      if (t.regionMatches(true, 0, f, 0, f.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code region} without the paragraphs (runs of non-blank lines) that hold a {@link
   * #SCANNER_FOOTER_WORDS virus scanner's footer}; {@code region} itself when it has none.
   */
  static String withoutScannerFooters(String region) {
    // a quick look first, without lower-casing: every footer word holds one of these
    if (!SCANNER_FOOTER_HINTS.in(region) && !SCANNER_FOOTER_HINTS_2.in(region)) {
      return region;
    }
    String lower = LowerCase.root(region);
    if (!Formats.containsAny(lower, SCANNER_FOOTER_WORDS) || lower.length() != region.length()) {
      return region;
    }
    StringBuilder out = new StringBuilder(region.length());
    int n = region.length();
    int start = 0;
    while (start < n) {
      // one paragraph: its lines up to the first blank one, or that blank line alone
      int end = start;
      boolean blank;
      do {
        int lf = region.indexOf('\n', end);
        int next = lf < 0 ? n : lf + 1;
        blank = region.substring(end, next).isBlank();
        if (blank && end > start) {
          break;
        }
        end = next;
      } while (!blank && end < n);
      if (!Formats.containsAny(lower.substring(start, end), SCANNER_FOOTER_WORDS)) {
        out.append(region, start, end);
      }
      start = end;
    }
    return out.toString();
  }

  /**
   * The end of the {@link Spec#PARAGRAPH_BREAK} match that starts at the LF at {@code lf}: its greedy
   * {@code \s*} takes the white space after the LF and gives back to the last LF in it, after
   * which the match ends; -1 when that white space holds no LF (no match starts there).
   */
  static int paragraphBreakEnd(String s, int lf) {
    int end = -1;
    for (int j = lf + 1; j < s.length() && Keywords.isSpace(s.charAt(j)); j++) {
      if (s.charAt(j) == '\n') {
        end = j + 1;
      }
    }
    return end;
  }

  /** {@code RULE_START.matcher(t).matches()}: three rule chars first, and no line terminator after them. */
  static boolean ruleStart(String t) {
    int n = t.length();
    if (n < 3 || !isRuleChar(t.charAt(0)) || !isRuleChar(t.charAt(1)) || !isRuleChar(t.charAt(2))) {
      return false;
    }
    return noLineTerminator(t, 3, n);
  }

  /** {@code RULE_END.matcher(t).matches()}: four rule chars last, and no line terminator before them. */
  static boolean ruleEnd(String t) {
    int n = t.length();
    if (n < 4 || !isRuleChar(t.charAt(n - 1)) || !isRuleChar(t.charAt(n - 2)) || !isRuleChar(t.charAt(n - 3))
        || !isRuleChar(t.charAt(n - 4))) {
      return false;
    }
    return noLineTerminator(t, 0, n - 4);
  }

  /** Whether {@code c} is one of {@code [-=*_#~+|]}, the chars a rule or separator line is drawn with. */
  static boolean isRuleChar(char c) {
    return c == '-' || c == '=' || c == '*' || c == '_' || c == '#' || c == '~' || c == '+' || c == '|';
  }

  /** Whether {@code s[from, to)} has none of the chars a {@code .} does not match: LF, CR, U+0085, U+2028, U+2029. */
  private static boolean noLineTerminator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Smtp.isLineEnd(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code Spec.BOILERPLATE_PARAGRAPH.matcher(p).find()}: the pattern's alternatives are literal words
   * and it folds ASCII case only, so it finds a match exactly where one of its words stands in the
   * paragraph, ASCII case ignored.
   */
  static boolean boilerplateParagraph(String p) {
    return BOILERPLATE_PARAGRAPH_WORDS.in(p);
  }

  /** Fills gaps in report recipients from what the text says about the same address. */
  private static void enrich(List<Rcpt> rcpts, List<TextScanner.Entry> entries, String region) {
    TextScanner.FullReplies replies = null; // the region read once for all the recipients
    for (Rcpt x : rcpts) {
      if (multilineReply(x.diagnostic)) {
        if (replies == null) {
          replies = new TextScanner.FullReplies(region);
        }
        String full = replies.of(x.diagnostic);
        if (full != null && full.length() > x.diagnostic.length()) {
          x.diagnostic = full; // the report kept only the first line of a multi-line reply
        }
      }
    }
    Map<String, TextScanner.Entry> byKey = new LinkedHashMap<>();
    for (TextScanner.Entry e : entries) {
      byKey.putIfAbsent(Addresses.key(e.recipient()), e);
    }
    for (Rcpt x : rcpts) {
      TextScanner.Entry e = byKey.get(Addresses.key(x.recipient));
      if (e == null && !x.original.isEmpty()) {
        e = byKey.get(Addresses.key(x.original));
      }
      if (e == null && rcpts.size() == 1 && entries.size() == 1) {
        e = entries.get(0);
      }
      if (e == null) {
        boolean weak = x.reply.isEmpty() || x.status.isEmpty() || isGeneric(x.status.get());
        if (weak && rcpts.size() == 1 && !isSuccess(x)) {
          // one recipient whose report lacks the reply: the text's one reply belongs to it
          Smtp.Facts f = Smtp.facts(region);
          boolean pair = f.reply().isPresent() && f.status().isPresent()
              && f.reply().get().value() / 100 == f.status().get().statusClass();
          boolean sameClass = f.reply().isPresent()
              && (x.status.isEmpty() || x.status.get().statusClass() == f.reply().get().value() / 100);
          if (pair || (x.reply.isEmpty() && sameClass)) {
            e = regionEntry(x.recipient, region);
          }
        }
        if (e == null) {
          continue;
        }
      }
      // the text's reply, from where the report's multi-line reply starts in it: the words an MTA puts
      // before a reply ("host mx[192.0.2.7] said:") are not the reply, and must not be read as its reason
      boolean multiline = multilineReply(x.diagnostic);
      String textReply = multiline ? fromReply(e.diagnostic(), x.diagnostic) : e.diagnostic();
      boolean truncated = multiline && !textReply.isBlank() && textReply.length() > x.diagnostic.length();
      boolean exitCode = (exitCode(x.diagnostic) || saysUndefinedStatus(x.diagnostic)) && !e.diagnostic().isBlank();
      if (truncated) {
        x.diagnostic = textReply; // the report kept a multi-line reply cut short: the text's whole reply
      } else if (x.diagnostic.isBlank() || exitCode) {
        // an empty, bare exit-code or "undefined status" diagnostic gives way to the text's
        x.diagnostic = e.diagnostic();
      } else if (e.facts().reply().isPresent() && x.reply.isEmpty()
          && Smtp.facts(x.diagnostic).reply().isEmpty() && !e.diagnostic().isBlank()
          && !x.diagnostic.contains(e.diagnostic())) {
        // the report's diagnostic lacks the remote reply the text gives: keep both
        x.diagnostic = Smtp.bound(x.diagnostic + " " + e.diagnostic());
      }
      if (x.reply.isEmpty()) {
        x.reply = e.facts().reply();
      }
      Optional<EnhancedStatusCode> textStatus = e.facts().status();
      if (x.status.isEmpty()) {
        x.status = textStatus;
      } else if (textStatus.isPresent() && isGeneric(x.status.get())
          && textStatus.get().statusClass() == x.status.get().statusClass() && !isGeneric(textStatus.get())) {
        x.status = textStatus;
      }
      if (x.remoteMta.isEmpty()) {
        x.remoteMta = e.remoteMta();
      }
      if (x.stage == null) {
        x.stage = e.stage();
      }
    }
  }

  /**
   * {@code text} from where it gives the reply that {@code reply} (a multi-line reply, {@link
   * #multilineReply}) opens with: its first word, the reply code and hyphen ("552-"), then the rest
   * of that word; {@code text} whole when it does not hold that word.
   */
  static String fromReply(String text, String reply) {
    int from = Keywords.skipSpace(reply);
    int end = from;
    while (end < reply.length() && !Keywords.isSpace(reply.charAt(end))) {
      end++;
    }
    int at = text.indexOf(reply.substring(from, end));
    return at > 0 ? text.substring(at) : text;
  }

  /**
   * {@code MULTILINE_REPLY.matcher(s).matches()}: white space, a reply code and a hyphen, as the
   * {@code (?s).*} after them takes whatever follows.
   */
  static boolean multilineReply(String s) {
    return LineMatchers.continuedReplyAt(s, Keywords.skipSpace(s), s.length());
  }

  /**
   * Whether the diagnostic {@code s} is only X.0.0's description ("Permanent Failure: Other undefined
   * Status"), which some systems write into Diagnostic-Code while their text gives the reply.
   */
  static boolean saysUndefinedStatus(String s) {
    // a case-sensitive look for the middle of the words first: most diagnostics are not lower-cased at all
    return s.length() < 80 && (s.contains("ndefined") || s.contains("NDEFINED"))
        && LowerCase.root(s).contains("other undefined status");
  }

  /** {@code EXIT_CODE.matcher(s).matches()}: one to three ASCII digits. */
  static boolean exitCode(String s) {
    int n = s.length();
    if (n < 1 || n > 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!Smtp.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSuccess(Rcpt x) {
    return isSuccessAction(x.action) || x.status.isPresent() && x.status.get().isSuccess();
  }

  static boolean isSuccessAction(String action) {
    return action.equals("delivered") || action.equals("relayed") || action.equals("expanded")
        || action.equals("deliverable");
  }

  static boolean looksLikeAddress(String s) {
    return s.indexOf('@') > 0 && !s.startsWith("|") && !s.startsWith("/") && s.indexOf(' ') < 0;
  }

  static boolean isGeneric(EnhancedStatusCode s) {
    return s.subject() == 0 && s.detail() == 0;
  }

  /**
   * The root of a message attached to {@code msg} ({@code message/rfc822}, one of its own parts) that
   * is itself a delivery report: it has a {@code message/delivery-status} part of its own. Null if none.
   */
  private static @Nullable MimePart wrappedReport(Message msg) {
    for (MimePart p : msg.own) {
      if (p.children.size() != 1 || !p.type.mimeType().equals("message/rfc822")) {
        continue;
      }
      MimePart inner = p.children.get(0);
      for (MimePart q : inner.ownParts()) {
        if (q.type.isDeliveryStatus()) {
          return inner;
        }
      }
    }
    return null;
  }

  /**
   * A recipient from one per-recipient block of a delivery-status report.
   *
   * <p>The status rule: when the Diagnostic-Code carries an SMTP reply with its own enhanced code,
   * that code wins over the Status field. The reply is the remote server's first-hand statement;
   * the Status field is the reporting MTA's translation of it, often generic ({@code 5.0.0}) and
   * sometimes its own give-up code. Otherwise the Status field is used as given.
   */
  private static Rcpt fromDsn(Map<String, String> block, String label, Diags diags) {
    return fromDsn(block, label, diags, "");
  }

  /**
   * {@link #fromDsn(Map, String, Diags)}, with {@code named} as the recipient of a block that names
   * none (the one address of {@code X-Failed-Recipients}); "" for none.
   */
  private static Rcpt fromDsn(Map<String, String> block, String label, Diags diags, String named) {
    String finalRcpt = DsnParser.address(block.get("final-recipient"));
    String original = DsnParser.address(block.get("original-recipient"));
    String actual = DsnParser.address(block.get("x-actual-recipient"));
    String recipient = !finalRcpt.isEmpty() ? finalRcpt : !original.isEmpty() ? original : actual;
    if (!looksLikeAddress(recipient) && looksLikeAddress(original)) {
      recipient = original; // a program or file (|/usr/bin/procmail) is not an address; the original is
    }
    if (recipient.isEmpty()) {
      recipient = named;
    }
    if (recipient.isEmpty()) {
      diags.once(Diagnostic.warning(Codes.DSN_NO_RECIPIENT,
          "a per-recipient block of the delivery-status report names no recipient"));
      return null;
    }
    Rcpt x = new Rcpt();
    x.recipient = EncodedWords.decode(recipient);
    x.original = original.equalsIgnoreCase(recipient) ? "" : original;
    String action = LowerCase.root(block.getOrDefault("action", "").trim());
    int sp = action.indexOf(' ');
    x.action = sp > 0 ? action.substring(0, sp) : action;
    String statusValue = block.get("status");
    if (statusValue != null) {
      x.statusField = Smtp.statusField(statusValue);
      if (x.statusField.isEmpty() && !statusValue.isBlank()) {
        diags.add(Diagnostic.warning(Codes.DSN_FIELD_INVALID,
            "Status '" + clip(statusValue) + "' is not an enhanced status code").withReference("RFC 3464 section 2.3.4"));
      }
    }
    x.status = x.statusField;
    if (statusValue != null) {
      x.statusComment = DsnParser.statusComment(statusValue);
    }
    DsnParser.Diagnostic dc = DsnParser.diagnostic(block.get("diagnostic-code"));
    x.diagnosticType = dc.type();
    x.diagnostic = Smtp.clean(dc.text());
    if (x.diagnosticType.equals("x-unix")) {
      x.stage = SmtpStage.LOCAL; // RFC 3464: the diagnostic is a local delivery program's (a pipe, procmail)
    }
    if (!dc.text().isBlank()) {
      boolean success = isSuccessAction(x.action) || x.statusField.isPresent() && x.statusField.get().isSuccess();
      Smtp.Facts f = success ? Smtp.positiveFacts(dc.text()) : Smtp.facts(dc.text());
      x.reply = f.reply();
      if (f.status().isPresent()) {
        EnhancedStatusCode fromDiag = f.status().get();
        if (x.status.isEmpty() || !(isGeneric(fromDiag) && !isGeneric(x.status.get()))) {
          x.status = f.status();
        }
      }
    }
    x.remoteMta = DsnParser.host(block.get("remote-mta"));
    x.lastAttempt = Dates.parse(block.get("last-attempt-date"));
    x.part = label;
    x.parser = "rfc3464";
    StringBuilder ex = new StringBuilder();
    for (Map.Entry<String, String> f : block.entrySet()) {
      if (ex.length() > 300) {
        break; // the excerpt is then its first 297 chars: what would follow is cut off
      }
      if (ex.length() > 0) {
        ex.append("; ");
      }
      ex.append(f.getKey()).append(": ");
      appendCollapsed(ex, Headers.unfold(f.getValue()).trim(), 300);
    }
    x.excerpt = Smtp.excerpt(ex.toString());
    return x;
  }

  /**
   * {@link #appendCollapsed(StringBuilder, String)} for a reader of at most {@code limit + 1} chars of
   * {@code sb}: it stops once {@code sb} is longer than {@code limit}. The runs are appended left to
   * right, so what it appended is then a prefix of the whole, and longer than what is read.
   */
  static void appendCollapsed(StringBuilder sb, String s, int limit) {
    if (s.length() <= limit + 1 - sb.length()) {
      appendCollapsed(sb, s); // short enough to append whole
      return;
    }
    collapse(sb, s, limit);
  }

  /** Appends {@code s} with each run of whitespace ({@code \s+}) as one space. */
  static void appendCollapsed(StringBuilder sb, String s) {
    if (singleSpaced(s)) {
      sb.append(s); // nothing to collapse: one bulk copy
      return;
    }
    collapse(sb, s, Integer.MAX_VALUE - 1);
  }

  /** The collapsing copy of {@link #appendCollapsed(StringBuilder, String, int)}, run by run. */
  private static void collapse(StringBuilder sb, String s, int limit) {
    int n = s.length();
    int i = 0;
    while (i < n && sb.length() <= limit) {
      // copy a run of non-space chars in one go, then one space for the run of white space after it
      int j = i;
      while (j < n && !Keywords.isSpace(s.charAt(j))) {
        j++;
      }
      int left = limit + 1 - sb.length(); // how many more chars the reader reads
      if (j - i > left) {
        sb.append(s, i, i + left); // the run as far as it is read
        return;
      }
      sb.append(s, i, j);
      if (j == n) {
        break;
      }
      sb.append(' ');
      while (j < n && Keywords.isSpace(s.charAt(j))) {
        j++;
      }
      i = j;
    }
  }

  /** Whether every run of whitespace in {@code s} is one space already. */
  private static boolean singleSpaced(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c <= ' ' && Keywords.isSpace(c) && (c != ' ' || i + 1 < n && Keywords.isSpace(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code v} without what {@code ^\s*<|>\s*$} matches: white space and an angle bracket at the start,
   * and the last closing angle when only white space follows it, up to the end or a final line
   * terminator outside {@code \s} (NEL, LS, PS), before which {@code $} also matches.
   */
  static String stripIdAngles(String v) {
    int n = v.length();
    int i = 0;
    while (i < n && Keywords.isSpace(v.charAt(i))) {
      i++;
    }
    int from = i < n && v.charAt(i) == '<' ? i + 1 : 0;
    // the last '>' counts only when white space, and maybe a final terminator, follows it: looked for
    // back from the end, not by a search through the whole value
    int end = n > 0 && (v.charAt(n - 1) == '\u0085' || v.charAt(n - 1) == '\u2028' || v.charAt(n - 1) == '\u2029')
        ? n - 1 : n;
    int k = end;
    while (k > 0 && Keywords.isSpace(v.charAt(k - 1))) {
      k--;
    }
    int gt = k - 1;
    if (gt >= from && v.charAt(gt) == '>') {
      return end == n ? v.substring(from, gt) : v.substring(from, gt) + v.substring(end);
    }
    return v.substring(from);
  }

  private static String clip(String s) {
    return Excerpt.of(s, 43);
  }

  /** Builds the result for one recipient, classifying it; {@code expected} overrides not-bounce verdicts. */
  RecipientResult result(Rcpt x, Provider provider, Reason expected) {
    // the stage's check scans the diagnostic; the classifier reads that scan rather than make its own
    SmtpStage.Annotated a = isSuccessAction(x.action) ? new SmtpStage.Annotated(x.diagnostic, null)
        : SmtpStage.annotated(x.diagnostic, x.stage);
    String diagnostic = a.diagnostic();
    // no diagnostic: the line that named the recipient is all the bounce says ("Delivery failed 10 attempts: ADDR")
    String read = diagnostic.isBlank() ? x.lineNamingRecipient : diagnostic;
    ClassificationInput in = new ClassificationInput(x.status, x.reply, read, x.action, provider);
    Classification c;
    try {
      c = classifier.classify(in, a.scan());
    } catch (RuntimeException e) {
      c = new Classification(Reason.UNDEFINED, x.status.isPresent() && x.status.get().isPermanent(),
          RetryAdvice.RETRY_LATER, Actor.NONE, "Read the diagnostic text.", "error:classifier");
    }
    if (expected == null && isSuccessAction(x.action)) {
      expected = Reason.DELIVERED;
    }
    if (expected == null && c.reason() == Reason.UNDEFINED && !x.notice.isBlank()) {
      c = noticeReason(x, provider, c);
    }
    if (expected == null && c.reason() == Reason.USER_UNKNOWN
        && kddiFilterReply(x.recipient, x.remoteMta, diagnostic)) {
      c = withReason(c, Reason.FILTERED, "+kddi-filter");
    }
    if (expected == null && c.reason() == Reason.UNDEFINED && provider == Provider.GOOGLE
        && googleGroup(x.recipient)) {
      // Google Groups refused the post: the group does not exist or the sender may not post to it.
      // It says so in the sender's language, which the text rules read for a few languages only.
      c = withReason(c, Reason.REJECTED, "+google-group");
    }
    if (expected == null && c.reason() == Reason.UNDEFINED && x.action.equals("delayed") && !c.permanent()) {
      // a delay warning that gives no cause, in its report or its notice, says what every delay
      // warning says: the message has sat in the queue past the warning time and is still being tried
      c = Advice.delayWarningExpiry(c.rule().endsWith("action:delayed") ? c.rule() : c.rule() + "+action:delayed");
    }
    if (expected != null && c.reason() != expected) {
      // the message kind decides the reason of a not-bounce; the classifier's advice is kept otherwise
      c = new Classification(expected, false, RetryAdvice.DO_NOT_RETRY, Actor.NONE,
          expected.description(), "kind:" + expected.jsonName());
    }
    return new RecipientResult(x.recipient, x.original.isEmpty() ? Optional.empty() : Optional.of(x.original),
        x.action.isEmpty() ? "failed" : x.action, x.status, x.reply, diagnostic,
        x.remoteMta.isEmpty() ? Optional.empty() : Optional.of(x.remoteMta), x.lastAttempt, c,
        new Evidence(x.part, x.parser, Excerpt.of(x.excerpt, 300)));
  }

  /**
   * The reason the notice's own text gives its one recipient when the diagnostic gives none ({@code
   * c}): "rejected by system" in the report, and why in the notice's words. Only the notice's prose
   * is read ({@link #noticeProse}), and only a strong rule that names a failure counts: its generic
   * words ("a problem occurred") are boilerplate of many notices.
   */
  private Classification noticeReason(Rcpt x, Provider provider, Classification c) {
    String capped = x.notice.length() > ReasonClassifier.MAX_TEXT_CHARS
        ? x.notice.substring(0, ReasonClassifier.MAX_TEXT_CHARS) : x.notice;
    String notice = noticeProse(withoutScannerFooters(capped), x.noticeSubject);
    TextRules.Scan scan = TextRules.standard().scan(TextNormalizer.normalize(notice));
    Classification n;
    try {
      n = classifier.classify(new ClassificationInput(x.status, x.reply, notice, x.action, provider), scan);
    } catch (RuntimeException e) {
      return c;
    }
    for (TextMatch m : scan.matches()) {
      if (m.tier() == Tier.STRONG && m.reason().isFailure() && m.reason() == n.reason()
          && n.rule().startsWith(m.ruleName())) {
        return new Classification(n.reason(), n.permanent(), n.retry(), n.actor(), n.remediation(), n.rule() + "+notice");
      }
    }
    return c;
  }

  /** Header fields a notice quotes from the returned message (or its own), whose words are no reason. */
  private static final Set<String> QUOTED_FIELDS = Set.of("subject", "from", "to", "cc", "bcc", "date", "sender",
      "reply-to", "message-id", "in-reply-to", "references", "received", "return-path", "mime-version",
      "content-type", "content-transfer-encoding", "content-disposition", "content-description", "content-id",
      "delivered-to", "dkim-signature", "authentication-results", "thread-topic", "thread-index", "importance",
      "priority", "user-agent", "list-id", "list-unsubscribe", "precedence", "auto-submitted");

  /**
   * The prose of a notice: {@code region} without the header fields it quotes, indented or not
   * (those of {@link #QUOTED_FIELDS} and every {@code X-} field, with their folded lines, indented
   * deeper), and without the
   * returned message's subject, wherever it is quoted. "Subject: Over quota" or "X-Virus-Scanned:
   * ClamAV" says nothing of why the message failed.
   */
  static String noticeProse(String region, String subject) {
    StringBuilder out = new StringBuilder(region.length());
    int fieldIndent = -1; // the indentation of the quoted field being left out, or -1
    int start = 0;
    int n = region.length();
    while (start < n) {
      int end = region.indexOf('\n', start);
      end = end < 0 ? n : end;
      String line = region.substring(start, end);
      int indent = 0;
      while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
        indent++;
      }
      boolean folded = fieldIndent >= 0 && indent > fieldIndent && indent < line.length();
      if (!folded) {
        fieldIndent = quotedField(line, indent) ? indent : -1;
      }
      if (fieldIndent < 0) {
        out.append(line).append('\n');
      }
      start = end + 1;
    }
    String prose = out.toString();
    String s = subject.strip();
    return s.length() >= 4 ? prose.replace(s, " ") : prose;
  }

  /**
   * Whether {@code line}, after its first {@code from} chars of indentation, starts a header field
   * of {@link #QUOTED_FIELDS} or an {@code X-} field.
   */
  private static boolean quotedField(String line, int from) {
    int colon = line.indexOf(':', from);
    if (colon <= from || colon > from + 40) {
      return false;
    }
    for (int i = from; i < colon; i++) {
      char ch = line.charAt(i);
      if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-')) {
        return false;
      }
    }
    String name = LowerCase.root(line.substring(from, colon));
    return name.startsWith("x-") || QUOTED_FIELDS.contains(name);
  }

  /** {@code c} with another reason and that reason's advice, its rule marked with {@code why}. */
  private static Classification withReason(Classification c, Reason reason, String why) {
    boolean permanent = c.permanent();
    return new Classification(reason, permanent, Advice.retry(reason, permanent), Advice.actor(reason, permanent),
        Advice.remediation(reason, permanent), c.rule() + why);
  }

  /**
   * Whether a reply is au (KDDI)'s answer for a message its recipient's reception filter refused:
   * {@code 550 : User unknown}, with no address between the code and the colon, for a recipient at
   * ezweb.ne.jp or au.com (or from a host there). For an address that does not exist it names the
   * address: {@code 550 <user@ezweb.ne.jp>: User unknown}.
   */
  static boolean kddiFilterReply(String recipient, String remoteMta, String diagnostic) {
    // the reply first: it rules out nearly every recipient without a copy of its domain or host
    if (!diagnostic.contains("550 : User unknown")) {
      return false;
    }
    String d = Addresses.domain(recipient);
    String host = LowerCase.root(remoteMta);
    return d.equals("ezweb.ne.jp") || d.equals("au.com") || host.endsWith(".ezweb.ne.jp") || host.endsWith(".au.com");
  }

  /** Whether {@code address} is a Google Groups group: its domain is googlegroups.com. */
  static boolean googleGroup(String address) {
    String d = Addresses.domain(address);
    return d.equals("googlegroups.com") || d.endsWith(".googlegroups.com");
  }

  static MessageKind kindOf(List<RecipientResult> results) {
    if (results.isEmpty()) {
      return MessageKind.BOUNCE;
    }
    boolean delayed = false;
    boolean failed = false;
    for (RecipientResult r : results) {
      switch (r.action()) {
        case "delayed":
          delayed = true;
          break;
        case "delivered":
        case "relayed":
        case "expanded":
        case "deliverable":
          break;
        default:
          failed = true;
      }
    }
    if (failed) {
      return MessageKind.BOUNCE;
    }
    return delayed ? MessageKind.DELAY : MessageKind.DELIVERY_REPORT;
  }

  /** The analysis of a person's message that quotes or forwards a bounce: no recipient of it failed. */
  private static BounceAnalysis quotedBounce(Message msg, TextScanner.Result scan, Diags diags) {
    String from = msg.fromAddress;
    diags.add(Diagnostic.info(Codes.QUOTED_BOUNCE, "the message was written by " + (from.isEmpty() ? "a person" : from)
        + " and quotes or forwards a bounce; its recipients are not reported as failures"));
    return new BounceAnalysis(MessageKind.QUOTED_BOUNCE, Formats.UNKNOWN, Optional.empty(), List.of(),
        msg.original(scan), Optional.empty(), diags.toList());
  }

  private boolean isQuotedBounce(Message msg, TextScanner.Result scan) {
    if (msg.systemSender()) {
      return false;
    }
    boolean forwarded = forwardSubject(msg.subject) || FORWARD_BODY.matcher(msg.notificationText()).find()
        || replySubject(msg.subject);
    boolean quotedLines = false;
    String text = msg.notificationText();
    int quoted = 0;
    for (String l : text.split("\n", 2000)) {
      if (l.startsWith(">")) {
        quoted++;
      }
    }
    quotedLines = quoted >= 3;
    // bounce content: a report or a bounce inside an attached message, or bounce wording in the text
    boolean nested = false;
    for (MimePart p : msg.root.flatten()) {
      if (p == msg.root || !p.messageRoot) {
        if (p.type.isDeliveryStatus() && p.depth > 0 && !msg.own.contains(p)) {
          nested = true;
        }
        continue;
      }
      Message inner = new Message(p, new Diags(10));
      if (inner.daemonSender() && bounceSubject(inner.subject)
          || LowerCase.root(inner.root.headers.get("Content-Type").orElse("")).contains("delivery-status")) {
        nested = true;
      }
    }
    String dequoted = withoutQuotePrefixes(text);
    boolean anchors = !scan.entries().isEmpty()
        || quoted > 0 && !TextScanner.scan(dequoted, msg.senderAddresses()).entries().isEmpty();
    boolean wording = anchors && (bounceSubject(msg.subject)
        || BOUNCE_WORDING.matcher(dequoted).find());
    return nested || (forwarded || quotedLines) && wording;
  }

  /**
   * {@code QUOTE_PREFIX.matcher(text).replaceAll("")} in one pass: at the start of each line (where
   * {@code (?m)^} matches: the text's start and after a line terminator, not between CR and LF and not
   * at the end), the blanks, tabs and {@code >} up to the last {@code >} of the run of such chars the
   * line starts with, and one blank or tab after it.
   */
  static String withoutQuotePrefixes(String text) {
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    for (int start = 0; start < n; start = nextLineStart(text, start)) {
      int lastMark = -1;
      int i = start;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c == '>') {
          lastMark = i;
        } else if (c != ' ' && c != '\t') {
          break;
        }
      }
      if (lastMark < 0) {
        continue;
      }
      int end = lastMark + 1;
      if (end < n && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, start);
      copied = end;
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * The start of the line after the one at {@code from}: after the next line terminator (CR LF
   * counting as one), or the text's length when there is none.
   */
  private static int nextLineStart(String text, int from) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (Smtp.isLineEnd(c)) {
        return c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // the message being analysed, with conveniences

  /** The analysed message and what is read from its headers and parts. */
  static final class Message {
    final MimePart root;
    final Diags diags;
    final List<MimePart> own;
    final String fromRaw;
    final String fromAddress;
    final String subject;
    MimePart textPart;
    /** Whether the notification text is the report's preamble (no part holds text). */
    boolean textFromPreamble;
    private String notification;
    private CharPairs notificationPairs;
    private Set<String> senderAddresses;
    /**
     * The returned message's headers read for its senders, and the first of each of the fields
     * {@link #original} reads, found in the same pass; null until then.
     */
    private Headers attachedHeaders;
    /** The last text {@link #originalHeaders} read inline headers from, and those headers. */
    private String inlineAfter;
    private Headers inlineHeaders;
    private Boolean systemSender;
    private Boolean daemonSender;
    private Boolean autoReply;
    private Boolean subjectSaysDelay;
    /** The most bytes of a preamble read as a message's text ({@link #preamble}). */
    static final int MAX_PREAMBLE = 64 * 1024;
    /** The normalised bytes the tree was read from, or null. */
    private final byte @Nullable [] source;

    Message(MimePart root, Diags diags) {
      this(root, diags, null);
    }

    /**
     * A message read from {@code source}, the normalised bytes its MIME tree was read from (null
     * when the tree is all there is): a multipart whose text stands before its first boundary is read
     * from there.
     */
    Message(MimePart root, Diags diags, byte @Nullable [] source) {
      this.root = root;
      this.diags = diags;
      this.source = source;
      this.own = root.ownParts();
      this.fromRaw = root.headers.decoded("From").orElse("");
      String f = Addresses.first(fromRaw);
      this.fromAddress = f == null ? fromRaw.trim() : f;
      this.subject = root.headers.decoded("Subject").orElse("");
    }

    /**
     * The human-readable text of the message: its inline text/plain parts, or its HTML as text; when
     * it has neither, its attached ones; and when no part holds text at all, a delivery report's
     * preamble ({@link #preamble}).
     */
    String notificationText() {
      if (notification != null) {
        return notification;
      }
      List<String> plain = new ArrayList<>();
      List<String> html = new ArrayList<>();
      int leadingHtml = collectText(plain, html, false);
      if (plain.isEmpty() && html.isEmpty()) {
        leadingHtml = collectText(plain, html, true); // only attachments carry text: read them
      }
      if (plain.isEmpty() && html.isEmpty() && source != null && root.type.mimeType().equals("multipart/report")) {
        // no part of a delivery report holds text: a notice written before the first boundary (an old
        // Courier's); other multiparts' preambles are only the "This is a MIME message" line
        String pre = preamble(source, root.type.param("boundary"), diags);
        if (!pre.isBlank()) {
          plain.add(pre);
          textFromPreamble = true;
        }
      }
      if (!plain.isEmpty() && leadingHtml > 0) {
        // an HTML notice that comes before the plain parts and is no alternative to them is read first
        notification = htmlAsText(html.subList(0, leadingHtml)).concat(plainText(plain));
      } else {
        notification = !plain.isEmpty() ? plainText(plain) : htmlAsText(html);
      }
      if (plain.isEmpty() && html.isEmpty()) {
        textPart = null;
      }
      return notification;
    }

    /**
     * The text of a multipart message before its first boundary line ({@code --boundary} at the
     * start of a line), from the end of its header section; empty when there is no boundary
     * parameter or no such line starts within {@link #MAX_PREAMBLE} bytes of the body (a longer
     * preamble is not read at all). Decoded as {@link Charsets#decode} decodes text of no declared
     * charset.
     */
    static String preamble(byte[] b, @Nullable String boundary, Diags diags) {
      if (boundary == null || boundary.isEmpty()) {
        return "";
      }
      int body = -1; // after the first empty line
      for (int line = 0; line < b.length; ) {
        int nl = Bytes.indexOf(b, Bytes.LF, line, b.length);
        if (nl == line) {
          body = nl + 1;
          break;
        }
        line = nl + 1;
      }
      if (body < 0) {
        return "";
      }
      byte[] dash = ("--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int limit = Math.min(b.length, body + MAX_PREAMBLE);
      for (int line = body; line <= limit && line < b.length; ) {
        int end = Bytes.indexOf(b, Bytes.LF, line, b.length);
        if (isBoundaryLine(b, line, end, dash)) {
          return Charsets.decode(b, body, line - body, null, diags);
        }
        line = end + 1;
      }
      return "";
    }

    /**
     * Whether {@code b[line, end)} is {@code dash} (the boundary with its two hyphens), then
     * {@code "--"} or nothing, then only spaces and tabs (RFC 2046, section 5.1.1).
     */
    private static boolean isBoundaryLine(byte[] b, int line, int end, byte[] dash) {
      if (!Bytes.startsWith(b, line, end, dash)) {
        return false;
      }
      int i = line + dash.length;
      if (i + 1 < end && b[i] == '-' && b[i + 1] == '-') {
        i += 2;
      }
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      return i == end;
    }

    /** The plain parts, each followed by a blank line; a single part is copied once, not twice. */
    private static String plainText(List<String> plain) {
      if (plain.size() == 1) {
        return plain.get(0).concat("\n\n");
      }
      int length = 0;
      for (int i = 0; i < plain.size(); i++) {
        length += plain.get(i).length() + 2;
      }
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < plain.size(); i++) {
        sb.append(plain.get(i)).append("\n\n");
      }
      return sb.toString();
    }

    /** The HTML parts as text, one after the other; converted only when no plain part wins over them. */
    private static String htmlAsText(List<String> html) {
      StringBuilder sb = new StringBuilder();
      for (String t : html) {
        sb.append(Html.toText(t)).append('\n');
      }
      return sb.toString();
    }

    /** {@link #notificationText()} lower-cased with {@link Locale#ROOT}, made once. */
    String notificationLower() {
      return notificationPairs().text();
    }

    /** {@link #notificationLower()} with its pairs of chars, read in the pass that lower-cases it. */
    CharPairs notificationPairs() {
      if (notificationPairs == null) {
        notificationPairs = CharPairs.lowerCased(notificationText());
      }
      return notificationPairs;
    }

    /**
     * Gathers the plain parts' text in {@code plain} and gathers the HTML parts' source in {@code
     * html}; returns how many of the HTML parts come before every plain part and are not in a
     * {@code multipart/alternative} (a notice in HTML with a plain part after it that is not its
     * alternative).
     */
    private int collectText(List<String> plain, List<String> html, boolean attachmentsToo) {
      long plainLength = 0; // the length of the plain parts joined, each with its blank line
      int leadingHtml = 0;
      for (MimePart p : own) {
        if (!p.children.isEmpty() || !(p.type.isText() || p.type.mimeType().equals("application/json"))
            || p.type.isHeadersOnly()) {
          continue;
        }
        Optional<String> disposition = p.headers.get("Content-Disposition");
        boolean attachment = disposition.isPresent()
            && LowerCase.root(disposition.get()).startsWith("attachment");
        if (attachment && p != root && !attachmentsToo) {
          continue;
        }
        String t = p.text(diags);
        boolean isHtml = p.type.mimeType().equals("text/html") ? Html.hasMarkup(t)
            : p.type.mimeType().equals("text/plain") && Html.isHtmlDocument(t);
        if (isHtml) {
          if (html.isEmpty() && textPart == null) {
            textPart = p;
          }
          if (plain.isEmpty() && leadingHtml == html.size() && !inAlternative(p)) {
            leadingHtml++;
          }
          html.add(t);
        } else if (!t.isBlank()) {
          // an empty plain alternative (some gateways send the HTML notice with one) says nothing;
          // an HTML notice read before the plain parts stays the text's part
          if (plain.isEmpty() && leadingHtml == 0) {
            textPart = p;
          }
          plain.add(t);
          plainLength += t.length() + 2;
        }
        if (plainLength > 1_000_000) {
          break;
        }
      }
      return leadingHtml;
    }

    /**
     * Whether a {@code multipart/alternative} among this message's own parts holds {@code p}, as
     * its child or deeper (an HTML alternative inside a {@code multipart/related}).
     */
    private boolean inAlternative(MimePart p) {
      for (MimePart q : own) {
        if (q != p && q.type.mimeType().equals("multipart/alternative")
            && (q.path.isEmpty() || p.path.startsWith(q.path) && p.path.length() > q.path.length()
                && p.path.charAt(q.path.length()) == '.')) {
          return true;
        }
      }
      return false;
    }

    /** A sender that is a mail system by its address, name or empty Return-Path; decided once. */
    boolean systemSender() {
      if (systemSender == null) {
        systemSender = computeSystemSender();
      }
      return systemSender;
    }

    private boolean computeSystemSender() {
      if (!fromAddress.isEmpty() && systemAddress(fromAddress)) {
        return true;
      }
      if (SYSTEM_NAME_WORDS.in(fromRaw)) {
        return true;
      }
      String rp = root.headers.get("Return-Path").orElse(null);
      return rp != null && onlyAnglesAndSpace(rp);
    }

    /**
     * {@code Addresses.isSystem(a) || Addresses.isSystem(a + "@x")}. The second asks whether the whole
     * of {@code a} is a system's local part: the same question as the first when {@code a} has no '@',
     * and otherwise answerable only by the one alternative that takes any chars, "bounce" and more.
     */
    static boolean systemAddress(String a) {
      if (Addresses.isSystem(a)) {
        return true;
      }
      return a.indexOf('@') >= 0 && a.regionMatches(true, 0, "bounce", 0, 6) && Addresses.isSystem(a + "@x");
    }

    /** Whether removing every {@code [<>\s]} leaves nothing. */
    private static boolean onlyAnglesAndSpace(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '<' && c != '>' && !Keywords.isSpace(c)) {
          return false;
        }
      }
      return true;
    }

    /** Whether the subject says the message is delayed, not failed; decided once, not for each recipient. */
    boolean subjectSaysDelay() {
      if (subjectSaysDelay == null) {
        subjectSaysDelay = Engine.subjectSaysDelay(subject);
      }
      return subjectSaysDelay;
    }

    /** A sender that is a mail daemon or postmaster by its address or name (not a no-reply robot). */
    boolean daemonSender() {
      if (daemonSender == null) {
        daemonSender = daemonSender(fromAddress, fromRaw);
      }
      return daemonSender;
    }

    /**
     * Whether the sender's local part, lower-cased, holds or is a daemon's or postmaster's name, or its
     * name holds one of {@link #DAEMON_NAME_WORDS}. Lower-casing maps only ASCII capitals, the Kelvin
     * sign (to k) and the dotted capital I (to an i and a combining dot) to ASCII letters; the words
     * hold no k, and each i in them has a letter after it: so the lower-cased text holds a word exactly
     * where the text holds it with ASCII case folded, which is how it is searched, without the copies.
     */
    static boolean daemonSender(String fromAddress, String fromRaw) {
      String lp = Addresses.localPart(fromAddress);
      return DAEMON_LOCAL_WORDS.in(lp) || Keywords.startsWithAscii(lp, 0, "microsoftexchange")
          || lp.length() == 12 && Keywords.startsWithAscii(lp, 0, "mailerdaemon") || DAEMON_NAME_WORDS.in(fromRaw);
    }

    /** Words a daemon's or postmaster's local part holds. */
    private static final Keywords DAEMON_LOCAL_WORDS =
        new Keywords("mailer-daemon", "mailer_daemon", "postmaster", "poostmaster", "post_master");
    /** {@code (?s).*(mail delivery|mailer-daemon|postmaster).*} as a match of the whole: one of the words. */
    private static final Keywords DAEMON_NAME_WORDS = new Keywords("mail delivery", "mailer-daemon", "postmaster");

    /** Whether the message is an automatic reply ({@link AutoReply#isAutoReply}); decided once. */
    boolean autoReply() {
      if (autoReply == null) {
        autoReply = AutoReply.isAutoReply(this);
      }
      return autoReply;
    }

    /** A sender that is plainly a person: an address that is not a mail system's. */
    boolean personalSender() {
      return !fromAddress.isEmpty() && fromAddress.indexOf('@') > 0 && !systemSender();
    }

    /**
     * Addresses that belong to the sender side and must not be taken for failed recipients: computed
     * once, and the same set on every call, which callers read and do not change.
     */
    Set<String> senderAddresses() {
      if (senderAddresses == null) {
        senderAddresses = computeSenderAddresses();
      }
      return senderAddresses;
    }

    private Set<String> computeSenderAddresses() {
      Set<String> out = new HashSet<>();
      addAddresses(out, root.headers, SENDER_SIDE_FIELDS);
      if (!fromAddress.isEmpty()) {
        out.add(Addresses.key(fromAddress));
      }
      addAddresses(out, originalHeaders(""), ORIGINAL_SENDER_FIELDS);
      String text = notificationText();
      String searched = text.length() > 200_000 ? text.substring(0, 200_000) : text;
      // when the lower-cased text is char for char, its rare words say where a match can start
      int[] starts = notificationLower().length() == text.length()
          ? senderMarkStarts(searched, notificationPairs()) : SENDER_MARK_WORDS.all(searched);
      int from = 0;
      int failedRun = -1; // see senderMarkFailed
      for (int start : starts) {
        if (start < from || start < failedRun && isXDash(searched, start)) {
          continue;
        }
        long found = senderMarkAt(searched, start);
        if (found >= 0) {
          out.add(Addresses.key(searched.substring((int) (found >>> 32), (int) found)));
          from = (int) found;
        } else {
          failedRun = senderMarkFailed(searched, start, failedRun);
        }
      }
      return out;
    }

    /** Whether {@code s} holds {@code "x-"} (either case of the x) at {@code i}. */
    private static boolean isXDash(String s, int i) {
      return i + 1 < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X') && s.charAt(i + 1) == '-';
    }

    /**
     * After {@link Spec#SENDER_MARK} failed at {@code start}: where the run of {@code [\w-]} after its
     * {@code "x-"} ends, if it starts one, else {@code failedRun}. Every later {@code "x-"} in that
     * run fails too: its {@code X-[\w-]*Sender:} ends at the same place, or cannot, and is followed by
     * the same text. So each run is read once, not once from each of its "x-" (which took time
     * quadratic in the length of a run such as "x-x-x-...").
     */
    private static int senderMarkFailed(String s, int start, int failedRun) {
      if (!isXDash(s, start)) {
        return failedRun;
      }
      int e = start + 2;
      while (e < s.length() && isWordOrHyphen(s.charAt(e))) {
        e++;
      }
      return e;
    }

    /**
     * {@link Spec#SENDER_MARK} tried at {@code start} as {@code lookingAt} tries it: the start and end of
     * its address (group 1, with which the match ends) packed as {@code start << 32 | end}, or -1 when
     * it does not match there. Each
     * alternative starts with its own word (ASCII case folded), and its optional parts and white
     * space go one way only: none of them, nor a ':' or '<', can start an address.
     */
    static long senderMarkAt(String s, int start) {
      int p = senderMarkPrefixEnd(s, start);
      return p < 0 ? -1 : addressAt(s, p);
    }

    /** Where the address after the {@link Spec#SENDER_MARK} alternative at {@code i} starts, or -1. */
    private static int senderMarkPrefixEnd(String s, int i) {
      int n = s.length();
      if (Keywords.startsWithAscii(s, i, "mail")) {
        int k = Keywords.skipSpace(s, i + 4);
        if (k == i + 4 || !Keywords.startsWithAscii(s, k, "from")) {
          return -1; // MAIL\s+FROM
        }
        k = Keywords.skipSpace(s, k + 4);
        if (k < n && s.charAt(k) == ':') {
          k = Keywords.skipSpace(s, k + 1);
        }
        return afterAngle(s, k);
      }
      if (Keywords.startsWithAscii(s, i, "envelope-from")) {
        return afterAngle(s, Keywords.skipSpace(s, i + 13));
      }
      if (Keywords.startsWithAscii(s, i, "original sender:")) {
        return afterAngle(s, Keywords.skipSpace(s, i + 16));
      }
      if (Keywords.startsWithAscii(s, i, "message sent by")) {
        return afterAngle(s, Keywords.skipSpace(s, i + 15));
      }
      if (Keywords.startsWithAscii(s, i, "x-")) {
        // X-[\w-]*Sender: the run of [\w-] ends before a ':' (not in it), and "sender" ends the run
        int e = i + 2;
        while (e < n && isWordOrHyphen(s.charAt(e))) {
          e++;
        }
        if (e - 6 < i + 2 || e >= n || s.charAt(e) != ':' || !Keywords.startsWithAscii(s, e - 6, "sender")) {
          return -1;
        }
        int k = Keywords.skipSpace(s, e + 1);
        return Keywords.startsWithAscii(s, k, "rfc822;") ? Keywords.skipSpace(s, k + 7) : -1;
      }
      return -1;
    }

    /** {@code k}, or past the '<' at {@code k}: the optional {@code <?}. */
    private static int afterAngle(String s, int k) {
      return k < s.length() && s.charAt(k) == '<' ? k + 1 : k;
    }

    /**
     * {@link Addresses#ADDR} at {@code p} as a match must start there: a run of 1 to 128 local-part
     * code points ending at an '@' (none of them is an '@', so giving some back never finds one), then
     * the domain as {@link Addresses#domainEnd} reads it; packed as {@link #senderMarkAt} gives it.
     */
    private static long addressAt(String s, int p) {
      int n = s.length();
      int q = p;
      int count = 0; // code points, as the pattern counts them
      while (q < n && count <= 128) {
        int cp = s.codePointAt(q);
        if (!Addresses.isLocalCodePoint(cp)) {
          break;
        }
        q += Character.charCount(cp);
        count++;
      }
      if (count == 0 || count > 128 || q >= n || s.charAt(q) != '@') {
        return -1;
      }
      int end = Addresses.domainEnd(s, q + 1);
      return end < 0 ? -1 : (long) p << 32 | end;
    }

    /**
     * Every index of {@code s} where a {@link Spec#SENDER_MARK} match can start, in order, found from the
     * rarer words each alternative holds ("from", "sender:", "message sent by") in {@code lowerPairs}'s
     * text, a lower-cased text of which {@code s} is a prefix, char for char. A start is an index where
     * the alternative's words are in place; the pattern decides. A word whose pairs of chars are not
     * all in the text is not searched for (most texts have no "sender:" and no "message sent by").
     */
    static int[] senderMarkStarts(String s, CharPairs lowerPairs) {
      String lower = lowerPairs.text();
      int[] starts = new int[8];
      int n = 0;
      int end = s.length();
      for (int p = lowerPairs.indexOf("from"); p >= 0 && p + 4 <= end; p = lower.indexOf("from", p + 1)) {
        // "envelope-from", or "mail" and white space before "from"
        if (p >= 9 && lower.startsWith("envelope-", p - 9)) {
          starts = add(starts, n++, p - 9);
        }
        int k = p;
        while (k > 0 && Keywords.isSpace(s.charAt(k - 1))) {
          k--;
        }
        if (k < p && k >= 4 && lower.startsWith("mail", k - 4)) {
          starts = add(starts, n++, k - 4);
        }
      }
      for (int p = lowerPairs.indexOf("sender:"); p >= 0 && p + 7 <= end; p = lower.indexOf("sender:", p + 1)) {
        if (p >= 9 && lower.startsWith("original ", p - 9)) {
          starts = add(starts, n++, p - 9);
        }
        // "X-[\w-]*Sender:": each "x-" in the run of word chars and hyphens before "sender:"
        int r = p;
        while (r > 0 && isWordOrHyphen(s.charAt(r - 1))) {
          r--;
        }
        for (int x = r; x + 2 <= p; x++) {
          if ((s.charAt(x) == 'x' || s.charAt(x) == 'X') && s.charAt(x + 1) == '-') {
            starts = add(starts, n++, x);
          }
        }
      }
      for (int p = lowerPairs.indexOf("message sent by"); p >= 0 && p + 15 <= end;
          p = lower.indexOf("message sent by", p + 1)) {
        starts = add(starts, n++, p);
      }
      int[] out = Arrays.copyOf(starts, n);
      Arrays.sort(out);
      return out;
    }

    /**
     * The first match of {@code p} in {@code s}, as {@code find()} finds it, or null; every match of
     * {@code p} starts with one of {@code words} (lower-case), and {@code lowerPairs} holds a lower-cased
     * text of which {@code s} is a prefix, char for char: the pattern is tried only where a word occurs
     * there, and a word whose pairs of chars are not all there is not searched for.
     */
    static Matcher firstAtWords(Pattern p, String[] words, String s, CharPairs lowerPairs) {
      String lower = lowerPairs.text();
      int[] next = new int[words.length];
      for (int k = 0; k < words.length; k++) {
        next[k] = lowerPairs.mayContain(words[k]) ? lower.indexOf(words[k]) : -1;
      }
      Matcher m = null;
      while (true) {
        int at = -1;
        for (int k = 0; k < words.length; k++) {
          if (next[k] >= 0 && (at < 0 || next[k] < at)) {
            at = next[k];
          }
        }
        if (at < 0 || at >= s.length()) {
          return null;
        }
        m = Keywords.from(m, p, s, at);
        if (m.lookingAt()) {
          return m;
        }
        // only the words at the rejected index move on
        for (int k = 0; k < words.length; k++) {
          if (next[k] == at) {
            next[k] = lower.indexOf(words[k], at + 1);
          }
        }
      }
    }

    /** {@code a} with {@code v} at index {@code i}, grown when full. */
    private static int[] add(int[] a, int i, int v) {
      int[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
      out[i] = v;
      return out;
    }

    /** Whether {@code c} is in {@code [\w-]}: an ASCII letter, digit, underscore or hyphen. */
    private static boolean isWordOrHyphen(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** Adds the keys of the addresses in the named fields' values: one pass over the fields. */
    static void addAddresses(Set<String> out, Headers headers, String[] names) {
      for (int i = headers.nextNamed(names, 0); i >= 0; i = headers.nextNamed(names, i + 1)) {
        Addresses.addKeys(headers.valueAt(i), out);
      }
    }

    /**
     * The text after the scan's cut, where {@link #originalHeaders} reads inline headers; "" when an
     * attached part holds them (most messages), without making the text.
     */
    private String afterCut(TextScanner.Result scan) {
      return hasAttachedHeaders() ? "" : scan.after();
    }

    /** Whether an attached message or header part holds the returned message's headers. */
    private boolean hasAttachedHeaders() {
      if (attachedHeaders == null) {
        attachedHeaders = attachedHeaders();
      }
      return attachedHeaders != NO_PART;
    }

    /** Headers of the returned message: an attached message or header part, else inline after the cut. */
    Headers originalHeaders(String after) {
      if (hasAttachedHeaders()) {
        return attachedHeaders;
      }
      if (after.isEmpty()) {
        return Headers.EMPTY;
      }
      if (after == inlineAfter) {
        return inlineHeaders; // the same text as the last call
      }
      Headers h = inlineHeaders(after);
      inlineAfter = after;
      inlineHeaders = h;
      return h;
    }

    /** The header block inline in {@code a}, after at most ten leading blank or non-header lines. */
    static Headers inlineHeaders(String a) {
      // the lines split("\n", 12) gives, the first ten of them, each matched where it lies
      int skip = 0;
      int n = a.length();
      for (int i = 0; i < 10 && skip <= n; i++) {
        int eol = a.indexOf('\n', skip);
        int end = eol < 0 ? n : eol;
        if (headerLine(a, skip, end)) {
          break;
        }
        skip = end + 1;
        if (eol < 0) {
          break;
        }
      }
      if (skip >= n) {
        return Headers.EMPTY;
      }
      // the block ends at its first empty line at the latest: the text after that is not copied
      int blank = a.indexOf("\n\n", skip);
      return Headers.parse(blank < 0 ? a.substring(skip) : a.substring(skip, blank + 1), 500).headers();
    }

    /**
     * {@code HEADER_LINE} matching {@code a[from, to)} whole: an ASCII letter, at most 60 more of
     * {@code [A-Za-z0-9-]}, a colon, and then no char a {@code .} stops at. No name char is a colon,
     * so the longest run of them is the only one to try.
     */
    static boolean headerLine(String a, int from, int to) {
      if (from >= to || !Keywords.isAsciiLetter(a.charAt(from))) {
        return false;
      }
      int i = from + 1;
      int max = Math.min(to, from + 61);
      while (i < max && (Keywords.isAsciiLetter(a.charAt(i)) || Smtp.isDigit(a.charAt(i)) || a.charAt(i) == '-')) {
        i++;
      }
      return i < to && a.charAt(i) == ':' && noLineTerminator(a, i + 1, to);
    }

    /** The headers of the first attached message or header part, or {@link #NO_PART}; read once. */
    private Headers attachedHeaders() {
      for (MimePart p : own) {
        if (p.type.isEmbeddedMessage() && !p.children.isEmpty()) {
          return p.children.get(0).headers;
        }
        if (p.type.isHeadersOnly()) {
          return Headers.parse(p.text(diags).stripLeading(), 500).headers();
        }
      }
      return NO_PART;
    }

    /** {@link #original(String)} after the cut of {@code scan}. */
    OriginalMessage original(TextScanner.Result scan) {
      return original(afterCut(scan));
    }

    OriginalMessage original(String after) {
      Headers h = originalHeaders(after);
      if (h.isEmpty()) {
        return OriginalMessage.none();
      }
      return originalOf(h);
    }

    /** The returned message as its header fields name it. */
    static OriginalMessage originalOf(Headers h) {
      return originalOf(firstFields(h));
    }

    /** The first field of each of {@link #ORIGINAL_FIELDS} (as Headers.get finds each), or null. */
    static Headers.@Nullable Field[] firstFields(Headers h) {
      Headers.Field[] first = new Headers.Field[ORIGINAL_FIELDS.length];
      for (int k = 0; k < ORIGINAL_FIELDS.length; k++) {
        // each a look-up in the section's name lengths: fields of other lengths are not read
        first[k] = h.first(ORIGINAL_FIELDS[k]);
      }
      return first;
    }

    /** The returned message named by {@link #firstFields}' fields: their values trimmed and decoded. */
    private static OriginalMessage originalOf(Headers.Field[] fields) {
      String[] first = new String[fields.length];
      for (int k = 0; k < fields.length; k++) {
        first[k] = fields[k] == null ? null : fields[k].value().trim();
      }
      return new OriginalMessage(nonEmpty(first[0] == null ? null : stripIdAngles(first[0])), decodedNonEmpty(first[1]),
          decodedNonEmpty(first[2]), decodedNonEmpty(first[3]), nonEmpty(first[4]));
    }

    /** The fields {@link #original} reads: the first value of each, in this order. */
    private static final String[] ORIGINAL_FIELDS = {"Message-ID", "From", "To", "Subject", "Date"};

    /** {@code v} trimmed, when there is a value and it is not empty then. */
    private static Optional<String> nonEmpty(String v) {
      if (v == null) {
        return Optional.empty();
      }
      String t = v.trim();
      return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** {@link #nonEmpty} of the value with its encoded words decoded, as {@link Headers#decoded} gives it. */
    private static Optional<String> decodedNonEmpty(String v) {
      return nonEmpty(v == null ? null : EncodedWords.decode(v));
    }

    /** The one recipient of the returned message, when it names exactly one; inline after the cut of {@code scan}. */
    String originalRecipient(TextScanner.Result scan) {
      Headers h = originalHeaders(afterCut(scan));
      List<String> to = new ArrayList<>();
      for (String v : h.all("To")) {
        to.addAll(Addresses.all(v));
      }
      return to.size() == 1 ? to.get(0) : "";
    }

    /** The system that wrote the report, from the notification text or the sender's domain. */
    String reportingSystem() {
      String text = notificationText();
      String searched = text.length() > 20_000 ? text.substring(0, 20_000) : text;
      CharPairs lower = notificationPairs();
      Matcher m = lower.text().length() == text.length()
          ? firstAtWords(REPORTING_HOST, REPORTING_HOST_STARTS, searched, lower)
          : REPORTING_HOST_WORDS.match(REPORTING_HOST, searched);
      if (m != null) {
        return LowerCase.root(m.group(1));
      }
      String d = Addresses.domain(fromAddress);
      return d;
    }
  }

  /**
   * The regular expressions that specify what this class's hand-written matchers match (the tests
   * check most matchers against their expression). Held in a class of their own so that no
   * analysis compiles them (a run of the CLI would, at every start).
   */
  static final class Spec {

    private Spec() {}

    /** A paragraph break; read by hand ({@link Engine#paragraphBreakEnd}), the pattern kept as its definition. */
    static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");

    /** A line that starts as a rule; read by hand ({@link Engine#ruleStart}). */
    static final Pattern RULE_START = Pattern.compile("^[-=*_#~+|]{3,}.*");

    /** A line that ends as a rule; read by hand ({@link Engine#ruleEnd}). */
    static final Pattern RULE_END = Pattern.compile(".*[-=*_#~+|]{4,}$");

    static final Pattern MULTILINE_REPLY = Pattern.compile("(?s)^\\s*[245]\\d\\d-.*");

    static final Pattern EXIT_CODE = Pattern.compile("\\d{1,3}");

    /**
     * The quotation marks that start a line ("> ", "> > "); read by hand ({@link Engine#withoutQuotePrefixes}),
     * the pattern kept as its definition: its repeated group recurses once per mark and overflows the
     * stack on a line of some thousands of them.
     */
    static final Pattern QUOTE_PREFIX = Pattern.compile("(?m)^(?:[ \t]*>)+[ \t]?");

    static final Pattern SENDER_MARK = Pattern.compile("(?i)(?:MAIL\\s+FROM\\s*:?\\s*<?|envelope-from\\s*<?|X-[\\w-]*Sender:\\s*rfc822;\\s*"
        + "|original sender:\\s*<?|message sent by\\s*<?)(" + Addresses.ADDR + ")");

    /** A boilerplate paragraph's words; searched by {@link Engine#boilerplateParagraph}, the pattern kept as its definition. */
    static final Pattern BOILERPLATE_PARAGRAPH = Pattern.compile(
        "(?i)(created automatically|mail delivery software|could not be delivered to one or more|"
            + "this is a permanent error|for further assistance|please (?:contact|send mail to)|"
            + "include this problem report|delete your own text|it's attached below|do not reply|"
            + "automatically generated)");

    /** A header line; read by hand ({@link Message#headerLine}), the pattern kept as its definition. */
    static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}:.*");

    static final Pattern BOUNCE_SUBJECT = Pattern.compile(
        "(?i)(undeliver|undelivered|non[- ]?deliver|delivery status notification|delivery notification|"
            + "returned mail|mail delivery fail|delivery fail|failure notice|failed delivery|could not be delivered|"
            + "mail system error|returned to sender|delivery problem|delayed mail|warning: could not send|"
            + "message not delivered|delivery has failed|mail could not be delivered|message delivery|"
            + "delivery report|permanent delivery failure|returned mail|notice: mail delivery status|"
            + "error sending your mail|unzustellbar|nicht zustellbar|non remis|non distribuable|no entregado|"
            + "no se puede entregar|non recapitabile|impossibile recapitare|onbestelbaar|niet bezorgd|"
            + "n\u00e3o entregue|n\u00e3o \u00e9 poss\u00edvel entregar|nedoru\u010diteln|niedostarcz|"
            + "nie mo\u017cna dostarczy\u0107|teslim edileme|kunde inte levereras|olevererbar|kan ikke leveres|"
            + "ei voitu toimittaa|tidak terkirim|\u672a\u9001\u8fbe|\u7121\u6cd5\u50b3\u905e|"
            + "\ubc30\ub2ec \ubabb \ud568|\u914d\u4fe1\u4e0d\u80fd|\u672a\u914d\u4fe1|\u9001\u4fe1\u30a8\u30e9\u30fc|"
            + "\u30a8\u30e9\u30fc\u30e1\u30fc\u30eb|\u9000\u4fe1|\u65e0\u6cd5\u6295\u9012|\u9000\u56de|"
            + "\u043d\u0435 \u0434\u043e\u0441\u0442\u0430\u0432\u043b\u0435\u043d|"
            + "\u043d\u0435\u0434\u043e\u0441\u0442\u0430\u0432\u043b)");

    /** A forwarded message's subject; read by hand ({@link Engine#forwardSubject}), the pattern kept as its definition. */
    static final Pattern FORWARD_SUBJECT = Pattern.compile(
        "(?i)^\\s*(?:\\[[^\\]]*+\\]\\s*+|\\*++[^*]++\\*++\\s*+)*+(fwd?|fw|wg|tr|rv|vs|vl|i|doorst|enc|rif|reenv)"
            + "\\s*(\\[\\d+\\])?\\s*:");

    /** A mail system's name in a From field; searched by {@link Engine#SYSTEM_NAME_WORDS}, the pattern kept as its definition. */
    static final Pattern SYSTEM_NAME = Pattern.compile(
        "(?i)(mail delivery (sub)?system|mailer[- ]daemon|postmaster|mail administrator|system administrator|"
            + "delivery status notification|mail delivery|microsoft outlook|microsoft exchange|mmsc ndr)");
  }
}
