package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.headers.antispam.AntispamHeaders;
import io.maildiag.headers.antispam.ForefrontAntispamReport;
import io.maildiag.headers.received.MailDates;
import io.maildiag.headers.received.ReceivedCodes;
import io.maildiag.headers.received.ReceivedHeader;
import io.maildiag.headers.received.ReceivedTimeline;
import io.maildiag.headers.received.TimelineOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Large and adversarial inputs finish quickly (the parsers are linear) and never throw. The
 * timeouts are generous for a loaded CI machine; the work itself takes milliseconds.
 */
class HostileInputTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int MB = 1024 * 1024;

  @Test
  void oneMegabyteHeader() {
    StringBuilder sb = new StringBuilder(MB + 100);
    sb.append("X-Big: start");
    while (sb.length() < MB - 100) {
      sb.append("\r\n =?UTF-8?Q?caf=C3=A9?= word (comment) ");
    }
    sb.append("\r\nSubject: end\r\n\r\n");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    ParseResult<HeaderSection> r = assertTimeoutPreemptively(TIMEOUT, () -> HeaderSection.parse(bytes));
    assertThat(r.orElseThrow().value("Subject")).hasValue("end");
    assertThat(r.orElseThrow().first("X-Big").orElseThrow().decodedValue()).contains("caf\u00e9");
    // The same input over the limit is cut, not rejected.
    ParseResult<HeaderSection> cut = HeaderSection.parse(bytes, Limits.builder().maxHeaderBytes(1000).build());
    assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo(HeaderCodes.HEADERS_TOO_LARGE));
  }

  @Test
  void oneMegabyteReceivedAndDate() {
    String big = "from a ".repeat(MB / 7) + "; Tue, 2 Apr 2024 09:15:27 +0000";
    ReceivedHeader r = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedHeader.parse(big));
    assertThat(r.dateTime()).isPresent();
    assertThat(r.diagnostics()).hasSizeLessThanOrEqualTo(16);
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> MailDates.parse("1 ".repeat(MB / 2))).isValid()).isFalse();
  }

  @Test
  void hundredThousandNestedParentheses() {
    String nested = "from a " + "(".repeat(100_000) + "x" + ")".repeat(100_000) + " by b; Tue, 2 Apr 2024 09:15:27 +0000";
    ReceivedHeader r = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedHeader.parse(nested));
    assertThat(r.by()).hasValue("b");
    assertThat(r.dateTime()).isPresent();
    String unclosed = "from a " + "(".repeat(100_000) + " by b; Tue, 2 Apr 2024 09:15:27 +0000";
    ReceivedHeader u = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedHeader.parse(unclosed));
    assertThat(u.diagnostics()).anySatisfy(d ->
        assertThat(d.code()).isEqualTo(ReceivedCodes.HEADERS_RECEIVED_UNBALANCED_COMMENT));
    String closers = ")".repeat(100_000);
    // 16 diagnostics at most, plus the one that says nothing could be read.
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> ReceivedHeader.parse(closers)).diagnostics()).hasSize(17);
    String dateNested = "Tue, 2 Apr 2024 09:15:27 +0000 " + "(".repeat(100_000);
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> MailDates.parse(dateNested))).isNotNull();
  }

  @Test
  void tenThousandReceivedFields() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      sb.append("Received: from h").append(i + 1).append(".example.org (h").append(i + 1)
          .append(".example.org [192.0.2.").append(i % 250 + 1).append("]) by h").append(i)
          .append(".example.org with ESMTP id ").append(i).append("; Tue, 2 Apr 2024 09:15:27 +0000\r\n");
    }
    sb.append("\r\n");
    Limits limits = Limits.builder().maxHeaderBytes(8 * MB).maxHeaderFields(20_000).maxReceivedHops(20_000).maxDiagnostics(50)
        .build();
    ReceivedTimeline t = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedTimeline.of(
        HeaderSection.parse(sb.toString(), limits).orElseThrow(), TimelineOptions.defaults().withLimits(limits)));
    assertThat(t.hops()).hasSize(10_000);
    assertThat(t.findings()).hasSizeLessThanOrEqualTo(50);
    // With the default limits the section and the timeline are capped, with a diagnostic each.
    ParseResult<HeaderSection> capped = HeaderSection.parse(sb.toString());
    assertThat(capped.orElseThrow().size()).isEqualTo(Limits.DEFAULT_MAX_HEADER_FIELDS);
    ReceivedTimeline d = ReceivedTimeline.of(capped.orElseThrow());
    assertThat(d.hops()).hasSize(Limits.DEFAULT_MAX_RECEIVED_HOPS);
    assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo(ReceivedCodes.HEADERS_TOO_MANY_HOPS));
  }

  @Test
  void encodedWordBombs() {
    String noEnd = "Subject: " + "=?a?q?x".repeat(150_000) + "\n\n";
    ParseResult<HeaderSection> r = assertTimeoutPreemptively(TIMEOUT, () -> HeaderSection.parse(noEnd));
    assertThat(r.orElseThrow().size()).isEqualTo(1);
    String manyWords = "Subject: " + "=?UTF-8?B?QQ==?= ".repeat(50_000) + "\n\n";
    ParseResult<HeaderSection> m = assertTimeoutPreemptively(TIMEOUT, () -> HeaderSection.parse(manyWords));
    assertThat(m.orElseThrow().value("Subject").orElseThrow()).startsWith("AAAA").hasSize(50_000);
    String badCharsets = "Subject: " + "=?nope?Q?x?= ".repeat(50_000) + "\n\n";
    ParseResult<HeaderSection> b = assertTimeoutPreemptively(TIMEOUT, () -> HeaderSection.parse(badCharsets));
    assertThat(b.diagnostics()).hasSizeLessThanOrEqualTo(Limits.DEFAULT_MAX_DIAGNOSTICS + 1);
  }

  @Test
  void manyLinesAndFieldsOfGarbage() {
    String garbage = "no colon here\n".repeat(100_000) + "\n";
    ParseResult<HeaderSection> r = assertTimeoutPreemptively(TIMEOUT, () -> HeaderSection.parse(garbage));
    assertThat(r.orElseThrow().isEmpty()).isTrue();
    assertThat(r.diagnostics()).hasSizeLessThanOrEqualTo(Limits.DEFAULT_MAX_DIAGNOSTICS + 2);
    String antispam = "X-Forefront-Antispam-Report: " + "a;".repeat(200_000) + "\nX-Spam-Status: Yes, tests="
        + "A,".repeat(100_000) + "\n\n";
    HeaderSection h = HeaderSection.parse(antispam).orElseThrow();
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> AntispamHeaders.of(h))).isNotNull();
  }

  /**
   * Chars that upper- or lower-case to two: the JDK's case mapping grows its result by copying it
   * for each of them, which on half a million took minutes; keys, names and tokens are mapped in
   * linear time.
   */
  @Test
  void halfAMillionCharsThatCaseMapToTwo() {
    String sharpS = "\u00df".repeat(MB / 2);
    ParseResult<ForefrontAntispamReport> report =
        assertTimeoutPreemptively(TIMEOUT, () -> ForefrontAntispamReport.parse(sharpS + ":1;SFV:SPM"));
    assertThat(report.orElseThrow().get("SFV")).hasValue("SPM");
    assertThat(report.orElseThrow().get("SS".repeat(MB / 2))).hasValue("1");
    // a name asked for is lower-cased too
    HeaderSection h = HeaderSection.parse("From: a@example.com\n\n").orElseThrow();
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> h.first("\u0130".repeat(MB / 2)))).isEmpty();
    assertThat(h.first("FROM")).isPresent();
  }

  /**
   * Unclosed address literals and angle brackets: each is read once, up to where an atom would end,
   * not to the end of the field for every one of them.
   */
  @Test
  void tensOfThousandsOfUnclosedLiterals() {
    for (String unit : new String[] {"[\n", "[)", "<\r\n", "[(x)"}) {
      String value = "from a by b " + unit.repeat(60_000 / unit.length()) + "; Tue, 2 Apr 2024 09:15:27 +0000";
      ReceivedHeader r = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedHeader.parse(value));
      assertThat(r.from()).as(unit).hasValue("a");
      assertThat(r.dateTime()).as(unit).isPresent();
    }
  }

  /** A DKIM-Signature of half a million empty tags: each tag is read once, not searched to the end. */
  @Test
  void halfAMillionTagsInASignature() {
    String headers = "Received: from a by b; Tue, 2 Apr 2024 09:15:27 +0000\nDKIM-Signature: " + ";".repeat(MB / 2)
        + " t=1712049327\nFrom: a@example.com\n\n";
    HeaderSection h = HeaderSection.parse(headers).orElseThrow();
    ReceivedTimeline t = assertTimeoutPreemptively(TIMEOUT, () -> ReceivedTimeline.of(h));
    assertThat(t.hops()).hasSize(1);
  }
}
