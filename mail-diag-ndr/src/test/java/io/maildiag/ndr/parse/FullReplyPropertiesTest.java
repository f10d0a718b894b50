package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** TextScanner.fullReply skips lines without the reply's first word, and finds what it found before. */
class FullReplyPropertiesTest {

  @Property(tries = 1000)
  void fullReplyIsTheLineByLineSearch(@ForAll("transcripts") String text, @ForAll("truncated") String truncated) {
    assertThat(TextScanner.fullReply(text, truncated)).isEqualTo(reference(text, truncated));
  }

  @Property(tries = 500)
  void oneReaderAnswersEveryQuestionAsTheSearchDoes(@ForAll("transcripts") String text,
      @ForAll("questions") List<String> questions) {
    TextScanner.FullReplies replies = new TextScanner.FullReplies(text);
    for (String truncated : questions) {
      assertThat(replies.of(truncated)).as("%s", truncated).isEqualTo(reference(text, truncated));
    }
  }

  @org.junit.jupiter.api.Test
  void theFirstLineThatGoesOnIsTheAnswerWhateverLinesShareItsStart() {
    String text = String.join("\n", "550-5.1.1 The email account that you tried to reach is gone",
        "text between", "550-5.1.1 The email account that you tried to reach does not exist",
        "550-5.1.1 please check", "550 5.1.1 the address", "550-5.1.1 The email account that",
        "550 5.1.1 short");
    TextScanner.FullReplies replies = new TextScanner.FullReplies(text);
    for (String truncated : List.of("550-5.1.1 The email account that you tried to reach does not exist",
        "550-5.1.1 The email account that you tried", "550-5.1.1 The email account that",
        "550-5.1.1 The email account that you tried to reach is gone", "550-5.1.1 nothing like it")) {
      assertThat(replies.of(truncated)).as("%s", truncated).isEqualTo(reference(text, truncated));
      assertThat(replies.of(truncated)).as("%s, asked again", truncated).isEqualTo(reference(text, truncated));
    }
    assertThat(replies.of("550-5.1.1 The email account that")).startsWith("550-5.1.1 The email account that you tried to reach does not exist");
  }

  @org.junit.jupiter.api.Test
  void theLastSplitLineHoldsTheRest() {
    for (int before : new int[] {TextScanner.MAX_LINES - 3, TextScanner.MAX_LINES - 2, TextScanner.MAX_LINES - 1,
        TextScanner.MAX_LINES}) {
      String text = "x\n".repeat(before) + "<<< 550-5.1.1 The email\n550-5.1.1 more\n550 5.1.1 end\n";
      assertThat(TextScanner.fullReply(text, "550-5.1.1 The email")).as("%d", before)
          .isEqualTo(reference(text, "550-5.1.1 The email"));
    }
  }

  @Provide
  Arbitrary<String> transcripts() {
    Arbitrary<String> line = Arbitraries.of("<<< 550-5.7.26 This mail", "<<< 550-5.7.26  is unauthenticated",
        "550-5.7.26\tis not", "550 5.7.26 Gmail", "Out: 550-5.1.1 The email", "S: 550 5.1.1 account",
        "  <-  550-5.1.1 x", "550\t5.1.1 tab", "421-4.7.0 try", "421 4.7.0 later", "text", "", "550-5.1.1\u00a0nbsp",
        "S: 550-5.1.1 The email", "<<<550-5.7.26 This mail", "Out:550-5.1.1 The email", "\t 550-5.1.1 The email",
        "\u2003550-5.1.1 The email", "<<<\u2003550-5.1.1 The email", "550-5.1.1 The email account that you tried to reach",
        "550-5.1.1 The email account that you tried to reach is gone", "<<  550-5.1.1 The email", "550-");
    return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
  }

  @Provide
  Arbitrary<List<String>> questions() {
    return truncated().list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> truncated() {
    return Arbitraries.of("550-5.7.26 This mail", "550-5.7.26 is", "550-5.1.1 The email", " 550-5.1.1  The",
        "550-5.1.1\tx", "421-4.7.0 try", "550 5.1.1", "550-5.1.1\u00a0nbsp", "5 5 0 - x y z", "short",
        "550-5.1.1 The email account that you tried to reach", "550-5.1.1 The email account that you tried to reach is",
        "\u2003550-5.1.1 The email", "550-");
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TRANSCRIPT_PREFIX = Pattern.compile("^(?:<<<|<-|Out:|S:)\\s*");

  /** fullReply as it was: every line collapsed and compared. */
  private static String reference(String text, String truncated) {
    String want = WHITESPACE.matcher(truncated.strip()).replaceAll(" ");
    if (want.length() < 8) {
      return null;
    }
    String code = want.substring(0, 3);
    String[] ls = text.split("\n", TextScanner.MAX_LINES);
    for (int i = 0; i < ls.length; i++) {
      String l = WHITESPACE.matcher(strip(ls[i])).replaceAll(" ");
      if (!l.startsWith(want.substring(0, Math.min(want.length(), 40)))) {
        continue;
      }
      List<String> out = new ArrayList<>();
      out.add(l);
      for (int j = i + 1; j < ls.length && out.size() < 20; j++) {
        String c = strip(ls[j]);
        if (!c.startsWith(code + "-") && !c.startsWith(code + " ")) {
          break;
        }
        out.add(c);
        if (c.startsWith(code + " ")) {
          break;
        }
      }
      if (out.size() > 1) {
        return Smtp.clean(String.join("\n", out));
      }
    }
    return null;
  }

  private static String strip(String l) {
    return TRANSCRIPT_PREFIX.matcher(l.strip()).replaceFirst("");
  }
}
