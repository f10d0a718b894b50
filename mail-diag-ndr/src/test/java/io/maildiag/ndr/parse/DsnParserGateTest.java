package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The gate of {@link DsnParser#findInText}: it holds for every text in which some line matches
 * {@link DsnParser#REPORT_START} (so it never hides a report), and it is exactly "some line with a
 * colon starts with a report word".
 */
class DsnParserGateTest {

  @Property(tries = 5000)
  void gateIsNecessaryAndExact(@ForAll("texts") String text) {
    boolean someLine = false;
    boolean regex = false;
    for (String line : text.split("\n", -1)) {
      someLine |= line.indexOf(':') >= 0 && DsnParser.REPORT_START_WORDS.at(line, 0);
      regex |= DsnParser.REPORT_START.matcher(line).lookingAt();
    }
    assertThat(DsnParser.someLineStartsReport(text)).isEqualTo(someLine);
    if (regex) {
      assertThat(DsnParser.someLineStartsReport(text)).isTrue();
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.of("Reporting-MTA", "reporting-mta", "Final-Recipient", "FINAL-RECIPIENT",
        "Original-Recipient", "Arrival-Date", "Received-From-MTA", "Original-Envelope-Id", "Action", "Status",
        ":", " :", "\t:", "\n", "\r\n", "\r", " ", "x", "rfc822; a@b", "Final", "-Recipient", "\u2028", "::", "\n\n");
    return piece.list().ofMaxSize(20).map(l -> String.join("", l));
  }
}
