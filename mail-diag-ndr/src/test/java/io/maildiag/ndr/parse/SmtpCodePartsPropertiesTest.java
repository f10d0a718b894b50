package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Smtp.reply and Smtp.status read codes as the code parsers do, without building strings for them. */
class SmtpCodePartsPropertiesTest {

  @Property(tries = 2000)
  void replyIsTheParsedReply(@ForAll("digits") String digits) {
    assertThat(Smtp.reply(digits)).isEqualTo(ReplyCode.parse(digits).value());
  }

  @Property(tries = 2000)
  void statusIsTheParsedStatus(@ForAll("digits") String c, @ForAll("digits") String s, @ForAll("digits") String d) {
    assertThat(Smtp.status(c, s, d)).isEqualTo(EnhancedStatusCode.parse(c + "." + s + "." + d).value());
  }

  @Property(tries = 2000)
  void replyInIsTheReplyOfItsThreeChars(@ForAll("digits") String before, @ForAll("digits") String digits,
      @ForAll("digits") String after) {
    String t = before + digits + after;
    if (digits.length() == 3) {
      assertThat(Smtp.replyIn(t, before.length())).isEqualTo(Smtp.reply(digits));
    }
  }

  @Property(tries = 2000)
  void statusInIsTheStatusOfItsThreeParts(@ForAll("digits") String before, @ForAll("digits") String c,
      @ForAll("digits") String s, @ForAll("digits") String d, @ForAll("digits") String after) {
    if (c.length() != 1 || s.indexOf('.') >= 0) {
      return; // one class char, and the second dot is the one after the subject
    }
    String t = before + c + "." + s + "." + d + after;
    int p = before.length();
    int dot = p + 2 + s.length();
    assertThat(Smtp.statusIn(t, p, dot, dot + 1 + d.length())).isEqualTo(Smtp.status(c, s, d));
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789").ofMaxLength(5),
        Arbitraries.strings().withChars("0245x.\u0663").ofMaxLength(4),
        Arbitraries.of("2", "4", "5", "550", "421", "250", "599", "560", "0", "00", "01", "10", "100", "999", "1000"));
  }
}
