package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Unfolding in one pass gives what the regular-expression replacements gave. */
class HeadersTest {
  private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");

  @Test
  void unfoldAgreesWithTheReplacements() {
    String[] pieces = {"\r", "\n", "\r\n", " ", "\t", "a", "b c", "\u00e9"};
    Random random = new Random(17);
    for (int i = 0; i < 20000; i++) {
      String v = EngineLiteralFindTest.noise(random, pieces, random.nextInt(12));
      assertThat(Headers.unfold(v)).as(v.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(FOLD.matcher(v).replaceAll("").replace("\r", "").replace("\n", " "));
    }
  }

  @Test
  void unfoldJoinsContinuationLines() {
    assertThat(Headers.unfold("a\r\n b\nc\r\n\td")).isEqualTo("a b c\td");
    assertThat(Headers.unfold("plain")).isEqualTo("plain");
  }
}
