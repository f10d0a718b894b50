package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderSectionTest {

  private static HeaderSection parse(String s) {
    return HeaderSection.parse(s).orElseThrow();
  }

  private static List<DiagnosticCode> codes(ParseResult<?> r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\r"})
  void readsEveryLineEnding(String eol) {
    String msg = "Subject: hello" + eol + " world" + eol + "From: a@example.com" + eol + eol + "body" + eol;
    ParseResult<HeaderSection> r = HeaderSection.parse(msg);
    HeaderSection h = r.orElseThrow();
    assertThat(h.fields()).extracting(HeaderField::name).containsExactly("Subject", "From");
    HeaderField subject = h.first("subject").orElseThrow();
    assertThat(subject.unfoldedValue()).isEqualTo("hello world");
    assertThat(subject.rawValue()).isEqualTo(" hello" + eol + " world");
    assertThat(subject.raw()).isEqualTo("Subject: hello" + eol + " world");
    assertThat(h.bodyOffset()).hasValue(msg.indexOf("body"));
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void mixedLineEndingsAndTabFolding() {
    HeaderSection h = parse("A: 1\r\n\tcont\nB: 2\rC: 3\r\n\r\n");
    assertThat(h.fields()).extracting(HeaderField::unfoldedValue).containsExactly("1\tcont", "2", "3");
  }

  @Test
  void keepsSpansOfEveryField() {
    String text = "Received: from a\n by b; Tue, 2 Apr 2024 09:15:27 +0200\nSubject: x\n\n";
    HeaderSection h = parse(text);
    HeaderField subject = h.first("Subject").orElseThrow();
    assertThat(subject.span().line()).isEqualTo(3);
    assertThat(subject.span().column()).isEqualTo(1);
    assertThat(text.substring(subject.span().offset(), subject.span().end())).isEqualTo(subject.raw());
    HeaderField received = h.first("Received").orElseThrow();
    assertThat(text.substring(received.span().offset(), received.span().end())).isEqualTo(received.raw());
    assertThat(h.text()).isEqualTo(text.substring(0, text.length() - 1));
  }

  @Test
  void looksUpIgnoringCaseInOrder() {
    HeaderSection h = parse("Received: one\nreceived: two\nRECEIVED: three\nTo: x\n\n");
    assertThat(h.all("Received")).extracting(HeaderField::unfoldedValue).containsExactly("one", "two", "three");
    assertThat(h.first("to")).map(HeaderField::name).hasValue("To");
    assertThat(h.all("Cc")).isEmpty();
    assertThat(h.contains("RECEIVED")).isTrue();
    assertThat(h.value("to")).hasValue("x");
    assertThat(h.size()).isEqualTo(4);
  }

  @Test
  void stopsAtTheFirstEmptyLine() {
    byte[] msg = "A: 1\r\n\r\nB: not a header\r\n".getBytes(StandardCharsets.US_ASCII);
    HeaderSection h = HeaderSection.parse(msg).orElseThrow();
    assertThat(h.fields()).extracting(HeaderField::name).containsExactly("A");
    assertThat(h.bodyOffset()).hasValue(8);
  }

  @Test
  void pastedHeaderWithoutBlankLineIsAllHeader() {
    ParseResult<HeaderSection> r = HeaderSection.parse("A: 1\nB: 2");
    assertThat(r.orElseThrow().size()).isEqualTo(2);
    assertThat(r.orElseThrow().bodyOffset()).isEmpty();
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_NO_BLANK_LINE);
  }

  @Test
  void skipsAnMboxFromLine() {
    ParseResult<HeaderSection> r = HeaderSection.parse("From MAILER-DAEMON Thu Apr 29 23:34:45 2010\nA: 1\n\n");
    assertThat(r.orElseThrow().fields()).extracting(HeaderField::name).containsExactly("A");
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_MBOX_FROM_LINE);
  }

  @Test
  void aFromFieldWithSpaceBeforeColonIsNotAnMboxLine() {
    ParseResult<HeaderSection> r = HeaderSection.parse("From : a@example.com\nTo: b\n\n");
    assertThat(r.orElseThrow().fields()).extracting(HeaderField::name).containsExactly("From", "To");
  }

  @Test
  void onlyAsciiLineBreaksEndLines() {
    // U+010A and U+010D have the low bytes of LF and CR; they are ordinary characters.
    HeaderSection h = parse("Subject: a\u010ab\u010dc\n\n");
    assertThat(h.value("Subject")).hasValue("a\u010ab\u010dc");
    assertThat(h.size()).isEqualTo(1);
  }

  @Test
  void joinsAMalformedLineToTheFieldAbove() {
    ParseResult<HeaderSection> r = HeaderSection.parse("Subject: broken\nfold without indent\nTo: x\n\n");
    HeaderSection h = r.orElseThrow();
    assertThat(h.first("Subject").orElseThrow().unfoldedValue()).isEqualTo("broken fold without indent");
    assertThat(h.size()).isEqualTo(2);
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_MALFORMED_LINE);
    assertThat(r.diagnostics().get(0).span().orElseThrow().line()).isEqualTo(2);
  }

  @Test
  void reportsLeadingContinuationAndGarbage() {
    ParseResult<HeaderSection> r = HeaderSection.parse(" leading\ngarbage line\nA: 1\n\n");
    assertThat(r.orElseThrow().size()).isEqualTo(1);
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_LEADING_CONTINUATION, HeaderCodes.HEADERS_MALFORMED_LINE);
  }

  @Test
  void acceptsObsoleteWhitespaceBeforeColon() {
    ParseResult<HeaderSection> r = HeaderSection.parse("Subject : hi\n\n");
    assertThat(r.orElseThrow().first("Subject").orElseThrow().unfoldedValue()).isEqualTo("hi");
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_WHITESPACE_BEFORE_COLON);
  }

  @Test
  void emptyInputIsAnErrorButStillASection() {
    ParseResult<HeaderSection> r = HeaderSection.parse("");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.orElseThrow().isEmpty()).isTrue();
    assertThat(codes(r)).containsExactly(HeaderCodes.HEADERS_EMPTY);
    assertThat(HeaderSection.parse(new byte[0]).orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void readsUtf8AndFallsBackToLatin1() {
    byte[] utf8 = "Subject: caf\u00e9\n\n".getBytes(StandardCharsets.UTF_8);
    ParseResult<HeaderSection> r = HeaderSection.parse(utf8);
    assertThat(r.orElseThrow().value("Subject")).hasValue("caf\u00e9");
    assertThat(r.orElseThrow().charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(r.diagnostics()).isEmpty();

    byte[] latin1 = "Subject: caf\u00e9\n\n".getBytes(StandardCharsets.ISO_8859_1);
    ParseResult<HeaderSection> l = HeaderSection.parse(latin1);
    assertThat(l.orElseThrow().value("Subject")).hasValue("caf\u00e9");
    assertThat(l.orElseThrow().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(codes(l)).containsExactly(HeaderCodes.HEADERS_NOT_UTF8);
    HeaderField f = l.orElseThrow().first("Subject").orElseThrow();
    assertThat(f.raw().getBytes(l.orElseThrow().charset())).isEqualTo("Subject: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void reportsNul() {
    assertThat(codes(HeaderSection.parse("A: x\0y\n\n"))).containsExactly(HeaderCodes.HEADERS_NUL_CHARACTER);
  }

  @Test
  void enforcesTheSizeLimit() {
    Limits limits = Limits.builder().maxHeaderBytes(20).build();
    ParseResult<HeaderSection> r = HeaderSection.parse("A: 1\nB: 2\nC: 333333333333\nD: 4\n\n", limits);
    assertThat(r.orElseThrow().fields()).extracting(HeaderField::name).containsExactly("A", "B");
    assertThat(codes(r)).contains(HeaderCodes.HEADERS_TOO_LARGE);
    ParseResult<HeaderSection> b = HeaderSection.parse("A: 1\nB: 2\nC: 333333333333\nD: 4\n\n".getBytes(StandardCharsets.US_ASCII), limits);
    assertThat(b.orElseThrow().size()).isEqualTo(2);
    assertThat(b.orElseThrow().bodyOffset()).isEmpty();
  }

  @Test
  void enforcesTheFieldCountAndLineLength() {
    Limits limits = Limits.builder().maxHeaderFields(2).maxLineLength(10).build();
    ParseResult<HeaderSection> r = HeaderSection.parse("A: 1\nB: 2\nC: 3\n\n", limits);
    assertThat(r.orElseThrow().size()).isEqualTo(2);
    assertThat(codes(r)).contains(HeaderCodes.HEADERS_TOO_MANY_FIELDS);
    ParseResult<HeaderSection> l = HeaderSection.parse("A: 12345678901234567890\n\n", limits);
    assertThat(l.orElseThrow().size()).isEqualTo(1);
    assertThat(codes(l)).containsExactly(HeaderCodes.HEADERS_LINE_TOO_LONG);
  }

  @Test
  void capsDiagnostics() {
    Limits limits = Limits.builder().maxDiagnostics(3).build();
    ParseResult<HeaderSection> r = HeaderSection.parse("A: 1\nx\ny\nz\nw\nv\n\n", limits);
    assertThat(r.diagnostics()).hasSize(4);
    assertThat(r.diagnostics().get(3).code()).isEqualTo(HeaderCodes.HEADERS_DIAGNOSTICS_TRUNCATED);
  }

  @Test
  void buildsFieldsProgrammatically() {
    HeaderField f = HeaderField.of("Subject", "=?UTF-8?Q?caf=C3=A9?=");
    assertThat(f.decodedValue()).isEqualTo("caf\u00e9");
    HeaderSection h = HeaderSection.of(List.of(f, HeaderField.of("To", "x@example.com")));
    assertThat(h.text()).isEqualTo("Subject: =?UTF-8?Q?caf=C3=A9?=\r\nTo: x@example.com\r\n");
    assertThat(h.first("to")).isPresent();
    assertThat(HeaderSection.empty().isEmpty()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HeaderField.of("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
