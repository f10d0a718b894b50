package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Dev-only measurement of {@link ReasonClassifier} on a labelled bounce corpus (a directory of
 * {@code .eml} files with a {@code labels.tsv}, such as the Sisimai set). Skipped unless {@code
 * -Dmaildiag.corpus=DIR} is given.
 *
 * <p>The bounce parser is not used here: a crude extractor reads each recipient's Status, Action
 * and Diagnostic-Code from the message/delivery-status part when there is one, else the first
 * text part up to the returned message, and guesses the provider from well-known host names.
 * The labels use Sisimai's reason names; {@link #EXPECTED} maps them to ours, and the lenient
 * score also accepts {@link #ALSO}.
 */
@EnabledIfSystemProperty(named = "maildiag.corpus", matches = ".+")
class ReasonClassifierCorpusTest {

  /** Sisimai reason name to ours. */
  static final Map<String, Reason> EXPECTED = new LinkedHashMap<>();
  /** Further answers the lenient score accepts: the corpus README folds these together. */
  static final Map<String, Set<Reason>> ALSO = new LinkedHashMap<>();

  static {
    EXPECTED.put("userunknown", Reason.USER_UNKNOWN);
    EXPECTED.put("hostunknown", Reason.HOST_UNKNOWN);
    EXPECTED.put("mailboxfull", Reason.MAILBOX_FULL);
    EXPECTED.put("suspend", Reason.SUSPENDED);
    EXPECTED.put("hasmoved", Reason.HAS_MOVED);
    EXPECTED.put("notaccept", Reason.NOT_ACCEPTING);
    EXPECTED.put("filtered", Reason.FILTERED);
    EXPECTED.put("rejected", Reason.REJECTED);
    EXPECTED.put("blocked", Reason.BLOCKED);
    EXPECTED.put("badreputation", Reason.BAD_REPUTATION);
    EXPECTED.put("requireptr", Reason.REQUIRE_PTR);
    EXPECTED.put("authfailure", Reason.AUTH_FAILURE);
    EXPECTED.put("notcompliantrfc", Reason.NOT_RFC_COMPLIANT);
    EXPECTED.put("policyviolation", Reason.POLICY_VIOLATION);
    EXPECTED.put("spamdetected", Reason.SPAM_DETECTED);
    EXPECTED.put("virusdetected", Reason.VIRUS_DETECTED);
    EXPECTED.put("securityerror", Reason.SECURITY_ERROR);
    EXPECTED.put("norelaying", Reason.NO_RELAYING);
    EXPECTED.put("contenterror", Reason.CONTENT_ERROR);
    EXPECTED.put("mesgtoobig", Reason.EMAIL_TOO_LARGE);
    EXPECTED.put("exceedlimit", Reason.EXCEEDED_LIMIT);
    EXPECTED.put("toomanyconn", Reason.RATE_LIMITED);
    EXPECTED.put("speeding", Reason.RATE_LIMITED);
    EXPECTED.put("systemfull", Reason.SYSTEM_FULL);
    EXPECTED.put("systemerror", Reason.SYSTEM_ERROR);
    EXPECTED.put("mailererror", Reason.MAILER_ERROR);
    EXPECTED.put("networkerror", Reason.NETWORK_ERROR);
    EXPECTED.put("expired", Reason.EXPIRED);
    EXPECTED.put("syntaxerror", Reason.SYNTAX_ERROR);
    EXPECTED.put("failedstarttls", Reason.FAILED_STARTTLS);
    EXPECTED.put("suppressed", Reason.SUPPRESSED);
    EXPECTED.put("onhold", Reason.ON_HOLD);
    EXPECTED.put("undefined", Reason.UNDEFINED);
    EXPECTED.put("delivered", Reason.DELIVERED);
    EXPECTED.put("vacation", Reason.AUTO_REPLY);
    EXPECTED.put("feedback", Reason.FEEDBACK);
    ALSO.put("exceedlimit", EnumSet.of(Reason.EMAIL_TOO_LARGE));
    ALSO.put("mesgtoobig", EnumSet.of(Reason.EXCEEDED_LIMIT));
    ALSO.put("toomanyconn", EnumSet.of(Reason.EXCEEDED_LIMIT));
  }

  /** One labelled recipient. */
  record Label(String file, int index, String status, String reply, String reason) {}

  /** What the crude extractor found for one recipient. */
  record Extracted(Optional<EnhancedStatusCode> status, Optional<ReplyCode> reply, String text,
      String action, Provider provider) {}

  /** One scored row. */
  record Row(Label label, Extracted input, Classification got, boolean strict, boolean lenient) {}

  @Test
  void measure() throws IOException {
    Path dir = Path.of(System.getProperty("maildiag.corpus"));
    List<Row> rows = run(dir);
    print(rows);
    assertThat(rows).isNotEmpty();
  }

  /** End to end: the bounce parser reads each message and classifies its recipients. */
  @Test
  void measureEndToEnd() throws IOException {
    Path dir = Path.of(System.getProperty("maildiag.corpus"));
    List<Row> rows = runEndToEnd(dir);
    System.out.println("\n=== End to end (BounceAnalyzer) ===");
    print(rows);
    assertThat(rows).isNotEmpty();
  }

  static List<Row> runEndToEnd(Path dir) throws IOException {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    Map<String, BounceAnalysis> cache = new TreeMap<>();
    List<Row> rows = new ArrayList<>();
    for (Label l : labels(dir)) {
      BounceAnalysis a = cache.computeIfAbsent(l.file(), f -> analyzer.analyze(dir.resolve(f)));
      List<RecipientResult> rs = a.recipients();
      Classification c;
      Extracted e;
      if (rs.size() >= l.index()) {
        RecipientResult r = rs.get(l.index() - 1);
        c = r.classification();
        e = new Extracted(r.status(), r.replyCode(), r.diagnosticText(), r.action() + "/" + a.kind().jsonName(),
            Provider.OTHER);
      } else {
        c = new Classification(Reason.UNDEFINED, false, RetryAdvice.DO_NOT_RETRY, Actor.NONE, "", "missing:" + a.kind().jsonName());
        e = new Extracted(Optional.empty(), Optional.empty(), "", "", Provider.OTHER);
      }
      Reason want = EXPECTED.get(l.reason());
      boolean strict = c.reason() == want;
      boolean lenient = strict || ALSO.getOrDefault(l.reason(), Set.of()).contains(c.reason());
      rows.add(new Row(l, e, c, strict, lenient));
    }
    return rows;
  }

  static List<Label> labels(Path dir) throws IOException {
    List<Label> labels = new ArrayList<>();
    List<String> lines = Files.readAllLines(dir.resolve("labels.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length >= 5) {
        labels.add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]));
      }
    }
    return labels;
  }

  static List<Row> run(Path dir) throws IOException {
    List<Label> labels = labels(dir);
    Map<String, List<Extracted>> cache = new TreeMap<>();
    List<Row> rows = new ArrayList<>();
    for (Label l : labels) {
      List<Extracted> ex = cache.computeIfAbsent(l.file(), f -> extract(dir.resolve(f)));
      Extracted e = ex.isEmpty() ? new Extracted(Optional.empty(), Optional.empty(), "", "failed", Provider.OTHER)
          : ex.get(Math.min(l.index(), ex.size()) - 1);
      Classification c = ReasonClassifier.standard().classify(
          new ClassificationInput(e.status(), e.reply(), e.text(), e.action(), e.provider()));
      Reason want = EXPECTED.get(l.reason());
      boolean strict = c.reason() == want;
      boolean lenient = strict || ALSO.getOrDefault(l.reason(), Set.of()).contains(c.reason());
      rows.add(new Row(l, e, c, strict, lenient));
    }
    return rows;
  }

  static void print(List<Row> rows) {
    long strict = rows.stream().filter(Row::strict).count();
    long lenient = rows.stream().filter(Row::lenient).count();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%nReasonClassifier corpus accuracy: strict %d/%d = %.1f%%, lenient %d/%d = %.1f%%%n",
        strict, rows.size(), 100.0 * strict / rows.size(), lenient, rows.size(), 100.0 * lenient / rows.size()));
    Map<String, int[]> per = new TreeMap<>();
    for (Row r : rows) {
      int[] c = per.computeIfAbsent(r.label().reason(), k -> new int[2]);
      c[0] += r.lenient() ? 1 : 0;
      c[1]++;
    }
    per.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-16s %3d/%3d%n", k, v[0], v[1])));
    b.append("Misses:\n");
    for (Row r : rows) {
      if (!r.lenient()) {
        String t = r.input().text().replaceAll("\\s+", " ");
        b.append(String.format(Locale.ROOT, "  %-28s #%d want %-14s got %-16s %-40s st=%s rc=%s act=%s | %s%n",
            r.label().file(), r.label().index(), r.label().reason(), r.got().reason(), r.got().rule(),
            r.input().status().map(Object::toString).orElse("-"), r.input().reply().map(Object::toString).orElse("-"),
            r.input().action(), t.length() > 220 ? t.substring(0, 220) : t));
      }
    }
    System.out.println(b);
  }

  // ------------------------------------------------------------------ crude extraction

  static List<Extracted> extract(Path file) {
    try {
      byte[] raw = Files.readAllBytes(file);
      Session session = Session.getInstance(new Properties());
      MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(raw));
      String from = String.valueOf(msg.getHeader("From", ","));
      String subject = String.valueOf(msg.getHeader("Subject", ","));
      String contentType = String.valueOf(msg.getContentType()).toLowerCase(Locale.ROOT);
      List<String[]> blocks = new ArrayList<>();
      StringBuilder firstText = new StringBuilder();
      walk(msg, blocks, firstText, 0);
      String body = cutOriginal(firstText.toString());
      String whole = (from + " " + body + " " + String.join(" ", blocks.stream().map(a -> a[1]).toList()))
          .toLowerCase(Locale.ROOT);
      Provider provider = guessProvider(whole);
      String subj = subject.toLowerCase(Locale.ROOT);
      String defaultAction = contentType.contains("feedback-report") || subj.startsWith("complaint about") ? "feedback"
          : subj.matches("(auto(matic)?[ -]?repl(y|ied)|out of (the )?office|vacation).*") ? "auto-replied"
          : subj.matches(".*(delay|warning|still being retried).*") ? "delayed" : "failed";
      List<Extracted> out = new ArrayList<>();
      for (String[] b : blocks) {
        String diag = b[1];
        Optional<EnhancedStatusCode> st = statusOf(b[0]);
        Optional<EnhancedStatusCode> inDiag = firstStatus(diag);
        if (st.isEmpty() || (st.get().subject() == 0 && st.get().detail() == 0 && inDiag.isPresent())) {
          st = inDiag.isPresent() ? inDiag : st;
        }
        String text = diag.isBlank() ? body : diag;
        String action = b[2].isBlank() ? defaultAction : b[2].trim().toLowerCase(Locale.ROOT);
        out.add(new Extracted(st, firstReply(diag.isBlank() ? body : diag), text, action, provider));
      }
      if (out.isEmpty()) {
        boolean autoReply = String.valueOf(msg.getHeader("Auto-Submitted", ",")).toLowerCase(Locale.ROOT)
            .contains("auto-replied") && !from.toLowerCase(Locale.ROOT).matches(".*(mailer-daemon|postmaster).*");
        String action = autoReply ? "" : defaultAction;
        out.add(new Extracted(firstStatus(body), firstReply(body), body, action, provider));
      }
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }

  private static void walk(Part p, List<String[]> blocks, StringBuilder firstText, int depth) throws Exception {
    if (depth > 10) {
      return;
    }
    String ct = String.valueOf(p.getContentType()).toLowerCase(Locale.ROOT);
    if (ct.startsWith("multipart/")) {
      Object content = p.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart bp = mp.getBodyPart(i);
          String bct = String.valueOf(bp.getContentType()).toLowerCase(Locale.ROOT);
          if (bct.startsWith("message/rfc822") || bct.startsWith("text/rfc822-headers")) {
            break;
          }
          walk(bp, blocks, firstText, depth + 1);
        }
      }
    } else if (ct.startsWith("message/delivery-status") || ct.startsWith("message/global-delivery-status")) {
      try (InputStream in = p.getInputStream()) {
        parseDsn(new String(in.readAllBytes(), StandardCharsets.UTF_8), blocks);
      }
    } else if (ct.startsWith("text/") && firstText.length() == 0) {
      Object c;
      try {
        c = p.getContent();
      } catch (Exception e) {
        c = null;
      }
      if (c instanceof String s) {
        firstText.append(s);
      } else {
        try (InputStream in = p.getInputStream()) {
          firstText.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  private static void parseDsn(String text, List<String[]> blocks) {
    String unfolded = text.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
    for (String block : unfolded.split("\n\\s*\n")) {
      String status = "";
      String diag = "";
      String action = "";
      boolean perRecipient = false;
      for (String line : block.split("\n")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        switch (name) {
          case "final-recipient", "original-recipient" -> perRecipient = true;
          case "status" -> status = value;
          case "action" -> action = value;
          case "diagnostic-code" -> {
            int semi = value.indexOf(';');
            diag = semi >= 0 && semi < 20 ? value.substring(semi + 1).trim() : value;
          }
          default -> { }
        }
      }
      if (perRecipient) {
        blocks.add(new String[] {status, diag, action});
      }
    }
  }

  private static String cutOriginal(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int cut = lower.length();
    for (String marker : List.of("below this line is a copy of the message", "this is a copy of the message",
        "original message follows", "----- original message -----", "included is a copy of the message header",
        "below is a copy of the original message", "the header of the original message is following",
        "message headers follow", "original message headers", "------- returned message --------",
        "unsent message follows", "\nreceived: ", "\nreturn-path: ", "--- original message follows",
        "original message:", "enclosed is a copy of the message")) {
      int i = lower.indexOf(marker);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return text.substring(0, cut);
  }

  private static Optional<EnhancedStatusCode> statusOf(String s) {
    String t = s.trim();
    int sp = t.indexOf(' ');
    if (sp > 0) {
      t = t.substring(0, sp);
    }
    return t.isEmpty() ? Optional.empty() : EnhancedStatusCode.parse(t).value();
  }

  private static Optional<EnhancedStatusCode> firstStatus(String text) {
    for (String tok : text.split("[\\s;,()\\[\\]<>'\"]+")) {
      String t = tok.replaceFirst("^#", "").replaceFirst("^[245]\\d\\d-", "").replaceFirst("[.:]$", "");
      if (t.length() >= 5 && t.length() <= 9 && Character.isDigit(t.charAt(0)) && t.charAt(1) == '.') {
        Optional<EnhancedStatusCode> c = EnhancedStatusCode.parse(t).value();
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ReplyCode> firstReply(String text) {
    for (String tok : text.split("[\\s;,()\\[\\]<>'\"]+")) {
      String t = tok.replaceFirst("[-:]$", "").replaceFirst("-.*$", "");
      if (t.length() == 3 && t.matches("[245][0-5]\\d")) {
        return ReplyCode.parse(t).value();
      }
    }
    return Optional.empty();
  }

  private static Provider guessProvider(String whole) {
    if (whole.contains("outlook.com") || whole.contains("hotmail") || whole.contains("resolver.adr")
        || whole.contains("onmicrosoft")) {
      return Provider.MICROSOFT;
    }
    if (whole.contains("gsmtp") || whole.contains("googlemail.com") || whole.contains("support.google.com")) {
      return Provider.GOOGLE;
    }
    if (whole.contains("yahoo") || whole.contains("aol.com")) {
      return Provider.YAHOO;
    }
    return Provider.OTHER;
  }
}
