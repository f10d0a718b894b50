package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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

  private static final String[] CASED_PIECES = {"Mail System", "POSTFIX", "\u00c9t\u00c9", "\u00d7\u00de\u00df\u00b5",
      "\u00ff", "\u0130", "\u03a3", "A\u03a3 ", "\u0141", "\ud83d\ude00", "\ud801\udc00", "@", "`", "Z[", "\n", " ", "x", "?", "=?UTF-8?Q?"};

  @Test
  void lowerCasedIsTheRootLowerCaseWithItsPairs() {
    Random random = new Random(7);
    for (int c = 0; c < 0x10000; c++) {
      String one = String.valueOf((char) c);
      assertThat(CharPairs.lowerCased(one).text()).isEqualTo(one.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < 50_000; i++) {
      String text = EngineGatesTest.noise(random, CASED_PIECES, random.nextInt(10));
      String lower = text.toLowerCase(Locale.ROOT);
      CharPairs pairs = CharPairs.lowerCased(text);
      assertThat(pairs.text()).isEqualTo(lower);
      for (int from = 0; from < lower.length(); from += 1 + random.nextInt(3)) {
        String w = lower.substring(from, Math.min(lower.length(), from + 1 + random.nextInt(12)));
        assertThat(pairs.mayContain(w)).as("%s in %s", w, lower).isTrue();
        assertThat(pairs.contains(w)).isTrue();
      }
      // a prefix is read by the whole text's pairs, which hold its own
      String prefix = lower.substring(0, random.nextInt(lower.length() + 1));
      CharPairs p = pairs.prefix(prefix);
      for (String w : new String[] {"mail system", "postfix", "\u00e9t", "x@", "`x"}) {
        assertThat(p.contains(w)).isEqualTo(prefix.contains(w));
      }
    }
  }

  /** A char past Latin-1 after Latin-1 ones and before more: each char of the plane lower-cases as the JDK does. */
  @Test
  void lowerCasedAfterAndBeforeOtherChars() {
    for (int c = 0; c < 0x10000; c++) {
      String one = String.valueOf((char) c);
      for (String text : new String[] {"Ab\u00c9" + one + "C\u00de\u0141x", "\u0141" + one + "Q", one + one + "Z",
          "why?" + one + "?\u00c9?", "?\ud83d\ude00" + one + "?"}) {
        CharPairs pairs = CharPairs.lowerCased(text);
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(pairs.text()).as("U+%04X", c).isEqualTo(lower);
        for (int from = 0; from + 2 <= lower.length(); from++) {
          assertThat(pairs.mayContain(lower.substring(from, from + 2))).as("U+%04X", c).isTrue();
        }
      }
    }
  }

  @Test
  void wideCharsLowerAsTheJdkDoes() {
    for (char c = 256; c < 0xffff; c++) {
      int lower = CharPairs.lowerWide(c);
      if (c == '\u03a3' || c == '\u0130' || Character.isSurrogate(c)) {
        assertThat(lower).as("%x", (int) c).isEqualTo(-1);
      } else {
        assertThat(lower).as("%x", (int) c).isEqualTo(Character.toLowerCase((int) c));
        assertThat(CharPairs.lowerCased("A" + c + "b").text()).isEqualTo(("A" + c + "b").toLowerCase(Locale.ROOT));
      }
    }
  }
}
