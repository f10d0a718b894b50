package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** DsnParser.OnlyLf answers every point as onlyLfEndsLines does, whichever way the points move. */
class OnlyLfPropertiesTest {

  @Property(tries = 2000)
  void everyPointIsAnsweredAsTheSearchDoes(@ForAll("texts") String text, @ForAll("points") List<Integer> points) {
    DsnParser.OnlyLf onlyLf = new DsnParser.OnlyLf(text);
    for (int p : points) {
      int from = Math.min(p, text.length());
      assertThat(onlyLf.from(from)).as("%d", from).isEqualTo(DsnParser.onlyLfEndsLines(text, from));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', '\n', '\r', '\u0085', '\u2028', '\u2029', 'й').ofMaxLength(40);
  }

  @Provide
  Arbitrary<List<Integer>> points() {
    return Arbitraries.integers().between(0, 41).list().ofMaxSize(10);
  }
}
