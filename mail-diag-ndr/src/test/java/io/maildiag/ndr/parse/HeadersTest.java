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
      String v = EngineGatesTest.noise(random, pieces, random.nextInt(12));
      assertThat(Headers.unfold(v)).as(v.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(FOLD.matcher(v).replaceAll("").replace("\r", "").replace("\n", " "));
    }
  }

  @Test
  void unfoldJoinsContinuationLines() {
    assertThat(Headers.unfold("a\r\n b\nc\r\n\td")).isEqualTo("a b c\td");
    assertThat(Headers.unfold("plain")).isEqualTo("plain");
  }

  @Test
  void sameNameIsEqualsIgnoreCase() {
    String[] pieces = {"a", "A", "s", "S", "k", "K", "i", "I", "\u017f", "\u0131", "\u0130", "\u212a", "\u00e9",
        "\u00c9", "-", "_", "[", "{", "@", "`", "1"};
    Random random = new Random(37);
    for (int i = 0; i < 50000; i++) {
      String a = EngineGatesTest.noise(random, pieces, random.nextInt(3));
      String b = EngineGatesTest.noise(random, pieces, random.nextInt(3));
      assertThat(Headers.sameName(a, b)).as(a + " / " + b).isEqualTo(a.equalsIgnoreCase(b));
    }
    for (char x = 0; x < 256; x++) {
      for (char y = 0; y < 256; y++) {
        String a = x + "x";
        String b = y + "X";
        assertThat(Headers.sameName(a, b)).isEqualTo(a.equalsIgnoreCase(b));
      }
    }
  }
}
