package io.maildiag.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.core.testing.ParserFuzzing;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainNamePropertiesTest {

  @Provide
  Arbitrary<String> anyInput() {
    return ParserFuzzing.anyInput();
  }

  /** An LDH label: letters and digits, hyphens only inside, 1 to 63 characters. */
  static Arbitrary<String> ldhLabel() {
    Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
    Arbitrary<String> middle = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('-').ofMaxLength(61);
    Arbitrary<String> longLabel = Combinators.combine(edge, middle, edge).as((a, m, b) -> a + m + b);
    Arbitrary<String> shortLabel = edge.map(String::valueOf);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, shortLabel), net.jqwik.api.Tuple.of(4, longLabel));
  }

  /** Names of 1 to 5 LDH labels whose text form fits in 253 characters. */
  @Provide
  Arbitrary<String> ldhName() {
    return ldhLabel().list().ofMinSize(1).ofMaxSize(5)
        .map(labels -> String.join(".", labels))
        .filter(s -> s.length() <= DomainName.MAX_NAME_LENGTH);
  }

  /** Labels mixing ASCII and Latin-1 lower-case letters that are stable under IDNA 2003 nameprep. */
  @Provide
  Arbitrary<String> unicodeName() {
    Arbitrary<String> label = Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars("\u00e0\u00e1\u00e2\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00f1\u00f6\u00f8\u00fc\u00fd")
        .ofMinLength(1).ofMaxLength(20);
    return label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
  }

  @Property
  void neverThrowsAndSpansLieInsideTheInput(@ForAll("anyInput") String input) {
    ParseResult<DomainName> r = DomainName.parse(input);
    ParserFuzzing.checkResult(input, r);
  }

  @Property
  void parsedNamesAreNormalisedAndValid(@ForAll("anyInput") String input) {
    ParseResult<DomainName> r = DomainName.parse(input);
    r.value().ifPresent(name -> {
      String text = name.toString();
      if (!name.isRoot()) {
        assertThat(text.length()).isLessThanOrEqualTo(DomainName.MAX_NAME_LENGTH);
        assertThat(text).doesNotEndWith(".").isEqualTo(text.toLowerCase(Locale.ROOT));
        assertThat(text.chars().allMatch(c -> c < 0x80)).as("ASCII only: %s", text).isTrue();
        for (String label : name.labels()) {
          assertThat(label).isNotEmpty();
          assertThat(label.length()).isLessThanOrEqualTo(DomainName.MAX_LABEL_LENGTH);
          assertThat(label.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '.' && !(c >= 'A' && c <= 'Z')))
              .as("label %s", label).isTrue();
        }
      }
      assertThat(DomainName.parse(text).value()).contains(name);
    });
  }

  /**
   * Non-ASCII labels from the blocks whose compatibility mappings produce ASCII punctuation
   * (letterlike symbols such as U+2100, fullwidth forms such as U+FF0F and U+FF3F).
   */
  @Provide
  Arbitrary<String> compatibilityLabels() {
    Arbitrary<String> label = Arbitraries.strings()
        .withCharRange('\u2100', '\u218f').withCharRange('\uff01', '\uff5e').withChars("\u00e9\u00fc")
        .ofMinLength(1).ofMaxLength(6);
    return label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
  }

  @Property(tries = 1000)
  void labelsConvertedByIdnaAreLettersDigitsAndHyphens(@ForAll("compatibilityLabels") String input) {
    ParseResult<DomainName> r = DomainName.parse(input);
    ParserFuzzing.checkResult(input, r);
    r.value().ifPresent(name -> assertThat(name.labels()).allSatisfy(label ->
        assertThat(label).as("label converted from %s", input).matches("[a-z0-9-]+")));
  }

  @Property
  void ldhNamesRoundTrip(@ForAll("ldhName") String input, @ForAll boolean trailingDot) {
    DomainName name = DomainName.parse(trailingDot ? input + "." : input).orElseThrow();
    assertThat(name.toString()).isEqualTo(input.toLowerCase(Locale.ROOT));
    assertThat(DomainName.parse(name.toString()).orElseThrow()).isEqualTo(name);
    assertThat(DomainName.parse(name.toAbsoluteString()).orElseThrow()).isEqualTo(name);
    assertThat(name.labelCount()).isEqualTo(input.split("\\.").length);
  }

  @Property
  void unicodeNamesRoundTripThroughBothForms(@ForAll("unicodeName") String input) {
    ParseResult<DomainName> r = DomainName.parse(input);
    Assume.that(r.isSuccess());
    DomainName name = r.orElseThrow();
    assertThat(DomainName.parse(name.toString()).orElseThrow()).isEqualTo(name);
    assertThat(name.toUnicode()).isEqualTo(input);
    assertThat(DomainName.parse(name.toUnicode()).orElseThrow()).isEqualTo(name);
  }

  @Property
  void ancestorsAreSuperdomainsAndSortFirst(@ForAll("ldhName") String input) {
    DomainName name = DomainName.of(input);
    List<DomainName> chain = name.selfAndAncestors();
    assertThat(chain).hasSize(name.labelCount());
    assertThat(chain.get(0)).isEqualTo(name);
    for (DomainName ancestor : chain) {
      assertThat(name.isSubdomainOf(ancestor)).isTrue();
      assertThat(ancestor.compareTo(name)).isLessThanOrEqualTo(0);
      assertThat(name.toString()).endsWith(ancestor.toString());
    }
    assertThat(name.parent().orElseThrow().labelCount()).isEqualTo(name.labelCount() - 1);
    assertThat(DomainName.root().compareTo(name)).isNegative();
  }

  @Property
  void orderIsConsistentWithEquals(@ForAll("ldhName") String a, @ForAll("ldhName") String b) {
    DomainName x = DomainName.of(a);
    DomainName y = DomainName.of(b);
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
    assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
  }
}
