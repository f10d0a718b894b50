package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The stage words' start search ({@link SmtpStage#nextExplicit}) finds exactly the starts the
 * keyword trie finds, and the stage read with it is the one a plain {@code find} reads.
 */
class SmtpStageExplicitStartsTest {

  @Property(tries = 3000)
  void startsAreTheTriesStarts(@ForAll("texts") String s, @ForAll("froms") int from) {
    assertThat(SmtpStage.nextExplicit(s, from)).isEqualTo(SmtpStageReference.EXPLICIT_STARTS.next(s, from));
  }

  @Property(tries = 3000)
  void explicitIsThePlainFind(@ForAll("texts") String s) {
    assertThat(SmtpStage.explicit(s)).isEqualTo(plainExplicit(s));
  }

  @Test
  void awkwardExamples() {
    String[] texts = {"", "in", "in ", "in r", "IN\tREPLY TO rcpt to command", "within reply to DATA command",
        "x[RCPT_TO]", "[data", "after  \n mail from", "greeting failed", "for\u000BRCPT TO command",
        "sender was rejected", "does not like recipient", "refused to talk to me", "failed on DATA command",
        "in\u00A0reply to DATA command", "\u0130n reply to DATA command", "my name was rejected",
        "after RCPT command", "ahead of: after initial connection", "in  reply  to  the  HELO  command"};
    for (String s : texts) {
      for (int from = -1; from <= s.length() + 1; from++) {
        assertThat(SmtpStage.nextExplicit(s, from)).as(s + " from " + from)
            .isEqualTo(SmtpStageReference.EXPLICIT_STARTS.next(s, from));
      }
      assertThat(SmtpStage.explicit(s)).as(s).isEqualTo(plainExplicit(s));
      assertThat(SmtpStage.explicitUnique(s)).as(s).isEqualTo(plainExplicitUnique(s));
    }
  }

  @Property(tries = 1000)
  void explicitUniqueIsThePlainOne(@ForAll("texts") String s) {
    assertThat(SmtpStage.explicitUnique(s)).isEqualTo(plainExplicitUnique(s));
  }

  /** {@link SmtpStage#explicit} by a plain find. */
  private static SmtpStage.Found plainExplicit(String s) {
    Matcher m = SmtpStage.EXPLICIT.matcher(s);
    return m.find() ? SmtpStageReference.found(m.group()) : null;
  }

  /** {@link SmtpStage#explicitUnique} by plain finds. */
  private static SmtpStage.Found plainExplicitUnique(String s) {
    Matcher m = SmtpStage.EXPLICIT.matcher(s);
    SmtpStage.Found first = null;
    while (m.find()) {
      SmtpStage.Found f = SmtpStageReference.found(m.group());
      if (first == null) {
        first = f;
      } else if (f.stage() != first.stage()) {
        return null;
      }
    }
    return first;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("in", "IN", "In", "after", "AFTER", "while", "does", "sender", "my",
        "greeting", "failed", "refused", "for", "FOR", "reply", "to", "the", "rcpt", "RCPT", "mail", "from", "data",
        "DATA", "end", "of", "command", "pipelined", "initial", "connection", "helo", "ehlo", "lhlo", "bdat",
        "sending", "message", "body", "not", "like", "recipient", "was", "rejected", "name", "on", "i", "sent",
        "talk", "me", "text", "[rcpt_to]", "[MAIL_FROM]", "[data]", "[", "]", "_", " ", "  ", "\t", "\n", "\r",
        "\u000B", "\f", "x", "w", "\u00A0", "\u0130", "\u212A", ":", "(", ")", "within", "before");
    return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Integer> froms() {
    return Arbitraries.integers().between(-1, 40);
  }
}
