package io.maildiag.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Shared input generators and checks for the property and fuzz tests of the parsers, in this
 * module and (through its test jar) in the others.
 */
public final class ParserFuzzing {

  /** Characters that steer the parsers into their deeper branches, plus a few tricky non-ASCII ones. */
  private static final String SYNTAX = "0123456789abcdefABCDEFxnXN-_*/.:%@[]<>\"\\ \t\r\n"
      + "\u00fc\u00e9\u00df\u3002\uff0e\u2100\uff11\uff21\u00ad\u200d\u0661\ud800\udc00\u0000\u007f";

  private ParserFuzzing() {}

  /**
   * Arbitrary strings: any UTF-16 code unit (lone surrogates and control characters included),
   * strings over the syntax characters of the parsers, and occasionally very long strings of up to
   * 10,000 characters.
   */
  public static Arbitrary<String> anyInput() {
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> syntax = Arbitraries.strings().withChars(SYNTAX).ofMaxLength(60);
    Arbitrary<String> longAny = Arbitraries.strings().all().ofMinLength(1_000).ofMaxLength(10_000);
    Arbitrary<String> longSyntax = Arbitraries.strings().withChars(SYNTAX).ofMinLength(200).ofMaxLength(10_000);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, anyChars),
        net.jqwik.api.Tuple.of(10, syntax),
        net.jqwik.api.Tuple.of(1, longAny),
        net.jqwik.api.Tuple.of(1, longSyntax));
  }

  /**
   * Checks what every parse result must hold for {@code input}: a failure has an error, and every
   * diagnostic has a message and, if it has a span, a span inside the input.
   */
  public static void checkSpansInside(String input, ParseResult<?> result) {
    assertThat(result).isNotNull();
    assertThat(result.isSuccess() || result.hasErrors()).as("failed parse of %s has an error", input).isTrue();
    for (Diagnostic d : result.diagnostics()) {
      d.span().ifPresent(span -> {
        assertThat(span.offset()).isBetween(0, input.length());
        assertThat(span.end()).as("span end of %s", d).isLessThanOrEqualTo(input.length());
      });
      assertThat(d.message()).isNotBlank();
    }
  }

  /**
   * Checks the invariants every parse result of the core parsers holds for {@code input}: a
   * failure has an error, and every diagnostic has a span inside the input with the line and column
   * {@link SourceSpan#of} computes.
   */
  public static void checkResult(String input, ParseResult<?> result) {
    assertThat(result).isNotNull();
    if (!result.isSuccess()) {
      assertThat(result.hasErrors()).as("failed parse of %s has an error", input).isTrue();
    }
    for (Diagnostic d : result.diagnostics()) {
      assertThat(d.span()).as("diagnostic %s has a span", d).isPresent();
      SourceSpan span = d.span().orElseThrow();
      assertThat(span.offset()).isBetween(0, input.length());
      assertThat(span.end()).as("span end of %s", d).isLessThanOrEqualTo(input.length());
      assertThat(span).isEqualTo(SourceSpan.of(input, span.offset(), span.length()));
      assertThat(d.message()).isNotBlank();
    }
  }
}
