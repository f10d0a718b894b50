package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.auth.AuthMethod;
import io.maildiag.headers.dkim.TestSigner.Message;
import io.maildiag.headers.dkim.TestSigner.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARC chains built by {@link TestSigner}, validated by {@link ArcVerifier}. */
class ArcVerifierTest {

  static final Instant T = DkimSignVerifyTest.NOW.minusSeconds(120);

  static ArcVerifier verifier() {
    return ArcVerifier.builder().resolver(DkimSignVerifyTest.DNS).clock(DkimSignVerifyTest.CLOCK).build();
  }

  static Params sealer(int instance) {
    return instance % 2 == 1
        ? Params.of(DkimAlgorithm.RSA_SHA256, TestKeys.RSA_2048.getPrivate(), "example.com", "rsa2048")
            .headers("from", "to", "subject", "date", "message-id", "dkim-signature")
        : Params.of(DkimAlgorithm.ED25519_SHA256, TestKeys.ED25519.getPrivate(), "example.com", "ed")
            .headers("from", "to", "subject", "date", "message-id", "arc-authentication-results");
  }

  /** The test message, DKIM-signed, with {@code n} ARC sets added by successive intermediaries. */
  static Message chain(int n) {
    Message m = DkimSignVerifyTest.signed(DkimSignVerifyTest.MSG, DkimSignVerifyTest.ed("ed"));
    for (int i = 1; i <= n; i++) {
      m = TestSigner.arcSeal(m.prepend("Received: from hop" + i + ".example.net by hop" + (i + 1) + ".example.net"),
          i, i == 1 ? ArcChainStatus.NONE : ArcChainStatus.PASS, sealer(i), T);
    }
    return m;
  }

  static ArcValidation validate(Message m) {
    return verifier().validate(m.bytes());
  }

  static void assertFails(ArcValidation v, ArcFailureReason reason, int instance) {
    assertThat(v.result()).as(String.valueOf(v.failure())).isEqualTo(ArcResult.FAIL);
    assertThat(v.failure()).isPresent();
    assertThat(v.failure().get().reason()).as(v.failure().get().toString()).isEqualTo(reason);
    assertThat(v.failure().get().instance()).hasValue(instance);
  }

  /** Replaces the first header field whose text starts with {@code prefix}. */
  static Message replaceField(Message m, String prefix, String replacement) {
    List<String> h = new ArrayList<>(m.headers());
    for (int i = 0; i < h.size(); i++) {
      if (h.get(i).startsWith(prefix)) {
        if (replacement == null) {
          h.remove(i);
        } else {
          h.set(i, replacement);
        }
        return new Message(h, m.body());
      }
    }
    throw new AssertionError("no field " + prefix);
  }

  @Test
  void noArcFieldsIsNone() {
    ArcValidation v = validate(DkimSignVerifyTest.MSG);
    assertThat(v.result()).isEqualTo(ArcResult.NONE);
    assertThat(v.failure()).isEmpty();
    assertThat(v.latestInstance()).isZero();
  }

  @Test
  void chainsOfOneToThreeSetsPass() {
    for (int n = 1; n <= 3; n++) {
      ArcValidation v = validate(chain(n));
      assertThat(v.failure()).as("n=" + n).isEmpty();
      assertThat(v.result()).isEqualTo(ArcResult.PASS);
      assertThat(v.sets()).hasSize(n);
      assertThat(v.latestInstance()).isEqualTo(n);
      assertThat(v.seals()).hasSize(n).allSatisfy((i, r) -> assertThat(r.isPass()).isTrue());
      assertThat(v.messageSignatures()).hasSize(n);
      assertThat(v.oldestPass()).hasValue(0);
      assertThat(v.sets().get(0).authenticationResults().results().first(AuthMethod.SPF)).isPresent();
      assertThat(v.toAuthResult().toString()).isEqualTo("arc=pass header.oldest-pass=0");
    }
  }

  @Test
  void theDkimSignatureStillVerifiesUnderTheChain() {
    DkimVerification d = DkimSignVerifyTest.verifier().verify(chain(2).bytes());
    assertThat(d.signatures()).singleElement().satisfies(s -> assertThat(s.isPass()).isTrue());
  }

