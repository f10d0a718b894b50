package io.maildiag.headers.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.headers.dkim.DkimResult;
import io.maildiag.headers.dkim.DkimSignatureResult;
import io.maildiag.headers.report.ConsistencyCheck.Alignment;
import io.maildiag.headers.report.ConsistencyCheck.Kind;
import io.maildiag.headers.report.ConsistencyCheck.Outcome;
import io.maildiag.core.domain.DomainName;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderAnalyzerTest {

  private static final KeyPair KEY = ReportSigner.rsa();

  /** Three hops into example.org; the crossing hop (2) comes from 203.0.113.25. */
  private static String trace(String cip, String returnPath, String mailFrom) {
    return String.join("\r\n",
        "Return-Path: <" + returnPath + ">",
        "Received: from mx1.example.org (mx1.example.org [10.0.0.5]) by mbox.example.org with LMTP id m1;"
            + " Tue, 3 Mar 2026 10:02:00 +0000",
        "Authentication-Results: mx1.example.org; spf=pass smtp.mailfrom=" + mailFrom
            + "; dkim=pass header.d=tidepool.example.com; dmarc=pass header.from=tidepool.example.com",
        "X-Forefront-Antispam-Report: CIP:" + cip + ";CTRY:NL;SCL:1;SFV:NSPM;DIR:INB;",
        "Received: from out.sender.example.net (out.sender.example.net [203.0.113.25]) by mx1.example.org"
            + " with ESMTPS id q1; Tue, 3 Mar 2026 10:01:00 +0000",
        "Received: from [192.0.2.7] by out.sender.example.net with ESMTPSA id s1;"
            + " Tue, 3 Mar 2026 10:00:00 +0000");
  }

  private static final String ORIGINAL = String.join("\r\n",
      "From: Alice <alice@tidepool.example.com>",
      "To: bob@example.org",
      "Subject: =?UTF-8?Q?caf=C3=A9?=",
      "Date: Tue, 3 Mar 2026 09:59:59 +0000",
      "Message-ID: <m1@tidepool.example.com>");

  private static byte[] message(String trace, String original) {
    return (trace + "\r\n" + original + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static HeaderReport analyze(byte[] message) {
    return HeaderAnalyzer.builder().build().analyze(message);
  }

  @Test
  void headersSavedAsUtf16TextAreReadAsThatText() {
    byte[] utf8 = message(trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com"), ORIGINAL);
    String text = new String(utf8, StandardCharsets.UTF_8);
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16 = new byte[body.length + 2];
    utf16[0] = (byte) 0xFF;
    utf16[1] = (byte) 0xFE;
    System.arraycopy(body, 0, utf16, 2, body.length);

    HeaderReport plain = analyze(utf8);
    HeaderReport r = analyze(utf16);

    assertThat(r.summary()).isEqualTo(plain.summary());
    assertThat(r.timeline().hops()).isEqualTo(plain.timeline().hops());
    assertThat(r.timeline().findings()).isEqualTo(plain.timeline().findings());
    assertThat(r.checks()).isEqualTo(plain.checks());
    assertThat(r.findings().get(0).code()).isEqualTo(ReportCodes.HEADERS_BYTE_ORDER_MARK);
    assertThat(r.findings().get(0).message()).contains("UTF-16LE text");
    assertThat(r.findings().subList(1, r.findings().size())).isEqualTo(plain.findings());
  }

  @Test
  void aUtf8ByteOrderMarkIsLeftOutAndTheFirstFieldKept() {
    byte[] utf8 = message(trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com"), ORIGINAL);
    byte[] marked = new byte[utf8.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, marked, 3, utf8.length);

    HeaderReport plain = analyze(utf8);
    HeaderReport r = analyze(marked);

    assertThat(r.headers().fields()).isEqualTo(plain.headers().fields());
    assertThat(r.findings().get(0).code()).isEqualTo(ReportCodes.HEADERS_BYTE_ORDER_MARK);
    assertThat(r.findings().get(0).severity()).isEqualTo(io.maildiag.core.Severity.INFO);
    assertThat(r.findings().subList(1, r.findings().size())).isEqualTo(plain.findings());
  }

  @Test
  void emptyLinesBeforeTheHeaderSectionAreLeftOut() {
    byte[] utf8 = message(trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com"), ORIGINAL);
    byte[] led = new byte[utf8.length + 3];
    led[0] = '\r';
    led[1] = '\n';
    led[2] = '\n';
    System.arraycopy(utf8, 0, led, 3, utf8.length);

    HeaderReport plain = analyze(utf8);
    HeaderReport r = analyze(led);

    assertThat(r.summary()).isEqualTo(plain.summary());
    assertThat(r.timeline().hops()).isEqualTo(plain.timeline().hops());
    assertThat(r.findings().get(0).code()).isEqualTo(ReportCodes.HEADERS_LEADING_EMPTY_LINES);
    assertThat(r.findings().subList(1, r.findings().size())).isEqualTo(plain.findings());
  }

  @Test
  void summaryTimelineAndConsistentChecks() {
    HeaderReport r = analyze(message(trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com"),
        ORIGINAL));
    assertThat(r.summary().subject()).contains("café");
    assertThat(r.summary().from()).contains("Alice <alice@tidepool.example.com>");
    assertThat(r.summary().messageId()).contains("<m1@tidepool.example.com>");
    assertThat(r.timeline().hops()).hasSize(3);
    assertThat(r.timeline().crossingHop()).map(h -> h.number()).contains(2);
    assertThat(r.timeline().totalDelay()).contains(Duration.ofMinutes(2));
    assertThat(r.checks()).extracting(ConsistencyCheck::kind).containsExactly(Kind.values());
    assertThat(r.checks()).allSatisfy(c -> assertThat(c.outcome()).as(c.toString()).isEqualTo(Outcome.CONSISTENT));
    assertThat(r.check(Kind.SPF_ALIGNMENT).orElseThrow().alignment()).contains(Alignment.STRICT);
    assertThat(r.check(Kind.DKIM_ALIGNMENT).orElseThrow().alignment()).contains(Alignment.STRICT);
    assertThat(r.findings()).extracting(d -> d.code().value()).doesNotContain(
        "HEADERS_CIP_MISMATCH", "HEADERS_RETURN_PATH_MISMATCH", "HEADERS_DKIM_NOT_ALIGNED",
        "HEADERS_SPF_NOT_ALIGNED", "HEADERS_NO_AUTH_RESULTS", "HEADERS_AUTH_RESULT_FAIL");
    assertThat(r.authentication().authenticationResults()).hasSize(1);
    assertThat(r.authentication().dkim()).isEmpty();
    assertThat(r.authentication().arc()).isEmpty();
  }

  @Test
  void cipMismatchFires() {
    HeaderReport r = analyze(message(trace("198.51.100.9", "alice@tidepool.example.com", "tidepool.example.com"),
        ORIGINAL));
    assertThat(r.has(ReportCodes.HEADERS_CIP_MISMATCH)).isTrue();
    ConsistencyCheck c = r.check(Kind.CONNECTING_IP).orElseThrow();
    assertThat(c.outcome()).isEqualTo(Outcome.INCONSISTENT);
    assertThat(c.expected()).contains("203.0.113.25");
    assertThat(c.observed()).contains("198.51.100.9");
  }

  @Test
  void cipNotCheckedWithoutForefront() {
    String trace = trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com")
        .replaceAll("X-Forefront-Antispam-Report: [^\r]*\r\n", "");
    HeaderReport r = analyze(message(trace, ORIGINAL));
    assertThat(r.check(Kind.CONNECTING_IP).orElseThrow().outcome()).isEqualTo(Outcome.NOT_CHECKED);
    assertThat(r.has(ReportCodes.HEADERS_CIP_MISMATCH)).isFalse();
  }

  @Test
  void returnPathMismatchFires() {
    HeaderReport r = analyze(message(trace("203.0.113.25", "SRS0=ab=cd=tidepool.example.com=alice@fwd.example.net",
        "tidepool.example.com"), ORIGINAL));
    assertThat(r.has(ReportCodes.HEADERS_RETURN_PATH_MISMATCH)).isTrue();
    assertThat(r.check(Kind.RETURN_PATH).orElseThrow().expected()).contains("fwd.example.net");
    // The SPF domain is still the checked one: aligned.
    assertThat(r.has(ReportCodes.HEADERS_SPF_NOT_ALIGNED)).isFalse();
  }

  @Test
  void spfAlignmentRelaxedAndNotAligned() {
    HeaderReport relaxed = analyze(message(trace("203.0.113.25", "b@bounce.tidepool.example.com",
        "bounce.tidepool.example.com"), ORIGINAL));
    assertThat(relaxed.check(Kind.SPF_ALIGNMENT).orElseThrow().alignment()).contains(Alignment.RELAXED);
    assertThat(relaxed.has(ReportCodes.HEADERS_SPF_NOT_ALIGNED)).isFalse();

    HeaderReport not = analyze(message(trace("203.0.113.25", "b@esp.example.net", "b@esp.example.net"), ORIGINAL));
    assertThat(not.has(ReportCodes.HEADERS_SPF_NOT_ALIGNED)).isTrue();
    assertThat(not.check(Kind.SPF_ALIGNMENT).orElseThrow().alignment()).contains(Alignment.NONE);
    assertThat(not.check(Kind.SPF_ALIGNMENT).orElseThrow().observed()).contains("esp.example.net");
  }

  @Test
  void dkimAlignmentFromAuthResultsWithoutResolver() {
    String trace = trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com")
        .replace("header.d=tidepool.example.com", "header.d=esp.example.net");
    HeaderReport r = analyze(message(trace, ORIGINAL));
    assertThat(r.has(ReportCodes.HEADERS_DKIM_NOT_ALIGNED)).isTrue();
    assertThat(r.check(Kind.DKIM_ALIGNMENT).orElseThrow().observed()).contains("esp.example.net");
  }

  @Test
  void noAuthResultsIsAFinding() {
    HeaderReport r = analyze(message("Received: from a.example.net by b.example.org; Tue, 3 Mar 2026 10:00:00 +0000",
        ORIGINAL));
    assertThat(r.has(ReportCodes.HEADERS_NO_AUTH_RESULTS)).isTrue();
    assertThat(r.check(Kind.SPF_ALIGNMENT).orElseThrow().outcome()).isEqualTo(Outcome.NOT_CHECKED);
  }

  @Test
  void failingVerdictInAuthResultsIsAFinding() {
    String trace = trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com")
        .replace("dmarc=pass", "dmarc=fail");
    HeaderReport r = analyze(message(trace, ORIGINAL));
    assertThat(r.has(ReportCodes.HEADERS_AUTH_RESULT_FAIL)).isTrue();
  }

  @Test
  void dkimVerifiedThroughResolver() {
    String signed = ReportSigner.sign(ORIGINAL, "body\r\n", KEY.getPrivate(), "tidepool.example.com", "t1",
        List.of("from", "to", "subject", "date", "message-id"));
    byte[] msg = (trace("203.0.113.25", "alice@tidepool.example.com", "tidepool.example.com") + "\r\n" + signed)
        .getBytes(StandardCharsets.UTF_8);
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("t1._domainkey.tidepool.example.com", ReportSigner.keyStrings(KEY))
        .build();
    HeaderAnalyzer analyzer = HeaderAnalyzer.builder().resolver(dns).build();
    assertThat(analyzer.verifies()).isTrue();
    HeaderReport r = analyzer.analyze(msg);
    List<DkimSignatureResult> sigs = r.authentication().dkim().orElseThrow().signatures();
    assertThat(sigs).hasSize(1);
    assertThat(sigs.get(0).result()).as(sigs.get(0).toString()).isEqualTo(DkimResult.PASS);
    assertThat(sigs.get(0).domain()).contains(DomainName.of("tidepool.example.com"));
    assertThat(r.authentication().arc()).isPresent();
    assertThat(r.has(ReportCodes.HEADERS_DKIM_FAIL)).isFalse();
    assertThat(r.check(Kind.DKIM_ALIGNMENT).orElseThrow().alignment()).contains(Alignment.STRICT);

    // A changed body fails; the failing domain is still compared for alignment.
    byte[] tampered = new String(msg, StandardCharsets.UTF_8).replace("\r\n\r\nbody", "\r\n\r\nBODY")
        .getBytes(StandardCharsets.UTF_8);
    HeaderReport bad = analyzer.analyze(tampered);
    assertThat(bad.authentication().dkim().orElseThrow().signatures().get(0).result()).isEqualTo(DkimResult.FAIL);
    assertThat(bad.has(ReportCodes.HEADERS_DKIM_FAIL)).isTrue();

    // No key published: permerror.
    HeaderReport noKey = HeaderAnalyzer.builder().resolver(InMemoryDnsResolver.builder().build()).build().analyze(msg);
    assertThat(noKey.authentication().dkim().orElseThrow().signatures().get(0).result())
        .isEqualTo(DkimResult.PERMERROR);
    assertThat(noKey.has(ReportCodes.HEADERS_DKIM_FAIL)).isTrue();
  }

  @Test
  void dkimSignedByThirdPartyIsNotAligned() {
    String signed = ReportSigner.sign(ORIGINAL, "body\r\n", KEY.getPrivate(), "esp.example.net", "t1",
        List.of("from", "subject"));
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("t1._domainkey.esp.example.net", ReportSigner.keyStrings(KEY)).build();
    HeaderReport r = HeaderAnalyzer.builder().resolver(dns).build().analyze(signed.getBytes(StandardCharsets.UTF_8));
    assertThat(r.authentication().dkim().orElseThrow().signatures().get(0).isPass()).isTrue();
    assertThat(r.has(ReportCodes.HEADERS_DKIM_NOT_ALIGNED)).isTrue();
  }

  @Test
  void organisationalDomainHeuristic() {
    assertThat(HeaderAnalyzer.align(DomainName.of("mail.example.com"), DomainName.of("example.com")))
        .isEqualTo(Alignment.RELAXED);
    assertThat(HeaderAnalyzer.align(DomainName.of("example.com"), DomainName.of("example.com")))
        .isEqualTo(Alignment.STRICT);
    assertThat(HeaderAnalyzer.align(DomainName.of("example.net"), DomainName.of("example.com")))
        .isEqualTo(Alignment.NONE);
    assertThat(HeaderAnalyzer.addressDomain("\"Doe, J\" <j@Sub.Example.COM>"))
        .contains(DomainName.of("sub.example.com"));
    assertThat(HeaderAnalyzer.addressDomain("<>")).isEmpty();
  }

  @Test
  void neverThrowsOnGarbage() {
    Random random = new Random(42);
    HeaderAnalyzer analyzer = HeaderAnalyzer.builder().resolver(InMemoryDnsResolver.builder().build()).build();
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[random.nextInt(400)];
      random.nextBytes(b);
      assertThat(analyzer.analyze(b)).isNotNull();
    }
    assertThat(analyzer.analyze(new byte[0]).timeline().hops()).isEmpty();
    String fuzz = "Received: from\r\nAuthentication-Results: ;;;\r\nDKIM-Signature: d=;\r\nFrom: <@>\r\n"
        + "X-Forefront-Antispam-Report: CIP:zz\r\nReturn-Path: <>\r\n\r\n";
    assertThat(analyzer.analyze(fuzz.getBytes(StandardCharsets.UTF_8)).findings()).isNotEmpty();
  }

  @Test
  void everyLookupOfAnAnalysisSharesOneTimeBudget() {
    // ten signatures, each with its own key, on a resolver that never answers
    StringBuilder message = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      message.append("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s").append(i)
          .append("; c=relaxed/relaxed; h=from; bh=AAAA; b=AAAA\r\n");
    }
    message.append(ORIGINAL).append("\r\nbody\r\n");
    io.maildiag.dns.DnsResolver silent = query -> new java.util.concurrent.CompletableFuture<>();
    io.maildiag.core.Limits limits = io.maildiag.core.Limits.builder().totalTimeBudget(Duration.ofMillis(300)).build();
    HeaderAnalyzer analyzer = HeaderAnalyzer.builder().resolver(silent).limits(limits).build();

    HeaderReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> analyzer.analyze(message.toString().getBytes(StandardCharsets.UTF_8)));

    List<DkimSignatureResult> signatures = r.authentication().dkim().orElseThrow().signatures();
    assertThat(signatures).hasSize(10).allSatisfy(x -> assertThat(x.result()).isEqualTo(DkimResult.TEMPERROR));
  }
}
