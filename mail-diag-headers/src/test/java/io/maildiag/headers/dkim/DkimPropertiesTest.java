package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input makes a DKIM or ARC parser, or the verifiers, throw. */
class DkimPropertiesTest {

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().ofMaxLength(150);
  }

  @Provide
  Arbitrary<String> tagSoup() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("v=1", "v=DKIM1", "a=rsa-sha256", "a=ed25519-sha256", "a=rsa-sha1", "c=relaxed/simple",
            "d=example.com", "s=sel", "h=from:to", "h=", "bh=AAAA", "b=AAAA", "b=", "i=@example.com", "i=1",
            "i=51", "l=10", "t=1", "x=0", "q=dns/txt", "z=a:b|c", "cv=pass", "k=ed25519", "p=", "p=AAAA", "t=y:s",
            ";", "=", " ", "\r\n\t", "\u0000", "é", "==", ":"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(6));
    return token.list().ofMaxSize(25).map(l -> String.join("", l));
  }

  static void wellFormed(String input, ParseResult<?> r) {
    if (!r.isSuccess()) {
      assertThat(r.hasErrors()).isTrue();
    }
    for (Diagnostic d : r.diagnostics()) {
      d.span().ifPresent(s -> {
        assertThat(s.offset()).isBetween(0, input.length());
        assertThat(s.end()).isBetween(s.offset(), input.length());
      });
    }
  }

  static void parseAll(String input) {
    wellFormed(input, DkimSignature.parse(input));
    wellFormed(input, DkimKeyRecord.parse(input));
    wellFormed(input, ArcSeal.parse(input));
    wellFormed(input, ArcMessageSignature.parse(input));
    wellFormed(input, ArcAuthenticationResults.parse(input));
  }

  @Property(tries = 300)
  void parsersNeverThrowOnArbitraryText(@ForAll("anyText") String input) {
    parseAll(input);
  }

  @Property(tries = 500)
  void parsersNeverThrowOnTagSoup(@ForAll("tagSoup") String input) {
    parseAll(input);
    DkimSignature.parse(input).value().ifPresent(s -> {
      assertThat(s.signature()).isNotNull();
      assertThat(s.bodyHash()).isNotNull();
    });
  }

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.of("From: a@example.com", "DKIM-Signature: v=1; a=ed25519-sha256; d=example.com; s=ed; h=from;"
            + " bh=AAAA; b=AAAA", "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; s=rsa2048; b=AAAA",
            "ARC-Message-Signature: i=1; a=rsa-sha256; d=example.com; s=x; h=from; bh=AAAA; b=AAAA",
            "ARC-Authentication-Results: i=1; mx.example.net; none", " folded", "no colon", ""),
        Arbitraries.strings().ofMaxLength(40));
    return field.list().ofMaxSize(8).map(l -> String.join("\r\n", l) + "\r\n\r\nbody\r\n");
  }

  @Property(tries = 150)
  void verifiersNeverThrowOnArbitraryMessages(@ForAll("messages") String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    DkimVerification v = DkimSignVerifyTest.verifier().verify(bytes);
    for (DkimSignatureResult r : v.signatures()) {
      assertThat(r.isPass()).isFalse();
      assertThat(r.failure()).isPresent();
    }
    ArcValidation a = ArcVerifierTest.verifier().validate(bytes);
    assertThat(a.result()).isNotEqualTo(ArcResult.PASS);
  }
}
