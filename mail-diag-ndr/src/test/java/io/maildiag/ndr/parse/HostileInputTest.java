package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.MessageKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input finishes in bounded time, without exceptions, and says what it cut. */
class HostileInputTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  private static BounceAnalysis timed(BounceAnalyzer analyzer, byte[] input) {
    return assertTimeoutPreemptively(BOUND, () -> analyzer.analyze(input));
  }

  private static boolean has(BounceAnalysis a, DiagnosticCode code) {
    return a.diagnostics().stream().anyMatch(d -> d.code().equals(code));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void oneMegabyteHeaderLine() {
    String msg = "From: MAILER-DAEMON@example.net\nX-Junk: " + "a".repeat(1024 * 1024) + "\nSubject: x\n\nbody\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg));
    assertThat(has(a, Codes.LINE_TOO_LONG)).isTrue();
  }

  @Test
  void aReportFieldFoldedOverAMillionLines() {
    // each continuation line used to copy the value so far: time quadratic in their number
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
        + "--b\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; mx.example.net\n\n"
        + "Final-Recipient: rfc822; ann@example.org\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 unknown" + "\n x".repeat(1_000_000) + "\n\n--b--\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg));
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("ann@example.org");
      assertThat(r.status()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("5.1.1"));
    });
  }

  @Test
  void thousandsOfRecipientsWithRepliesTheTextDoesNotComplete() {
    // each recipient's first line of a multi-line reply was looked for in the text's first 4,000
    // lines, and its reply in the transcript's first 64 KB, again for each recipient
    int n = 20_000;
    String words = " in the queue of the mail system".repeat(4);
    StringBuilder msg = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n");
    for (int i = 0; i < n; i++) {
      msg.append("<<< 550-5.1.1 Mailbox unavailable for user").append(i).append(words)
          .append("\n<<< 550 5.1.1 try later\n");
    }
    msg.append("\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n");
    for (int i = 0; i < n; i++) {
      msg.append("Final-Recipient: rfc822; u").append(i).append("@example.com\nAction: failed\nStatus: 5.1.1\n")
          .append("Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist u")
          .append(i).append("\n\n");
    }
    msg.append("--b--\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg.toString()));
    assertThat(a.recipients()).hasSize(n);
    assertThat(a.recipients().get(n - 1).diagnosticText())
        .isEqualTo("550-5.1.1 The email account that you tried to reach does not exist u" + (n - 1));
  }

  @Test
  void thousandsOfFailedRecipientsTheTextDoesNotName() {
    // each address of X-Failed-Recipients read the field again for its case, and the text again for
    // its reply: time quadratic in the number of addresses
    int n = 20_000; // in fields of 1,000, the most addresses read from one field
    StringBuilder msg = new StringBuilder("From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
        + "Subject: Mail delivery failed: returning message to sender");
    for (int i = 0; i < n; i++) {
      msg.append(i % 1_000 == 0 ? "\nX-Failed-Recipients: " : ",\n ").append(i == 0 ? "User" : "user").append(i)
          .append("@example.com");
    }
    msg.append("\n\nA message that you sent could not be delivered to one or more of its recipients.\n\n");
    for (int i = 0; i < 2_000; i++) {
      msg.append("  host mx").append(i).append(".example.org [192.0.2.1]: 550 5.1.1 mailbox unavailable\n");
    }
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg.toString()));
    assertThat(a.recipients()).hasSize(n);
    assertThat(a.recipients().get(0).recipient()).isEqualTo("User0@example.com");
    assertThat(a.recipients().get(n - 1).recipient()).isEqualTo("user" + (n - 1) + "@example.com");
    assertThat(a.recipients()).allSatisfy(r -> assertThat(r.replyCode()).hasValueSatisfying(
        c -> assertThat(c.value()).isEqualTo(550)));
  }

  @Test
  void thousandsOfReportBlocksWithoutAnActionInAWideText() {
    // each block the text's report was looked for in searched the rest of the text for line ends
    // other than LF: time quadratic in the text's length when it holds a char past Latin-1
    StringBuilder msg = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n"
        + "Content-Type: text/plain; charset=utf-8\n\nМы не смогли доставить ваше письмо.\n\n");
    for (int i = 0; i < 120_000; i++) {
      msg.append("Final-Recipient: u").append(i).append("\nText.\n");
    }
    msg.append("Final-Recipient: rfc822; last@example.com\nAction: failed\nStatus: 5.1.1\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), msg.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(a.recipients()).extracting(r -> r.recipient()).contains("last@example.com");
  }

  @Test
  void aRecipientLineLongerThanAnAnchorIsReadIsStillARecipient() {
    // the address stands at the line's start; the reply runs on for thousands of characters
    for (int words : new int[] {250, 1_000, 50_000}) {
      String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n\n"
          + "<ann@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1 " + "very ".repeat(words)
          + "message refused as spam\n";
      BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg));
      assertThat(a.recipients()).as("%d words", words).singleElement().satisfies(r -> {
        assertThat(r.recipient()).isEqualTo("ann@example.org");
        assertThat(r.status()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("5.7.1"));
        assertThat(r.diagnosticText()).startsWith("host mx.example.org[192.0.2.1] said: 550 5.7.1 very");
      });
    }
    // the line's rest runs on past the part an anchor is looked for in
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n\n"
        + "<ann@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1 " + "very ".repeat(120)
        + "message refused as spam\n";
    assertThat(timed(BounceAnalyzer.withDefaults(), ascii(msg)).recipients()).singleElement()
        .satisfies(r -> assertThat(r.diagnosticText()).endsWith("message refused as spam"));
  }

  @Test
  void oneMegabyteOfHeaderFields() {
    StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@example.net\n");
    while (sb.length() < 1024 * 1024 + 100) {
      sb.append("X-Field-").append(sb.length()).append(": value value value value\n");
    }
    sb.append("\nbody\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(sb.toString()));
    assertThat(has(a, Codes.HEADER_TOO_LARGE) || has(a, Codes.TOO_MANY_HEADER_FIELDS)).isTrue();
  }

  @Test
  void twoHundredLevelsOfMultipart() {
    StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n"
        + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
    for (int i = 0; i < 200; i++) {
      sb.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
    }
    sb.append("--b200\nContent-Type: text/plain\n\n<x@example.com>: 550 5.1.1 unknown\n");
    for (int i = 200; i >= 0; i--) {
      sb.append("--b").append(i).append("--\n");
    }
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(sb.toString()));
    assertThat(has(a, Codes.MIME_TOO_DEEP)).isTrue();
  }

  @Test
  void twoHundredLevelsOfAttachedMessages() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("From: someone").append(i).append("@example.net\nContent-Type: message/rfc822\n\n");
    }
    sb.append("From: MAILER-DAEMON@example.net\nSubject: failure notice\n\n<x@example.com>:\n550 5.1.1 no\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(sb.toString()));
    assertThat(has(a, Codes.MIME_TOO_DEEP)).isTrue();
  }

  @Test
  void tenMegabyteSingleLineWithALineLimit() {
    BounceAnalyzer analyzer = BounceAnalyzer.builder()
        .limits(Limits.builder().maxLineLength(4096).build()).build();
    byte[] body = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    byte[] head = ascii("From: MAILER-DAEMON@example.net\nSubject: failure notice\n\n");
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    BounceAnalysis a = timed(analyzer, all);
    assertThat(has(a, Codes.LINE_TOO_LONG)).isTrue();
  }

  @Test
  void inputBeyondTheLimitIsCutAndSaidSo() {
    BounceAnalyzer analyzer = BounceAnalyzer.builder()
        .limits(Limits.builder().maxInputBytes(2000).build()).build();
    byte[] msg = Fixtures.bytes("postfix-dsn-two-recipients.eml");
    BounceAnalysis fromBytes = timed(analyzer, msg);
    assertThat(has(fromBytes, Codes.INPUT_TOO_LARGE)).isTrue();
    BounceAnalysis fromStream = assertTimeoutPreemptively(BOUND,
        () -> analyzer.analyze(new ByteArrayInputStream(msg)));
    assertThat(has(fromStream, Codes.INPUT_TOO_LARGE)).isTrue();
    assertThat(fromStream.kind()).isEqualTo(fromBytes.kind());
  }

  /**
   * A delivery-status part larger than is read: cut at the end of a line, so the recipients read
   * are whole and no field is read half (a "Status: 5" cut from "5.1.1" would be invalid), and
   * the cut is reported.
   */
  @Test
  void aDeliveryStatusPartLargerThanIsReadIsCutAtALineEnd() {
    StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n"
        + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n");
    int i = 0;
    while (sb.length() < MimeReader.MAX_LEAF_BYTES + 4096) {
      sb.append("Final-Recipient: rfc822; user").append(i++).append("@example.com\nAction: failed\nStatus: 5.1.1\n\n");
    }
    sb.append("--b--\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(sb.toString()));
    assertThat(has(a, Codes.PART_TOO_LARGE)).isTrue();
    assertThat(has(a, Codes.DSN_FIELD_INVALID)).isFalse();
    assertThat(a.recipients()).hasSizeGreaterThan(40_000).hasSizeLessThan(i);
    assertThat(a.recipients().get(0).recipient()).isEqualTo("user0@example.com");
    assertThat(a.recipients().subList(0, a.recipients().size() - 1))
        .allSatisfy(r -> assertThat(r.status()).map(Object::toString).hasValue("5.1.1"));
  }

  /**
   * A prose bounce that lists more recipients than the lines read hold: those in the lines read are
   * reported, and so is the cut; a bounce whose text ends before the limit, with a long returned
   * message after it, is not cut.
   */
  @Test
  void aProseBounceLongerThanTheLinesReadSaysSo() {
    String head = "From: MAILER-DAEMON@mx.example.net\nSubject: failure notice\n\n"
        + "Hi. This is the qmail-send program at mx.example.net.\n"
        + "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n";
    StringBuilder many = new StringBuilder(head);
    for (int i = 0; i < 5000; i++) {
      many.append("<user").append(i).append("@example.com>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n");
    }
    many.append("--- Below this line is a copy of the message.\n\nSubject: hi\n\nhello\n");
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(many.toString()));
    assertThat(has(a, Codes.TEXT_TOO_LONG)).isTrue();
    assertThat(a.recipients()).hasSizeGreaterThan(1000).hasSizeLessThan(5000);
    assertThat(a.recipients().get(0).recipient()).isEqualTo("user0@example.com");

    StringBuilder few = new StringBuilder(head);
    for (int i = 0; i < 3; i++) {
      few.append("<user").append(i).append("@example.com>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n");
    }
    few.append("--- Below this line is a copy of the message.\n\nSubject: hi\n\n").append("hello\n".repeat(10_000));
    BounceAnalysis b = timed(BounceAnalyzer.withDefaults(), ascii(few.toString()));
    assertThat(has(b, Codes.TEXT_TOO_LONG)).isFalse();
    assertThat(b.recipients()).hasSize(3);
  }

  @Test
  void binaryGarbage() {
    Random random = new Random(42);
    for (int size : new int[] {0, 1, 17, 4096, 1024 * 1024}) {
      byte[] junk = new byte[size];
      random.nextBytes(junk);
      BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), junk);
      assertThat(a.kind()).isIn(MessageKind.NOT_A_BOUNCE, MessageKind.BOUNCE);
      assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
    }
  }

  @Test
  void brokenMimeShapes() {
    String[] shapes = {
        "Content-Type: multipart/report; boundary=\"x\"\n\n--x\n--x\n--x--\n",
        "Content-Type: multipart/mixed\n\nno boundary anywhere\n",
        "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n!!!!****\n",
        "Content-Type: text/plain; charset=\"\n\nx",
        "Content-Type: message/delivery-status\n\nFinal-Recipient: \nStatus: 9.9.9\nAction: failed\n",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\n"
            + "Content-Type: message/delivery-status\nContent-Transfer-Encoding: x-unknown\n\nStatus: 5.1.1\n",
        ":\n:\n\n",
        "\n\n\n",
    };
    for (String s : shapes) {
      BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii("From: MAILER-DAEMON@example.net\n" + s));
      assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
    }
  }

  @Test
  void anExhaustedTimeBudgetStopsEarlyAndSaysSo() {
    BounceAnalyzer analyzer = BounceAnalyzer.builder()
        .limits(Limits.builder().totalTimeBudget(Duration.ofNanos(1)).build()).build();
    BounceAnalysis a = timed(analyzer, Fixtures.bytes("postfix-dsn-two-recipients.eml"));
    assertThat(has(a, Codes.TIME_BUDGET_EXCEEDED)).isTrue();
  }

  @Test
  void manyAnchorsDoNotBlowUp() {
    StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@example.net\nSubject: failure notice\n\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("<user").append(i).append("@example.com>: 550 5.1.1 unknown\n");
    }
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(sb.toString()));
    assertThat(a.recipients()).isNotEmpty();
  }

  @Test
  void longRunsOfBlanksInARecipientFieldAreReadInOnePass() {
    // folded lines of 50,000 blanks each, then a comment: a backtracking pattern took minutes here
    String run = (" ".repeat(50_000) + "y\n").repeat(12);
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\nfailed\n--b\n"
        + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
        + "Final-Recipient: rfc822; a@example.com\n" + run + " x (comment)\nAction: failed\nStatus: 5.1.1\n--b--\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg));
    assertThat(has(a, Codes.TIME_BUDGET_EXCEEDED)).isFalse();
    assertThat(a.recipients()).hasSize(1);
    assertThat(a.recipients().get(0).recipient()).startsWith("a@example.com").endsWith("y x");
  }

  @Test
  void aBoundaryLongerThanALineIsNotSearchedFor() {
    // the non-ASCII boundary parameter leaves the message to Jakarta Mail, which would take the
    // 60,000-char line for the missing boundary of the outer part and prepare its search in time
    // that grows with the square of its length
    String dashes = "-".repeat(60_000) + "x";
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: multipart/mixed\n\n" + dashes + "\nContent-Type: multipart/alternative; boundary=\"\u00e9\"\n\n"
        + "<a@example.com>: 550 5.1.1 user unknown\n" + dashes + "--\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), msg.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(Codes.MIME_MALFORMED)
        && d.message().contains("its boundary is longer than " + MimeReader.MAX_BOUNDARY_LINE + " characters"));
    assertThat(a.recipients()).extracting(r -> r.recipient()).containsExactly("a@example.com");
  }

  @Test
  void hundredsOfThousandsOfPartsOnTheJakartaPath() {
    // the folded first line of the first part's header leaves the message to Jakarta Mail, which
    // reads every part of a multipart at once, at tens of microseconds each: it is handed only the
    // parts that may be read
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: multipart/mixed; boundary=b\n\n--b\n folded\nContent-Type: text/plain\n\n"
        + "<a@example.com>: 550 5.1.1 user unknown\n" + "--b\n\n".repeat(400_000) + "--b--\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), ascii(msg));
    assertThat(has(a, Codes.TOO_MANY_PARTS)).isTrue();
    assertThat(a.recipients()).extracting(r -> r.recipient()).containsExactly("a@example.com");
  }

  @Test
  void aCharsetNameOfSixtyThousandDottedCapitalIs() {
    // lower-cased to look it up: the JDK's lower-casing copies its result for each of them
    String msg = "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: text/plain; charset=\"" + "\u0130".repeat(60_000) + "\"\n\n"
        + "<a@example.com>: 550 5.1.1 user unknown\n";
    BounceAnalysis a = timed(BounceAnalyzer.withDefaults(), msg.getBytes(StandardCharsets.UTF_8));
    assertThat(a.recipients()).extracting(r -> r.recipient()).containsExactly("a@example.com");
  }
}
