package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The gates of {@link Smtp#facts}: a text without a class digit, a dot and a digit has no pair and
 * no enhanced status code, so the facts are its reply code alone; with or without the gates the
 * facts are the same.
 */
class SmtpFactsGateTest {

  @Property(tries = 3000)
  void factsAsWithoutGates(@ForAll("texts") String text) {
    assertThat(Smtp.mayHoldStatus(text)).as(text).isEqualTo(plainMayHoldStatus(text));
    assertThat(Smtp.facts(text)).as(text).isEqualTo(plainFacts(text));
  }

  /** {@link Smtp#facts} as it reads without its gates: every pair tried, then the codes apart. */
  private static Smtp.Facts plainFacts(String text) {
    Matcher pm = Smtp.PAIR.matcher(text);
    while (pm.find()) {
      Optional<ReplyCode> r = Smtp.reply(pm.group(1));
      Optional<EnhancedStatusCode> s = Smtp.status(pm.group(2), pm.group(3), pm.group(4));
      if (r.isPresent() && s.isPresent() && r.get().value() / 100 == s.get().statusClass()
          && !r.get().isPositive()) {
        return new Smtp.Facts(s, r);
      }
    }
    Optional<ReplyCode> reply = Smtp.replyCode(text);
    return new Smtp.Facts(Smtp.statusCode(text, reply), reply);
  }

  private static boolean plainMayHoldStatus(String text) {
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      char d = text.charAt(i + 2);
      if ((c == '2' || c == '4' || c == '5') && text.charAt(i + 1) == '.' && d >= '0' && d <= '9') {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> fragment = Arbitraries.of("550 ", "550-", "5.1.1", "4.7.0 ", "#5.0.0", "(#5.1.1)", "250 2.0.0",
        "said: ", "smtp; ", "<<< ", "version 5.2.1", "1.2.3.4", "450", "5.", ".5", "2.", "\n", " ", "x", "..");
    Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789.#- \n:abs").ofMaxLength(5);
    return Arbitraries.oneOf(fragment, fragment, noise).list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
