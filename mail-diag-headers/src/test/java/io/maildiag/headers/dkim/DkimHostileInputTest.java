package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maildiag.core.ParseResult;
import io.maildiag.headers.auth.AuthResultsMode;
import io.maildiag.headers.auth.AuthenticationResults;
import io.maildiag.headers.auth.ReceivedSpf;
import io.maildiag.headers.dkim.TestSigner.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs built to be slow: every parser and verifier stays linear and bounded. */
class DkimHostileInputTest {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final int MB = 1024 * 1024;

  @Test
  void authenticationResultsWithDeepNestingAndManySeparators() {
    String nested = "example.com; spf=pass (" + "(".repeat(100_000) + "x" + ")".repeat(100_000) + ") smtp.mailfrom=a";
    ParseResult<AuthenticationResults> r = assertTimeoutPreemptively(TIMEOUT,
        () -> AuthenticationResults.parse(nested, AuthResultsMode.STRICT));
    assertThat(r.isSuccess()).isTrue();
    String semis = "example.com" + ";".repeat(MB / 2);
    ParseResult<AuthenticationResults> s = assertTimeoutPreemptively(TIMEOUT, () -> AuthenticationResults.parse(semis));
    assertThat(s.diagnostics().size()).isLessThanOrEqualTo(101);
    String junk = "x ".repeat(MB / 4) + "=";
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> AuthenticationResults.parse(junk))).isNotNull();
    String unclosed = "example.com; spf=pass " + "(".repeat(MB / 2);
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> AuthenticationResults.parse(unclosed)).hasErrors()).isTrue();
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> ReceivedSpf.parse("pass " + "a=b;".repeat(MB / 8))))
        .isNotNull();
  }

  @Test
  void tagListsWithoutEqualsSigns() {
    String noEquals = "a;".repeat(MB / 2);
    ParseResult<DkimSignature> r = assertTimeoutPreemptively(TIMEOUT, () -> DkimSignature.parse(noEquals));
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.diagnostics().size()).isLessThanOrEqualTo(100);
    assertThat(assertTimeoutPreemptively(TIMEOUT, () -> DkimKeyRecord.parse(";".repeat(MB))).isSuccess()).isFalse();
  }

  @Test
  void aLongHListOverManyFields() {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      headers.add("X-Filler-" + (i % 50) + ": " + i);
    }
    headers.add("From: a@example.com");
    Message m = new Message(headers, "body\r\n");
    String h = String.join(":", java.util.Collections.nCopies(50_000, "x-filler-7")) + ":from";
    Message signed = m.prepend("DKIM-Signature: v=1; a=ed25519-sha256; d=example.com; s=ed; h=" + h
        + "; bh=" + TestSigner.bodyHash(DkimCanonicalization.SIMPLE, m.body(), null) + "; b=AAAA");
    DkimVerification v = assertTimeoutPreemptively(TIMEOUT, () -> DkimSignVerifyTest.verifier().verify(signed.bytes()));
    assertThat(v.signatures().get(0).reason()).contains(DkimFailureReason.SIGNATURE_MISMATCH);
  }

  @Test
  void aLargeBodyAndManySignatures() {
    StringBuilder body = new StringBuilder();
    String line = "a \t line with  trailing white space \t \r\n";
    while (body.length() < 4 * MB) {
      body.append(line);
    }
    Message m = DkimSignVerifyTest.MSG.withBody(body.toString());
    for (int i = 0; i < 5; i++) {
      m = DkimSignVerifyTest.signed(m, DkimSignVerifyTest.ed("ed"));
    }
    Message fm = m;
    DkimVerification v = assertTimeoutPreemptively(TIMEOUT, () -> DkimSignVerifyTest.verifier().verify(fm.bytes()));
    assertThat(v.passing()).hasSize(5);
  }

  @Test
  void manyArcFieldsAreRefusedQuickly() {
    List<String> headers = new ArrayList<>(DkimSignVerifyTest.MSG.headers());
    for (int i = 1; i <= 2000; i++) {
      headers.add(0, "ARC-Seal: i=" + (i % 60 + 1) + "; a=rsa-sha256; cv=pass; d=example.com; s=s; b=AAAA");
    }
    byte[] bytes = new Message(headers, "x\r\n").bytes();
    ArcValidation v = assertTimeoutPreemptively(TIMEOUT, () -> ArcVerifierTest.verifier().validate(bytes));
    assertThat(v.result()).isEqualTo(ArcResult.FAIL);
    assertThat(new String(bytes, StandardCharsets.US_ASCII)).isNotEmpty();
  }
}
