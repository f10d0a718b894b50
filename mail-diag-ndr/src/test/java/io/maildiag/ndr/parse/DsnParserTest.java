package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 3464 field parsing: blocks, folding, loose layouts, address types. */
class DsnParserTest {

  @Test
  void splitsPerMessageAndPerRecipientBlocks() {
    String text = "Reporting-MTA: dns; mx.example.net\nArrival-Date: Tue, 14 May 2024 09:12:40 +0200\n\n"
        + "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <a@example.com>:\n    User unknown\n\n"
        + "Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.1\n";
    DsnParser.Report r = DsnParser.parse(text);
    assertThat(r.message()).containsEntry("reporting-mta", "dns; mx.example.net");
    assertThat(r.recipients()).hasSize(2);
    Map<String, String> a = r.recipients().get(0);
    assertThat(DsnParser.address(a.get("final-recipient"))).isEqualTo("a@example.com");
    assertThat(Smtp.clean(DsnParser.diagnostic(a.get("diagnostic-code")).text()))
        .isEqualTo("550 5.1.1 <a@example.com>: User unknown");
    assertThat(r.recipients().get(1).get("action")).isEqualTo("delayed");
  }

  @Test
  void aLineOfWhiteSpaceInsideAFoldedValueDoesNotEndTheBlock() {
    String text = "Reporting-MTA: dns; mx.example.net\n\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 RCP-P1 https://example.net/codes#rcp\n \n"
        + "    Recipient address does not exist\nStatus: 5.1.1\nFinal-Recipient: rfc822; a@example.com\n"
        + "Action: failed\n \nFinal-Recipient: rfc822; b@example.com\nAction: failed\n";
    DsnParser.Report r = DsnParser.parse(text);
    assertThat(r.recipients()).hasSize(2);
    assertThat(Smtp.clean(DsnParser.diagnostic(r.recipients().get(0).get("diagnostic-code")).text()))
        .isEqualTo("550 5.1.1 RCP-P1 https://example.net/codes#rcp Recipient address does not exist");
    // a line of white space before a field that is not indented still ends the block
    assertThat(DsnParser.address(r.recipients().get(1).get("final-recipient"))).isEqualTo("b@example.com");
    // and so does one before indented text that no field follows: a quote after the report
    DsnParser.Report quoted = DsnParser.parse("Final-Recipient: rfc822; a@example.com\nAction: failed\n"
        + "Diagnostic-Code: smtp; 550 Requested action not taken\n \n   ----- Original message -----\n"
        + "   Subject: Re: your mailbox is full\n");
    assertThat(quoted.recipients()).singleElement()
        .satisfies(rec -> assertThat(rec.get("diagnostic-code")).isEqualTo("smtp; 550 Requested action not taken"));
  }

  @Test
  void repeatedFieldStartsANewRecipientWithoutBlankLine() {
    String text = "Reporting-MTA: dns; mx.example.net\n"
        + "Action: failed\nStatus: 5.0.0\nFinal-recipient: rfc822;a@example.org\n"
        + "Action: failed\nStatus: 5.0.0\nFinal-recipient: rfc822;b@example.org\n";
    DsnParser.Report r = DsnParser.parse(text);
    assertThat(r.recipients()).extracting(m -> DsnParser.address(m.get("final-recipient")))
        .containsExactly("a@example.org", "b@example.org");
  }

  @Test
  void findsAReportInsidePlainText() {
    String text = "The original message was received\n\n   ----- Transcript -----\n554 <a@example.com>... no\n\n"
        + "Reporting-MTA: dns; old.example.net\n\nFinal-Recipient: RFC822; a@example.com\nAction: failed\n"
        + "Status: 5.5.0\n\nFrom: someone@example.net\n";
    DsnParser.Report r = DsnParser.findInText(text);
    assertThat(r).isNotNull();
    assertThat(r.recipients()).hasSize(1);
    assertThat(DsnParser.findInText("nothing here\nFrom: x@example.com\n")).isNull();
  }

  @Test
  void aReportInTextGoesOnOverAReplyWrittenWithoutFolding() {
    // a multi-line Diagnostic-Code whose later lines are not indented, then the rest of the block
    String text = "Reporting-MTA: dns; mx.example.net\n\n"
        + "Diagnostic-Code: smtp; 550-Please turn on SMTP Authentication in your mail client.\n"
        + "550-mx.example.net [192.0.2.1]:25 is not permitted to\n550 relay through this server without authentication.\n"
        + "Status: 5.7.1\nAction: failed\nFinal-Recipient: rfc822; a@example.com\n\nThe message follows.\n";
    DsnParser.Report r = DsnParser.findInText(text);
    assertThat(r).isNotNull();
    assertThat(r.recipients()).singleElement().satisfies(rec -> {
      assertThat(rec.get("status")).isEqualTo("5.7.1");
      assertThat(DsnParser.address(rec.get("final-recipient"))).isEqualTo("a@example.com");
    });
  }

  @Test
  void addressTypesAndEscapes() {
    assertThat(DsnParser.address("rfc822; <a@example.com>")).isEqualTo("a@example.com");
    assertThat(DsnParser.address("RFC822;a@example.com (Alice)")).isEqualTo("a@example.com");
    assertThat(DsnParser.address("rfc822; <\"a@example.com\">")).isEqualTo("a@example.com");
    assertThat(DsnParser.address("rfc822; \"a b\"@example.com")).isEqualTo("\"a b\"@example.com");
    assertThat(DsnParser.address("rfc822; \"a\"@\"b\"")).isEqualTo("\"a\"@\"b\"");
    assertThat(DsnParser.address("utf-8; j\\x{00F6}rg@example.com")).isEqualTo("jörg@example.com");
    assertThat(DsnParser.host("dns; mx.example.com. (192.0.2.1, the server for example.com.)")).isEqualTo("mx.example.com");
    assertThat(DsnParser.diagnostic("smtp; 550 no").type()).isEqualTo("smtp");
    assertThat(DsnParser.diagnostic("550 5.1.1 no such user").type()).isEmpty();
  }

  /** Trailing dots and address punctuation are cut by index, not by a copy for each (once quadratic). */
  @Test
  void longRunsOfTrailingDots() {
    assertThat(DsnParser.host("dns; mx.example.com" + ".".repeat(200_000))).isEqualTo("mx.example.com");
    assertThat(DsnParser.host("dns; " + ".".repeat(200_000))).isEmpty();
    assertThat(Addresses.trim(".'".repeat(100_000) + "a@example.com" + ".-".repeat(100_000))).isEqualTo("a@example.com");
    assertThat(Addresses.trim("..''..")).isEmpty();
  }
}
