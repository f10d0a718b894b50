package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-pass reply code reading ({@link ReplyCodes}) answers as the three patterns do. */
class SmtpReplyCodesTest {

  @Property(tries = 20000)
  void replyCodeIsThePatterns(@ForAll("texts") String text) {
    assertThat(Smtp.replyCode(text)).as(text).isEqualTo(Smtp.replyCodeByPatterns(text));
  }

  @Property(tries = 5000)
  void eachCodeIsReadAsThePatternReadsIt(@ForAll("texts") String text) {
    BitSet line = codes(Smtp.REPLY_LINE, text);
    BitSet marked = codes(Smtp.REPLY_MARKED, text);
    BitSet any = codes(Smtp.REPLY_ANY, text);
    for (int c = 0; c + 3 <= text.length(); c++) {
      if (!isCode(text, c)) {
        continue;
      }
      assertThat(ReplyCodes.lineAt(text, c)).as(text + " at " + c).isEqualTo(line.get(c));
      int mk = ReplyCodes.markedAt(text, c);
      if (mk != ReplyCodes.UNSURE) {
        assertThat(mk == 1).as(text + " at " + c).isEqualTo(marked.get(c));
      }
      assertThat(ReplyCodes.anyAt(text, c)).as(text + " at " + c).isEqualTo(any.get(c));
    }
  }

  @Example
  void readsTheUsualTexts() {
    assertThat(Smtp.replyCode("host said: 550 5.1.1 no such user")).map(Object::toString).contains("550");
    assertThat(Smtp.replyCode("250 ok\nremote said: 452 full")).map(Object::toString).contains("452");
    assertThat(Smtp.replyCode("error code: 421 try later")).map(Object::toString).contains("421");
    assertThat(Smtp.replyCode("\u00e9code: 550 x")).isEqualTo(Smtp.replyCodeByPatterns("\u00e9code: 550 x"));
    assertThat(Smtp.replyCode("see 554 Rejected")).map(Object::toString).contains("554");
    // Amazon SES quotes the remote reply after the code and a hyphen
    assertThat(Smtp.replyCode("5.1.0 - Unknown address error 550-'5.1.1 <a@example.org>... User unknown'"))
        .map(Object::toString).contains("550");
    assertThat(Smtp.replyCode("5.3.0 - Other mail system problem 550-\"SPF check failed\""))
        .map(Object::toString).contains("550");
  }

  /** Where the code group of some match of {@code p} starts, tried at every start as find would. */
  private static BitSet codes(Pattern p, String text) {
    BitSet out = new BitSet();
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int s = 0; s <= text.length(); s++) {
      m.region(s, text.length());
      if (m.lookingAt()) {
        out.set(m.start(1));
      }
    }
    return out;
  }

  /** A class digit, 0-5 and a digit: what {@link ReplyCodes} reads a code at. */
  private static boolean isCode(String t, int c) {
    char a = t.charAt(c);
    char b = t.charAt(c + 1);
    char d = t.charAt(c + 2);
    return (a == '2' || a == '4' || a == '5') && b >= '0' && b <= '5' && d >= '0' && d <= '9';
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("550", "250", "451", "599", "421", "5.1.1", "5505", "<<< ", "<<<", "<<", "<<<<", "#", "##", "> ",
            "'", "\"", "*", "|", "(", "[", ")", "]", " ", "\t", "-", ":", ",", ";", "x", "_", ".", "/", "=", "+", "a",
            "Z", "said:", "SAYS:", "returned", "returned:", "Response:", "responded", "reply:", "replied", "replied:",
            "answer:", "error:", "Error Code", "error code:", "error_code", "error_code :", "smtp;", "SMTP:", "x-unix;",
            "]:", "):", "status", "Status:", "reason:", "code", "code:", "xcode:", "_code", "message:", "rejected:",
            "failed:", "was:", "\u00e9", "\u00e9code:", "\u0301code ", "\ud835\udc00code:", "<", "[", "<x>"),
        Arbitraries.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f"),
        Arbitraries.strings().withChars("245013 <#:\n\rx-").ofMaxLength(5));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
