package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Smtp.isCollapsed, the whole-text gate of Smtp.clean, holds only when no range of the text needs collapsing. */
class SmtpCollapseGateTest {

  @Property(tries = 2000)
  void aCollapsedTextHasNoRangeThatNeedsCollapsing(@ForAll("texts") String x) {
    boolean collapsed = Smtp.isCollapsed(x);
    if (x.length() <= 8192) {
      assertThat(collapsed).isEqualTo(!Smtp.needsCollapse(x, 0, x.length()));
    }
    if (collapsed) {
      for (int from = 0; from <= x.length(); from++) {
        for (int to = from; to <= x.length(); to++) {
          assertThat(Smtp.needsCollapse(x, from, to)).isFalse();
        }
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("a5. \t\u00a0\n\u2007").ofMaxLength(20);
  }
}
