package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The bounce text proper and the text after the cut, taken from the text without joining its lines again. */
class TextScannerRegionPropertiesTest {

  @Property(tries = 500)
  void regionAndAfterAreTheJoinedLines(@ForAll("texts") String text) {
    TextScanner.Result r = TextScanner.scan(text, Set.of());
    String[] all = text.split("\n", -1);
    int n = Math.min(all.length, TextScanner.MAX_LINES);
    String[] lines = new String[n];
    for (int i = 0; i < n; i++) {
      lines[i] = all[i].length() > TextScanner.MAX_LINE ? all[i].substring(0, TextScanner.MAX_LINE) : all[i];
    }
    int end = n;
    for (int i = 0; i < n; i++) {
      String t = lines[i].strip();
      if (t.length() < 100 && t.length() > 6 && TextScanner.Spec.END_MARKER.matcher(t).matches()
          && !t.toLowerCase(Locale.ROOT).contains("was received")) {
        end = i;
        break;
      }
    }
    StringBuilder region = new StringBuilder();
    for (int i = 0; i < end; i++) {
      region.append(lines[i]).append('\n');
    }
    StringBuilder after = new StringBuilder();
    for (int i = Math.min(end + 1, n); i < n; i++) {
      after.append(all[i]).append('\n');
    }
    assertThat(r.region()).isEqualTo(region.toString());
    assertThat(r.after()).isEqualTo(after.toString());
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.of("", "a@example.com: 550 5.1.1 unknown", "----- Original message -----",
            "The original message was received at Mon", "  -- Below this line is a copy of the message.", "x",
            "| ORIGINAL MESSAGE HEADERS", "a message about the message", "message"),
        Arbitraries.strings().withChars("ab \t").ofMinLength(1990).ofMaxLength(2010),
        Arbitraries.strings().withChars("abc :\r").ofMaxLength(20));
    Arbitrary<String> lines = line.list().ofMaxSize(12).map(l -> String.join("\n", l));
    Arbitrary<String> many = Arbitraries.integers().between(3990, 4010).map(k -> "x\n".repeat(k));
    return Arbitraries.oneOf(lines, lines, lines, many.flatMap(m -> lines.map(l -> m + l)));
  }
}
