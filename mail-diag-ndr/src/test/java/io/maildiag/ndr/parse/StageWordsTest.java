package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link StageWords#at} reads at each start what the stage pattern's {@code lookingAt} reads there. */
class StageWordsTest {

  @Property(tries = 5000)
  void atIsLookingAt(@ForAll("texts") String t) {
    Matcher m = SmtpStage.EXPLICIT.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
    for (int p = 0; p < t.length(); p++) {
      SmtpStage.Hit h = StageWords.at(t, p);
      if (h == SmtpStage.UNSURE) {
        continue;
      }
      m.region(p, t.length());
      if (m.lookingAt()) {
        int g = 1;
        while (m.start(g) < 0) {
          g++;
        }
        assertThat(h).as(t + " @" + p).isNotNull();
        assertThat(h.end()).as(t + " @" + p).isEqualTo(m.end());
        assertThat(h.found()).as(t + " @" + p).isEqualTo(SmtpStage.found(g, t, m.start(g), m.end(g)));
      } else {
        assertThat(h).as(t + " @" + p).isNull();
      }
    }
  }

  @Property(tries = 3000)
  void explicitIsFind(@ForAll("texts") String t) {
    Matcher m = SmtpStage.EXPLICIT.matcher(t);
    SmtpStage.Found want = null;
    if (m.find()) {
      int g = 1;
      while (m.start(g) < 0) {
        g++;
      }
      want = SmtpStage.found(g, t, m.start(g), m.end(g));
    }
    assertThat(SmtpStage.explicit(t)).as(t).isEqualTo(want);
  }

  @Test
  void examples() {
    assertThat(SmtpStage.explicit("550 no (in reply to RCPT TO command)")).isEqualTo(SmtpStage.RCPT);
    assertThat(SmtpStage.explicit("SMTP error from remote mail server after pipelined MAIL FROM:<a@b>"))
        .isEqualTo(SmtpStage.MAIL);
    assertThat(SmtpStage.explicit("failed after I sent the message")).isEqualTo(SmtpStage.END_OF_DATA);
    assertThat(SmtpStage.explicit("x[RCPT_TO]")).isEqualTo(SmtpStage.RCPT);
    assertThat(SmtpStage.explicit("after DATA command")).isEqualTo(SmtpStage.DATA);
    assertThat(SmtpStage.explicit("after RCPT command")).isEqualTo(SmtpStage.RCPT);
    assertThat(SmtpStage.explicit("\u00e9after RCPT command")).isEqualTo(null);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("in", "IN", "In", "after", "AFTER", "while", "does", "sender", "my",
        "greeting", "failed", "refused", "for", "FOR", "reply", "to", "the", "rcpt", "RCPT", "mail", "from", "data",
        "DATA", "end", "of", "command", "pipelined", "initial", "connection", "helo", "ehlo", "lhlo", "bdat",
        "sending", "message", "body", "not", "like", "recipient", "was", "rejected", "name", "on", "i", "sent",
        "talk", "me", "text", "[rcpt_to]", "[MAIL_FROM]", "[data]", "[", "]", "_", " ", "  ", "\t", "\n", "\r",
        "\u000B", "\f", "x", "w", "\u00A0", "\u0130", "\u212A", "\u00e9", "\u0301", "\u0660", ":", "(", ")",
        "within", "before", "in reply to the ", "after pipelined ", "while sending ", "does not like ",
        "failed after I sent the ", "refused to talk to ", "my name was ", "sender was ", "failed on DATA ",
        "end of data", "MAIL FROM", "RCPT TO", " command", "initial connection", "message body", "rcpt_to]");
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
