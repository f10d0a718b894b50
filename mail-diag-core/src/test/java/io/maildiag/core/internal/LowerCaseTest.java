package io.maildiag.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link LowerCase#root} is {@code toLowerCase(Locale.ROOT)}, in linear time. */
class LowerCaseTest {

  @Property(tries = 5000)
  void isTheJdksRootLowerCase(@ForAll("texts") String s) {
    assertThat(LowerCase.root(s)).isEqualTo(s.toLowerCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> texts() {
    // dotted and dotless i, final and medial sigma, combining marks, case-ignorable punctuation,
    // a supplementary capital (Deseret) and lone surrogates
    return Arbitraries.strings().withChars("\u0130\u0131iIΣσςΑα\u0307\u0300.' -aZ\uD801\uDC00\uD801\uDC28\uDC00\u212A")
        .ofMaxLength(12);
  }

  @Test
  void manyDottedCapitalIs() {
    String s = "\u0130a".repeat(100_000);
    assertThat(LowerCase.root(s)).isEqualTo("i\u0307a".repeat(100_000));
    assertThat(LowerCase.root("ABC")).isEqualTo("abc");
  }
}
