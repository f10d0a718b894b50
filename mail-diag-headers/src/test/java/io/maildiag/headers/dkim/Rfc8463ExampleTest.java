package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.ZoneFileResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** RFC 8463 Appendix A: the same message signed with Ed25519 and RSA; both verify with the RFC's keys. */
class Rfc8463ExampleTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(Rfc8463ExampleTest.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    }
  }

  static ZoneFileResolver keys() throws IOException {
    return ZoneFileResolver.parse(new String(resource("/dkim/rfc8463-keys.zone"), StandardCharsets.UTF_8))
        .orElseThrow();
  }

  private static DkimVerifier verifier() throws IOException {
    return DkimVerifier.builder()
        .resolver(keys())
        .clock(Clock.fixed(Instant.ofEpochSecond(1528637909L + 60), ZoneOffset.UTC))
        .build();
  }

  @Test
  void bothSignaturesOfTheRfcExampleVerify() throws IOException {
    DkimVerification v = verifier().verify(resource("/dkim/rfc8463-a3.eml"));

    assertThat(v.signatures()).hasSize(2);
    DkimSignatureResult ed = v.signatures().get(0);
    DkimSignatureResult rsa = v.signatures().get(1);
    assertThat(ed.failure()).isEmpty();
    assertThat(ed.result()).isEqualTo(DkimResult.PASS);
    assertThat(ed.algorithm()).contains(DkimAlgorithm.ED25519_SHA256);
    assertThat(ed.selector()).contains("brisbane");
    assertThat(ed.domain()).contains(DomainName.of("football.example.com"));
    assertThat(ed.keyBits()).hasValue(256);

    assertThat(rsa.failure()).isEmpty();
    assertThat(rsa.result()).isEqualTo(DkimResult.PASS);
    assertThat(rsa.algorithm()).contains(DkimAlgorithm.RSA_SHA256);
    assertThat(rsa.selector()).contains("test");
    assertThat(rsa.keyBits()).hasValue(1024);
    // A 1024-bit key is accepted but below the recommended 2048 (RFC 8301 section 3.2).
    assertThat(rsa.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_WEAK_KEY));

    assertThat(v.result()).isEqualTo(DkimResult.PASS);
    assertThat(v.passingDomains()).containsExactly(DomainName.of("football.example.com"));
    assertThatThrownBy(() -> v.passingDomains().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theExampleAlsoVerifiesWithCrlfLineEnds() throws IOException {
    String lf = new String(resource("/dkim/rfc8463-a3.eml"), StandardCharsets.US_ASCII);
    byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    DkimVerification v = verifier().verify(crlf);
    assertThat(v.signatures()).allMatch(DkimSignatureResult::isPass);
    assertThat(v.diagnostics()).isEmpty();
  }

  @Test
  void aChangedWordBreaksTheBodyHashOfBoth() throws IOException {
    String lf = new String(resource("/dkim/rfc8463-a3.eml"), StandardCharsets.US_ASCII);
    byte[] tampered = lf.replace("We lost the game.", "We won the game.").getBytes(StandardCharsets.US_ASCII);
    DkimVerification v = verifier().verify(tampered);
    assertThat(v.signatures()).allMatch(s -> s.reason().equals(java.util.Optional.of(DkimFailureReason.BODY_HASH_MISMATCH)));
    assertThat(v.result()).isEqualTo(DkimResult.FAIL);
  }

  @Test
  void aChangedSubjectBreaksTheSignatureOfBoth() throws IOException {
    String lf = new String(resource("/dkim/rfc8463-a3.eml"), StandardCharsets.US_ASCII);
    byte[] tampered = lf.replace("Subject: Is dinner ready?", "Subject: Is lunch ready?")
        .getBytes(StandardCharsets.US_ASCII);
    DkimVerification v = verifier().verify(tampered);
    assertThat(v.signatures()).allMatch(s -> s.reason().equals(java.util.Optional.of(DkimFailureReason.SIGNATURE_MISMATCH)));
  }

  @Test
  void relaxedHeaderCanonicalizationToleratesRefolding() throws IOException {
    String lf = new String(resource("/dkim/rfc8463-a3.eml"), StandardCharsets.US_ASCII);
    byte[] refolded = lf.replace("Subject: Is dinner ready?", "subject:   Is dinner\n\t ready?   ")
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(verifier().verify(refolded).signatures()).allMatch(DkimSignatureResult::isPass);
  }
}
