package io.maildiag.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

  private static Diagnostic onlyError(ParseResult<DomainName> r) {
    assertThat(r.isSuccess()).as("parse should fail").isFalse();
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  private static void assertError(String input, DiagnosticCode code, int offset, int length) {
    Diagnostic d = onlyError(DomainName.parse(input));
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.span()).contains(SourceSpan.of(input, offset, length));
    assertThat(d.span().orElseThrow().offset()).isEqualTo(offset);
    assertThat(d.span().orElseThrow().length()).isEqualTo(length);
  }

  // --- normalisation -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "example.com, example.com",
    "Example.COM, example.com",
    "example.com., example.com",
    "MAIL.Example.Com., mail.example.com",
    "_dmarc.example.com, _dmarc.example.com",
    "*.example.com, *.example.com",
    "0/25.2.0.192.in-addr.arpa, 0/25.2.0.192.in-addr.arpa",
    "a, a",
    "123.example, 123.example",
    "xn--bcher-kva.example, xn--bcher-kva.example",
    "XN--BCHER-KVA.EXAMPLE, xn--bcher-kva.example",
  })
  void normalises(String input, String expected) {
    ParseResult<DomainName> r = DomainName.parse(input);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.orElseThrow()).hasToString(expected);
    assertThat(DomainName.of(input)).isEqualTo(DomainName.of(expected));
  }

  @Test
  void convertsUnicodeLabelsToALabels() {
    DomainName name = DomainName.of("bücher.example");
    assertThat(name).hasToString("xn--bcher-kva.example");
    assertThat(name.labels()).containsExactly("xn--bcher-kva", "example");
    assertThat(name.toUnicode()).isEqualTo("bücher.example");
    assertThat(DomainName.of("BÜCHER.Example.")).isEqualTo(name);
    assertThat(DomainName.of("mail.bücher.example")).hasToString("mail.xn--bcher-kva.example");
  }

  @Test
  void followsIdna2003ForSharpS() {
    // Documented: IDNA 2003 maps ß to ss (IDNA 2008 would keep it as xn--fa-hia).
    assertThat(DomainName.of("faß.de")).hasToString("fass.de");
  }

  @Test
  void rootAndItsForms() {
    DomainName root = DomainName.root();
    assertThat(DomainName.of(".")).isSameAs(root);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.labelCount()).isZero();
    assertThat(root.labels()).isEmpty();
    assertThat(root).hasToString(".");
    assertThat(root.toAbsoluteString()).isEqualTo(".");
    assertThat(root.toUnicode()).isEqualTo(".");
    assertThat(root.parent()).isEmpty();
    assertThat(root.selfAndAncestors()).isEmpty();
    assertThat(root.isWildcard()).isFalse();
    assertThat(root.isSubdomainOf(root)).isTrue();
    assertThat(root.suffix(0)).isSameAs(root);
  }

  @Test
  void absoluteStringHasTrailingDot() {
    assertThat(DomainName.of("Example.com").toAbsoluteString()).isEqualTo("example.com.");
  }

  // --- rejection with code and position ---------------------------------------------------

  @Test
  void emptyInput() {
    assertError("", DomainCodes.DOMAIN_EMPTY, 0, 0);
  }

  @Test
  void emptyLabelPointsAtItsPosition() {
    assertError("a..b", DomainCodes.DOMAIN_EMPTY_LABEL, 2, 0);
    assertError(".a", DomainCodes.DOMAIN_EMPTY_LABEL, 0, 0);
    assertError("a.b..", DomainCodes.DOMAIN_EMPTY_LABEL, 4, 0);
    assertError("example.com..", DomainCodes.DOMAIN_EMPTY_LABEL, 12, 0);
  }

  @Test
  void everyEmptyLabelIsReported() {
    ParseResult<DomainName> r = DomainName.parse("..");
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errors()).extracting(Diagnostic::code).containsOnly(DomainCodes.DOMAIN_EMPTY_LABEL);
    assertThat(r.errors()).extracting(d -> d.span().orElseThrow().offset()).containsExactly(0, 1);
  }

  @Test
  void labelOf63IsAcceptedAnd64IsTooLong() {
    String l63 = "a".repeat(63);
    assertThat(DomainName.parse(l63 + ".com").isSuccess()).isTrue();
    String l64 = "a".repeat(64);
    assertError(l64 + ".com", DomainCodes.DOMAIN_LABEL_TOO_LONG, 0, 64);
    assertError("x." + l64 + ".com", DomainCodes.DOMAIN_LABEL_TOO_LONG, 2, 64);
    assertThat(onlyError(DomainName.parse("x." + l64)).reference()).contains("RFC 1035 section 2.3.4");
  }

  @Test
  void nameOf253IsAcceptedAnd254IsTooLong() {
    String l63 = "a".repeat(63);
    String name253 = l63 + "." + l63 + "." + l63 + "." + "b".repeat(61);
    assertThat(name253).hasSize(253);
    assertThat(DomainName.parse(name253).isSuccess()).isTrue();
    assertThat(DomainName.parse(name253 + ".").isSuccess()).isTrue();
    String name254 = l63 + "." + l63 + "." + l63 + "." + "b".repeat(62);
    assertError(name254, DomainCodes.DOMAIN_TOO_LONG, 0, 254);
    assertError(name254 + ".", DomainCodes.DOMAIN_TOO_LONG, 0, 255);
  }

  @Test
  void absurdlyLongInputIsRejectedAtOnce() {
    String input = "a.".repeat(5000);
    assertError(input, DomainCodes.DOMAIN_TOO_LONG, 0, input.length());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "exa\u0001mple.com|3",
    "example.c\u007fm|9",
    "a.b.c\td|5",
    "b\u00fc\u0002cher.example|2",
  })
  void controlCharacterPointsAtTheCharacter(String escaped, int offset) {
    String input = unescape(escaped);
    assertError(input, DomainCodes.DOMAIN_INVALID_CHARACTER, offset, 1);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i)) {
        sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (s.startsWith("\\t", i)) {
        sb.append('\t');
        i++;
      } else {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "exa mple.com",
    "example.c!m",
    "a.b.c@d",
    "ex*mple.com",
    "**.example",
    "a.b:c",
    "[192.0.2.1]",
    "macro%percent  space%20url-space.example.com",
  })
  void printableAsciiThatDnsCanHoldIsAcceptedButIsNotAHostName(String input) {
    DomainName name = DomainName.parse(input).orElseThrow();
    assertThat(name.toString()).isEqualTo(input.toLowerCase(java.util.Locale.ROOT));
    assertThat(name.isHostName()).isFalse();
  }

  @Test
  void hostNames() {
    assertThat(DomainName.of("mail.example.com").isHostName()).isTrue();
    assertThat(DomainName.of("xn--bcher-kva.example").isHostName()).isTrue();
    assertThat(DomainName.of("_dmarc.example.com").isHostName()).isFalse();
    assertThat(DomainName.of("*.example.com").isHostName()).isFalse();
    assertThat(DomainName.of("-a.example.com").isHostName()).isFalse();
    assertThat(DomainName.root().isHostName()).isFalse();
  }

  @Test
  void controlCharacterIsNamedByCodePoint() {
    Diagnostic d = onlyError(DomainName.parse("exa\u0000mple.com"));
    assertThat(d.code()).isEqualTo(DomainCodes.DOMAIN_INVALID_CHARACTER);
    assertThat(d.message()).contains("U+0000");
    assertThat(d.span().orElseThrow().offset()).isEqualTo(3);
  }

  @Test
  void invalidCharacterOnSecondLineHasLineAndColumn() {
    Diagnostic d = onlyError(DomainName.parse("ab\ncd"));
    assertThat(d.span()).contains(new SourceSpan(2, 1, 1, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "\u2100.example",       // ACCOUNT OF maps to "a/c" under NFKC: not an A-label
    "\uff3fx\u00e9.example", // FULLWIDTH LOW LINE maps to "_"
    "\ud800.example",       // lone surrogate
    "\u00ad.example",       // soft hyphen maps to nothing
    "b\u00fccher\u3002example", // ideographic full stop inside one label
  })
  void unicodeLabelsThatAreNoALabelAreIdnaErrors(String input) {
    Diagnostic d = onlyError(DomainName.parse(input));
    assertThat(d.code()).isIn(DomainCodes.DOMAIN_IDNA_INVALID, DomainCodes.DOMAIN_EMPTY_LABEL);
    int labelEnd = input.indexOf('.') < 0 ? input.length() : input.indexOf('.');
    assertThat(d.span().orElseThrow().offset()).isZero();
    assertThat(d.span().orElseThrow().length()).isEqualTo(labelEnd);
  }

  @Test
  void compatibilityCharacterMappingToSlashIsRejected() {
    Diagnostic d = onlyError(DomainName.parse("\u2100.example"));
    assertThat(d.code()).isEqualTo(DomainCodes.DOMAIN_IDNA_INVALID);
    assertThat(d.message()).contains("a/c");
  }

  @Test
  void hyphenAtLabelEdgeIsAWarning() {
    ParseResult<DomainName> r = DomainName.parse("mail.-bad-.example");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.orElseThrow()).hasToString("mail.-bad-.example");
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(DomainCodes.DOMAIN_HYPHEN_AT_LABEL_EDGE);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.span().orElseThrow().offset()).isEqualTo(5);
    assertThat(d.span().orElseThrow().length()).isEqualTo(5);
    assertThat(DomainName.parse("a-b.example").diagnostics()).isEmpty();
  }

  @Test
  void ofThrowsWithDiagnostics() {
    assertThatThrownBy(() -> DomainName.of("a..b"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).diagnostics())
            .extracting(Diagnostic::code).containsExactly(DomainCodes.DOMAIN_EMPTY_LABEL));
  }

  // --- structure ----------------------------------------------------------------------------

  @Test
  void labelsAndIndexing() {
    DomainName n = DomainName.of("mail.example.com");
    assertThat(n.labels()).containsExactly("mail", "example", "com");
    assertThat(n.labelCount()).isEqualTo(3);
    assertThat(n.label(0)).isEqualTo("mail");
    assertThat(n.label(2)).isEqualTo("com");
    assertThatThrownBy(() -> n.label(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> n.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(n.isRoot()).isFalse();
  }

  @Test
  void wildcard() {
    assertThat(DomainName.of("*.example.com").isWildcard()).isTrue();
    assertThat(DomainName.of("a.*.example.com").isWildcard()).isFalse();
    assertThat(DomainName.of("example.com").isWildcard()).isFalse();
  }

  @Test
  void parentWalkEndsAtRoot() {
    DomainName n = DomainName.of("a.b.example.com");
    List<String> walk = new ArrayList<>();
    DomainName current = n;
    while (true) {
      walk.add(current.toString());
      var parent = current.parent();
      if (parent.isEmpty()) {
        break;
      }
      current = parent.get();
    }
    assertThat(walk).containsExactly("a.b.example.com", "b.example.com", "example.com", "com", ".");
    assertThat(current).isSameAs(DomainName.root());
    assertThat(DomainName.of("com").parent()).contains(DomainName.root());
  }

  @Test
  void suffix() {
    DomainName n = DomainName.of("a.b.example.com");
    assertThat(n.suffix(2)).isEqualTo(DomainName.of("example.com"));
    assertThat(n.suffix(2).labels()).containsExactly("example", "com");
    assertThat(n.suffix(4)).isSameAs(n);
    assertThat(n.suffix(0)).isEqualTo(DomainName.root());
    assertThatThrownBy(() -> n.suffix(5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
    assertThatThrownBy(() -> n.suffix(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void selfAndAncestors() {
    assertThat(DomainName.of("a.example.com").selfAndAncestors()).extracting(DomainName::toString)
        .containsExactly("a.example.com", "example.com", "com");
  }

  @Test
  void isSubdomainOf() {
    DomainName example = DomainName.of("example.com");
    assertThat(DomainName.of("a.example.com").isSubdomainOf(example)).isTrue();
    assertThat(DomainName.of("x.y.example.com").isSubdomainOf(example)).isTrue();
    assertThat(example.isSubdomainOf(example)).isTrue();
    assertThat(example.isSubdomainOf(DomainName.root())).isTrue();
    assertThat(example.isSubdomainOf(DomainName.of("a.example.com"))).isFalse();
    // Label-wise, not string suffix.
    assertThat(DomainName.of("badexample.com").isSubdomainOf(example)).isFalse();
    assertThat(DomainName.of("example.com.evil").isSubdomainOf(example)).isFalse();
    assertThat(DomainName.of("example.org").isSubdomainOf(example)).isFalse();
    assertThat(DomainName.root().isSubdomainOf(example)).isFalse();
    assertThat(DomainName.of("A.EXAMPLE.com").isSubdomainOf(DomainName.of("Example.COM"))).isTrue();
  }

  @Test
  void child() {
    DomainName example = DomainName.of("example.com");
    assertThat(example.child("_dmarc")).hasToString("_dmarc.example.com");
    assertThat(example.child("MAIL")).hasToString("mail.example.com");
    assertThat(DomainName.root().child("com")).hasToString("com");
    assertThatThrownBy(() -> example.child("bad\u0000label")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> example.child("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> example.child("a".repeat(64))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void resolve() {
    DomainName example = DomainName.of("example.com");
    assertThat(example.resolve("selector._domainkey").orElseThrow()).hasToString("selector._domainkey.example.com");
    assertThat(DomainName.root().resolve("example.com").orElseThrow()).isEqualTo(example);
    ParseResult<DomainName> bad = example.resolve("a\u0007b");
    assertThat(bad.isSuccess()).isFalse();
    assertThat(bad.errors()).extracting(Diagnostic::code).containsExactly(DomainCodes.DOMAIN_INVALID_CHARACTER);
    assertThat(example.resolve("x".repeat(250)).errors()).extracting(Diagnostic::code)
        .contains(DomainCodes.DOMAIN_LABEL_TOO_LONG);
  }

  // --- equality and order -------------------------------------------------------------------

  @Test
  void equalityIsOnTheNormalisedForm() {
    assertThat(DomainName.of("Example.COM.")).isEqualTo(DomainName.of("example.com"));
    assertThat(DomainName.of("Example.COM.")).hasSameHashCodeAs(DomainName.of("example.com"));
    assertThat(DomainName.of("example.com")).isNotEqualTo(DomainName.of("example.org"));
    assertThat(DomainName.of("example.com")).isNotEqualTo("example.com");
    assertThat(DomainName.of("a.example.com").parent()).contains(DomainName.of("example.com"));
  }

  @Test
  void canonicalOrderFollowsRfc4034() {
    // RFC 4034 section 6.1 example, minus the escaped octets this type cannot hold.
    List<DomainName> expected = List.of(
        DomainName.root(),
        DomainName.of("example"),
        DomainName.of("a.example"),
        DomainName.of("yljkjljk.a.example"),
        DomainName.of("Z.a.example"),
        DomainName.of("zABC.a.EXAMPLE"),
        DomainName.of("z.example"),
        DomainName.of("*.z.example"),
        DomainName.of("-.z.example"),
        DomainName.of("0.z.example"),
        DomainName.of("_.z.example"),
        DomainName.of("a.z.example"));
    List<DomainName> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new java.util.Random(42));
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
    assertThat(DomainName.of("example.com").compareTo(DomainName.of("EXAMPLE.com."))).isZero();
    assertThat(DomainName.of("example.com")).isLessThan(DomainName.of("a.example.com"));
    // Label-wise from the root, unlike plain string order.
    assertThat(DomainName.of("b.com")).isLessThan(DomainName.of("a.example.com"));
    assertThat(DomainName.of("a-b.com")).isLessThan(DomainName.of("a.b.com"));
  }
}
