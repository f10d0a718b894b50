package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CharPairs} rules out only words the text does not hold. */
class CharPairsTest {
  private static final String[] PIECES = {"this is the ", "mail system at host", "postfix", " program", "-queue-id",
      ";", "msexch:", "p", "0", "P", "@", "`", " ", "\u00e9", "\u0141", "\u4e2d", "\ud83d\ude00", "q", "1", "Q", "\n",
      "** ", "address not found **", "x-", "-----", "a", "!"};
  private static final String[] WORDS = {"this is the ", "mail system at host", "postfix program", "-queue-id", ";",
      "msexch:", "p0", "0p", "p@", "@`", "q1", "1q", "** address not found **", "x-postfix", "\u00e9\u0141",
      "\u4e2d\ud83d", "a!", "!a", "------", "", "pp"};

  @Test
  void answersAsContains() {
    Random random = new Random(5);
    for (int i = 0; i < 50_000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, random.nextInt(10));
      CharPairs pairs = new CharPairs(text);
      for (String w : WORDS) {
        boolean holds = text.contains(w);
        assertThat(pairs.contains(w)).as("%s in %s", w, text).isEqualTo(holds);
        if (holds) {
          assertThat(pairs.mayContain(w)).as("%s in %s", w, text).isTrue();
        }
      }
      // every piece of the text is a word it holds
      for (int from = 0; from < text.length(); from += 1 + random.nextInt(3)) {
        String w = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(12)));
        assertThat(pairs.mayContain(w)).as("%s in %s", w, text).isTrue();
      }
    }
  }

  @Test
  void rulesOutMissingPairs() {
    CharPairs pairs = new CharPairs("delivery failed");
    assertThat(pairs.mayContain("qmail-send")).isFalse();
    assertThat(pairs.mayContain("delivery")).isTrue();
    assertThat(new CharPairs("").contains("a")).isFalse();
    assertThat(new CharPairs("a").contains("a")).isTrue();
  }
}
