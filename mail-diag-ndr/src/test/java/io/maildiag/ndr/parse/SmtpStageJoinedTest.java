package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The stage of an anchor line and its block read without joining them ({@link
 * SmtpStage#explicit(String, String)}) is the stage of the joined text, also when a match spans
 * the join.
 */
class SmtpStageJoinedTest {

  @Property(tries = 5000)
  void sameAsJoined(@ForAll("texts") String line, @ForAll("texts") String block) {
    assertThat(SmtpStage.explicit(line, block)).isEqualTo(SmtpStage.explicit(line + "\n" + block));
  }

  @Property(tries = 5000)
  void sameAsJoinedForAPartOfTheLine(@ForAll("texts") String line, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    int from = random.nextInt(line.length() + 1);
    int to = from + random.nextInt(line.length() - from + 1);
    String block = line.substring(from, to);
    assertThat(SmtpStage.explicit(line, block)).as(line + " | " + block)
        .isEqualTo(SmtpStage.explicit(line + "\n" + block));
  }

  @Test
  void awkwardJoins() {
    String[][] pairs = {{"", ""}, {"550 failed in", "reply to RCPT TO command"}, {"after", "MAIL FROM"},
        {"after ", "DATA"}, {"x after  ", " rcpt to"}, {"in reply to the", "HELO command"}, {"does not like", "recipient"},
        {"greeting", "failed"}, {"550 user unknown", "(in reply to RCPT TO command)"}, {"[RCPT_TO", "]"},
        {"for", "TEXT command"}, {"while sending", "message body"}, {"failed after I sent the", "message"},
        {"in reply to end of", "DATA command"}, {"x", "\nafter EHLO"}, {"my name was", "rejected"},
        {"refused", "to talk to me"}, {"IN", "REPLY TO lhlo COMMAND"}, {"a" + "x".repeat(70_000), "after DATA"},
        {"after DATA", "x".repeat(70_000)}, {"ok", "x".repeat(65_530) + " after DATA"}};
    for (String[] p : pairs) {
      assertThat(SmtpStage.explicit(p[0], p[1])).as(p[0] + " | " + p[1])
          .isEqualTo(SmtpStage.explicit(p[0] + "\n" + p[1]));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("in", "IN", "after", "while", "does", "sender", "my", "greeting",
        "failed", "refused", "for", "reply", "to", "the", "rcpt", "RCPT", "mail", "from", "data", "DATA", "end", "of",
        "command", "pipelined", "initial", "connection", "helo", "ehlo", "lhlo", "bdat", "sending", "message", "body",
        "not", "like", "recipient", "was", "rejected", "name", "on", "i", "sent", "talk", "me", "text", "[rcpt_to]",
        "[MAIL_FROM]", "[data]", "[", "]", " ", "  ", "\t", "\n", "\r", "\u000B", "x", "\u00A0", ":", "(", ")");
    return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