  @Test
  void aBodyChangedAfterTheLastSealFailsTheLatestMessageSignature() {
    ArcValidation v = validate(chain(2).replace("hungry", "starving"));
    assertFails(v, ArcFailureReason.MESSAGE_SIGNATURE_FAILED, 2);
    assertThat(v.failure().get().cause()).map(DkimFailure::reason).contains(DkimFailureReason.BODY_HASH_MISMATCH);
  }

  @Test
  void aBodyChangedBetweenHopsStillPassesWithAnOldestPass() {
    // Hop 1 seals; the body is changed (a list footer); hop 2 and 3 seal the changed message.
    Message m = chain(1);
    m = m.withBody(m.body() + "-- \r\nlist footer\r\n");
    for (int i = 2; i <= 3; i++) {
      m = TestSigner.arcSeal(m, i, ArcChainStatus.PASS, sealer(i), T);
    }
    ArcValidation v = validate(m);
    assertThat(v.failure()).isEmpty();
    assertThat(v.result()).isEqualTo(ArcResult.PASS);
    assertThat(v.messageSignatures().get(1).reason()).contains(DkimFailureReason.BODY_HASH_MISMATCH);
    assertThat(v.oldestPass()).hasValue(2);
  }

  @Test
  void aChangedArcAuthenticationResultsBreaksTheSeal() {
    Message m = chain(3).replace("mx1.example.net;", "mx1.example.net; dmarc=pass header.from=example.com;");
    ArcValidation v = validate(m);
    assertThat(v.result()).isEqualTo(ArcResult.FAIL);
    assertThat(v.failure().get().reason()).isEqualTo(ArcFailureReason.SEAL_FAILED);
    // The latest seal covers every set, so it is the first to fail.
    assertThat(v.failure().get().instance()).hasValue(3);
    assertThat(v.failure().get().cause()).map(DkimFailure::reason).contains(DkimFailureReason.SIGNATURE_MISMATCH);
  }

  @Test
  void aForgedSealIsFound() {
    Message m = chain(2);
    String seal = m.headers().stream().filter(h -> h.startsWith("ARC-Seal: i=1")).findFirst().orElseThrow();
    int b = seal.lastIndexOf("b=") + 2;
    String forged = seal.substring(0, b) + (seal.charAt(b) == 'A' ? 'B' : 'A') + seal.substring(b + 1);
    ArcValidation v = validate(replaceField(m, "ARC-Seal: i=1", forged));
    assertThat(v.result()).isEqualTo(ArcResult.FAIL);
    assertThat(v.failure().get().reason()).isEqualTo(ArcFailureReason.SEAL_FAILED);
  }

  @Test
  void aMissingSetIsAGap() {
    Message m = chain(3);
    for (String prefix : List.of("ARC-Seal: i=2", "ARC-Message-Signature: i=2", "ARC-Authentication-Results: i=2")) {
      m = replaceField(m, prefix, null);
    }
    assertFails(validate(m), ArcFailureReason.INSTANCE_GAP, 2);
  }

  @Test
  void aSetWithoutItsMessageSignatureIsIncomplete() {
    ArcValidation v = validate(replaceField(chain(2), "ARC-Message-Signature: i=1", null));
    assertFails(v, ArcFailureReason.INCOMPLETE_SET, 1);
    assertThat(v.failure().get().message()).contains("ARC-Message-Signature");
  }

  @Test
  void aDuplicateInstanceFails() {
    Message m = chain(2);
    String aar = m.headers().stream().filter(h -> h.startsWith("ARC-Authentication-Results: i=1")).findFirst()
        .orElseThrow();
    assertFails(validate(m.prepend(aar)), ArcFailureReason.DUPLICATE_INSTANCE, 1);
  }

  @Test
  void cvMustBeNoneAtOneAndPassAfter() {
    Message m = DkimSignVerifyTest.signed(DkimSignVerifyTest.MSG, DkimSignVerifyTest.ed("ed"));
    Message wrongFirst = TestSigner.arcSeal(m, 1, ArcChainStatus.PASS, sealer(1), T);
    assertFails(validate(wrongFirst), ArcFailureReason.INVALID_CHAIN_VALIDATION, 1);
    Message wrongSecond = TestSigner.arcSeal(chain(1), 2, ArcChainStatus.NONE, sealer(2), T);
    assertFails(validate(wrongSecond), ArcFailureReason.INVALID_CHAIN_VALIDATION, 2);
  }

