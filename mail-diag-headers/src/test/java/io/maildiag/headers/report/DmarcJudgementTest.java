package io.maildiag.headers.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.dmarc.AlignmentCheck;
import io.maildiag.dns.dmarc.DmarcCodes;
import io.maildiag.dns.dmarc.DmarcDisposition;
import io.maildiag.dns.dmarc.DmarcResult;
import io.maildiag.dns.dmarc.PolicySource;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.headers.report.DmarcJudgement.Agreement;
import io.maildiag.headers.report.DmarcJudgement.DkimSource;
import io.maildiag.headers.report.DmarcJudgement.SpfSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmarcJudgementTest {

  private static final KeyPair KEY = ReportSigner.rsa();
  private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id");

  private static final String ORIGINAL = String.join("\r\n",
      "From: Alice <alice@tidepool.example.com>",
      "To: bob@example.org",
      "Subject: hello",
      "Date: Tue, 3 Mar 2026 09:59:59 +0000",
      "Message-ID: <m1@tidepool.example.com>");

  private static String trace(String authResults) {
    return String.join("\r\n",
        "Received: from mx1.example.org (mx1.example.org [10.0.0.5]) by mbox.example.org with LMTP id m1;"
            + " Tue, 3 Mar 2026 10:02:00 +0000",
        "Authentication-Results: mx1.example.org; " + authResults,
        "Received: from out.sender.example.net (out.sender.example.net [203.0.113.25]) by mx1.example.org"
            + " with ESMTPS id q1; Tue, 3 Mar 2026 10:01:00 +0000");
  }

  private static byte[] signed(String trace, String domain) {
    return (trace + "\r\n" + ReportSigner.sign(ORIGINAL, "body\r\n", KEY.getPrivate(), domain, "t1", SIGNED))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] unsigned(String trace, String original) {
    return (trace + "\r\n" + original + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static InMemoryDnsResolver.Builder dns(String dmarc) {
    return InMemoryDnsResolver.builder().txt("_dmarc.tidepool.example.com", dmarc);
  }

  private static HeaderReport analyze(InMemoryDnsResolver dns, byte[] message) {
    return HeaderAnalyzer.builder().resolver(dns).build().analyze(message);
  }

  @Test
  void passViaVerifiedDkim() {
    InMemoryDnsResolver dns = dns("v=DMARC1; p=reject")
        .txt("t1._domainkey.tidepool.example.com", ReportSigner.keyStrings(KEY)).build();
    byte[] msg = signed(trace("spf=fail smtp.mailfrom=esp.example.net; dkim=pass header.d=tidepool.example.com;"
        + " dmarc=pass header.from=tidepool.example.com"), "tidepool.example.com");
    HeaderReport r = analyze(dns, msg);
    DmarcJudgement j = r.dmarc().orElseThrow();
    assertThat(j.authorDomain()).contains(DomainName.of("tidepool.example.com"));
    assertThat(j.dkimSource()).isEqualTo(DkimSource.VERIFIED);
    assertThat(j.result()).as(j.reasons().toString()).contains(DmarcResult.PASS);
    assertThat(j.policy()).contains(DmarcDisposition.REJECT);
    assertThat(j.policySource()).contains(PolicySource.P);
    assertThat(j.disposition()).contains(DmarcDisposition.NONE);
    assertThat(j.alignedIdentifiers()).extracting(AlignmentCheck::identifier)
        .containsExactly(AlignmentCheck.Identifier.DKIM);
    assertThat(j.spf()).map(s -> s.result()).contains(SpfResult.FAIL);
    assertThat(j.spfSource()).isEqualTo(SpfSource.AUTHENTICATION_RESULTS);
    assertThat(j.receiverResult()).contains("pass");
    assertThat(j.receiverAuthservId()).contains("mx1.example.org");
    assertThat(j.agreement()).isEqualTo(Agreement.AGREES);
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isFalse();
    assertThat(r.has(ReportCodes.HEADERS_DMARC_DISAGREES)).isFalse();
    assertThat(r.has(ReportCodes.HEADERS_AUTHOR_DOMAIN_INVALID)).isFalse();
  }

  @Test
  void passViaSpfFromAuthenticationResults() {
    InMemoryDnsResolver dns = dns("v=DMARC1; p=quarantine").build();
    byte[] msg = unsigned(trace("spf=pass smtp.mailfrom=b@bounce.tidepool.example.com; dkim=none;"
        + " dmarc=pass header.from=tidepool.example.com"), ORIGINAL);
    DmarcJudgement j = analyze(dns, msg).dmarc().orElseThrow();
    assertThat(j.dkimSource()).isEqualTo(DkimSource.VERIFIED);
    assertThat(j.dkim()).isEmpty();
    assertThat(j.spfSource()).isEqualTo(SpfSource.AUTHENTICATION_RESULTS);
    assertThat(j.spf()).map(s -> s.domain()).contains(DomainName.of("bounce.tidepool.example.com"));
    assertThat(j.result()).as(j.reasons().toString()).contains(DmarcResult.PASS);
    assertThat(j.alignedIdentifiers()).singleElement().satisfies(c -> {
      assertThat(c.identifier()).isEqualTo(AlignmentCheck.Identifier.SPF);
      assertThat(c.reason()).contains("relaxed");
    });
    assertThat(j.agreement()).isEqualTo(Agreement.AGREES);
  }

  @Test
  void spfFromReceivedSpfWhenAuthenticationResultsHasNone() {
    InMemoryDnsResolver dns = dns("v=DMARC1; p=none").build();
    String trace = "Received-SPF: pass (mx1.example.org: domain of alice@tidepool.example.com designates"
        + " 203.0.113.25 as permitted sender) client-ip=203.0.113.25;"
        + " envelope-from=\"alice@tidepool.example.com\"; helo=out.sender.example.net;\r\n"
        + trace("dkim=none");
    DmarcJudgement j = analyze(dns, unsigned(trace, ORIGINAL)).dmarc().orElseThrow();
    assertThat(j.spfSource()).isEqualTo(SpfSource.RECEIVED_SPF);
    assertThat(j.result()).as(j.reasons().toString()).contains(DmarcResult.PASS);
    assertThat(j.receiver()).isEmpty();
    assertThat(j.agreement()).isEqualTo(Agreement.NOT_COMPARED);
  }

  @Test
  void failWhenNothingAligns() {
    InMemoryDnsResolver dns = dns("v=DMARC1; p=quarantine")
        .txt("t1._domainkey.esp.example.net", ReportSigner.keyStrings(KEY)).build();
    byte[] msg = signed(trace("spf=pass smtp.mailfrom=bounce@esp.example.net; dkim=pass header.d=esp.example.net;"
        + " dmarc=fail (p=quarantine) header.from=tidepool.example.com"), "esp.example.net");
    HeaderReport r = analyze(dns, msg);
    DmarcJudgement j = r.dmarc().orElseThrow();
    assertThat(j.result()).as(j.reasons().toString()).contains(DmarcResult.FAIL);
    assertThat(j.policy()).contains(DmarcDisposition.QUARANTINE);
    assertThat(j.disposition()).contains(DmarcDisposition.QUARANTINE);
    assertThat(j.alignedIdentifiers()).isEmpty();
    assertThat(j.alignments()).hasSize(2);
    assertThat(j.agreement()).isEqualTo(Agreement.AGREES);
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isTrue();
    assertThat(r.has(ReportCodes.HEADERS_DMARC_DISAGREES)).isFalse();
    Diagnostic fail = r.findings().stream().filter(d -> d.code().equals(ReportCodes.HEADERS_DMARC_FAIL))
        .findFirst().orElseThrow();
    assertThat(fail.message()).contains("tidepool.example.com", "p=quarantine");
  }

  @Test
  void severalFromHeadersLeaveDmarcUnjudged() {
    InMemoryDnsResolver dns = dns("v=DMARC1; p=reject").build();
    byte[] msg = unsigned(trace("spf=pass smtp.mailfrom=tidepool.example.com; dmarc=pass"),
        ORIGINAL + "\r\nFrom: mallory@evil.example.net");
    HeaderReport r = analyze(dns, msg);
    DmarcJudgement j = r.dmarc().orElseThrow();
    assertThat(j.authorDomain()).isEmpty();
    assertThat(j.verdict()).isEmpty();
    assertThat(j.result()).isEmpty();
    assertThat(j.agreement()).isEqualTo(Agreement.NOT_COMPARED);
    assertThat(j.authorDomainProblems()).extracting(Diagnostic::code).containsExactly(DmarcCodes.FROM_MULTIPLE_FIELDS);
    Diagnostic d = r.findings().stream().filter(f -> f.code().equals(ReportCodes.HEADERS_AUTHOR_DOMAIN_INVALID))
        .findFirst().orElseThrow();
    assertThat(d.evidence()).contains("FROM_MULTIPLE_FIELDS");
    assertThat(d.message()).contains("From");
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isFalse();
  }

  @Test
  void disagreementWithTheReceiver() {
    // The receiver saw a DKIM pass at delivery; the key has since been removed, so mail-diag fails it.
    InMemoryDnsResolver dns = dns("v=DMARC1; p=reject").build();
    byte[] msg = signed(trace("spf=pass smtp.mailfrom=esp.example.net; dkim=pass header.d=tidepool.example.com;"
        + " dmarc=pass header.from=tidepool.example.com"), "tidepool.example.com");
    HeaderReport r = analyze(dns, msg);
    DmarcJudgement j = r.dmarc().orElseThrow();
    assertThat(j.result()).as(j.reasons().toString()).contains(DmarcResult.FAIL);
    assertThat(j.receiverResult()).contains("pass");
    assertThat(j.agreement()).isEqualTo(Agreement.DISAGREES);
    assertThat(r.has(ReportCodes.HEADERS_DMARC_DISAGREES)).isTrue();
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isTrue();
    Diagnostic d = r.findings().stream().filter(f -> f.code().equals(ReportCodes.HEADERS_DMARC_DISAGREES))
        .findFirst().orElseThrow();
    assertThat(d.message()).contains("mx1.example.org", "dmarc=pass", "dmarc=fail");
  }

  @Test
  void bestGuessPassWithoutRecordAgreesWithNone() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().build();
    byte[] msg = unsigned(trace("spf=pass smtp.mailfrom=tidepool.example.com; dkim=none;"
        + " dmarc=bestguesspass action=none header.from=tidepool.example.com"), ORIGINAL);
    HeaderReport r = analyze(dns, msg);
    DmarcJudgement j = r.dmarc().orElseThrow();
    assertThat(j.result()).contains(DmarcResult.NONE);
    assertThat(j.policy()).isEmpty();
    assertThat(j.agreement()).isEqualTo(Agreement.AGREES);
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isFalse();
  }

  @Test
  void noResolverNoJudgement() {
    byte[] msg = unsigned(trace("spf=pass smtp.mailfrom=tidepool.example.com; dmarc=fail"), ORIGINAL);
    HeaderReport r = HeaderAnalyzer.builder().build().analyze(msg);
    assertThat(r.dmarc()).isEmpty();
    assertThat(r.has(ReportCodes.HEADERS_DMARC_FAIL)).isFalse();
    assertThat(r.has(ReportCodes.HEADERS_DMARC_DISAGREES)).isFalse();
    // The receiver's verdict is still there, through Authentication-Results.
    assertThat(r.has(ReportCodes.HEADERS_AUTH_RESULT_FAIL)).isTrue();
  }
}
