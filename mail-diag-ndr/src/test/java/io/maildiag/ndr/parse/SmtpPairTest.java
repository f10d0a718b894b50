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

/** {@link Smtp#nextPair} finds the matches of {@link Smtp#PAIR} that a plain {@code find} loop finds, in order. */
class SmtpPairTest {

  @Property(tries = 5000)
  void nextPairIsFind(@ForAll("texts") String text) {
    List<String> plain = new ArrayList<>();
    Matcher m = Smtp.PAIR.matcher(text);
    while (m.find()) {
      plain.add(m.start() + ":" + m.group());
    }
    List<String> fast = new ArrayList<>();
    int[] g = new int[3];
    for (int at = Smtp.nextPair(text, 0, g); at >= 0; at = Smtp.nextPair(text, g[2], g)) {
      fast.add(at + ":" + text.substring(at, g[2]));
      Matcher one = Smtp.PAIR.matcher(text);
      assertThat(one.find(at)).isTrue();
      assertThat(text.substring(g[0], g[0] + 3)).isEqualTo(one.group(1));
      assertThat(text.substring(g[1], g[2])).isEqualTo(one.group(2) + "." + one.group(3) + "." + one.group(4));
    }
    assertThat(fast).as(text).isEqualTo(plain);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("550", "250", "451", "5.1.1", "4.7.0", "2.0.0", "#", "'", "\"", " ", "\t", "-", " - ", "--", ".",
            "x", "+", "550 5.1.1", "#550-#5.7.1", "1.2.3.4", "5.1.1.2", "5.1.1x", "a550 5.1.1", "5.1234.1", "5.1.1234", "_", "+550 5.1.1", "5.01.1"),
        Arbitraries.strings().withChars("2450139.# -'\"x\t_").ofMaxLength(6));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
