package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link TextScanner#mayEndText} says yes to every line the end marker pattern matches once stripped. */
class TextScannerEndMarkerTest {

  private static final List<String> PHRASES = List.of("original message", "the original message headers",
      "unsent message follows", "returned message", "message text follows", "message headers follow",
      "this is a copy of the original message", "below this line is a copy of the message",
      "enclosed is a copy of the message", "included is a copy of the message", "a copy of the message",
      "header of the original message", "original message follows", "undelivered message attached",
      "message header follows", "the returned message");
  private static final String[] SPACES = {" ", "  ", "\t", "\u000B", "\f", "\r", " \t", "\u00a0"};
  private static final String[] LEADS = {"", " ", "-----", "| ", "> ", "*** ", "\t-- "};

  @Property(tries = 3000)
  void everyMarkerLineMayEndTheText(@ForAll("phrases") String phrase, @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder line = new StringBuilder(LEADS[random.nextInt(LEADS.length)]);
    for (String word : phrase.split(" ")) {
      if (line.length() > 0 && !line.toString().endsWith(" ") || random.nextInt(4) == 0) {
        line.append(SPACES[random.nextInt(SPACES.length)]);
      }
      line.append(random.nextBoolean() ? word : word.toUpperCase(Locale.ROOT));
    }
    line.append(random.nextBoolean() ? "" : " -----");
    String l = line.toString();
    if (TextScanner.Spec.END_MARKER.matcher(l.strip()).matches()) {
      assertThat(TextScanner.mayEndText(l)).as(l).isTrue();
      assertThat(TextScanner.mayOpenEnd(l.strip())).as(l).isTrue();
    }
  }

  @Property(tries = 5000)
  void everyMarkerOpensAsTheGateSays(@ForAll("wordLines") String l) {
    String t = l.strip();
    if (TextScanner.Spec.END_MARKER.matcher(t).matches()) {
      assertThat(TextScanner.mayOpenEnd(t)).as(t).isTrue();
    }
  }

  @Provide
  Arbitrary<String> wordLines() {
    Arbitrary<String> word = Arbitraries.of("the", "THE", "original", "Original", "message", "MESSAGE", "headers",
        "header", "follows", "follow", "text", "unsent", "returned", "this", "is", "a", "A", "copy", "of", "below",
        "line", "enclosed", "included", "undelivered", "attached", "was", "received", "-----", "|", ">", "*", ":",
        "x", "an");
    Arbitrary<String> space = Arbitraries.of(SPACES);
    return Arbitraries.oneOf(word, space).list().ofMaxSize(14).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> phrases() {
    return Arbitraries.of(PHRASES);
  }
}
