package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  @Property(tries = 3000)
  void linesOfWhiteSpaceAsReadLineByLine(@ForAll("lines") String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    byte[] got = Normalizer.whiteLinesAsEmpty(b);
    String want = whiteLinesAsEmptyByLines(s);
    assertThat(got == null ? null : new String(got, StandardCharsets.ISO_8859_1)).isEqualTo(want);
  }

  /** The definition, line by line: null when a line is empty or none is white, else white lines emptied. */
  private static String whiteLinesAsEmptyByLines(String s) {
    String[] lines = s.split("\n", -1); // the last element: the text after the last LF
    boolean white = false;
    for (int i = 0; i < lines.length - 1; i++) {
      if (lines[i].isEmpty()) {
        return null;
      }
      white |= lines[i].chars().allMatch(c -> c == ' ' || c == '\t');
    }
    if (!white) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length - 1; i++) {
      out.append(lines[i].chars().allMatch(c -> c == ' ' || c == '\t') ? "" : lines[i]).append('\n');
    }
    return out.append(lines[lines.length - 1]).toString();
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.strings().withChars("ab:\n \t").ofMaxLength(80);
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
