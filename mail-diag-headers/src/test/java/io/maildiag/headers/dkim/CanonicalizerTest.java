package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 6376 section 3.4: the canonicalization algorithms, including the example of section 3.4.6. */
class CanonicalizerTest {

  static String body(DkimCanonicalization c, String in) {
    return new String(Canonicalizer.body(c, in.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
  }

  static String hash(DkimCanonicalization c, String in) {
    byte[] b = Canonicalizer.body(c, in.getBytes(StandardCharsets.ISO_8859_1));
    return Base64.getEncoder().encodeToString(SignatureChecker.sha256(b, b.length));
  }

  @Test
  void rfc6376Section346Example() {
    // Header fields "A: X", "B : Y\t\r\n\tZ  " and body " C \r\nD \t E\r\n\r\n\r\n".
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "A: X", true)).isEqualTo("a:X\r\n");
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "B : Y\t\r\n\tZ  ", true)).isEqualTo("b:Y Z\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, " C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C\r\nD E\r\n");
    assertThat(Canonicalizer.header(DkimCanonicalization.SIMPLE, "B : Y\t\r\n\tZ  ", true)).isEqualTo("B : Y\t\r\n\tZ  \r\n");
    assertThat(body(DkimCanonicalization.SIMPLE, " C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C \r\nD \t E\r\n");
  }

  @Test
  void emptyBodies() {
    assertThat(body(DkimCanonicalization.SIMPLE, "")).isEqualTo("\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, "")).isEmpty();
    assertThat(body(DkimCanonicalization.SIMPLE, "\r\n\r\n")).isEqualTo("\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, " \r\n\t\r\n")).isEmpty();
    // The well-known hashes of the empty body.
    assertThat(hash(DkimCanonicalization.SIMPLE, "")).isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    assertThat(hash(DkimCanonicalization.RELAXED, "")).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void aMissingFinalLineEndIsAdded() {
    assertThat(body(DkimCanonicalization.SIMPLE, "abc")).isEqualTo("abc\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, "abc  ")).isEqualTo("abc\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, "abc\r\n  ")).isEqualTo("abc\r\n");
    assertThat(body(DkimCanonicalization.SIMPLE, "abc\r\n  ")).isEqualTo("abc\r\n  \r\n");
  }

  @Test
  void emptyLinesInsideTheBodyStay() {
    assertThat(body(DkimCanonicalization.SIMPLE, "a\r\n\r\n\r\nb\r\n\r\n")).isEqualTo("a\r\n\r\n\r\nb\r\n");
    assertThat(body(DkimCanonicalization.RELAXED, "a\r\n \r\n\r\nb\r\n")).isEqualTo("a\r\n\r\n\r\nb\r\n");
  }

  @Test
  void relaxedHeadersUnfoldAndCompress() {
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "SUBJECT:  a \r\n\t b\t\tc  ", false))
        .isEqualTo("subject:a b c");
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "X-Empty:", true)).isEqualTo("x-empty:\r\n");
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "X-Empty:  \r\n ", true)).isEqualTo("x-empty:\r\n");
    // Only ASCII letters are lower-cased; eight-bit octets pass unchanged.
    assertThat(Canonicalizer.header(DkimCanonicalization.RELAXED, "To: J\u00d6RG", false)).isEqualTo("to:J\u00d6RG");
  }

  @Test
  void bareCarriageReturnsAndLineFeedsAreNotLineEnds() {
    assertThat(body(DkimCanonicalization.SIMPLE, "a\rb\nc\r\n")).isEqualTo("a\rb\nc\r\n");
  }
}
