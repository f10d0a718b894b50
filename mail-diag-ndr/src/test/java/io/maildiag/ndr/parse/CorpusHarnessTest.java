package io.maildiag.ndr.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dev-only: measures the analyzer against a labelled corpus of real bounces. Skipped unless
 * {@code -Dmaildiag.corpus=/path/to/bounces} (a directory with {@code *.eml} and {@code
 * labels.tsv}) is given. Prints recipient-count, status, reply-code and reason agreement, and
 * writes the mismatches to {@code target/corpus-report.txt}. It asserts nothing: the labels are
 * one implementation's expectations, not ground truth.
 */
class CorpusHarnessTest {

  private static final Map<String, Reason> SISIMAI = new LinkedHashMap<>();

  static {
    SISIMAI.put("userunknown", Reason.USER_UNKNOWN);
    SISIMAI.put("hostunknown", Reason.HOST_UNKNOWN);
    SISIMAI.put("mailboxfull", Reason.MAILBOX_FULL);
    SISIMAI.put("suspend", Reason.SUSPENDED);
    SISIMAI.put("hasmoved", Reason.HAS_MOVED);
    SISIMAI.put("notaccept", Reason.NOT_ACCEPTING);
    SISIMAI.put("filtered", Reason.FILTERED);
    SISIMAI.put("rejected", Reason.REJECTED);
    SISIMAI.put("blocked", Reason.BLOCKED);
    SISIMAI.put("badreputation", Reason.BAD_REPUTATION);
    SISIMAI.put("requireptr", Reason.REQUIRE_PTR);
    SISIMAI.put("authfailure", Reason.AUTH_FAILURE);
    SISIMAI.put("notcompliantrfc", Reason.NOT_RFC_COMPLIANT);
    SISIMAI.put("policyviolation", Reason.POLICY_VIOLATION);
    SISIMAI.put("spamdetected", Reason.SPAM_DETECTED);
    SISIMAI.put("virusdetected", Reason.VIRUS_DETECTED);
    SISIMAI.put("securityerror", Reason.SECURITY_ERROR);
    SISIMAI.put("norelaying", Reason.NO_RELAYING);
    SISIMAI.put("contenterror", Reason.CONTENT_ERROR);
    SISIMAI.put("mesgtoobig", Reason.EMAIL_TOO_LARGE);
    SISIMAI.put("exceedlimit", Reason.EMAIL_TOO_LARGE);
    SISIMAI.put("emailtoolarge", Reason.EMAIL_TOO_LARGE); // the name in Sisimai 5
    SISIMAI.put("ratelimited", Reason.RATE_LIMITED); // the name in Sisimai 5
    SISIMAI.put("toomanyconn", Reason.RATE_LIMITED);
    SISIMAI.put("speeding", Reason.RATE_LIMITED);
    SISIMAI.put("systemfull", Reason.SYSTEM_FULL);
    SISIMAI.put("systemerror", Reason.SYSTEM_ERROR);
    SISIMAI.put("mailererror", Reason.MAILER_ERROR);
    SISIMAI.put("networkerror", Reason.NETWORK_ERROR);
    SISIMAI.put("expired", Reason.EXPIRED);
    SISIMAI.put("syntaxerror", Reason.SYNTAX_ERROR);
    SISIMAI.put("failedstarttls", Reason.FAILED_STARTTLS);
    SISIMAI.put("suppressed", Reason.SUPPRESSED);
    SISIMAI.put("onhold", Reason.ON_HOLD);
    SISIMAI.put("undefined", Reason.UNDEFINED);
    SISIMAI.put("delivered", Reason.DELIVERED);
    SISIMAI.put("vacation", Reason.AUTO_REPLY);
    SISIMAI.put("feedback", Reason.FEEDBACK);
  }

  private record Label(String file, int index, String status, String reply, String reason, String feedback) {}

