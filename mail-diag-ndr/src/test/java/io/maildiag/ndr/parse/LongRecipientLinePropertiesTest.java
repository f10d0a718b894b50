package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A recipient line names its recipient whatever its length: the address at its start is read
 * however long the reply after it runs, and the reply's start is its diagnostic.
 */
class LongRecipientLinePropertiesTest {

  @Property(tries = 200)
  void theAddressAtALinesStartIsReadWhateverItsLength(@ForAll @IntRange(min = 0, max = 3_000) int words,
      @ForAll @StringLength(min = 1, max = 12) @Chars({'a', 'b', 'x', '.', '-', ' ', '(', ')'}) String word) {
    String reply = "550 5.1.1 " + (word + " ").repeat(words);
    String msg = "From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\n\n"
        + "<ann@example.org>: host mx.example.org[192.0.2.1] said: " + reply + "\n";
    BounceAnalysis a = Fixtures.analyzeText(msg);
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("ann@example.org");
      assertThat(r.status()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("5.1.1"));
      assertThat(r.diagnosticText()).startsWith("host mx.example.org[192.0.2.1] said: 550 5.1.1");
    });
  }
}
