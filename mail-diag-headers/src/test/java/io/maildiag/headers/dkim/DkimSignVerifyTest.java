package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.auth.AuthResultsMode;
import io.maildiag.headers.auth.AuthenticationResults;
import io.maildiag.headers.dkim.TestSigner.Message;
import io.maildiag.headers.dkim.TestSigner.Params;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages signed by {@link TestSigner} with keys the test generates, verified by {@link DkimVerifier}. */
class DkimSignVerifyTest {

  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final Message MSG = Message.of("Hi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n",
      "From: Joe SixPack <joe@example.com>",
      "To: Suzie Q <suzie@shopping.example.net>",
      "Subject: Is dinner ready?",
      "Date: Wed, 01 May 2024 11:59:00 +0000",
      "Message-ID: <20240501.1@example.com>");

  static final InMemoryDnsResolver DNS = InMemoryDnsResolver.builder()
      .txt("rsa2048._domainkey.example.com", TestKeys.strings(TestKeys.record(TestKeys.RSA_2048)))
      .txt("rsa1024._domainkey.example.com", TestKeys.strings(TestKeys.record(TestKeys.RSA_1024)))
      .txt("rsa512._domainkey.example.com", TestKeys.strings(TestKeys.record(TestKeys.RSA_512)))
      .txt("ed._domainkey.example.com", TestKeys.record(TestKeys.ED25519))
      .txt("wrongkey._domainkey.example.com", TestKeys.record(TestKeys.ED25519_OTHER))
      .txt("revoked._domainkey.example.com", "v=DKIM1; k=rsa; p=")
      .txt("badsyntax._domainkey.example.com", "v=DKIM1; k=rsa; p=!!not-base64!!")
      .txt("unknowntype._domainkey.example.com", "v=DKIM1; k=dsa; p=AAAA")
      .txt("sha1only._domainkey.example.com",
          TestKeys.strings("v=DKIM1; k=rsa; h=sha1; p=" + TestKeys.p(TestKeys.RSA_2048.getPublic())))
      .txt("notemail._domainkey.example.com",
          TestKeys.strings("v=DKIM1; k=rsa; s=tlsrpt; p=" + TestKeys.p(TestKeys.RSA_2048.getPublic())))
      .txt("strict._domainkey.example.com", "v=DKIM1; k=ed25519; t=s; p=" + TestKeys.p(TestKeys.ED25519.getPublic()))
      .txt("testing._domainkey.example.com", "v=DKIM1; k=ed25519; t=y; p=" + TestKeys.p(TestKeys.ED25519.getPublic()))
      .txt("twokeys._domainkey.example.com", "not a key record")
      .txt("twokeys._domainkey.example.com", TestKeys.record(TestKeys.ED25519))
      .a("nodata._domainkey.example.com", "192.0.2.1")
      .servfail("servfail._domainkey.example.com")
      .timeout("timeout._domainkey.example.com")
      .txt("ed._domainkey.other.example", TestKeys.record(TestKeys.ED25519))
      .build();

  static DkimVerifier verifier() {
    return DkimVerifier.builder().resolver(DNS).clock(CLOCK).build();
  }

  static Params rsa(String selector) {
    java.security.KeyPair pair = switch (selector) {
      case "rsa1024" -> TestKeys.RSA_1024;
      case "rsa512" -> TestKeys.RSA_512;
      default -> TestKeys.RSA_2048;
    };
    return Params.of(DkimAlgorithm.RSA_SHA256, pair.getPrivate(), "example.com", selector);
  }

  static Params ed(String selector) {
    return Params.of(DkimAlgorithm.ED25519_SHA256, TestKeys.ED25519.getPrivate(), "example.com", selector);
  }

  static Message signed(Message m, Params p) {
    return m.prepend(TestSigner.dkim(m, p));
  }

  static DkimSignatureResult verifyOne(Message m) {
    return verifyOne(verifier(), m);
  }

  static DkimSignatureResult verifyOne(DkimVerifier v, Message m) {
    DkimVerification result = v.verify(m.bytes());
    assertThat(result.signatures()).hasSize(1);
    return result.signatures().get(0);
  }

  static void assertFails(DkimSignatureResult r, DkimFailureReason reason) {
    assertThat(r.reason()).as(r.toString()).contains(reason);
    assertThat(r.result()).isEqualTo(reason.result());
    assertThat(r.failure().get().message()).isNotBlank();
  }

