package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When a message's preamble is read as its text: a delivery report none of whose parts holds text. */
class EnginePreambleTest {

  private static final String PREAMBLE = "<dave@example.net>:\n    mx.example.net [192.0.2.9]:\n"
      + ">>> RCPT TO:<dave@example.net>\n<<< 550 5.1.1 <dave@example.net>... User unknown\n\n";

  private static BounceAnalysis analyze(String type, String parts) {
    String message = "From: postmaster@mail.example.org\nTo: alice@example.org\nSubject: Report\n"
        + "MIME-Version: 1.0\nContent-Type: " + type + "; boundary=\"B\"\n\n" + PREAMBLE + parts + "--B--\n";
    return Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  private static final String REPORT = "--B\nContent-Type: message/delivery-status\n\n"
      + "Reporting-MTA: dns; mail.example.org\n\nFinal-Recipient: rfc822; dave@example.net\n"
      + "Action: failed\nStatus: 5.0.0\n\n";

  @Test
  void aReportWithoutTextIsReadFromItsPreamble() {
    BounceAnalysis a = analyze("multipart/report; report-type=delivery-status", REPORT);
    assertThat(a.recipients()).hasSize(1);
    assertThat(a.recipients().get(0).reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(a.recipients().get(0).replyCode()).isPresent();
  }

  @Test
  void aRecipientFoundInThePreambleNamesItInItsEvidence() {
    // no delivery-status fields name a recipient: the preamble's text does
    String report = "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.org\n\n";
    BounceAnalysis a = analyze("multipart/report; report-type=delivery-status", report);
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("dave@example.net");
      assertThat(r.evidence().part()).isEqualTo("multipart/report (preamble)");
    });
  }

  @Test
  void aTextPartWinsOverThePreamble() {
    String text = "--B\nContent-Type: text/plain\n\nThe message could not be delivered.\n\n";
    BounceAnalysis a = analyze("multipart/report; report-type=delivery-status", text + REPORT);
    assertThat(a.recipients()).hasSize(1);
    assertThat(a.recipients().get(0).reason()).isEqualTo(Reason.UNDEFINED);
    assertThat(a.recipients().get(0).replyCode()).isEmpty();
  }

  @Test
  void anotherMultipartsPreambleIsNotItsText() {
    String pdf = "--B\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n";
    BounceAnalysis a = analyze("multipart/mixed", pdf);
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.recipients()).isEmpty();
  }
}
