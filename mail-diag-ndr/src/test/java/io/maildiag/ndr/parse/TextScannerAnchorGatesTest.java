package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The anchor patterns are tried only where their address can start: each gate holds for every line they match. */
class TextScannerAnchorGatesTest {

  @Property(tries = 5000)
  void addressFirstPatternsNeedALocalPartAtTheStart(@ForAll("lines") String s) {
    if (TextScanner.P_ADDR_COLON2.matcher(s).matches()) {
      assertThat(TextScanner.localPartAt(s, 0)).as(s).isTrue();
    }
    if (TextScanner.P_LEAD.matcher(s).matches()) {
      assertThat(TextScanner.localPartAt(s, s.startsWith("<") ? 1 : 0)).as(s).isTrue();
    }
  }

  @Property(tries = 5000)
  void bracketedAndBarePatternsNeedALocalPartWhereTheyAllowIt(@ForAll("lines") String s) {
    if (TextScanner.P_BARE.matcher(s).matches()) {
      assertThat(TextScanner.localPartAt(s, TextScanner.bareAddressAt(s))).as(s).isTrue();
    }
    if (TextScanner.P_ADDR_COLON.matcher(s).matches()) {
      assertThat(TextScanner.localPartAt(s, 1)).as(s).isTrue();
    }
  }

  @Property(tries = 5000)
  void replyAddressFollowsTheFirstBracket(@ForAll("lines") String s) {
    if (TextScanner.P_REPLY_ADDR.matcher(s).matches()) {
      int bracket = s.indexOf('<');
      assertThat(bracket > 0 && TextScanner.localPartAt(s, bracket + 1)).as(s).isTrue();
    }
  }

  @Property(tries = 5000)
  void toLinesStartWithTheirLabelAndColon(@ForAll("toLines") String s) {
    if (TextScanner.P_TO.matcher(s).matches()) {
      assertThat(TextScanner.toLabel(s)).as(s).isTrue();
    }
  }

  @Provide
  Arbitrary<String> toLines() {
    Arbitrary<String> head = Arbitraries.of("to", "TO", "To", "an", "An", "para", "PARA", "a", "A", "at", "action",
        "\u212a", "t", "", " ");
    Arbitrary<String> gap = Arbitraries.of("", " ", "\t", "\u000B", "\u00a0", "  ");
    return Arbitraries.oneOf(lines(), head.flatMap(h -> gap.flatMap(g -> lines().map(l -> h + g + l))),
        head.flatMap(h -> gap.flatMap(g -> lines().map(l -> h + g + ":" + l))));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("user", "a.b", "x@example.com", "\u00e9l\u00e8ve@exemple.fr", "\ud835\udc00b@ex.org", "@", "<", ">",
            "...", ":", " ", "\t", "(", "<mailto:", "550 ", "550-5.1.1 ", "451 4.2.0 ", "2", "#", "'", "\ud835",
            "\u0661\u0662", "\u2160", "!", "-", ".", "wrote", "\"", "[", "]", ")", ";", ",", "(expanded from ", "(alias from x) ", "  "),
        Arbitraries.strings().withChars("ab1.@<>: -").ofMaxLength(5));
    return piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }
}
