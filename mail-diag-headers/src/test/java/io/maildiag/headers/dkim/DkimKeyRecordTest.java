package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** DKIM key records (RFC 6376 section 3.6.1, RFC 8463 section 4.2). */
class DkimKeyRecordTest {

  static final String ED_P = TestKeys.p(TestKeys.ED25519.getPublic());
  static final String RSA_P = TestKeys.p(TestKeys.RSA_1024.getPublic());

  @Test
  void rsaRecordWithEveryTag() {
    DkimKeyRecord k = DkimKeyRecord.parse("v=DKIM1; k=rsa; h=sha256:SHA1; s=email; t=y:s; n=see=20docs; p=" + RSA_P)
        .orElseThrow();
    assertThat(k.keyType()).isEqualTo(DkimKeyType.RSA);
    assertThat(k.hashAlgorithms()).containsExactly("sha256", "sha1");
    assertThat(k.allowsHash("SHA256")).isTrue();
    assertThat(k.serviceTypes()).containsExactly("email");
    assertThat(k.allowsEmail()).isTrue();
    assertThat(k.testing()).isTrue();
    assertThat(k.strictIdentity()).isTrue();
    assertThat(k.notes()).contains("see docs");
    assertThat(k.revoked()).isFalse();
    assertThat(k.keyBits()).hasValue(1024);
    assertThat(k.publicKey()).isPresent();
  }

  @Test
  void ed25519RecordHoldsTheRawKey() {
    DkimKeyRecord k = DkimKeyRecord.parse("v=DKIM1; k=ed25519; p=" + ED_P).orElseThrow();
    assertThat(k.keyType()).isEqualTo(DkimKeyType.ED25519);
    assertThat(k.publicKeyBytes()).hasSize(32);
    assertThat(k.keyBits()).hasValue(256);
    assertThat(k.publicKey().get().getAlgorithm()).isIn("Ed25519", "EdDSA");
    // The key in SubjectPublicKeyInfo form is refused, with the reason.
    String spki = Base64.getEncoder().encodeToString(TestKeys.ED25519.getPublic().getEncoded());
    ParseResult<DkimKeyRecord> wrong = DkimKeyRecord.parse("v=DKIM1; k=ed25519; p=" + spki);
    assertThat(wrong.isSuccess()).isFalse();
    assertThat(wrong.errors().get(0).code()).isEqualTo(DkimCodes.DKIM_KEY_INVALID);
    assertThat(wrong.errors().get(0).message()).contains("RFC 8463");
  }

  @Test
  void defaultsApply() {
    DkimKeyRecord k = DkimKeyRecord.parse("p=" + RSA_P).orElseThrow();
    assertThat(k.keyType()).isEqualTo(DkimKeyType.RSA);
    assertThat(k.hashAlgorithms()).isEmpty();
    assertThat(k.allowsHash("sha256")).isTrue();
    assertThat(k.serviceTypes()).containsExactly("*");
    assertThat(k.flags()).isEmpty();
  }

  @Test
  void bareRsaPublicKeysAreAccepted() {
    // Some publishers put a PKCS#1 RSAPublicKey in p= rather than a SubjectPublicKeyInfo.
    byte[] spki = TestKeys.RSA_1024.getPublic().getEncoded();
    byte[] pkcs1 = java.util.Arrays.copyOfRange(spki, 22, spki.length);
    DkimKeyRecord k = DkimKeyRecord.parse("k=rsa; p=" + Base64.getEncoder().encodeToString(pkcs1)).orElseThrow();
    assertThat(k.keyBits()).hasValue(1024);
  }

  @Test
  void emptyPMeansRevoked() {
    ParseResult<DkimKeyRecord> r = DkimKeyRecord.parse("v=DKIM1; k=rsa; p=");
    DkimKeyRecord k = r.orElseThrow();
    assertThat(k.revoked()).isTrue();
    assertThat(k.publicKey()).isEmpty();
    assertThat(k.keyBits()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(DkimCodes.DKIM_KEY_REVOKED);
  }

  @Test
  void whiteSpaceInsideTheKeyIsIgnored() {
    String spaced = RSA_P.substring(0, 50) + " \t" + RSA_P.substring(50);
    assertThat(DkimKeyRecord.parse("v=DKIM1; p=" + spaced).orElseThrow().keyBits()).hasValue(1024);
  }

  @Test
  void syntaxErrorsFail() {
    assertThat(code("v=DKIM2; p=" + RSA_P)).isEqualTo(DkimCodes.DKIM_UNSUPPORTED_VERSION);
    assertThat(code("k=rsa; v=DKIM1; p=" + RSA_P)).isEqualTo(DkimCodes.DKIM_TAG_SYNTAX);
    assertThat(code("v=DKIM1; k=rsa")).isEqualTo(DkimCodes.DKIM_MISSING_TAG);
    assertThat(code("v=DKIM1; k=dsa; p=" + RSA_P)).isEqualTo(DkimCodes.DKIM_KEY_UNKNOWN_TYPE);
    assertThat(code("v=DKIM1; p=@@@")).isEqualTo(DkimCodes.DKIM_INVALID_BASE64);
    assertThat(code("v=DKIM1; p=AAAAAAAA")).isEqualTo(DkimCodes.DKIM_KEY_INVALID);
    assertThat(code("v=DKIM1; k=ed25519; p=" + RSA_P)).isEqualTo(DkimCodes.DKIM_KEY_INVALID);
    assertThat(code("v=DKIM1; p=" + RSA_P + "; p=" + RSA_P)).isEqualTo(DkimCodes.DKIM_DUPLICATE_TAG);
    assertThat(code("a key")).isEqualTo(DkimCodes.DKIM_TAG_SYNTAX);
  }

  @Test
  void unknownTagsAreIgnored() {
    DkimKeyRecord k = DkimKeyRecord.parse("v=DKIM1; g=*; future=1; p=" + ED_P + "; k=ed25519").orElseThrow();
    assertThat(k.keyType()).isEqualTo(DkimKeyType.ED25519);
    assertThat(k.toString()).startsWith("v=DKIM1; g=*; future=1; p=");
  }

  static io.maildiag.core.DiagnosticCode code(String record) {
    ParseResult<DkimKeyRecord> r = DkimKeyRecord.parse(record);
    assertThat(r.isSuccess()).as(record).isFalse();
    return r.errors().get(0).code();
  }
}
