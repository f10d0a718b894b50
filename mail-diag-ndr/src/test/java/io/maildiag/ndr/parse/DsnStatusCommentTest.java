package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A Status field's comment is the reason when a recipient block has no Diagnostic-Code (RFC 3464 appendix). */
class DsnStatusCommentTest {

  private static final String REPORT = "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>\n"
      + "To: <alice@example.org>\nSubject: Returned mail: delivery problems\nMIME-Version: 1.0\n"
      + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n"
      + "--b1\nContent-Type: text/plain\n\nSome addresses had delivery problems.\n\n"
      + "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; relay.example.org\n\n"
      + "Final-Recipient: rfc822;bob@gone.example.net\nAction: delayed\n"
      + "Status: 4.0.0 (gone.example.net: host name lookup failure)\n\n"
      + "Final-Recipient: rfc822;carol@example.com\nAction: failed\nStatus: 5.0.0 (permanent failure)\n"
      + "Diagnostic-Code: smtp; 550 no such user here\n\n"
      + "Final-Recipient: rfc822;dave@example.com\nAction: failed\nStatus: 5.0.0 (permanent failure)\n\n"
      + "--b1--\n";

  @Test
  void commentStandsInForAMissingDiagnostic() {
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(REPORT.getBytes(StandardCharsets.US_ASCII));
    assertThat(a.recipients()).hasSize(3);
    RecipientResult bob = a.recipients().get(0);
    assertThat(bob.diagnosticText()).isEqualTo("gone.example.net: host name lookup failure");
    assertThat(bob.reason()).isNotEqualTo(Reason.UNDEFINED);
    // a Diagnostic-Code wins over the comment; a comment that only restates the class is not a reason
    assertThat(a.recipients().get(1).diagnosticText()).contains("no such user here");
    assertThat(a.recipients().get(2).diagnosticText()).doesNotContain("permanent failure");
  }

  @Test
  void statusCommentText() {
    assertThat(DsnParser.statusComment("4.0.0 (mx.example: host name lookup failure)"))
        .isEqualTo("mx.example: host name lookup failure");
    assertThat(DsnParser.statusComment("5.0.0 (permanent failure)")).isEmpty();
    assertThat(DsnParser.statusComment("5.1.1")).isEmpty();
    assertThat(DsnParser.statusComment("4.4.7 (delivery time\n expired")).isEqualTo("delivery time expired");
  }
}
