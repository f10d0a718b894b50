package io.maildiag.headers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of parsing and rendering: the canonical form round-trips, and no input makes a parse throw. */
class AuthResultsPropertiesTest {

  // ----- generators

  static Arbitrary<String> keyword() {
    return Combinators.combine(Arbitraries.chars().range('a', 'z'),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(8))
        .as((c, s) -> c + s);
  }

  /** Printable text with the characters that need quoting or escaping, and some beyond ASCII. */
  static Arbitrary<String> text(int max) {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('\t', 'é', '漢', '\u00a0')
        .ofMaxLength(max);
  }

  static Arbitrary<AuthProperty> property(boolean allowBare) {
    Arbitrary<String> ptype = allowBare
        ? Arbitraries.oneOf(Arbitraries.of("smtp", "header", "body", "policy", ""), keyword())
        : Arbitraries.oneOf(Arbitraries.of("smtp", "header", "body", "policy"), keyword());
    return Combinators.combine(ptype, keyword(), text(12), text(10).list().ofMaxSize(2))
        .filter((t, p, v, c) -> !(t.isEmpty() && p.equals("reason")))
        .as(AuthProperty::new);
  }

  static Arbitrary<AuthResult> result(boolean allowBare) {
    return Combinators.combine(
            Arbitraries.oneOf(Arbitraries.of("spf", "dkim", "dmarc", "arc", "compauth", "iprev"), keyword()),
            Arbitraries.integers().between(0, 99).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty())),
            Arbitraries.oneOf(Arbitraries.of("pass", "fail", "none", "temperror"), keyword()),
            text(10).optional(),
            property(allowBare).list().ofMaxSize(3),
            text(15).list().ofMaxSize(2))
        .as(AuthResult::new);
  }

  @Provide
  Arbitrary<AuthenticationResults> rfcValues() {
    return Combinators.combine(text(15),
            Arbitraries.integers().between(0, 999).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty())),
            result(false).list().ofMaxSize(4), text(10).list().ofMaxSize(2))
        .as((id, v, rs, cs) -> new AuthenticationResults(Optional.of(id), v, rs, cs));
  }

  @Provide
  Arbitrary<AuthenticationResults> microsoftValues() {
    return Combinators.combine(text(15).optional(), result(true).list().ofMinSize(1).ofMaxSize(4),
            text(10).list().ofMaxSize(2))
        .as((id, rs, cs) -> new AuthenticationResults(id, OptionalInt.empty(), rs, cs));
  }

  // ----- round trips

  @Property(tries = 400)
  void canonicalRenderingParsesBackEqualStrictly(@ForAll("rfcValues") AuthenticationResults value) {
    String text = value.toString();
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse(text, AuthResultsMode.STRICT);
    assertThat(r.value()).as(text + "\n" + r.diagnostics()).contains(value);
    assertThat(r.value().get().toString()).isEqualTo(text);
  }

  @Property(tries = 300)
  void microsoftDialectValuesRoundTripLeniently(@ForAll("microsoftValues") AuthenticationResults value) {
    String text = value.toString();
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse(text, AuthResultsMode.LENIENT);
    assertThat(r.value()).as(text + "\n" + r.diagnostics()).contains(value);
  }

  // ----- totality

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().ofMaxLength(120);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of(";", "=", "(", ")", "\"", "\\", ".", "/", " ", "\r\n ", "\t", "@", "none", "spf", "dkim",
            "pass", "reason", "header", "smtp", "action", "mx.example.com", "1", "\u0000", "é"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(4));
    return token.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  static void checkWellFormed(String input, ParseResult<?> r) {
    assertThat(r).isNotNull();
    if (!r.isSuccess()) {
      assertThat(r.hasErrors()).isTrue();
    }
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.span()).isPresent();
      SourceSpan s = d.span().get();
      assertThat(s.offset()).isBetween(0, input.length());
      assertThat(s.end()).isBetween(s.offset(), input.length());
    }
  }

  @Property(tries = 300)
  void parsingNeverThrowsOnArbitraryText(@ForAll("anyText") String input) {
    for (AuthResultsMode mode : AuthResultsMode.values()) {
      ParseResult<AuthenticationResults> r = AuthenticationResults.parse(input, mode);
      checkWellFormed(input, r);
      r.value().ifPresent(v -> assertThat(AuthenticationResults.parse(v.toString()).value()).isPresent());
    }
    ParseResult<ReceivedSpf> spf = ReceivedSpf.parse(input);
    assertThat(spf).isNotNull();
  }

  @Property(tries = 500)
  void parsingNeverThrowsOnTokenSoup(@ForAll("tokenSoup") String input) {
    for (AuthResultsMode mode : AuthResultsMode.values()) {
      ParseResult<AuthenticationResults> r = AuthenticationResults.parse(input, mode);
      checkWellFormed(input, r);
      // Whatever was read renders to a form that reads back the same.
      r.value().ifPresent(v -> {
        ParseResult<AuthenticationResults> again = AuthenticationResults.parse(v.toString());
        if (v.authservId().isPresent() || !v.results().isEmpty()) {
          assertThat(again.value()).as(v.toString()).contains(v);
        }
      });
    }
    ReceivedSpf.parse(input);
  }

  @Property(tries = 100)
  void strictSuccessImpliesNoErrors(@ForAll("tokenSoup") String input) {
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse(input, AuthResultsMode.STRICT);
    if (r.isSuccess()) {
      assertThat(r.hasErrors()).isFalse();
      assertThat(r.value().get().authservId()).isPresent();
    }
    assertThat(List.of(AuthResultsMode.values())).hasSize(2);
  }
}
