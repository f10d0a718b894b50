package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Smtp#firstReplyLine} finds the match {@code REPLY_LINE.matcher(text).find()} finds. */
class SmtpReplyLineTest {

  @Property(tries = 5000)
  void firstReplyLineIsFind(@ForAll("texts") String text) {
    Matcher plain = Smtp.REPLY_LINE.matcher(text);
    Matcher fast = Smtp.firstReplyLine(text);
    if (plain.find()) {
      assertThat(fast).as(text).isNotNull();
      assertThat(fast.start()).as(text).isEqualTo(plain.start());
      assertThat(fast.group(1)).as(text).isEqualTo(plain.group(1));
    } else {
      assertThat(fast).as(text).isNull();
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("550", "250", "451", "599", "5.1.1", "<<< ", "<<<", "<< ", "#", "> ", "'", "\"", "*", "|", "(",
            "[", " ", "\t", "-", ":", "x", "said: 550 "),
        Arbitraries.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f"),
        Arbitraries.strings().withChars("245013 <#\n\rx").ofMaxLength(5));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
