package io.maildiag.headers.received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ip.IpAddress;
import org.junit.jupiter.api.Test;

/** Edge cases of the tokenizer and clause reader; the per-MTA formats are in {@link ReceivedGoldenTest}. */
class ReceivedHeaderTest {

  @Test
  void nestedCommentsAndEscapesStayInOneComment() {
    ReceivedHeader r = ReceivedHeader.parse(
        "from a.example.org (a.example.org [192.0.2.1] (outer (inner by x) \\) with y)) by b.example.org;"
            + " Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.by()).hasValue("b.example.org");
    assertThat(r.with()).isEmpty();
    assertThat(r.ip()).hasValue(IpAddress.of("192.0.2.1"));
    assertThat(r.comments()).hasSize(1);
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void reportsAnUnclosedComment() {
    ReceivedHeader r = ReceivedHeader.parse("from a (b [192.0.2.1] by c; Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.from()).hasValue("a");
    assertThat(r.by()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .contains(ReceivedCodes.HEADERS_RECEIVED_UNBALANCED_COMMENT, ReceivedCodes.HEADERS_RECEIVED_NO_DATE);
  }

  @Test
  void reportsAStrayParenthesis() {
    ReceivedHeader r = ReceivedHeader.parse("from a) by b; Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.by()).hasValue("b");
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(ReceivedCodes.HEADERS_RECEIVED_UNBALANCED_COMMENT);
  }

  @Test
  void usesTheLastSemicolonForTheDate() {
    ReceivedHeader r = ReceivedHeader.parse("from a; by b; with SMTP; Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.from()).hasValue("a");
    assertThat(r.by()).hasValue("b");
    assertThat(r.protocol()).hasValue("SMTP");
    assertThat(r.dateTime()).isPresent();
  }

  @Test
  void findsADateWithoutSemicolon() {
    ReceivedHeader r = ReceivedHeader.parse("from a by b with ESMTP id X1 Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.id()).hasValue("X1");
    assertThat(r.dateTime()).isPresent();
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(ReceivedCodes.HEADERS_RECEIVED_NO_SEMICOLON);
  }

  @Test
  void reportsAMissingDateAndDuplicateClauses() {
    ReceivedHeader r = ReceivedHeader.parse("from a by b by c with SMTP");
    assertThat(r.by()).hasValue("b");
    assertThat(r.date()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(
        ReceivedCodes.HEADERS_RECEIVED_DUPLICATE_CLAUSE, ReceivedCodes.HEADERS_RECEIVED_NO_DATE);
  }

  @Test
  void garbageIsUnparsable() {
    ReceivedHeader r = ReceivedHeader.parse("lorem ipsum dolor");
    assertThat(r.hasClauses()).isFalse();
    assertThat(r.diagnostics().get(0).code()).isEqualTo(ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED);
    assertThat(ReceivedHeader.parse("").diagnostics().get(0).code())
        .isEqualTo(ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED);
  }

  @Test
  void dateDefectsBecomeDiagnostics() {
    ReceivedHeader r = ReceivedHeader.parse("by b; Wed, 2 Apr 2024 09:15:27 +0000 (PDT)");
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(DateDefect.WRONG_WEEKDAY.code(), DateDefect.ZONE_MISMATCH.code());
    assertThat(r.date().orElseThrow().has(DateDefect.ZONE_MISMATCH)).isTrue();
  }

  @Test
  void bracketedAndPortedAddresses() {
    assertThat(ReceivedParser.ipOf("[192.0.2.1]:2525")).isEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(ReceivedParser.ipOf("[IPv6:2001:db8::1]")).isEqualTo(IpAddress.of("2001:db8::1"));
    assertThat(ReceivedParser.ipOf("[192.0.2.1:47944]")).isEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(ReceivedParser.ipOf("user@192.0.2.1")).isEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(ReceivedParser.ipOf("[192.0.2.1] helo=x")).isNull();
    assertThat(ReceivedParser.ipOf("mail.example.com")).isNull();
    assertThat(ReceivedParser.ipOf("[local]")).isNull();
  }

  @Test
  void domainAccessors() {
    ReceivedHeader r = ReceivedHeader.parse("from Mail.Example.ORG. ([192.0.2.1]) by [192.0.2.2]; Tue, 2 Apr 2024 09:15:27 +0000");
    assertThat(r.fromDomain()).map(Object::toString).hasValue("mail.example.org");
    assertThat(r.byDomain()).isEmpty();
    assertThat(r.byIp()).hasValue(IpAddress.of("192.0.2.2"));
    assertThat(r.instant()).isPresent();
    assertThat(r.toString()).startsWith("from Mail");
  }

  @Test
  void aDatesDiagnosticsAreAnUnmodifiableList() {
    MailDate d = MailDates.parse("Thu, 26 Nov 26 10:00:00 EST");
    assertThat(d.toDiagnostics()).isNotEmpty();
    assertThatThrownBy(() -> d.toDiagnostics().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
