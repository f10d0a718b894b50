package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The sentence anchors' word starts, found once per line ({@link TextScanner#wordStarts}), give
 * each pattern the match its own word-start search ({@link Keywords#matchAtWordStart}) gives.
 */
class TextScannerSentenceStartsTest {

  @Property(tries = 3000)
  void sharedStartsFindWhatEachPatternsSearchFinds(@ForAll("sentenceLines") String s) {
    int first = TextScanner.SENTENCE_WORDS.next(s, 0);
    if (first < 0) {
      return;
    }
    for (int limit : new int[] {s.length(), s.length() / 2, TextScanner.lastAddressAt(s)}) {
      if (limit < 0) {
        continue;
      }
      int[] starts = TextScanner.wordStarts(s, first, limit);
      for (int k = 0; k < TextScanner.SENTENCES.length; k++) {
        assertSame(TextScanner.SENTENCE_STARTS[k], TextScanner.SENTENCES[k], s, limit, starts);
      }
      assertSame(TextScanner.RCPT_STARTS, TextScanner.P_RCPT, s, limit, starts);
    }
  }

  private static void assertSame(Keywords k, Pattern p, String s, int limit, int[] starts) {
    Matcher shared = TextScanner.matchAt(k, p, s, starts);
    Matcher own = k.matchAtWordStart(p, s, limit);
    assertThat(shared == null).as("%s in %s", p, s).isEqualTo(own == null);
    if (own != null) {
      assertThat(shared.start()).isEqualTo(own.start());
      assertThat(shared.end()).isEqualTo(own.end());
      assertThat(shared.group(1)).isEqualTo(own.group(1));
    }
  }

  @Provide
  Arbitrary<String> sentenceLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("delivered to ", "Sent to ", "relaying for: ", "message to ", "Rejected recipient ",
            "recipient ", "user", "username ", "_user ", "1user ", "\u00e9user ", "\u0301user ", "RCPT TO:<", "rcpt to: <",
            "mailbox", "address: ", "x@example.com", "<a.b@ex.org>", "\"q@ex.net\"", " ", "\t", ":", "<", ">", "@",
            "consent ", "reaches ", "forwarding ", "transmitted for ", "\n", "\u00a0", "rejected address ",
            "sending to ", "users ", "mailboxes: "),
        Arbitraries.strings().withChars("aesr_1@.< :").ofMaxLength(4));
    return piece.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
  }
}
