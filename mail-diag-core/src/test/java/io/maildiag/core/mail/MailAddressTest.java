package io.maildiag.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainCodes;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressTest {

  private static Diagnostic onlyError(String input) {
    ParseResult<MailAddress> r = MailAddress.parse(input);
    assertThat(r.isSuccess()).as("parse of %s should fail", input).isFalse();
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  private static void assertError(String input, DiagnosticCode code, int offset, int length) {
    Diagnostic d = onlyError(input);
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.span()).contains(SourceSpan.of(input, offset, length));
    assertThat(d.span().orElseThrow().offset()).isEqualTo(offset);
    assertThat(d.span().orElseThrow().length()).isEqualTo(length);
  }

  // --- accepted forms -----------------------------------------------------------------------

  @Test
  void simpleMailbox() {
    ParseResult<MailAddress> r = MailAddress.parse("john.doe@example.com");
    assertThat(r.diagnostics()).isEmpty();
    MailAddress a = r.orElseThrow();
    assertThat(a.localPart()).isEqualTo("john.doe");
    assertThat(a.decodedLocalPart()).isEqualTo("john.doe");
    assertThat(a.domainName()).contains(DomainName.of("example.com"));
    assertThat(a.domain()).isEqualTo(new MailDomain.Name(DomainName.of("example.com")));
    assertThat(a.isInternationalized()).isFalse();
    assertThat(a).hasToString("john.doe@example.com");
  }

  @Test
  void domainIsNormalisedButLocalPartKept() {
    MailAddress a = MailAddress.of("John.Doe@EXAMPLE.Com.");
    assertThat(a.localPart()).isEqualTo("John.Doe");
    assertThat(a).hasToString("John.Doe@example.com");
    assertThat(MailAddress.of("user@bücher.example")).hasToString("user@xn--bcher-kva.example");
    assertThat(MailAddress.of("user@bücher.example").isInternationalized()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "a@b", "x@example.com", "!#$%&'*+-/=?^_`{|}~@example.com", "a.b.c@example.com",
    "user+tag@example.com", "_bounce@mail.example.com", "1@2.example",
  })
  void dotStringsAreAccepted(String input) {
    ParseResult<MailAddress> r = MailAddress.parse(input);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.orElseThrow().localPart()).isEqualTo(input.substring(0, input.lastIndexOf('@')));
  }

  @Test
  void angleBracketsAreRemoved() {
    MailAddress a = MailAddress.of("<user@example.com>");
    assertThat(a).isEqualTo(MailAddress.of("user@example.com"));
    assertThat(a).hasToString("user@example.com");
    assertThat(MailAddress.of("<\"a b\"@example.com>").decodedLocalPart()).isEqualTo("a b");
    assertThat(MailAddress.of("<user@[192.0.2.1]>")).hasToString("user@[192.0.2.1]");
  }

  @Test
  void quotedLocalParts() {
    MailAddress a = MailAddress.of("\"john doe\"@example.com");
    assertThat(a.localPart()).isEqualTo("\"john doe\"");
    assertThat(a.decodedLocalPart()).isEqualTo("john doe");
    assertThat(a).hasToString("\"john doe\"@example.com");

    MailAddress escapedQuote = MailAddress.of("\"a\\\"b\"@example.com");
    assertThat(escapedQuote.localPart()).isEqualTo("\"a\\\"b\"");
    assertThat(escapedQuote.decodedLocalPart()).isEqualTo("a\"b");

    MailAddress escapedBackslash = MailAddress.of("\"a\\\\\"@example.com");
    assertThat(escapedBackslash.decodedLocalPart()).isEqualTo("a\\");

    MailAddress withAt = MailAddress.of("\"a@b\"@example.com");
    assertThat(withAt.decodedLocalPart()).isEqualTo("a@b");
    assertThat(withAt.domainName()).contains(DomainName.of("example.com"));

    assertThat(MailAddress.of("\"\"@example.com").decodedLocalPart()).isEmpty();
    assertThat(MailAddress.of("\"a..b.\"@example.com").decodedLocalPart()).isEqualTo("a..b.");
    assertThat(MailAddress.of("\"\\x\"@example.com").decodedLocalPart()).isEqualTo("x");
  }

  @Test
  void addressLiterals() {
    MailAddress v4 = MailAddress.of("user@[192.0.2.1]");
    assertThat(v4.domain()).isEqualTo(new MailDomain.Literal(IpAddress.of("192.0.2.1")));
    assertThat(v4.domainName()).isEmpty();
    assertThat(v4).hasToString("user@[192.0.2.1]");

    MailAddress v6 = MailAddress.of("user@[IPv6:2001:DB8:0:0:0:0:0:1]");
    assertThat(v6.domain()).isInstanceOf(MailDomain.Literal.class);
    assertThat(((MailDomain.Literal) v6.domain()).address()).isEqualTo(IpAddress.of("2001:db8::1"));
    assertThat(v6).hasToString("user@[IPv6:2001:db8::1]");
    assertThat(MailAddress.of("user@[ipv6:::1]")).hasToString("user@[IPv6:::1]");
  }

  @Test
  void utf8LocalPartIsInternationalized() {
    MailAddress a = MailAddress.of("用户@example.com");
    assertThat(a.isInternationalized()).isTrue();
    assertThat(a.localPart()).isEqualTo("用户");
    assertThat(MailAddress.of("josé.garcía@bücher.example").isInternationalized()).isTrue();
    assertThat(MailAddress.of("\"ü\"@example.com").isInternationalized()).isTrue();
  }

  @Test
  void localPartOver64OctetsIsAWarning() {
    String l64 = "a".repeat(64);
    assertThat(MailAddress.parse(l64 + "@example.com").diagnostics()).isEmpty();
    ParseResult<MailAddress> r = MailAddress.parse("a".repeat(65) + "@example.com");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(MailCodes.ADDRESS_LOCAL_PART_TOO_LONG);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.span().orElseThrow().offset()).isZero();
    assertThat(d.span().orElseThrow().length()).isEqualTo(65);
    // Octets, not characters: 33 two-octet characters are 66 octets.
    assertThat(MailAddress.parse("é".repeat(33) + "@example.com").diagnostics())
        .extracting(Diagnostic::code).containsExactly(MailCodes.ADDRESS_LOCAL_PART_TOO_LONG);
    assertThat(MailAddress.parse("é".repeat(32) + "@example.com").diagnostics()).isEmpty();
  }

  @Test
  void domainWarningsAreKeptAndPointIntoTheMailbox() {
    ParseResult<MailAddress> r = MailAddress.parse("user@-a.example");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(DomainCodes.DOMAIN_HYPHEN_AT_LABEL_EDGE);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.span().orElseThrow().offset()).isEqualTo(5);
    assertThat(d.span().orElseThrow().length()).isEqualTo(2);
  }

  // --- rejection ----------------------------------------------------------------------------

  @Test
  void missingAt() {
    assertError("userexample.com", MailCodes.ADDRESS_MISSING_PART, 0, 15);
    assertError("<userexample.com>", MailCodes.ADDRESS_MISSING_PART, 1, 15);
    assertError("", MailCodes.ADDRESS_MISSING_PART, 0, 0);
    assertError("<>", MailCodes.ADDRESS_MISSING_PART, 1, 0);
  }

  @Test
  void missingLocalPartOrDomain() {
    assertError("@example.com", MailCodes.ADDRESS_MISSING_PART, 0, 0);
    assertError("user@", MailCodes.ADDRESS_MISSING_PART, 5, 0);
    assertError("<user@>", MailCodes.ADDRESS_MISSING_PART, 6, 0);
    assertError("\"abc\"", MailCodes.ADDRESS_MISSING_PART, 5, 0);
    assertError("\"abc\"x@example.com", MailCodes.ADDRESS_MISSING_PART, 5, 0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "user.@example.com|4",
    ".user@example.com|0",
    "a..b@example.com|2",
    "us er@example.com|2",
    "a\"b@example.com|1",
    "a@b@example.com|1",
    "a(b)@example.com|1",
    "a,b@example.com|1",
    "<user.@example.com>|5",
  })
  void invalidDotStringPointsAtTheCharacter(String input, int offset) {
    assertError(input, MailCodes.ADDRESS_INVALID_LOCAL_PART, offset, 1);
  }

  @Test
  void controlCharacterInLocalPartIsNamed() {
    Diagnostic d = onlyError("a\u0001b@example.com");
    assertThat(d.code()).isEqualTo(MailCodes.ADDRESS_INVALID_LOCAL_PART);
    assertThat(d.message()).contains("U+0001");
  }

  @Test
  void invalidQuotedStrings() {
    assertError("\"abc@example.com", MailCodes.ADDRESS_INVALID_QUOTED_STRING, 0, 16);
    assertError("\"a\u0001b\"@example.com", MailCodes.ADDRESS_INVALID_QUOTED_STRING, 2, 1);
    assertError("\"a\\\u0001\"@example.com", MailCodes.ADDRESS_INVALID_QUOTED_STRING, 2, 1);
    assertError("\"a\\", MailCodes.ADDRESS_INVALID_QUOTED_STRING, 2, 1);
    assertError("\"a\tb\"@example.com", MailCodes.ADDRESS_INVALID_QUOTED_STRING, 2, 1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "user@exa mple.com|8|1",
    "user@a..b|7|0",
    "user@example.com!|16|1",
    "'user@example.com '|16|1",
    "user@_x.bü!.example|10|1",
  })
  void invalidDomainPointsIntoTheMailbox(String input, int offset, int length) {
    assertError(input, MailCodes.ADDRESS_INVALID_DOMAIN, offset, length);
  }

  @Test
  void invalidDomainKeepsTheDomainMessage() {
    Diagnostic d = onlyError("user@" + "a".repeat(64) + ".com");
    assertThat(d.code()).isEqualTo(MailCodes.ADDRESS_INVALID_DOMAIN);
    assertThat(d.message()).contains("63");
    assertThat(d.span().orElseThrow().offset()).isEqualTo(5);
    assertThat(d.span().orElseThrow().length()).isEqualTo(64);
  }

  @Test
  void rootIsNotAMailDomain() {
    assertError("user@.", MailCodes.ADDRESS_INVALID_DOMAIN, 5, 1);
    assertThatThrownBy(() -> MailAddress.of("user", DomainName.root())).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "user@[2001:db8::1]",
    "user@[IPv6:192.0.2.1]",
    "user@[192.0.2.1",
    "user@[]",
    "user@[01.2.3.4]",
    "user@[IPv6:fe80::1%eth0]",
    "user@[192.0.2.256]",
    "user@[IPv6:]",
    "user@[ 192.0.2.1]",
    "user@[",
  })
  void invalidAddressLiterals(String input) {
    assertError(input, MailCodes.ADDRESS_INVALID_LITERAL, 5, input.length() - 5);
  }

  @Test
  void farTooLongInputIsRejectedWithItsOwnCode() {
    String input = "a".repeat(5000) + "@example.com";
    assertError(input, MailCodes.ADDRESS_TOO_LONG, 0, input.length());
  }

  @Test
  void ofWithParts() {
    DomainName example = DomainName.of("example.com");
    assertThat(MailAddress.of("john.doe", example)).isEqualTo(MailAddress.of("john.doe@example.com"));
    assertThat(MailAddress.of("\"john doe\"", example).decodedLocalPart()).isEqualTo("john doe");
    assertThatThrownBy(() -> MailAddress.of("john doe", example))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ADDRESS_INVALID_LOCAL_PART");
    assertThatThrownBy(() -> MailAddress.of("a@b", example)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MailAddress.of("missing-at")).isInstanceOf(InvalidInputException.class);
  }

  // --- equality -----------------------------------------------------------------------------

  @Test
  void localPartIsCaseSensitiveDomainIsNot() {
    assertThat(MailAddress.of("User@Example.COM")).isEqualTo(MailAddress.of("User@example.com"));
    assertThat(MailAddress.of("User@Example.COM")).hasSameHashCodeAs(MailAddress.of("User@example.com"));
    assertThat(MailAddress.of("User@example.com")).isNotEqualTo(MailAddress.of("user@example.com"));
    assertThat(MailAddress.of("user@[192.0.2.1]")).isNotEqualTo(MailAddress.of("user@example.com"));
    assertThat(MailAddress.of("user@example.com")).isNotEqualTo("user@example.com");
  }

  @Test
  void mailDomainVariants() {
    assertThat(new MailDomain.Name(DomainName.of("Example.com"))).hasToString("example.com");
    assertThat(new MailDomain.Literal(IpAddress.of("192.0.2.1"))).hasToString("[192.0.2.1]");
    assertThat(new MailDomain.Literal(IpAddress.of("::ffff:192.0.2.1"))).hasToString("[IPv6:::ffff:192.0.2.1]");
    assertThatThrownBy(() -> new MailDomain.Name(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MailDomain.Literal(null)).isInstanceOf(NullPointerException.class);
  }
}
