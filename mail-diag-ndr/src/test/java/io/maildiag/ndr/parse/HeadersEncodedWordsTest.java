package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The encoded words of header values ({@link Headers#decoded}): {@link EncodedWords#next} finds
 * exactly the matches of {@link EncodedWords#WORD}, in order, on awkward text.
 */
class HeadersEncodedWordsTest {

  @Property(tries = 5000)
  void findsWhatTheRegexFinds(@ForAll("values") String value) {
    assertThat(found(value)).isEqualTo(regex(value));
  }

  @Test
  void lengthLimitsCountCodePoints() {
    String emoji = "\uD83D\uDE00";
    for (int n : new int[] {63, 64, 65}) {
      String s = "=?" + emoji.repeat(n) + "?q?x?= =?" + "a".repeat(n) + "?B?" + emoji.repeat(n * 62) + "?=";
      assertThat(found(s)).as("%d", n).isEqualTo(regex(s));
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("=?", "?=", "=?utf-8?B?", "=?UTF-8?q?", "?b?", "?Q?", "abc", "w6k=", "=C3=A9", "_", " ",
        "\t", "\u000B", "\f", "\r", "\n", "\u00a0", "\u3000", "?", "=", "*ja", "\uD83D\uDE00", "\uD83D", "\uDE00",
        "iso-2022-jp", "x".repeat(60), "=?x?x?=", "=?=?a?b??=").list().ofMaxSize(14).map(l -> String.join("", l));
  }

  private static List<String> found(String s) {
    List<String> out = new ArrayList<>();
    int[] w = new int[4];
    for (int start = EncodedWords.next(s, 0, w); start >= 0; start = EncodedWords.next(s, w[3], w)) {
      out.add(start + ":" + s.substring(start + 2, w[0]) + "|" + s.charAt(w[1]) + "|" + s.substring(w[1] + 2, w[2])
          + "|" + w[3]);
    }
    return out;
  }

  private static List<String> regex(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = EncodedWords.WORD.matcher(s);
    while (m.find()) {
      out.add(m.start() + ":" + m.group(1) + "|" + m.group(2) + "|" + m.group(3) + "|" + m.end());
    }
    return out;
  }
}
