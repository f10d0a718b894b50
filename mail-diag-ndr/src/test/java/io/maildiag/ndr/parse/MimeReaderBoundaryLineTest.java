package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link MimeReader#firstBoundaryLine(java.io.InputStream)}, read in one pass, against Jakarta Mail's
 * rule for a multipart without a boundary parameter, written out line by line.
 */
class MimeReaderBoundaryLineTest {

  @Property(tries = 3000)
  void isJakartasFirstBoundaryLikeLine(@ForAll("bodies") String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MimeReader.firstBoundaryLine(new ByteArrayInputStream(b))).isEqualTo(reference(body));
  }

  @Test
  void examples() throws IOException {
    assertThat(line("pre\n-----\n--\n--zz \t\nx\n")).isEqualTo(4);
    assertThat(line("--a")).isEqualTo(3);
    assertThat(line("  --a\n-- -\n")).isEqualTo(4);
    assertThat(line("-----\r--\r\n")).isEqualTo(-1);
    assertThat(line("x".repeat(20_000) + "\n--" + "y".repeat(20_000) + "\n")).isEqualTo(20_002);
  }

  private static int line(String s) throws IOException {
    return MimeReader.firstBoundaryLine(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings().withChars("-- \t\n\rab").ofMaxLength(40);
  }

  /** Lines ended by CR LF, CR or LF, trailing blanks and tabs left out, as MimeMultipart reads the preamble. */
  private static int reference(String body) {
    for (String raw : body.split("\r\n|\r|\n", -1)) {
      int e = raw.length();
      while (e > 0 && (raw.charAt(e - 1) == ' ' || raw.charAt(e - 1) == '\t')) {
        e--;
      }
      String line = raw.substring(0, e);
      if (line.length() > 2 && line.startsWith("--") && !(line.length() > 4 && line.chars().allMatch(c -> c == '-'))) {
        return line.length();
      }
    }
    return -1;
  }
}
