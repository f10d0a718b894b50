package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written anchor matchers answer as the patterns do, wherever they are sure. */
class AnchorMatchersTest {

  @Property(tries = 20000)
  void bareAnswersAsThePattern(@ForAll("lines") String s) {
    same(s, AnchorMatchers.bare(s), TextScanner.P_BARE, 1, 0);
  }

  @Property(tries = 20000)
  void addrColonAnswersAsThePattern(@ForAll("lines") String s) {
    same(s, AnchorMatchers.addrColon(s), TextScanner.P_ADDR_COLON, 1, 2);
  }

  @Property(tries = 20000)
  void replyAddrAnswersAsThePattern(@ForAll("replyLines") String s) {
    same(s, AnchorMatchers.replyAddr(s), TextScanner.P_REPLY_ADDR, 2, 3);
  }

  @Property(tries = 20000)
  void addrColon2AnswersAsThePattern(@ForAll("lines") String s) {
    same(s, AnchorMatchers.addrColon2(s), TextScanner.P_ADDR_COLON2, 1, 2);
  }

  @Property(tries = 20000)
  void leadAnswersAsThePattern(@ForAll("lines") String s) {
    same(s, AnchorMatchers.lead(s), TextScanner.P_LEAD, 1, 2);
  }

  @Property(tries = 20000)
  void toAnswersAsThePattern(@ForAll("toLines") String s) {
    same(s, AnchorMatchers.to(s), TextScanner.P_TO, 1, 0);
  }

  @Provide
  Arbitrary<String> toLines() {
    Arbitrary<String> head = Arbitraries.of("to:", "TO :", "To:\t", "an:", "An: ", "para:", "a:", "A :", "at:", "to",
        "\u212a:", "to: \"John\" ", "to: \"J@x.com\" <", "To: John <", "to: a, ", "to:\"", "");
    return Arbitraries.oneOf(lines(), head.flatMap(h -> lines().map(l -> h + l)));
  }

  @Property(tries = 5000)
  void domainIsAsThePattern(@ForAll("domains") String d) {
    boolean plain = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}\\.)*[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,62}")
        .matcher(d).matches();
    assertThat(AnchorMatchers.domainIs(d, 0, d.length())).as(d).isEqualTo(plain);
  }

  @Example
  void readsTheUsualLines() {
    same("<user@example.com>", AnchorMatchers.bare("<user@example.com>"), TextScanner.P_BARE, 1, 0);
    assertThat(AnchorMatchers.bare("user@example.com.")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.bare("user@example.com (expanded from: <x@y.z>):")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.addrColon("<user@example.com>: host said: 550 no")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.replyAddr("550 5.1.1 <user@example.com>... User unknown")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.replyAddr("550 5.1.1x <user@example.com>... User unknown"))
        .isEqualTo(AnchorMatchers.NO);
    assertThat(AnchorMatchers.bare("\u00e9l\u00e8ve@exemple.fr")).isEqualTo(AnchorMatchers.UNSURE);
    assertThat(AnchorMatchers.addrColon2("user@example.com: mailbox full")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.lead("user@example.com... User unknown")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.lead("<u@b.c...d>... x")).isGreaterThanOrEqualTo(0);
    same("u@b.c...d... x", AnchorMatchers.lead("u@b.c...d... x"), TextScanner.P_LEAD, 1, 2);
    same("u@b.c...", AnchorMatchers.lead("u@b.c..."), TextScanner.P_LEAD, 1, 2);
    same("u@b.c... ", AnchorMatchers.lead("u@b.c... "), TextScanner.P_LEAD, 1, 2);
    for (String to : new String[] {"To: user@example.com", "To: John <john@x.com>", "to: <a@b.cc> ", "An:x@y.zz",
        "To: John Doe john@x.com", "To: <John Doe john@x.com>"}) {
      same(to, AnchorMatchers.to(to), TextScanner.P_TO, 1, 0);
      assertThat(AnchorMatchers.to(to)).as(to).isNotEqualTo(AnchorMatchers.UNSURE);
    }
    // the whole address, not the tail a greedy name leaves it
    assertThat(s("To: someuser@example.com", AnchorMatchers.to("To: someuser@example.com")))
        .isEqualTo("someuser@example.com");
    assertThat(s("To: John Doe john@x.com", AnchorMatchers.to("To: John Doe john@x.com"))).isEqualTo("john@x.com");
    assertThat(AnchorMatchers.to("To: <John Doe john@x.com>")).isEqualTo(AnchorMatchers.NO);
  }

  /** The address a hand answer {@code g} found in {@code s}. */
  private static String s(String s, long g) {
    assertThat(g).as(s).isGreaterThanOrEqualTo(0);
    return s.substring(AnchorMatchers.start(g), AnchorMatchers.end(g));
  }

  /** The hand answer {@code g} is the pattern's, groups {@code addr} and {@code rest} (0: none) included. */
  private static void same(String s, long g, Pattern p, int addr, int rest) {
    if (g == AnchorMatchers.UNSURE) {
      return;
    }
    Matcher m = p.matcher(s);
    boolean matches = m.matches();
    assertThat(g >= 0).as(s).isEqualTo(matches);
    if (matches) {
      assertThat(s.substring(AnchorMatchers.start(g), AnchorMatchers.end(g))).as(s).isEqualTo(m.group(addr));
      assertThat(AnchorMatchers.start(g)).as(s).isEqualTo(m.start(addr));
      if (rest > 0) {
        assertThat(s.substring(AnchorMatchers.rest(g))).as(s).isEqualTo(m.group(rest));
      }
    } else {
      assertThat(g).as(s).isEqualTo(AnchorMatchers.NO);
    }
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("user", "a.b", "x@example.com", "u@b", "u@b.", "u@b.c.", "@a-b.c", "@-a.b", "@a..b", "@a.-b",
            "\u00e9l\u00e8ve@exemple.fr", "\ud835\udc00b@ex.org", "@", "<", ">", "...", ":", " ", "\t", "\r", "\n",
            "(", ")", "<mailto:", "550 ", "2", "#", "'", "\ud835", "\u0661\u0662", "\u2160", "\u0085", "\u2028", "!",
            "-", ".", "\"", "[", "]", ";", ",", "(expanded from ", "(expanded from: x) ", "(alias from x) ",
            "(aliased from y)", "(generated from z)", "(expanded", "  ", "<mailto:", "...", "..", " (", "wrote", "\u000B", "\f", "\u00a0", "\u001c",
            "x".repeat(63), "y".repeat(64), "z".repeat(129), "é"),
        Arbitraries.strings().withChars("ab1.@<>:( )-\"").ofMaxLength(6));
    return piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> replyLines() {
    Arbitrary<String> head = Arbitraries.of("550", "554 ", "451 ", "250 ", "550-", "550 5.1.1", "550-5.1.1", "550 #5.1.1",
        "550 5.1.1x", "550 5.1234.1", "550 5.1.1234", "550 4.12.123", "5500", "550\t", "550 \t ", "5x0", "350 ", "");
    return Arbitraries.oneOf(lines(), head.flatMap(h -> lines().map(l -> h + l)),
        head.flatMap(h -> lines().map(l -> h + " <" + l)));
  }

  @Provide
  Arbitrary<String> domains() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().withChars("ab9-.").ofMinLength(1).ofMaxLength(4),
        Arbitraries.of("a".repeat(61), "b".repeat(62), "c".repeat(63), "d".repeat(64), "-", ".", "..", "a."));
    return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }
}
