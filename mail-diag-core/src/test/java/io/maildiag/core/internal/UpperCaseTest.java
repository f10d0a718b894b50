package io.maildiag.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link UpperCase#root} is {@code toUpperCase(Locale.ROOT)}, in linear time. */
class UpperCaseTest {

  @Property(tries = 5000)
  void isTheJdksRootUpperCase(@ForAll("texts") String s) {
    assertThat(UpperCase.root(s)).isEqualTo(s.toUpperCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> texts() {
    // sharp s, a ligature, Greek with two diacritics, a title-case digraph and its iota-subscript
    // kin, Armenian ech-yiwn, dotless i, final sigma, a supplementary small letter (Deseret), lone
    // surrogates, caseless CJK, ASCII
    return Arbitraries.strings()
        .withChars("ß\uFB01\u0390\u01C5\u1F88\u0587\u0131ςσ\uD801\uDC28\uD801\uDC00\uDC00\uD800\u4E2Daz AZ.ÿ")
        .ofMaxLength(12);
  }

  @Test
  void everyCodePointAsTheJdk() {
    StringBuilder sb = new StringBuilder();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      sb.setLength(0);
      String s = sb.append('x').appendCodePoint(cp).toString();
      assertThat(UpperCase.root(s)).as("U+%04X", cp).isEqualTo(s.toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void manySharpSs() {
    String s = "ßa".repeat(100_000);
    assertThat(UpperCase.root(s)).isEqualTo("SSA".repeat(100_000));
    assertThat(UpperCase.root("abc")).isEqualTo("ABC");
  }
}