  @Test
  void measureAgainstCorpus() throws IOException {
    String dir = System.getProperty("maildiag.corpus");
    assumeTrue(dir != null && !dir.isBlank(), "set -Dmaildiag.corpus=<dir> to run the corpus harness");
    Path root = Path.of(dir);
    Map<String, List<Label>> labels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(root.resolve("labels.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length < 7) {
        continue;
      }
      labels.computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[6]));
    }
    BounceAnalyzer analyzer = BounceAnalyzer.builder().build();
    int files = 0;
    int countOk = 0;
    int rows = 0;
    int statusOk = 0;
    int replyOk = 0;
    int reasonOk = 0;
    int reasonRows = 0;
    int feedbackOk = 0;
    int feedbackRows = 0;
    long slowest = 0;
    String slowestFile = "";
    StringBuilder report = new StringBuilder();
    StringBuilder all = new StringBuilder();
    Map<String, int[]> byFamily = new LinkedHashMap<>();
    for (Map.Entry<String, List<Label>> e : labels.entrySet()) {
      Path file = root.resolve(e.getKey());
      if (!Files.exists(file)) {
        continue;
      }
      files++;
      long t0 = System.nanoTime();
      // as the CLI's batch reads a file: every message of an mbox file, their recipients in file order
      List<BounceAnalysis> each = analyzer.analyzeEach(file);
      BounceAnalysis a = each.get(0);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > slowest) {
        slowest = ms;
        slowestFile = e.getKey();
      }
      List<Label> ls = e.getValue();
      List<RecipientResult> rs = each.stream().flatMap(x -> x.recipients().stream()).toList();
      boolean countMatch = rs.size() == ls.size();
      if (countMatch) {
        countOk++;
      }
      String fam = e.getKey().replaceAll("-\\d+\\.eml$", "");
      int[] famStats = byFamily.computeIfAbsent(fam, k -> new int[4]);
      famStats[0]++;
      if (countMatch) {
        famStats[1]++;
      }
      StringBuilder problems = new StringBuilder();
      if (!countMatch) {
        problems.append("  count: expected ").append(ls.size()).append(" got ").append(rs.size()).append(' ')
            .append(rs.stream().map(RecipientResult::recipient).toList()).append('\n');
      }
      for (Label l : ls) {
        rows++;
        RecipientResult r = l.index - 1 < rs.size() ? rs.get(l.index - 1) : null;
        // Sisimai's pseudo-codes for "no code in the message": X.0.9YY, and X.9.YYY in its later versions
        String expStatus = l.status.matches("[245]\\.(0\\.9\\d\\d|9\\.\\d{1,3})") ? "" : l.status;
        String gotStatus = r == null ? "?" : r.status().map(Object::toString).orElse("");
        String gotReply = r == null ? "?" : r.replyCode().map(Object::toString).orElse("");
        if (expStatus.equals(gotStatus)) {
          statusOk++;
        } else {
          problems.append("  status[").append(l.index).append("]: expected '").append(expStatus).append("' got '")
              .append(gotStatus).append("'\n");
        }
        if (l.reply.equals(gotReply)) {
          replyOk++;
        } else {
          problems.append("  reply[").append(l.index).append("]: expected '").append(l.reply).append("' got '")
              .append(gotReply).append("'\n");
        }
        Reason want = SISIMAI.get(l.reason);
        if (want != null) {
          reasonRows++;
          if (r != null && r.reason() == want) {
            reasonOk++;
            famStats[2]++;
          } else {
            problems.append("  reason[").append(l.index).append("]: expected ").append(want).append(" got ")
                .append(r == null ? "-" : r.reason()).append('\n');
          }
        }
        if (!l.feedback.isEmpty()) {
          feedbackRows++;
          if (a.feedbackType().orElse("").equals(l.feedback)) {
            feedbackOk++;
          } else {
            problems.append("  feedback: expected ").append(l.feedback).append(" got ").append(a.feedbackType())
                .append('\n');
          }
        }
        famStats[3]++;
      }
      for (RecipientResult r : rs) {
        all.append(e.getKey()).append(" | ").append(a.kind()).append(" | ").append(a.format()).append(" | ")
            .append(r.recipient()).append(" | ").append(r.action()).append(" | ")
            .append(r.status().map(Object::toString).orElse("-")).append(" | ")
            .append(r.replyCode().map(Object::toString).orElse("-")).append(" | ").append(r.reason())
            .append(" | ").append(r.diagnosticText()).append('\n');
      }
      if (problems.length() > 0) {
        report.append(e.getKey()).append(" [").append(a.kind()).append(", ").append(a.format()).append("]\n")
            .append(problems);
        for (RecipientResult r : rs) {
          report.append("    -> ").append(r.recipient()).append(" | ").append(r.action()).append(" | ")
              .append(r.status().map(Object::toString).orElse("-")).append(" | ")
              .append(r.replyCode().map(Object::toString).orElse("-")).append(" | ")
              .append(r.diagnosticText().length() > 160 ? r.diagnosticText().substring(0, 160) + "..."
                  : r.diagnosticText()).append('\n');
        }
      }
    }
    String summary = String.format(
        "corpus: %d files, %d labelled recipients%n"
            + "  recipient count match: %d/%d (%.1f%%)%n"
            + "  status match:          %d/%d (%.1f%%)%n"
            + "  reply code match:      %d/%d (%.1f%%)%n"
            + "  reason match:          %d/%d (%.1f%%)%n"
            + "  feedback type match:   %d/%d%n"
            + "  slowest: %s %d ms%n",
        files, rows, countOk, files, 100.0 * countOk / Math.max(1, files), statusOk, rows,
        100.0 * statusOk / Math.max(1, rows), replyOk, rows, 100.0 * replyOk / Math.max(1, rows), reasonOk,
        reasonRows, 100.0 * reasonOk / Math.max(1, reasonRows), feedbackOk, feedbackRows, slowestFile, slowest);
    System.out.println(summary);
    Path out = Path.of("target", "corpus-report.txt");
    Files.createDirectories(out.getParent());
    StringBuilder fam = new StringBuilder("\nby family (files, count ok, reason ok, rows):\n");
    byFamily.forEach((k, v) -> fam.append(String.format("  %-24s %3d %3d %3d %3d%n", k, v[0], v[1], v[2], v[3])));
    Files.writeString(out, summary + fam + "\n" + report, StandardCharsets.UTF_8);
    Files.writeString(Path.of("target", "corpus-all.txt"), all, StandardCharsets.UTF_8);
  }

  @Test
  void lineEndingsDoNotChangeTheResult() throws Exception {
    String dir = System.getProperty("maildiag.corpus");
    assumeTrue(dir != null && !dir.isBlank(), "set -Dmaildiag.corpus=<dir> to run the corpus harness");
    BounceAnalyzer an = BounceAnalyzer.withDefaults();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      files = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
    int diff = 0;
    for (Path f : files) {
      byte[] raw = Files.readAllBytes(f);
      String lf = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
      BounceAnalysis a = an.analyze(lf.getBytes(StandardCharsets.ISO_8859_1));
      BounceAnalysis b = an.analyze(lf.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      BounceAnalysis c = an.analyze(lf.replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1));
      if (!a.recipients().equals(b.recipients()) || !a.recipients().equals(c.recipients()) || a.kind() != c.kind()) {
        diff++;
        System.out.println("UNSTABLE " + f.getFileName() + "\n  LF  " + a.recipients() + "\n  CR  " + c.recipients());
      }
    }
    System.out.println("unstable: " + diff + " of " + files.size());
  }
}
