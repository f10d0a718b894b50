package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Line ending normalisation and the line and header limits. */
class NormalizerTest {

  private static String norm(String s, int maxLine, int maxHeader, Diags d) {
    byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
    return new String(Normalizer.normalize(in, in.length, maxLine, maxHeader, d), StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyLineEndingBecomesLf() {
    Diags d = new Diags(10);
    assertThat(norm("a\r\nb\rc\nd\r\r\ne\r\rf", 100, 100, d)).isEqualTo("a\nb\nc\nd\ne\n\nf");
  }

  @Test
  void linesOfWhiteSpaceAreEmptyOnlyInAMessageWithoutAnEmptyLine() {
    byte[] spaced = "A: 1\n \nbody\n\t \nmore".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(Normalizer.whiteLinesAsEmpty(spaced), StandardCharsets.ISO_8859_1))
        .isEqualTo("A: 1\n\nbody\n\nmore");
    // an empty line anywhere: a line of white space is left as it is (a folded field's, perhaps)
    assertThat(Normalizer.whiteLinesAsEmpty("A: 1\n \n x\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1))).isNull();
    // no line of white space: nothing to do
    assertThat(Normalizer.whiteLinesAsEmpty("A: 1\nB: 2".getBytes(StandardCharsets.ISO_8859_1))).isNull();
    // a last line of spaces without its LF is not a line break to make
    assertThat(Normalizer.whiteLinesAsEmpty("A: 1\n  ".getBytes(StandardCharsets.ISO_8859_1))).isNull();
  }

  @Test
  void longLinesAreCutWithOneDiagnostic() {
    Diags d = new Diags(10);
    String out = norm("H: v\n\n" + "x".repeat(50) + "\n" + "y".repeat(60) + "\nz", 10, 1000, d);
    assertThat(out).isEqualTo("H: v\n\nxxxxxxxxxx\nyyyyyyyyyy\nz");
    assertThat(d.toList()).hasSize(1).first().satisfies(x -> assertThat(x.code()).isEqualTo(Codes.LINE_TOO_LONG));
  }

  @Test
  void oversizedHeaderSectionIsCutAtAField() {
    Diags d = new Diags(10);
    String out = norm("A: 1\nB: 2222222222\nC: 3\n\nbody", 1000, 8, d);
    assertThat(out).isEqualTo("A: 1\nB: 2222222222\n\nbody");
    assertThat(d.toList()).anyMatch(x -> x.code().equals(Codes.HEADER_TOO_LARGE));
  }

  @Test
  void mboxSeparatorIsDropped() {
    Diags d = new Diags(10);
    assertThat(norm("From MAILER-DAEMON Sat Dec  6 13:45:31 2014\nSubject: x\n\nb", 100, 100, d))
        .isEqualTo("Subject: x\n\nb");
  }
}
