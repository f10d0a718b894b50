package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tokens of ASCII letters and digits alone, which {@link TextNormalizer} writes as it reads them,
 * come out as the reference writes them: reply codes dropped, "cannot" split, next to tokens that
 * take the general path (codes with dots, punctuation, addresses, non-ASCII letters and spaces).
 */
class TextNormalizerPlainTokensTest {
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(5);
    Arbitrary<String> alnum = Arbitraries.strings().withChars("abcnotCANOTxZ0123456789").ofMinLength(1)
        .ofMaxLength(8);
    Arbitrary<String> special = Arbitraries.of("550", "250", "150", "650", "5.1.1", "550-5.1.1", "550-", "cannot",
        "CanNot", "xcannot", "cannotx", "can't", "won't", "a@b", "<x@y>", "(550)", "#5.1.1", "\u00e9t\u00e9",
        "Stra\u00dfe", "x\u0301", "\u00a0", "\u2028", "\u200b", "l'x", "user's");
    Arbitrary<String> token = Arbitraries.oneOf(digits, alnum, special);
    Arbitrary<String> separator = Arbitraries.of(" ", "  ", "\t", "\n", "\u00a0", "\u3000", ":", ",", ".", "-", "");
    return joined(token, separator, 20);
  }

  @Property(tries = 2000)
  void agreesWithTheReference(@ForAll("texts") String raw) {
    assertThat(TextNormalizer.compute(raw)).isEqualTo(NormalizerReference.normalize(raw));
  }

  /** Up to {@code max} tokens, each followed by a separator. */
  private static Arbitrary<String> joined(Arbitrary<String> token, Arbitrary<String> separator, int max) {
    return Combinators.combine(token.list().ofMaxSize(max), separator.list().ofMinSize(max).ofMaxSize(max))
        .as((tokens, seps) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < tokens.size(); i++) {
            b.append(tokens.get(i)).append(seps.get(i));
          }
          return b.toString();
        });
  }

  @Provide
  Arbitrary<String> punctuated() {
    // ASCII punctuation around and inside runs of letters and digits: trimmed, a break, or the general path
    Arbitrary<String> run = Arbitraries.strings().withChars("abcnotCANOT0123455").ofMinLength(0).ofMaxLength(6);
    Arbitrary<String> punct = Arbitraries.strings().withChars("()<>[]:;,.!?#-_'`\"@=*/").ofMinLength(0)
        .ofMaxLength(3);
    Arbitrary<String> token = Combinators.combine(punct, run, punct, run, punct)
        .as((a, b, c, d, e) -> a + b + c + d + e);
    Arbitrary<String> separator = Arbitraries.of(" ", "  ", "\t", "\n", "\u00a0", "\u00e9", "");
    return joined(token, separator, 12);
  }

  @Property(tries = 2000)
  void punctuationAroundWordsAgreesWithTheReference(@ForAll("punctuated") String raw) {
    assertThat(TextNormalizer.compute(raw)).isEqualTo(NormalizerReference.normalize(raw));
  }

  @Example
  void codesAndContractionsAtTheEdges() {
    for (String raw : new String[] {"550", " 550 ", "5501", "55", "2a0", "x 450", "cannot", "a cannot", "cannot b",
        "xcannot", "CANNOT 550", "550cannot", "a\u2028b", "abc\u00e9", "ab:cd", "ab@cd ef", "(550)", "550:", "-550-",
        "rejected:", "(in", "command).", "<<<", "---", "'t", "can't.", "cannot.", "(cannot)", "users'", "x.@y", "ab.\u00e9",
        ":x@", "\"quoted\"", "n't"}) {
      assertThat(TextNormalizer.compute(raw)).as(raw).isEqualTo(NormalizerReference.normalize(raw));
    }
  }
}
