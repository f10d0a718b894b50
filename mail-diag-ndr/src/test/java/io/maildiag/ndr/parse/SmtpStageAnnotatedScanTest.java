package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.classify.TextNormalizer;
import io.maildiag.ndr.classify.TextRules;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The scan {@link SmtpStage#annotated} hands to the classifier (made while looking for the stage,
 * then extended by the appended words) is the scan of the annotated diagnostic made afresh.
 */
class SmtpStageAnnotatedScanTest {
  private static final List<SmtpStage.Found> STAGES = List.of(SmtpStage.CONNECT, SmtpStage.HELO, SmtpStage.EHLO,
      SmtpStage.MAIL, SmtpStage.RCPT, SmtpStage.DATA, SmtpStage.END_OF_DATA, SmtpStage.LOCAL);

  @Property(tries = 3000)
  void scanIsTheFreshScanOfTheAnnotatedText(@ForAll("texts") String diagnostic, @ForAll("stages") SmtpStage.Found stage) {
    assertSameAsFresh(diagnostic, stage);
  }

  @Example
  void awkwardDiagnostics() {
    for (String d : List.of("", " ", "550", "550 5.1.1", "can", "won", "n", "\u001c can \u2028", "\u00a0won\u00a0",
        "x\u0301", "a@b", "user unknown", "mailbox ", "in reply to", "550 no (in reply to RCPT TO command)",
        "x".repeat(TextNormalizer.MAX_INPUT_CHARS - 5), "x".repeat(TextNormalizer.MAX_INPUT_CHARS + 5),
        " ".repeat(TextNormalizer.MAX_INPUT_CHARS) + "user unknown")) {
      for (SmtpStage.Found stage : STAGES) {
        assertSameAsFresh(d, stage);
      }
      assertThat(SmtpStage.annotated(d, null).scan()).isNull();
    }
  }

  private static void assertSameAsFresh(String diagnostic, SmtpStage.Found stage) {
    SmtpStage.Annotated a = SmtpStage.annotated(diagnostic, stage);
    assertThat(a.diagnostic()).isEqualTo(SmtpStage.annotate(diagnostic, stage));
    if (a.scan() == null) {
      assertThat(diagnostic.isBlank()).isTrue();
      return;
    }
    TextRules.Scan fresh = TextRules.standard().scan(TextNormalizer.normalize(a.diagnostic()));
    assertThat(a.scan().matches()).as(a.diagnostic()).isEqualTo(fresh.matches());
    assertThat(a.scan().stages()).as(a.diagnostic()).isEqualTo(fresh.stages());
  }

  @Provide
  Arbitrary<SmtpStage.Found> stages() {
    return Arbitraries.of(STAGES);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("550", "5.1.1", "user", "unknown", "mailbox", "full", "in", "reply",
        "to", "rcpt", "RCPT", "mail", "from", "data", "end", "of", "command", "after", "initial", "connection",
        "helo", "ehlo", "x-unix", "(", ")", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "can", "not", "'t", "n",
        "won", "a@b.example", "<", ">", ":", "\u0301", "caf\u00e9", "rejected", "sender", "was", "blacklisted");
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