  @Test
  void aLatestSealSayingFailEndsValidation() {
    Message m = TestSigner.arcSeal(chain(1), 2, ArcChainStatus.FAIL, sealer(2), T);
    ArcValidation v = validate(m);
    assertFails(v, ArcFailureReason.CHAIN_ALREADY_FAILED, 2);
    assertThat(v.toAuthResult().toString()).startsWith("arc=fail reason=");
  }

  @Test
  void failurePropagatesThroughLaterSeals() {
    // Hop 2 saw a broken chain and sealed cv=fail; hop 3 sealed cv=pass over it anyway.
    Message m = TestSigner.arcSeal(chain(1), 2, ArcChainStatus.FAIL, sealer(2), T);
    m = TestSigner.arcSeal(m, 3, ArcChainStatus.PASS, sealer(3), T);
    assertFails(validate(m), ArcFailureReason.CHAIN_ALREADY_FAILED, 2);
  }

  @Test
  void aMalformedFieldFailsTheChain() {
    Message m = replaceField(chain(2), "ARC-Seal: i=1", "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; b=AAAA");
    ArcValidation v = validate(m);
    assertFails(v, ArcFailureReason.MALFORMED_FIELD, 1);
    assertThat(v.failure().get().message()).contains("s=");
    assertThat(v.diagnostics()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_MISSING_TAG));
  }

  @Test
  void sealsWithAnHTagAreMalformed() {
    ArcSeal.Parsed p = ArcSeal.parseInternal("i=1; a=rsa-sha256; cv=none; d=example.com; s=s; h=from; b=AAAA");
    assertThat(p.seal()).isEmpty();
    assertThat(p.tags().diagnostics).anyMatch(d -> d.code().equals(DkimCodes.ARC_SEAL_HAS_H_TAG));
  }

  @Test
  void instancesAboveFiftyAreMalformed() {
    assertThat(ArcSeal.parse("i=51; a=rsa-sha256; cv=pass; d=example.com; s=s; b=AAAA").errors())
        .anyMatch(d -> d.code().equals(DkimCodes.ARC_INVALID_INSTANCE));
    assertThat(ArcAuthenticationResults.parse("i=0; mx.example.net; none").isSuccess()).isFalse();
    assertThat(ArcMessageSignature.parse("a=rsa-sha256; d=example.com; s=s; h=from; bh=AAAA; b=AAAA").isSuccess())
        .isFalse();
  }

  @Test
  void aSealKeyThatCannotBeFetchedFailsWithTheCause() {
    Params absent = Params.of(DkimAlgorithm.ED25519_SHA256, TestKeys.ED25519.getPrivate(), "example.com", "servfail")
        .headers("from", "to", "subject");
    Message m = TestSigner.arcSeal(DkimSignVerifyTest.MSG, 1, ArcChainStatus.NONE, absent, T);
    ArcValidation v = validate(m);
    assertThat(v.result()).isEqualTo(ArcResult.FAIL);
    assertThat(v.failure().get().cause()).map(DkimFailure::reason).contains(DkimFailureReason.KEY_LOOKUP_TEMPERROR);
  }

  @Test
  void parsedSetsExposeTheirFields() {
    ArcValidation v = validate(chain(2));
    ArcSet second = v.sets().get(1);
    assertThat(second.instance()).isEqualTo(2);
    assertThat(second.seal().chainValidation()).isEqualTo(ArcChainStatus.PASS);
    assertThat(second.seal().algorithm()).isEqualTo(DkimAlgorithm.ED25519_SHA256);
    assertThat(second.messageSignature().signature().signs("arc-authentication-results")).isTrue();
    assertThat(second.authenticationResults().results().authservId()).contains("mx2.example.net");
  }

  @Test
  void headerSectionsValidateLikeRawBytes() {
    byte[] raw = chain(3).bytes();
    HeaderSection section = HeaderSection.parse(raw).orElseThrow();
    byte[] body = Arrays.copyOfRange(raw, section.bodyOffset().getAsInt(), raw.length);
    assertThat(verifier().validate(section, body).result()).isEqualTo(ArcResult.PASS);
    assertThat(verifier().validate(section.fields(), body).result()).isEqualTo(ArcResult.PASS);
  }
}
