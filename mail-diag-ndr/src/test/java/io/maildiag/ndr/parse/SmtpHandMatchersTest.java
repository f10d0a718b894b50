package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written matchers of {@link Smtp} find what their regular expressions find. */
class SmtpHandMatchersTest {

  @Property(tries = 5000)
  void leadingPairIsFind(@ForAll("texts") String text) {
    Matcher m = SmtpCleanPropertiesTest.LEADING_PAIR.matcher(text);
    int at = Smtp.leadingPair(text);
    if (m.find()) {
      assertThat(at).as(text).isEqualTo(m.start());
      assertThat(Smtp.leadingPairEnd(text, at)).as(text).isEqualTo(m.end());
      assertThat(text.substring(at, at + 3)).isEqualTo(m.group(1));
      assertThat(text.substring(at + 4, m.end() - 1)).isEqualTo(m.group(2));
    } else {
      assertThat(at).as(text).isEqualTo(-1);
    }
  }

  @Property(tries = 5000)
  void multilinePrefixIsLookingAt(@ForAll("texts") String text) {
    String l = text.strip();
    Matcher m = SmtpCleanPropertiesTest.MULTILINE_PREFIX.matcher(l);
    // the line as part of a longer text: nothing around it may count
    String around = "5.1.1 " + l + "1.1 550";
    int s = 6;
    int e = s + l.length();
    int end = l.isEmpty() ? -1 : Smtp.multilinePrefixEnd(around, s, e);
    if (m.lookingAt()) {
      assertThat(end).as(l).isEqualTo(s + m.end());
    } else {
      assertThat(end).as(l).isEqualTo(-1);
    }
  }

  @Property(tries = 5000)
  void positiveReplyAsThePattern(@ForAll("replyTexts") String text) {
    Matcher m = Smtp.Spec.POSITIVE_REPLY.matcher(text);
    assertThat(Smtp.positiveReplyAt(text)).as(text).isEqualTo(m.find() ? m.start(1) : -1);
  }

  @Provide
  Arbitrary<String> replyTexts() {
    return Arbitraries.of("250", "2", "5", "0", "259", "260", "250-", "250 ", "smtp;", "smtp; ", "SMTP;", " ", "\t",
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u000B", "x", "-", "a250").list().ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Test
  void blankLinesAreReadOnce() {
    // tried from every line start of the run, the pattern's \\s* took time quadratic in its length
    String text = "\n".repeat(200_000) + "250 ok";
    assertThat(Smtp.positiveReplyAt(text)).isEqualTo(200_000);
    assertThat(Smtp.positiveReplyAt("\n".repeat(200_000) + "x")).isEqualTo(-1);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("550", "250", "451", "5.1.1", "4.7.0", "2.0.0", "5.1.1234", "5.1234.1", "#", "'", " ", "\t",
            "-", "\r", "\n", "\u000B", "\u00a0", "<<<", "<<< ", "<<", ".", "x", "550 5.1.1", "550-5.7.26 ",
            "#550-#5.7.1", "1.2.3.4", "5.1.1.2", "5.01.1 ", "552 5.2.2\t", "550 #5.1.1 "),
        Arbitraries.strings().withChars("2450139.# -<\t\nx").ofMaxLength(6));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
