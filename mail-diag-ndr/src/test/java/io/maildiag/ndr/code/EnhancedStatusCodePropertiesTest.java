package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of {@link EnhancedStatusCode#parse} and {@link NdrCode#explain(String)}. */
class EnhancedStatusCodePropertiesTest {

  private static void checkSpans(String text, ParseResult<?> r) {
    if (!r.isSuccess()) {
      assertThat(r.hasErrors()).isTrue();
    }
    for (Diagnostic d : r.diagnostics()) {
      SourceSpan s = d.span().orElseThrow();
      assertThat(s.offset()).isBetween(0, text.length());
      assertThat(s.end()).isBetween(s.offset(), text.length());
    }
  }

  @Property(tries = 500)
  void everyValidCodeRoundTrips(
      @ForAll("classes") int cls, @ForAll @IntRange(max = 999) int subject, @ForAll @IntRange(max = 999) int detail) {
    EnhancedStatusCode code = new EnhancedStatusCode(cls, subject, detail);
    assertThat(EnhancedStatusCode.parse(code.toString()).value()).contains(code);
  }

  @Property(tries = 1000)
  void parseNeverThrowsAndSuccessMeansCanonical(@ForAll("anyText") String text) {
    ParseResult<EnhancedStatusCode> r = EnhancedStatusCode.parse(text);
    checkSpans(text, r);
    r.value().ifPresent(code -> assertThat(code.toString()).isEqualTo(text));
  }

  @Property(tries = 1000)
  void parseIsTotalOnCodeLikeText(@ForAll("codeLike") String text) {
    ParseResult<EnhancedStatusCode> r = EnhancedStatusCode.parse(text);
    checkSpans(text, r);
    r.value().ifPresent(code -> {
      assertThat(code.toString()).isEqualTo(text);
      assertThat(code.statusClass()).isIn(2, 4, 5);
      assertThat(code.subject()).isBetween(0, 999);
      assertThat(code.detail()).isBetween(0, 999);
    });
  }

  @Property(tries = 500)
  void explainNeverThrows(@ForAll("codeLike") String text) {
    ParseResult<CodeExplanation> r = NdrCode.explain(" " + text + "\t");
    checkSpans(" " + text + "\t", r);
    r.value().ifPresent(e -> {
      // white space around the code is not part of it (the generator may add more of its own)
      assertThat(e.code().toString()).isEqualTo(text.strip());
      assertThat(e.defaultClassification().rule()).isEqualTo("status:" + text.strip());
    });
  }

  @Example
  void explainIgnoresWhiteSpaceAroundTheCode() {
    explainNeverThrows("2.10.0 ");
    explainNeverThrows(" 5.7.26  ");
  }

  @Provide
  Arbitrary<Integer> classes() {
    return Arbitraries.of(2, 4, 5);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> codeLike() {
    return Arbitraries.strings().withChars("0123456789.245 x-").ofMaxLength(14);
  }
}
