package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcAuthorDomainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "user@example.com|example.com",
      "Joe <joe@Mail.Example.COM>|mail.example.com",
      "\"Doe, John\" <john@example.org>|example.org",
      "\"a@b\" <x@example.net> (comment, with @ and :)|example.net",
      "x@example.net (Name)|example.net",
      "=?utf-8?q?J=C3=B6rg?= <j@example.de>|example.de",
      "\"quoted@local\"@example.com|example.com",
      "Joe <joe@example.com>,|example.com"})
  void extractsTheDomain(String value, String domain) {
    ParseResult<DomainName> r = AuthorDomain.fromHeaders(List.of(value));
    assertThat(r.value()).as("%s", r.diagnostics()).contains(DomainName.of(domain));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a@example.com, b@example.org|FROM_MULTIPLE_ADDRESSES|b@example.org",
      "Undisclosed: a@example.com;|FROM_GROUP_SYNTAX|:",
      "Joe Bloggs|FROM_NO_ADDRESS|Joe Bloggs",
      "''|FROM_NO_ADDRESS|''",
      "x@[192.0.2.1]|FROM_NO_ADDRESS|[192.0.2.1]",
      "\"unterminated <a@example.com>|FROM_SYNTAX|''",
      "a@exa..mple.com|DOMAIN_EMPTY_LABEL|''"})
  void errorsAreVisibleAndPositioned(String value, String code, String spanText) {
    ParseResult<DomainName> r = AuthorDomain.fromHeaders(List.of(value));
    assertThat(r.isSuccess()).isFalse();
    Diagnostic d = r.errors().get(0);
    assertThat(d.code().value()).isEqualTo(code);
    var span = d.span().orElseThrow();
    assertThat(value.substring(span.offset(), span.end()).strip()).isEqualTo(spanText);
  }

  @org.junit.jupiter.api.Test
  void foldedValueIsUnderstood() {
    assertThat(AuthorDomain.fromHeaders(List.of("Joe\r\n <joe@example.com>")).value())
        .contains(DomainName.of("example.com"));
  }

  @org.junit.jupiter.api.Test
  void severalOrNoFromFieldsAreErrors() {
    assertThat(AuthorDomain.fromHeaders(List.of("a@example.com", "b@example.com")).errors())
        .extracting(Diagnostic::code).containsExactly(DmarcCodes.FROM_MULTIPLE_FIELDS);
    assertThat(AuthorDomain.fromHeaders(List.of()).errors())
        .extracting(Diagnostic::code).containsExactly(DmarcCodes.FROM_MISSING);
  }
}
