package io.maildiag.headers.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the parsed values say, and how strict and lenient parsing differ. */
class AuthenticationResultsTest {

  static AuthenticationResults golden(String name) throws IOException {
    return AuthenticationResults.parse(AuthResultsGoldenTest.fieldValue(AuthResultsGoldenTest.resource(
        "/auth/" + name + ".txt"))).orElseThrow();
  }

  static List<DiagnosticCode> codes(ParseResult<?> r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  static Diagnostic first(ParseResult<?> r, DiagnosticCode code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + r.diagnostics()));
  }

  @Test
  void gmail() throws IOException {
    AuthenticationResults ar = golden("gmail");
    assertThat(ar.authservId()).contains("mx.google.com");
    assertThat(ar.results()).extracting(AuthResult::knownMethod)
        .containsExactly(AuthMethod.DKIM, AuthMethod.ARC, AuthMethod.SPF, AuthMethod.DMARC);
    AuthResult dkim = ar.first(AuthMethod.DKIM).orElseThrow();
    assertThat(dkim.value()).isEqualTo(AuthResultValue.PASS);
    assertThat(dkim.property("header.i")).contains("@example.com");
    assertThat(dkim.property("header.s")).contains("20230601");
    assertThat(dkim.property("HEADER.B")).contains("Xk3/9pQ+");
    AuthResult spf = ar.first(AuthMethod.SPF).orElseThrow();
    assertThat(spf.comments()).containsExactly(
        "google.com: domain of bounces@example.com designates 192.0.2.10 as permitted sender");
    assertThat(spf.property("smtp.mailfrom")).contains("bounces@example.com");
    AuthResult dmarc = ar.first(AuthMethod.DMARC).orElseThrow();
    assertThat(dmarc.comments()).containsExactly("p=REJECT sp=REJECT dis=NONE");
    assertThat(dmarc.properties("header")).extracting(AuthProperty::property).containsExactly("from");
  }

  @Test
  void microsoft365WithCompauth() throws IOException {
    AuthenticationResults ar = golden("microsoft365-compauth");
    assertThat(ar.authservId()).isEmpty();
    AuthResult dmarc = ar.first(AuthMethod.DMARC).orElseThrow();
    assertThat(dmarc.property("action")).contains("none");
    assertThat(dmarc.properties("")).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("action"));
    assertThat(dmarc.property("header.from")).contains("example.com");
    AuthResult compauth = ar.first(AuthMethod.COMPAUTH).orElseThrow();
    assertThat(compauth.value()).isEqualTo(AuthResultValue.PASS);
    assertThat(compauth.reason()).contains("100");
    assertThat(ar.first(AuthMethod.DKIM).orElseThrow().comments()).containsExactly("signature was verified");
  }

  @Test
  void microsoft365WithTheAuthservIdBetweenResults() throws IOException {
    AuthenticationResults ar = golden("microsoft365-inline-authserv");
    assertThat(ar.authservId()).contains("contoso.com");
    assertThat(ar.results()).hasSize(4);
    assertThat(ar.first(AuthMethod.SPF).orElseThrow().value()).isEqualTo(AuthResultValue.SOFTFAIL);
    assertThat(ar.first(AuthMethod.COMPAUTH).orElseThrow().reason()).contains("601");
    assertThat(ar.first(AuthMethod.DMARC).orElseThrow().property("action")).contains("quarantine");
  }

  @Test
  void exchangeOriginalWithAnEmptySender() throws IOException {
    AuthenticationResults ar = golden("exchange-original");
    assertThat(ar.authservId()).isEmpty();
    AuthResult spf = ar.results().get(0);
    assertThat(spf.comments()).containsExactly("sender IP is ");
    assertThat(spf.property("smtp.mailfrom")).contains("<>");
  }

  @Test
  void unregisteredMethodsAreKept() throws IOException {
    AuthenticationResults ar = golden("dkim-atps-and-unknown");
    assertThat(ar.first(AuthMethod.DKIM_ATPS)).isPresent();
    AuthResult custom = ar.results("X-Custom").get(0);
    assertThat(custom.knownMethod()).isEqualTo(AuthMethod.UNKNOWN);
    assertThat(custom.methodVersion()).hasValue(2);
    assertThat(custom.value()).isEqualTo(AuthResultValue.OTHER);
    assertThat(custom.result()).isEqualTo("ok");
  }

  @Test
  void rfcExamplesParseStrictly() throws IOException {
    for (String name : List.of("rfc8601-none", "rfc8601-version", "rfc8601-multiple", "rfc8601-iprev",
        "rfc8601-quoted", "opendkim", "opendmarc", "gmail")) {
      String v = AuthResultsGoldenTest.fieldValue(AuthResultsGoldenTest.resource("/auth/" + name + ".txt"));
      ParseResult<AuthenticationResults> r = AuthenticationResults.parse(v, AuthResultsMode.STRICT);
      assertThat(r.isSuccess()).as(name + " " + r.diagnostics()).isTrue();
    }
    assertThat(golden("rfc8601-none").isNone()).isTrue();
    assertThat(golden("rfc8601-version").version()).hasValue(1);
    assertThat(golden("rfc8601-quoted").authservId()).contains("mail (example)");
    assertThat(golden("rfc8601-quoted").results().get(0).reason()).contains("bad signature");
    assertThat(golden("rfc8601-iprev").results().get(0).property("policy.iprev")).contains("192.0.2.200");
  }

  @Test
  void strictModeFailsWhereLenientModeRecovers() {
    String ms = "spf=pass smtp.mailfrom=example.com; dmarc=pass action=none header.from=example.com";
    ParseResult<AuthenticationResults> strict = AuthenticationResults.parse(ms, AuthResultsMode.STRICT);
    assertThat(strict.isSuccess()).isFalse();
    assertThat(codes(strict)).contains(AuthResultsCodes.AUTHRES_MISSING_AUTHSERV_ID,
        AuthResultsCodes.AUTHRES_BARE_PROPERTY);
    Diagnostic bare = first(strict, AuthResultsCodes.AUTHRES_BARE_PROPERTY);
    assertThat(bare.span()).contains(SourceSpan.of(ms, ms.indexOf("action"), 6));
    ParseResult<AuthenticationResults> lenient = AuthenticationResults.parse(ms, AuthResultsMode.LENIENT);
    assertThat(lenient.isSuccess()).isTrue();
    assertThat(lenient.hasErrors()).isFalse();
  }

  @Test
  void reasonAfterPropertiesIsStrictlyAnError() {
    String v = "example.com; compauth=pass header.from=example.com reason=100";
    assertThat(AuthenticationResults.parse(v, AuthResultsMode.STRICT).isSuccess()).isFalse();
    AuthenticationResults ar = AuthenticationResults.parse(v).orElseThrow();
    assertThat(ar.results().get(0).reason()).contains("100");
    assertThat(ar.toString()).isEqualTo("example.com; compauth=pass reason=100 header.from=example.com");
  }

  @Test
  void errorsArePositioned() {
    String v = "example.com;\r\n spf=pass smtp.mailfrom;\r\n dkim";
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse(v, AuthResultsMode.LENIENT);
    Diagnostic prop = first(r, AuthResultsCodes.AUTHRES_INVALID_PROPERTY);
    assertThat(prop.span().get().line()).isEqualTo(2);
    assertThat(prop.span().get().offset()).isEqualTo(v.indexOf(";\r\n dkim"));
    Diagnostic missing = first(r, AuthResultsCodes.AUTHRES_MISSING_RESULT);
    assertThat(missing.span().get().line()).isEqualTo(3);
    assertThat(missing.isError()).isTrue();
    // Lenient: the good part survives.
    assertThat(r.value().orElseThrow().first(AuthMethod.SPF)).isPresent();
  }

  @Test
  void unterminatedCommentsAndQuotesAreReported() {
    ParseResult<AuthenticationResults> c = AuthenticationResults.parse("example.com; spf=pass (no end");
    assertThat(codes(c)).contains(AuthResultsCodes.AUTHRES_UNTERMINATED_COMMENT);
    assertThat(c.value().orElseThrow().results().get(0).comments()).containsExactly("no end");
    ParseResult<AuthenticationResults> q = AuthenticationResults.parse("example.com; dkim=fail reason=\"open");
    assertThat(codes(q)).contains(AuthResultsCodes.AUTHRES_UNTERMINATED_QUOTE);
    assertThat(q.value().orElseThrow().results().get(0).reason()).contains("open");
  }

  @Test
  void separatorsInsideCommentsAndQuotesDoNotSplit() {
    AuthenticationResults ar = AuthenticationResults.parse(
        "example.com (a; b); dkim=fail reason=\"x; y=z\" (c (nested; here) \\) d) header.d=example.com")
        .orElseThrow();
    assertThat(ar.comments()).containsExactly("a; b");
    assertThat(ar.results()).singleElement().satisfies(r -> {
      assertThat(r.reason()).contains("x; y=z");
      assertThat(r.comments()).containsExactly("c (nested; here) ) d");
      assertThat(r.property("header.d")).contains("example.com");
    });
  }

  @Test
  void noneWithResultsConflictingIdsAndBadVersionsAreReported() {
    assertThat(codes(AuthenticationResults.parse("example.com; none; spf=pass smtp.mailfrom=a.example")))
        .contains(AuthResultsCodes.AUTHRES_NONE_WITH_RESULTS);
    ParseResult<AuthenticationResults> two = AuthenticationResults.parse(
        "spf=pass smtp.mailfrom=a.example; one.example; dkim=pass header.d=a.example; two.example");
    assertThat(codes(two)).contains(AuthResultsCodes.AUTHRES_CONFLICTING_AUTHSERV_ID);
    assertThat(two.value().orElseThrow().authservId()).contains("one.example");
    assertThat(codes(AuthenticationResults.parse("example.com x1; none")))
        .contains(AuthResultsCodes.AUTHRES_UNEXPECTED_TEXT);
    assertThat(codes(AuthenticationResults.parse("example.com; spf/x=pass")))
        .contains(AuthResultsCodes.AUTHRES_INVALID_VERSION);
  }

  @Test
  void unknownResultsAndPtypesAreWarnings() {
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse(
        "example.com; dkim=softfail dns.zone=example.com", AuthResultsMode.STRICT);
    assertThat(r.isSuccess()).isTrue();
    assertThat(codes(r)).containsExactly(AuthResultsCodes.AUTHRES_UNKNOWN_RESULT, AuthResultsCodes.AUTHRES_UNKNOWN_PTYPE);
  }

  @Test
  void manyNotesNeverHideALaterError() {
    String v = "example.com" + ";".repeat(300) + " spf";
    ParseResult<AuthenticationResults> lenient = AuthenticationResults.parse(v, AuthResultsMode.LENIENT);
    assertThat(lenient.hasErrors()).isTrue();
    assertThat(codes(lenient)).contains(AuthResultsCodes.AUTHRES_MISSING_RESULT,
        AuthResultsCodes.AUTHRES_TOO_MANY_DIAGNOSTICS);
    assertThat(AuthenticationResults.parse(v, AuthResultsMode.STRICT).isSuccess()).isFalse();
  }

  @Test
  void emptyAndBlankValuesFail() {
    for (String v : List.of("", "   ", "\r\n ", "(only a comment)")) {
      ParseResult<AuthenticationResults> r = AuthenticationResults.parse(v);
      assertThat(r.isSuccess()).as(v).isFalse();
      assertThat(codes(r)).as(v).contains(AuthResultsCodes.AUTHRES_EMPTY);
    }
  }

  @Test
  void controlCharactersAreReplacedAndReported() {
    ParseResult<AuthenticationResults> r = AuthenticationResults.parse("example.com; spf=pass smtp.mailfrom=a\u0000b");
    assertThat(codes(r)).contains(AuthResultsCodes.AUTHRES_INVALID_CHARACTER);
    assertThat(r.value().orElseThrow().results().get(0).property("smtp.mailfrom")).contains("a\uFFFDb");
  }

  @Test
  void renderingQuotesWhatNeedsQuoting() {
    AuthenticationResults ar = new AuthenticationResults(Optional.of("my id"), OptionalInt.of(2), List.of(
        new AuthResult("dkim", OptionalInt.empty(), "fail", Optional.of("body hash \"mismatch\""),
            List.of(new AuthProperty("header", "d", "example.com", List.of("the (real) one")),
                AuthProperty.of("smtp", "mailfrom", "")), List.of("a\\b"))), List.of());
    String text = ar.toString();
    assertThat(text).isEqualTo("\"my id\" 2; dkim=fail (a\\\\b) reason=\"body hash \\\"mismatch\\\"\" "
        + "header.d=example.com (the \\(real\\) one) smtp.mailfrom=\"\"");
    assertThat(AuthenticationResults.parse(text, AuthResultsMode.STRICT).orElseThrow()).isEqualTo(ar);
  }

  @Test
  void everyResultsFieldOfAHeaderIsParsed() {
    String msg = "Received: from a by b\r\n"
        + "Authentication-Results: mx.example.org;\r\n spf=pass smtp.mailfrom=example.com\r\n"
        + "authentication-results-original: spf=none (sender IP is ) smtp.mailfrom=<>;\r\n"
        + "Subject: hi\r\n\r\nbody\r\n";
    io.maildiag.headers.HeaderSection h = io.maildiag.headers.HeaderSection.parse(
        msg.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).orElseThrow();
    List<ParseResult<AuthenticationResults>> all = AuthenticationResults.fromHeader(h);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).orElseThrow().authservId()).contains("mx.example.org");
    assertThat(all.get(1).orElseThrow().authservId()).isEmpty();
    assertThat(all.get(1).orElseThrow().first(AuthMethod.SPF).orElseThrow().property("smtp.mailfrom")).contains("<>");
    assertThatThrownBy(all::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesValidateTheirParts() {
    assertThatThrownBy(() -> AuthResult.of("bad method", "pass")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthResult.of("spf", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthProperty.of("smtp", "mail from", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthProperty.of("", "reason", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthProperty.of("smtp", "mailfrom", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThat(AuthResult.of("SPF", "PASS").method()).isEqualTo("spf");
    assertThat(AuthMethod.of("Dkim-ATPS")).isEqualTo(AuthMethod.DKIM_ATPS);
    assertThat(AuthMethod.IPREV.allows(AuthResultValue.NONE)).isFalse();
    assertThat(AuthResultValue.of("TempError")).isEqualTo(AuthResultValue.TEMPERROR);
  }
}
