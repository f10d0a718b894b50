package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.classify.TextNormalizer;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** classify never throws and always returns a complete verdict, in bounded time. */
class ReasonClassifierPropertiesTest {

  @Provide
  Arbitrary<ClassificationInput> inputs() {
    Arbitrary<Optional<EnhancedStatusCode>> status = Combinators.combine(
            Arbitraries.of(2, 4, 5), Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999))
        .as(EnhancedStatusCode::new).optional();
    Arbitrary<Optional<ReplyCode>> reply = Combinators.combine(
            Arbitraries.integers().between(2, 5), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 9))
        .as((a, b, c) -> ReplyCode.of(a * 100 + b * 10 + c)).optional();
    Arbitrary<String> words = Arbitraries.of("user", "unknown", "mailbox", "full", "spam", "relay", "denied", "550",
        "5.1.1", "550-5.7.1", "@", "<a@b>", "n't", "cannot", "'", "~", "!!", "*", "dmarc", "policy", "try", "again",
        "later", "\u2019", "\u00e9", "\t", "\n", " ", "-", ".", "mail from", "data", "timed out");
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(400),
        words.list().ofMaxSize(60).map(l -> String.join(" ", l)),
        words.list().ofMaxSize(60).map(l -> String.join("", l)));
    Arbitrary<String> action = Arbitraries.oneOf(Arbitraries.of("failed", "delayed", "delivered", "relayed",
        "expanded", "", "FAILED ", "auto-replied", "feedback"), Arbitraries.strings().ofMaxLength(12));
    return Combinators.combine(status, reply, text, action, Arbitraries.of(Provider.class))
        .as(ClassificationInput::new);
  }

  @Property(tries = 2000)
  void neverThrowsAndIsComplete(@ForAll("inputs") ClassificationInput in) {
    Classification c = ReasonClassifier.standard().classify(in);
    assertThat(c.reason()).isNotNull();
    assertThat(c.retry()).isNotNull();
    assertThat(c.actor()).isNotNull();
    assertThat(c.remediation()).isNotBlank();
    assertThat(c.rule()).isNotBlank();
    if (!c.reason().isFailure()) {
      assertThat(c.permanent()).isFalse();
    }
  }

  @Property(tries = 300)
  void normalisedTextIsWordsAndSpaces(@ForAll String raw) {
    String n = TextNormalizer.normalize(raw);
    assertThat(n).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    // combining vowel signs (Devanagari, Thai) stay inside their word
    assertThat(n.chars().allMatch(ch -> ch == ' ' || Character.isLetterOrDigit(ch)
        || Character.getType(ch) == Character.NON_SPACING_MARK
        || Character.getType(ch) == Character.COMBINING_SPACING_MARK
        || Character.getType(ch) == Character.ENCLOSING_MARK)).isTrue();
    assertThat(n.length()).isLessThanOrEqualTo(2 * TextNormalizer.MAX_INPUT_CHARS);
  }

  @Example
  void megabyteTextsTakeBoundedTime() {
    StringBuilder b = new StringBuilder(1 << 20);
    String chunk = "550-5.7.1 user mailbox relay spam dmarc blocked try again later quota ";
    while (b.length() < (1 << 20)) {
      b.append(chunk);
    }
    String big = b.toString();
    String noSpaces = "a".repeat(1 << 20);
    String repeatedWord = "ube".repeat(1 << 18);
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String s : new String[] {big, noSpaces, repeatedWord}) {
        Classification c = ReasonClassifier.standard().classify(new ClassificationInput(
            Optional.empty(), Optional.empty(), s, "failed", Provider.OTHER));
        assertThat(c.remediation()).isNotBlank();
      }
    });
  }
}
