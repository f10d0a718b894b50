package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties of {@link HeaderSection#parse}: it never throws, spans lie inside the text, fields round-trip. */
class HeaderSectionPropertiesTest {

  @Property(tries = 300)
  void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 400) byte[] input) {
    check(HeaderSection.parse(input));
  }

  @Property(tries = 300)
  void neverThrowsOnHeaderLikeText(@ForAll("headerish") String input) {
    check(HeaderSection.parse(input));
  }

  private static void check(ParseResult<HeaderSection> r) {
    assertThat(r.isSuccess()).isTrue();
    HeaderSection h = r.orElseThrow();
    String text = h.text();
    for (HeaderField f : h.fields()) {
      assertThat(f.span().end()).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(f.span().offset(), f.span().end())).isEqualTo(f.raw());
      assertThat(f.unfoldedValue()).doesNotContain("\r", "\n");
      assertThat(f.decodedValue()).doesNotContain("\r", "\n");
    }
    for (Diagnostic d : r.diagnostics()) {
      d.span().ifPresent(s -> assertThat(s.end()).isLessThanOrEqualTo(text.length()));
    }
  }

  @Provide
  Arbitrary<String> headerish() {
    return Arbitraries.strings()
        .withChars("ab: \t\r\n=?QB_()[];<>\"\\\u00e9\u0000")
        .ofMaxLength(300);
  }

  record Field(String name, String value) {}

  @Provide
  Arbitrary<List<Field>> fieldLists() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').excludeChars(':')
        .ofMinLength(1).ofMaxLength(20).filter(n -> !n.startsWith("From"));
    Arbitrary<String> words = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12)
        .filter(w -> !w.contains("=?"));
    Arbitrary<String> values = words.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
    return Combinators.combine(names, values).as(Field::new).list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 200)
  void renderedFieldsRoundTrip(@ForAll("fieldLists") List<Field> fields,
      @ForAll("eols") String eol, @ForAll boolean fold) {
    StringBuilder sb = new StringBuilder();
    for (Field f : fields) {
      sb.append(f.name()).append(": ");
      String v = f.value();
      if (fold) {
        v = v.replace(" ", eol + " ");
      }
      sb.append(v).append(eol);
    }
    sb.append(eol).append("body");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    ParseResult<HeaderSection> r = HeaderSection.parse(bytes);
    HeaderSection h = r.orElseThrow();
    assertThat(h.fields()).extracting(HeaderField::name).containsExactlyElementsOf(fields.stream().map(Field::name).toList());
    assertThat(h.fields()).extracting(HeaderField::unfoldedValue)
        .containsExactlyElementsOf(fields.stream().map(Field::value).toList());
    assertThat(h.bodyOffset()).hasValue(bytes.length - 4);
    assertThat(r.diagnostics()).isEmpty();
  }

  @Provide
  Arbitrary<String> eols() {
    return Arbitraries.of("\r\n", "\n", "\r");
  }
}
