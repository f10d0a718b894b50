package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzz tests (Jazzer) of the bounce reader and the reason classifier: whatever the
 * bytes, the analysis returns, reports no internal error, stays within its time budget, and gives
 * only valid codes and bounded evidence.
 *
 * <p>In a plain test run each target runs once per input kept under {@code
 * src/test/resources/io/maildiag/ndr/BounceAnalyzerFuzzTestInputs/<method>/} (inputs a fuzzing
 * campaign found worth keeping, each a regression test). To fuzz, set {@code JAZZER_FUZZ=1} and run
 * one target, for example {@code JAZZER_FUZZ=1 mvn -pl mail-diag-ndr test
 * -Dtest=BounceAnalyzerFuzzTest#analyzeNeverFails}; it runs for the target's {@code maxDuration}
 * and writes the inputs that fail into that directory.
 */
class BounceAnalyzerFuzzTest {

  /**
   * A budget far above what a message of a fuzzer's size takes (microseconds to milliseconds): an
   * input that exhausts it shows time that grows faster than the input.
   */
  private static final Duration BUDGET = Duration.ofSeconds(2);

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.builder()
      .limits(Limits.builder().totalTimeBudget(BUDGET).build()).build();

  @FuzzTest(maxDuration = "5m")
  void analyzeNeverFails(byte[] message) {
    check(ANALYZER.analyze(message));
  }

  @FuzzTest(maxDuration = "5m")
  void analyzeEachNeverFails(byte[] mbox) {
    List<BounceAnalysis> each = ANALYZER.analyzeEach(mbox);
    assertThat(each).isNotEmpty();
    each.forEach(BounceAnalyzerFuzzTest::check);
  }

  /** Values the structured target picks from, so that most of its reports read as reports. */
  private static final String[] ACTIONS = {"failed", "delayed", "delivered", "relayed", "expanded", "Failed", ""};
  private static final String[] STATUSES = {"5.1.1", "4.7.1", "5.7.26", "2.0.0", "5.0.0", "4.4.7", "5.2.2", "9.9.9"};
  private static final String[] ENCODINGS = {"7bit", "8bit", "base64", "quoted-printable", "binary", "x-unknown"};
  private static final String[] CHARSETS = {"us-ascii", "utf-8", "iso-8859-1", "iso-2022-jp", "utf-16", "x-bogus"};
  private static final String[] RETURNED = {"message/rfc822", "text/rfc822-headers", "message/global",
      "message/global-headers", "text/plain"};

  /**
   * A delivery status notification assembled from fuzz data: a multipart/report with a notice, a
   * delivery-status part of several recipient blocks (fields and values partly picked from real
   * ones, partly arbitrary), and a returned message, each part in some transfer encoding and
   * charset; the same invariants as {@link #analyzeNeverFails}. Arbitrary bytes seldom make a
   * report whose parts all parse, so this target reaches the report reader's deeper branches.
   */
  @FuzzTest(maxDuration = "5m")
  void structuredReportNeverFails(FuzzedDataProvider data) {
    String boundary = data.consumeBoolean() ? "b0undary" : data.consumeString(20);
    StringBuilder m = new StringBuilder()
        .append("From: ").append(data.pickValue(new String[] {"MAILER-DAEMON@mx.example.com",
            "Mail Delivery System <postmaster@example.net>", data.consumeString(40)})).append("\r\n")
        .append("To: sender@example.org\r\n")
        .append("Subject: ").append(data.pickValue(new String[] {"Undelivered Mail Returned to Sender",
            "Delivery Status Notification (Failure)", "Undeliverable: hello", data.consumeString(40)}))
        .append("\r\nMIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"")
        .append(boundary).append("\"\r\n\r\n");
    m.append("--").append(boundary).append("\r\n");
    part(m, data, "text/plain", data.consumeString(300));
    m.append("--").append(boundary).append("\r\n");
    StringBuilder report = new StringBuilder("Reporting-MTA: dns; ").append(data.consumeString(30)).append("\r\n");
    int blocks = data.consumeInt(0, 5);
    for (int i = 0; i < blocks; i++) {
      report.append("\r\n");
      report.append("Final-Recipient: ").append(data.consumeBoolean() ? "rfc822; user" + i + "@example.com"
          : data.consumeString(40)).append("\r\n");
      if (data.consumeBoolean()) {
        report.append("Original-Recipient: utf-8; ").append(data.consumeString(30)).append("\r\n");
      }
      report.append("Action: ").append(data.pickValue(ACTIONS)).append("\r\n");
      report.append("Status: ").append(data.consumeBoolean() ? data.pickValue(STATUSES) : data.consumeString(12))
          .append("\r\n");
      if (data.consumeBoolean()) {
        report.append("Diagnostic-Code: smtp; ").append(data.consumeString(120)).append("\r\n");
      }
      if (data.consumeBoolean()) {
        report.append("Remote-MTA: dns; ").append(data.consumeString(30)).append("\r\n");
      }
      if (data.consumeBoolean()) {
        report.append(data.consumeString(20)).append(": ").append(data.consumeString(40)).append("\r\n");
      }
    }
    part(m, data, data.consumeBoolean() ? "message/delivery-status" : "message/global-delivery-status",
        report.toString());
    m.append("--").append(boundary).append("\r\n");
    part(m, data, data.pickValue(RETURNED), "Message-ID: <" + data.consumeString(20) + ">\r\nFrom: "
        + data.consumeString(30) + "\r\nSubject: " + data.consumeString(30) + "\r\n\r\n"
        + data.consumeRemainingAsString());
    m.append("--").append(boundary).append("--\r\n");
    check(ANALYZER.analyze(m.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Appends a body part of {@code type} holding {@code text}, in a transfer encoding and charset
   * picked by {@code data}.
   */
  private static void part(StringBuilder m, FuzzedDataProvider data, String type, String text) {
    String encoding = data.pickValue(ENCODINGS);
    String charset = data.pickValue(CHARSETS);
    m.append("Content-Type: ").append(type).append("; charset=").append(charset).append("\r\n")
        .append("Content-Transfer-Encoding: ").append(encoding).append("\r\n\r\n");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (encoding.equals("base64")) {
      m.append(Base64.getMimeEncoder().encodeToString(bytes));
    } else if (encoding.equals("quoted-printable")) {
      for (byte b : bytes) {
        int c = b & 0xff;
        m.append(c >= 33 && c <= 126 && c != '=' || c == ' ' ? String.valueOf((char) c) : String.format("=%02X", c));
      }
    } else {
      m.append(text);
    }
    m.append("\r\n");
  }

  @FuzzTest(maxDuration = "2m")
  void classifyNeverFails(FuzzedDataProvider data) {
    Optional<EnhancedStatusCode> status = EnhancedStatusCode.parse(data.consumeString(12)).value();
    Optional<ReplyCode> reply = ReplyCode.parse(data.consumeString(5)).value();
    Provider provider = data.pickValue(Provider.values());
    String action = data.consumeString(12);
    String text = data.consumeRemainingAsString();
    Classification c = ReasonClassifier.standard()
        .classify(new ClassificationInput(status, reply, text, action, provider));
    assertThat(c.reason()).isNotNull();
    assertThat(c.rule()).isNotBlank();
  }

  private static void check(BounceAnalysis a) {
    assertThat(a.diagnostics()).extracting(Diagnostic::code)
        .doesNotContain(BounceAnalyzer.INTERNAL_ERROR, BounceAnalyzer.TIME_BUDGET_EXCEEDED);
    for (RecipientResult r : a.recipients()) {
      r.status().ifPresent(s -> assertThat(EnhancedStatusCode.parse(s.toString()).isSuccess()).isTrue());
      r.replyCode().ifPresent(c -> assertThat(ReplyCode.parse(Integer.toString(c.value())).isSuccess()).isTrue());
      assertThat(r.evidence().excerpt().length()).isLessThanOrEqualTo(300);
      assertThat(r.recipient()).isNotNull();
    }
  }
}