  // ----- algorithms and keys

  @Test
  void rsa2048Passes() {
    DkimSignatureResult r = verifyOne(signed(MSG, rsa("rsa2048")));
    assertThat(r.failure()).isEmpty();
    assertThat(r.result()).isEqualTo(DkimResult.PASS);
    assertThat(r.keyBits()).hasValue(2048);
    assertThat(r.algorithm()).contains(DkimAlgorithm.RSA_SHA256);
    assertThat(r.domain()).contains(DomainName.of("example.com"));
    assertThat(r.selector()).contains("rsa2048");
    assertThat(r.findings()).noneMatch(Diagnostic::isError)
        .noneMatch(d -> d.code().equals(DkimCodes.DKIM_WEAK_KEY));
  }

  @Test
  void rsa1024PassesWithAWeakKeyFinding() {
    DkimSignatureResult r = verifyOne(signed(MSG, rsa("rsa1024")));
    assertThat(r.isPass()).isTrue();
    assertThat(r.keyBits()).hasValue(1024);
    assertThat(r.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_WEAK_KEY));
  }

  @Test
  void rsa512IsRefusedAsTooSmall() {
    DkimSignatureResult r = verifyOne(signed(MSG, rsa("rsa512")));
    assertFails(r, DkimFailureReason.KEY_TOO_SMALL);
    assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(r.keyBits()).hasValue(512);
    assertThat(r.failure().get().message()).contains("512").contains("RFC 8301");
  }

  @Test
  void ed25519Passes() {
    DkimSignatureResult r = verifyOne(signed(MSG, ed("ed")));
    assertThat(r.failure()).isEmpty();
    assertThat(r.keyBits()).hasValue(256);
    assertThat(r.algorithm()).contains(DkimAlgorithm.ED25519_SHA256);
  }

  @Test
  void rsaSha1IsRefused() {
    Params p = Params.of(DkimAlgorithm.RSA_SHA1, TestKeys.RSA_2048.getPrivate(), "example.com", "rsa2048");
    DkimSignatureResult r = verifyOne(signed(MSG, p));
    assertFails(r, DkimFailureReason.RSA_SHA1_REFUSED);
    assertThat(r.signature()).isPresent();
    assertThat(r.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_RSA_SHA1));
  }

  @Test
  void aKeyThatDoesNotFitGivesASignatureMismatch() {
    assertFails(verifyOne(signed(MSG, ed("wrongkey"))), DkimFailureReason.SIGNATURE_MISMATCH);
  }

  @ParameterizedTest
  @CsvSource({"simple,simple", "simple,relaxed", "relaxed,simple", "relaxed,relaxed"})
  void everyCanonicalizationPairVerifies(String h, String b) {
    Params p = ed("ed").canon(DkimCanonicalization.of(h).orElseThrow(), DkimCanonicalization.of(b).orElseThrow());
    DkimSignatureResult r = verifyOne(signed(MSG, p));
    assertThat(r.failure()).isEmpty();
    assertThat(r.signature().get().headerCanonicalization().tagValue()).isEqualTo(h);
    assertThat(r.signature().get().bodyCanonicalization().tagValue()).isEqualTo(b);
  }

  // ----- tampering

  @Test
  void aChangedSignedHeaderIsASignatureMismatch() {
    Message m = signed(MSG, rsa("rsa2048")).replace("Subject: Is dinner ready?", "Subject: Is dinner ready?!");
    assertFails(verifyOne(m), DkimFailureReason.SIGNATURE_MISMATCH);
  }

  @Test
  void aChangedBodyIsABodyHashMismatch() {
    Message m = signed(MSG, ed("ed")).replace("hungry", "thirsty");
    DkimSignatureResult r = verifyOne(m);
    assertFails(r, DkimFailureReason.BODY_HASH_MISMATCH);
    assertThat(r.result()).isEqualTo(DkimResult.FAIL);
  }

  @Test
  void aChangedUnsignedHeaderDoesNotMatter() {
    Message m = signed(MSG.prepend("X-Mailer: one"), ed("ed")).replace("X-Mailer: one", "X-Mailer: two")
        .prepend("Received: from relay.example.net by mx.example.org");
    assertThat(verifyOne(m).isPass()).isTrue();
  }

  @Test
  void aChangedSignatureValueIsASignatureMismatch() {
    Message good = signed(MSG, ed("ed"));
    String sig = good.headers().get(0);
    int b = sig.lastIndexOf("b=") + 2;
    char c = sig.charAt(b);
    String bad = sig.substring(0, b) + (c == 'A' ? 'B' : 'A') + sig.substring(b + 1);
    List<String> h = new ArrayList<>(good.headers());
    h.set(0, bad);
    assertFails(verifyOne(new Message(h, good.body())), DkimFailureReason.SIGNATURE_MISMATCH);
  }

  @Test
  void aFieldAddedAboveTheSignedOneIsIgnoredUnlessOversigned() {
    // h= names subject once: the bottom-most Subject is the signed one.
    Message added = signed(MSG, ed("ed")).prepend("Subject: Buy now!");
    assertThat(verifyOne(added).isPass()).isTrue();
    // h= names subject twice: the second refers to a Subject that did not exist, so adding one breaks it.
    Params oversigned = ed("ed").headers("from", "to", "subject", "subject", "date");
    Message m = signed(MSG, oversigned);
    assertThat(verifyOne(m).isPass()).isTrue();
    assertFails(verifyOne(m.prepend("Subject: Buy now!")), DkimFailureReason.SIGNATURE_MISMATCH);
  }

  // ----- canonicalization edge cases

  @Test
  void simpleHeaderCanonicalizationBreaksOnRefoldingRelaxedDoesNot() {
    Message simple = signed(MSG, ed("ed").canon(DkimCanonicalization.SIMPLE, DkimCanonicalization.SIMPLE));
    Message relaxed = signed(MSG, ed("ed"));
    String refolded = "Subject: Is dinner\r\n  ready?  ";
    assertFails(verifyOne(simple.replace("Subject: Is dinner ready?", refolded)), DkimFailureReason.SIGNATURE_MISMATCH);
    assertThat(verifyOne(relaxed.replace("Subject: Is dinner ready?", refolded)).isPass()).isTrue();
    assertThat(verifyOne(relaxed.replace("Subject: Is dinner ready?", "SUBJECT :Is dinner ready?")).isPass()).isTrue();
  }

  @Test
  void trailingEmptyLinesNeverMatter() {
    for (DkimCanonicalization c : DkimCanonicalization.values()) {
      Message m = signed(MSG, ed("ed").canon(DkimCanonicalization.RELAXED, c));
      assertThat(verifyOne(m.withBody(m.body() + "\r\n\r\n\r\n")).isPass()).as(c.toString()).isTrue();
    }
  }

  @Test
  void trailingWhiteSpaceMattersOnlyToSimpleBodies() {
    Message simple = signed(MSG, ed("ed").canon(DkimCanonicalization.RELAXED, DkimCanonicalization.SIMPLE));
    Message relaxed = signed(MSG, ed("ed"));
    assertFails(verifyOne(simple.replace("Hi.\r\n", "Hi.  \r\n")), DkimFailureReason.BODY_HASH_MISMATCH);
    assertThat(verifyOne(relaxed.replace("Hi.\r\n", "Hi. \t \r\n")).isPass()).isTrue();
    assertThat(verifyOne(relaxed.replace("the game.  Are", "the game. \t  Are")).isPass()).isTrue();
    assertFails(verifyOne(relaxed.replace("the game.  Are", "the game.Are")), DkimFailureReason.BODY_HASH_MISMATCH);
  }

  @Test
  void emptyAndUnterminatedBodiesVerify() {
    for (String body : List.of("", "\r\n", "no line end", "\r\n\r\nx")) {
      for (DkimCanonicalization c : DkimCanonicalization.values()) {
        Message m = MSG.withBody(body);
        assertThat(verifyOne(signed(m, ed("ed").canon(c, c))).isPass()).as("%s %s", body, c).isTrue();
      }
    }
  }

  @Test
  void bareLfLineEndsAreReadAsCrlf() {
    Message m = signed(MSG, ed("ed"));
    byte[] lf = new String(m.bytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    DkimVerification v = verifier().verify(lf);
    assertThat(v.signatures().get(0).isPass()).isTrue();
    assertThat(v.diagnostics()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_MALFORMED_MESSAGE));
  }

  // ----- l=

  @Test
  void bodyLengthLimitLetsAppendedContentPassWithAFinding() {
    long l = Canonicalizer.body(DkimCanonicalization.RELAXED, MSG.body().getBytes(StandardCharsets.UTF_8)).length;
    Message m = signed(MSG, ed("ed").length(l));
    Message appended = m.withBody(m.body() + "-- \r\nAppended by a list\r\n");
    DkimSignatureResult r = verifyOne(appended);
    assertThat(r.isPass()).isTrue();
    assertThat(r.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_BODY_LENGTH_TAG));
    assertThat(r.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_PARTIAL_BODY));
    // The untouched message has no partial-body finding.
    assertThat(verifyOne(m).findings()).noneMatch(d -> d.code().equals(DkimCodes.DKIM_PARTIAL_BODY));

    DkimVerifier strict = DkimVerifier.builder().resolver(DNS).clock(CLOCK).rejectPartialBody(true).build();
    DkimSignatureResult refused = verifyOne(strict, appended);
    assertFails(refused, DkimFailureReason.PARTIAL_BODY);
    assertThat(refused.result()).isEqualTo(DkimResult.POLICY);
  }

  @Test
  void bodyLengthBeyondTheBodyIsAnError() {
    Message m = signed(MSG, ed("ed").length(10_000));
    assertFails(verifyOne(m), DkimFailureReason.BODY_LENGTH_EXCEEDS_BODY);
  }

  // ----- time

  @Test
  void expiredSignaturesAreRefused() {
    Params p = ed("ed").times(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)));
    DkimSignatureResult r = verifyOne(signed(MSG, p));
    assertFails(r, DkimFailureReason.SIGNATURE_EXPIRED);
    assertThat(r.failure().get().message()).contains(NOW.minus(Duration.ofDays(3)).toString());
  }

  @Test
  void expiryWithinTheClockSkewIsTolerated() {
    Params p = ed("ed").times(NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(100));
    assertThat(verifyOne(signed(MSG, p)).isPass()).isTrue();
    DkimVerifier noSkew = DkimVerifier.builder().resolver(DNS).clock(CLOCK).clockSkew(Duration.ZERO).build();
    assertFails(verifyOne(noSkew, signed(MSG, p)), DkimFailureReason.SIGNATURE_EXPIRED);
  }

  @Test
  void signaturesFromTheFutureAreRefused() {
    Params p = ed("ed").times(NOW.plus(Duration.ofHours(2)), null);
    assertFails(verifyOne(signed(MSG, p)), DkimFailureReason.SIGNATURE_IN_FUTURE);
    Params soon = ed("ed").times(NOW.plusSeconds(60), null);
    assertThat(verifyOne(signed(MSG, soon)).isPass()).isTrue();
  }

  @Test
  void expiryBeforeTimestampIsInconsistent() {
    Params p = ed("ed").times(NOW.minusSeconds(10), NOW.minusSeconds(20));
    assertFails(verifyOne(signed(MSG, p)), DkimFailureReason.TIMESTAMP_INCONSISTENT);
  }

  // ----- key lookup and key record

  @Test
  void missingKeysAreKeyNotFoundWithTheDnsOutcome() {
    DkimSignatureResult nx = verifyOne(signed(MSG, ed("absent")));
    assertFails(nx, DkimFailureReason.KEY_NOT_FOUND);
    assertThat(nx.failure().get().message()).contains("NXDOMAIN").contains("absent._domainkey.example.com");
    DkimSignatureResult nodata = verifyOne(signed(MSG, ed("nodata")));
    assertFails(nodata, DkimFailureReason.KEY_NOT_FOUND);
    assertThat(nodata.failure().get().message()).contains("NODATA");
  }

  @Test
  void failedLookupsAreTemporaryErrors() {
    DkimSignatureResult sf = verifyOne(signed(MSG, ed("servfail")));
    assertFails(sf, DkimFailureReason.KEY_LOOKUP_TEMPERROR);
    assertThat(sf.result()).isEqualTo(DkimResult.TEMPERROR);
    assertThat(sf.failure().get().message()).contains("SERVFAIL");
    assertFails(verifyOne(signed(MSG, ed("timeout"))), DkimFailureReason.KEY_LOOKUP_TEMPERROR);
  }

  @Test
  void keyRecordProblemsHavePreciseReasons() {
    assertFails(verifyOne(signed(MSG, rsa("revoked"))), DkimFailureReason.KEY_REVOKED);
    assertFails(verifyOne(signed(MSG, rsa("badsyntax"))), DkimFailureReason.KEY_SYNTAX_ERROR);
    DkimSignatureResult unknown = verifyOne(signed(MSG, rsa("unknowntype")));
    assertFails(unknown, DkimFailureReason.KEY_SYNTAX_ERROR);
    assertThat(unknown.failure().get().message()).contains("dsa");
    assertFails(verifyOne(signed(MSG, rsa("sha1only"))), DkimFailureReason.HASH_NOT_ALLOWED);
    assertFails(verifyOne(signed(MSG, rsa("notemail"))), DkimFailureReason.KEY_NOT_FOR_EMAIL);
  }

  @Test
  void aKeyOfTheWrongTypeIsAnAlgorithmMismatch() {
    // The record at "ed" holds an Ed25519 key; the signature claims rsa-sha256.
    Params p = Params.of(DkimAlgorithm.RSA_SHA256, TestKeys.RSA_2048.getPrivate(), "example.com", "ed");
    DkimSignatureResult r = verifyOne(signed(MSG, p));
    assertFails(r, DkimFailureReason.ALGORITHM_MISMATCH);
    assertThat(r.failure().get().message()).contains("ed25519").contains("rsa-sha256");
  }

  @Test
  void theFirstValidRecordAmongSeveralIsUsed() {
    assertThat(verifyOne(signed(MSG, ed("twokeys"))).isPass()).isTrue();
  }

  @Test
  void strictKeysRefuseSubdomainIdentities() {
    assertThat(verifyOne(signed(MSG, ed("strict").extra("i=@example.com; "))).isPass()).isTrue();
    assertFails(verifyOne(signed(MSG, ed("strict").extra("i=news@mail.example.com; "))),
        DkimFailureReason.AUID_SUBDOMAIN_NOT_ALLOWED);
    assertThat(verifyOne(signed(MSG, ed("ed").extra("i=news@mail.example.com; "))).isPass()).isTrue();
  }

  @Test
  void testingKeysPassWithAFinding() {
    DkimSignatureResult r = verifyOne(signed(MSG, ed("testing")));
    assertThat(r.isPass()).isTrue();
    assertThat(r.findings()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_KEY_TESTING));
  }

  // ----- signature field rules

  @Test
  void fromMustBeSigned() {
    DkimSignatureResult r = verifyOne(signed(MSG, ed("ed").headers("to", "subject", "date")));
    assertFails(r, DkimFailureReason.FROM_NOT_SIGNED);
    assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(r.domain()).contains(DomainName.of("example.com"));
    assertThat(r.selector()).contains("ed");
  }

  @Test
  void configuredHeadersMustBeSigned() {
    DkimVerifier v = DkimVerifier.builder().resolver(DNS).clock(CLOCK).requireSignedHeaders("Subject", "Date").build();
    assertThat(verifyOne(v, signed(MSG, ed("ed"))).isPass()).isTrue();
    DkimSignatureResult r = verifyOne(v, signed(MSG, ed("ed").headers("from", "to", "date")));
    assertFails(r, DkimFailureReason.HEADER_NOT_SIGNED);
    assertThat(r.result()).isEqualTo(DkimResult.POLICY);
    assertThat(r.failure().get().message()).contains("subject");
  }

  @Test
  void anIdentityOutsideTheDomainIsRefused() {
    DkimSignatureResult r = verifyOne(signed(MSG, ed("ed").extra("i=joe@example.org; ")));
    assertFails(r, DkimFailureReason.AUID_NOT_IN_SDID);
  }

  @Test
  void anUnknownAlgorithmIsRefused() {
    Message m = signed(MSG, ed("ed")).replace("a=ed25519-sha256", "a=ed448-sha512");
    assertFails(verifyOne(m), DkimFailureReason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void aMalformedSignatureFieldIsNeutral() {
    Message m = MSG.prepend("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=%%%; b=abc");
    DkimSignatureResult r = verifyOne(m);
    assertFails(r, DkimFailureReason.SIGNATURE_SYNTAX);
    assertThat(r.result()).isEqualTo(DkimResult.NEUTRAL);
    assertThat(r.domain()).contains(DomainName.of("example.com"));
    assertThat(r.selector()).contains("sel");
    assertThat(r.failure().get().message()).contains("bh=");
  }

  @Test
  void anUnsupportedVersionIsRefused() {
    Message m = signed(MSG, ed("ed")).replace("v=1;", "v=2;");
    assertFails(verifyOne(m), DkimFailureReason.UNSUPPORTED_VERSION);
  }

  // ----- several signatures, other entry points, reporting

  @Test
  void oneGoodSignatureAmongBadOnesMakesTheMessagePass() {
    Message once = signed(MSG, ed("absent"));
    Message twice = signed(once, ed("ed"));
    DkimVerification v = verifier().verify(twice.bytes());
    assertThat(v.signatures()).extracting(DkimSignatureResult::result)
        .containsExactly(DkimResult.PASS, DkimResult.PERMERROR);
    assertThat(v.result()).isEqualTo(DkimResult.PASS);
    assertThat(v.passing()).hasSize(1);
    assertThat(v.forDomain(DomainName.of("example.com"))).map(DkimSignatureResult::isPass).contains(true);
  }

  @Test
  void noSignatureIsNone() {
    DkimVerification v = verifier().verify(MSG.bytes());
    assertThat(v.signatures()).isEmpty();
    assertThat(v.result()).isEqualTo(DkimResult.NONE);
  }

  @Test
  void signaturesBeyondTheLimitAreReportedNotVerified() {
    Message m = MSG;
    for (int i = 0; i < 3; i++) {
      m = signed(m, ed("ed"));
    }
    DkimVerifier v = DkimVerifier.builder().resolver(DNS).clock(CLOCK).maxSignatures(2).build();
    DkimVerification r = v.verify(m.bytes());
    assertThat(r.signatures()).hasSize(2);
    assertThat(r.diagnostics()).anyMatch(d -> d.code().equals(DkimCodes.DKIM_TOO_MANY_SIGNATURES));
  }

  @Test
  void headerFieldsAndHeaderSectionsVerifyLikeRawBytes() {
    Message m = signed(MSG, rsa("rsa2048"));
    byte[] raw = m.bytes();
    HeaderSection section = HeaderSection.parse(raw).orElseThrow();
    byte[] body = Arrays.copyOfRange(raw, section.bodyOffset().getAsInt(), raw.length);
    assertThat(verifier().verify(section, body).signatures()).singleElement()
        .satisfies(s -> assertThat(s.isPass()).isTrue());
    List<HeaderField> fields = section.fields();
    assertThat(verifier().verify(fields, body).signatures()).singleElement()
        .satisfies(s -> assertThat(s.isPass()).isTrue());
  }

  @Test
  void utf8HeadersVerify() {
    Message m = MSG.replace("Subject: Is dinner ready?", "Subject: Déjà vu? 夕食");
    Message s = signed(m, ed("ed"));
    assertThat(verifyOne(s).isPass()).isTrue();
  }

  @Test
  void resultsRenderAsAuthenticationResults() {
    Message m = signed(signed(MSG, ed("absent")), rsa("rsa2048"));
    DkimVerification v = verifier().verify(m.bytes());
    AuthenticationResults ar = v.toAuthenticationResults("mx.example.org");
    String text = ar.toString();
    assertThat(text).startsWith("mx.example.org; dkim=pass header.d=example.com header.s=rsa2048 header.a=rsa-sha256 header.b=");
    assertThat(text).contains("dkim=permerror reason=\"no key record at absent._domainkey.example.com (NXDOMAIN)\"");
    assertThat(AuthenticationResults.parse(text, AuthResultsMode.STRICT).orElseThrow()).isEqualTo(ar);
  }

  @Test
  void keyLookupsAreNotRepeatedWithinAMessage() {
    io.maildiag.dns.RecordingDnsResolver rec = io.maildiag.dns.RecordingDnsResolver.wrap(DNS);
    Message m = signed(signed(MSG, ed("ed")), ed("ed"));
    DkimVerification v = DkimVerifier.builder().resolver(rec).clock(CLOCK).build().verify(m.bytes());
    assertThat(v.passing()).hasSize(2);
    assertThat(rec.queries()).hasSize(1);
  }

  @Test
  void builderRefusesBadSettings() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DkimVerifier.builder().clockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DkimVerifier.builder().maxSignatures(0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DkimVerifier.builder().requireSignedHeaders("bad name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oversizedMessagesAreNotParsed() {
    DkimVerifier v = DkimVerifier.builder().resolver(DNS).clock(CLOCK)
        .limits(io.maildiag.core.Limits.builder().maxInputBytes(100).build()).build();
    DkimVerification r = v.verify(signed(MSG, ed("ed")).bytes());
    assertThat(r.signatures()).isEmpty();
    assertThat(r.diagnostics()).anyMatch(Diagnostic::isError);
    assertThat(Optional.of(r.result())).contains(DkimResult.NONE);
  }
}
