package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-found enhanced codes ({@link StatusCodes}) are the matches the patterns find. */
class SmtpStatusCodesTest {

  @Property(tries = 10000)
  void qmailMatchesAreFind(@ForAll("texts") String text) {
    sameMatches(Smtp.QMAIL, text, true);
  }

  @Property(tries = 10000)
  void statusMatchesAreFind(@ForAll("texts") String text) {
    sameMatches(Smtp.STATUS, text, false);
  }

  @Property(tries = 10000)
  void statusCodeIsThePatterns(@ForAll("texts") String text, @ForAll("replies") String reply) {
    Optional<ReplyCode> r = reply.isEmpty() ? Optional.empty() : Smtp.reply(reply);
    assertThat(Smtp.statusCode(text, r)).as(text + " / " + reply).isEqualTo(Smtp.statusCodeByPatterns(text, r));
  }

  @Example
  void readsTheUsualTexts() {
    assertThat(Smtp.statusCode("550 5.1.1 no such user", Smtp.reply("550"))).map(Object::toString).contains("5.1.1");
    assertThat(Smtp.statusCode("failed (#5.1.1)", Optional.empty())).map(Object::toString).contains("5.1.1");
    assertThat(Smtp.statusCode("postfix 2.1.5 then 5.7.1", Optional.empty())).map(Object::toString)
        .contains("5.7.1");
  }

  /** Every match from each end on, as {@code find} finds them in turn. */
  private static void sameMatches(Pattern p, String text, boolean qmail) {
    Matcher m = p.matcher(text);
    int from = 0;
    while (true) {
      long hand = qmail ? StatusCodes.nextQmail(text, from) : StatusCodes.nextStatus(text, from);
      if (!m.find(from)) {
        assertThat(hand).as(text + " from " + from).isEqualTo(StatusCodes.NONE);
        return;
      }
      assertThat(hand).as(text + " from " + from).isNotEqualTo(StatusCodes.NONE);
      int group = qmail && m.group(1) == null ? 4 : 1;
      assertThat(StatusCodes.code(hand)).as(text).isEqualTo(m.start(group));
      assertThat(StatusCodes.codeEnd(hand)).as(text).isEqualTo(m.end(group + 2));
      assertThat(StatusCodes.end(hand)).as(text).isEqualTo(m.end());
      from = m.end();
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("5.1.1", "4.2.0", "2.0.0", "5.1.10", "5.1.1234", "5.1234.1", "5.01.1", "5.1.1.2", "(#5.1.1)",
            "#5.7.1", "(#4.4.1", "##5.1.1", "550", " ", ".", "#", "(", ")", "x", "_", "-", "5", "1", "version ",
            "postfix ", "v", "\n", "\u00e9", "\u0661"),
        Arbitraries.strings().withChars("2451.#()x_ ").ofMaxLength(6));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> replies() {
    return Arbitraries.of("", "550", "451", "250");
  }
}
