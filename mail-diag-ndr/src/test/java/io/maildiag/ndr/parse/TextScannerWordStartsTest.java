package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The sentence words' starts, read in one walk over a line, are those the search for each word's next place finds. */
class TextScannerWordStartsTest {

  @Property(tries = 5000)
  void oneWalkFindsWhatTheWordSearchFinds(@ForAll("sentenceLines") String s, @ForAll @IntRange(max = 12) int from) {
    int first = Math.min(from, s.length());
    for (int limit : new int[] {s.length(), s.length() / 2, TextScanner.lastAddressAt(s), first}) {
      if (limit < 0) {
        continue;
      }
      assertThat(upToEnd(TextScanner.wordStarts(s, first, limit))).as(s + " from " + first + " to " + limit)
          .containsExactly(bySearch(s, first, limit));
    }
  }

  /** The starts up to and with the -1 that ends them. */
  private static int[] upToEnd(int[] starts) {
    int n = 0;
    while (starts[n] >= 0) {
      n++;
    }
    return Arrays.copyOf(starts, n + 1);
  }

  /** The starts as the search found them: each next place of a word, kept where no word char precedes it. */
  private static int[] bySearch(String s, int first, int limit) {
    int[] out = new int[s.length() + 1];
    int count = 0;
    for (int p = TextScanner.SENTENCE_WORDS.next(s, first); p >= 0 && p < limit;
        p = TextScanner.SENTENCE_WORDS.next(s, p + 1)) {
      if (p == 0 || !Keywords.isAsciiWordChar(s.charAt(p - 1))) {
        out[count++] = p;
      }
    }
    out[count] = -1;
    return Arrays.copyOf(out, count + 1);
  }

  @Provide
  Arbitrary<String> sentenceLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("delivered to ", "Sent to ", "relaying for: ", "message to ", "Rejected recipient ",
            "recipient ", "user", "username ", "_user ", "1user ", "\u00e9user ", "\u0301user ", "RCPT TO:<",
            "rcpt to: <", "mailbox", "address: ", "x@example.com", "<a.b@ex.org>", "\"q@ex.net\"", " ", "\t", ":",
            "<", ">", "@", "consent ", "reaches ", "forwarding ", "transmitted for ", "\n", "\u00a0",
            "rejected address ", "sending to ", "users ", "mailboxes: ", "DELIVER", "sen", "Users", "\u212a"),
        Arbitraries.strings().withChars("aesr_1@.< :U").ofMaxLength(4));
    return piece.list().ofMinSize(1).ofMaxSize(10).map(l -> String.join("", l));
  }
}
