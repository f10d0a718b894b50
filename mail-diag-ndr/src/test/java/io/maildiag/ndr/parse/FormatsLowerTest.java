package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Formats#lowerContains} and {@link Formats#lowerStartsWith} answer as the lower-cased copy does. */
class FormatsLowerTest {
  private static final String[] WORDS = {"feedback-report", "complaint about message from", "k", "i", "ki", "ik",
      "report", "-", "feedback-type:"};
  private static final String[] PIECES = {"Feedback-Report", "FEEDBACK-REPORT", "feedbac", "\u212a", "K", "k",
      "-report", "Complaint About Message From", "complaint about message fro", "m", "M", "i", "I", "\u0130",
      "\u0131", "\u017f", "\u03a3", "\u0307", " ", "multipart/report; report-type=", "\ud83d\ude00", "\u00e9", "x",
      "FEEDBACK-TYPE:", "Ki", "\u212a\u0130"};

  @Test
  void answersAsTheLowerCasedCopy() {
    Random random = new Random(31);
    for (int i = 0; i < 50_000; i++) {
      String s = EngineGatesTest.noise(random, PIECES, random.nextInt(6));
      String lower = s.toLowerCase(Locale.ROOT);
      for (String w : WORDS) {
        assertThat(Formats.lowerContains(s, w)).as("%s in %s", w, s).isEqualTo(lower.contains(w));
        assertThat(Formats.lowerStartsWith(s, w)).as("%s at %s", w, s).isEqualTo(lower.startsWith(w));
      }
    }
  }
}
