package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** One SmtpStage.TranscriptReplies answers every diagnostic as the line-by-line search does. */
class TranscriptRepliesPropertiesTest {

  @Property(tries = 1000)
  void everyAnswerIsTheLineByLineSearch(@ForAll("transcripts") String text, @ForAll("questions") List<String> questions) {
    SmtpStage.TranscriptReplies replies = new SmtpStage.TranscriptReplies(text);
    for (String diagnostic : questions) {
      assertThat(replies.stageOf(diagnostic)).as("%s", diagnostic).isEqualTo(reference(text, diagnostic));
      assertThat(replies.stageOf(diagnostic)).as("%s, asked again", diagnostic).isEqualTo(reference(text, diagnostic));
    }
  }

  @Provide
  Arbitrary<String> transcripts() {
    Arbitrary<String> line = Arbitraries.of(">>> MAIL FROM:<a@example.org>", ">>> RCPT TO:<b@example.org>", ">>> DATA",
        "<<< 250 OK", "<<< 550 5.1.1 Unknown user b@example.org", "<<< 550-5.1.1 Unknown user", "<<<550 5.1.1 Unknown",
        "<<< 550 5.1.1  Unknown   user b@example.org and more words to pass forty chars", "<<< 552 5.2.2 Mailbox full",
        "<<< 554 5.7.1 Rejected", "<<<", "  <<< 550 5.1.1 Unknown user", "text", "", "<<< 550 5.1.1 Unknown user b@",
        "<<< 451 4.7.1 Try again later", "<<< 550 5.1.1 Unknown user b@example.org\u2028tail", "<<< 550 5.1.1 Un",
        "<<< 550 5.1.1 U", "<<<  550  5.1.1 Unknown user b");
    return line.list().ofMaxSize(14).map(l -> String.join("\n", l));
  }

  @Provide
  Arbitrary<List<String>> questions() {
    return Arbitraries.of("550 5.1.1 Unknown user b@example.org", "550 5.1.1 Unknown user",
        "550 5.1.1 Unknown user b@example.org and more words to pass forty chars", " 550  5.1.1\tUnknown user b@",
        "552 5.2.2 Mailbox full, says the report", "554 5.7.1", "short", "451 4.7.1 Try again later please",
        "550 5.1.1 Unknown", "550-5.1.1 Unknown user b@example.org").list().ofMaxSize(6);
  }

  /** transcriptFor as it was: every server line collapsed and compared, for each diagnostic. */
  private static SmtpStage.@Nullable Found reference(String text, String diagnostic) {
    if (text.indexOf("<<<") < 0) {
      return null;
    }
    String want = SmtpStage.collapseSpace(diagnostic.strip());
    if (want.length() < 6) {
      return null;
    }
    want = want.substring(0, Math.min(want.length(), 40));
    String[] lines = (text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String said = LineMatchers.transcriptText(lines[i], "<<<");
      if (said == null) {
        continue;
      }
      String got = SmtpStage.collapseSpace(said.strip());
      if (!got.isEmpty() && (got.startsWith(want) || want.startsWith(got) && got.length() >= 12)) {
        return SmtpStage.at(lines, SmtpStage.first(lines, i));
      }
    }
    return null;
  }
}
