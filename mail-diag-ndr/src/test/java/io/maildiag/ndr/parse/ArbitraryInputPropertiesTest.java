package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.EnhancedStatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties: arbitrary input never throws, finishes quickly, and yields only valid codes. */
class ArbitraryInputPropertiesTest {

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.builder()
      .limits(Limits.builder().totalTimeBudget(Duration.ofSeconds(5)).build()).build();

  @Property(tries = 300)
  void arbitraryBytesNeverThrowAndFinishQuickly(@ForAll @Size(max = 4096) byte[] input) {
    long t0 = System.nanoTime();
    BounceAnalysis a = ANALYZER.analyze(input);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(a).isNotNull();
    assertThat(ms).isLessThan(5000);
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
  }

  @Property(tries = 300)
  void mailShapedNoiseNeverThrows(@ForAll("mailish") String input) {
    BounceAnalysis a = ANALYZER.analyze(input.getBytes(StandardCharsets.UTF_8));
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
    for (RecipientResult r : a.recipients()) {
      r.status().ifPresent(s -> assertThat(EnhancedStatusCode.parse(s.toString()).isSuccess()).isTrue());
      assertThat(r.evidence().excerpt().length()).isLessThanOrEqualTo(300);
    }
  }

  @Property(tries = 200)
  void everyMessageOfAnMboxIsAnalysedAndNoneThrows(@ForAll("mailish") String first, @ForAll("mailish") String second) {
    String from = "From MAILER-DAEMON Thu Apr 29 23:34:45 2015\n";
    byte[] mbox = (from + first + "\n\n" + from + second).getBytes(StandardCharsets.UTF_8);
    java.util.List<BounceAnalysis> each = ANALYZER.analyzeEach(mbox);
    // one analysis per message with anything after its From_ line (at least one)
    int[] starts = Mbox.starts(mbox, mbox.length, Integer.MAX_VALUE);
    int messages = 0;
    for (int i = 0; i < starts.length; i++) {
      int to = i + 1 < starts.length ? starts[i + 1] : mbox.length;
      String body = new String(mbox, starts[i], to - starts[i], StandardCharsets.ISO_8859_1);
      int lineEnd = body.indexOf('\n');
      if (lineEnd >= 0 && !body.substring(lineEnd).replace("\r", "").isBlank()) {
        messages++;
      }
    }
    assertThat(each).hasSize(Math.max(1, messages));
    for (BounceAnalysis a : each) {
      assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR) || d.code().equals(Codes.MORE_MESSAGES));
    }
    byte[] alone = first.getBytes(StandardCharsets.UTF_8);
    if (Mbox.starts(alone, alone.length, 2).length == 1) {
      assertThat(ANALYZER.analyzeEach(alone)).containsExactly(ANALYZER.analyze(alone));
    }
  }

  @Property(tries = 1000)
  void everyStatusReadFromTextIsValid(@ForAll("smtpish") String text) {
    Smtp.Facts f = Smtp.facts(text);
    f.status().ifPresent(s -> {
      assertThat(EnhancedStatusCode.parse(s.toString()).value()).contains(s);
      f.reply().ifPresent(r -> assertThat(r.value() / 100).isEqualTo(s.statusClass()));
    });
    f.reply().ifPresent(r -> assertThat(r.value()).isBetween(200, 599));
  }

  @Provide
  Arbitrary<String> smtpish() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789.- #:;<>()[]'\"\n").ofMaxLength(12),
        Arbitraries.of("550", "5.1.1", "550-5.7.1", "#5.0.0", "(#4.4.1)", "421", "2.5.5", "999.9.9", "5.00.1",
            "4.16.55.1", "said:", "host mx.example.com[192.0.2.1]", "Postfix 2.5.5", "<a@example.com>",
            "User unknown", "\n", " "),
        Arbitraries.strings().alpha().ofMaxLength(8));
    return pieces.list().ofMaxSize(20).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mailish() {
    Arbitrary<String> header = Arbitraries.of("From: MAILER-DAEMON@example.net", "Subject: failure notice",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
        "Content-Type: message/delivery-status", "Content-Transfer-Encoding: base64", "X-Failed-Recipients: a@example.com",
        "Auto-Submitted: auto-replied", "Content-Type: message/rfc822", "Content-Type: text/html");
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.of("--b", "--b--", "Final-Recipient: rfc822; a@example.com", "Action: failed", "Status: 5.1.1",
            "Diagnostic-Code: smtp; 550 5.1.1 <a@example.com>... User unknown", "<a@example.com>:",
            "Remote host said: 550 5.1.1 no", "----- Original message -----", "", "=?utf-8?B?w6k=?=",
            "<html><body>", "  b@example.org", "Feedback-Type: abuse", "{\"notificationType\":\"Bounce\"}"),
        Arbitraries.strings().ofMaxLength(40));
    return Combinators.combine(header.list().ofMaxSize(6), line.list().ofMaxSize(40))
        .as((h, b) -> String.join("\n", h) + "\n\n" + String.join("\n", b));
  }
}
