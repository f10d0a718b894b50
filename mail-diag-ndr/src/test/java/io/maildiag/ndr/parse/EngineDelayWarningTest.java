package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reason of a delay warning's recipient when the warning gives a cause, and when it gives none. */
class EngineDelayWarningTest {

  private static RecipientResult delayWarning(String notice, String fields) {
    String message = """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
        To: alice@example.net
        Subject: Delayed Mail (still being retried)
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        %s
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Final-Recipient: rfc822; bob@example.com
        Action: delayed
        %s
        --B--
        """.formatted(notice, fields);
    BounceAnalysis a = Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
    assertThat(a.kind()).isEqualTo(MessageKind.DELAY);
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0);
  }

  @Test
  void aWarningThatGivesNoCauseIsAnExpiryStillBeingTried() {
    RecipientResult r = delayWarning("This is a warning: your message has not been delivered yet.\n"
        + "The mail system will keep trying.\n", "Status: 4.0.0\n");
    assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(r.permanent()).isFalse();
    assertThat(r.classification().remediation()).startsWith("Delivery is delayed");
    assertThat(r.classification().rule()).isEqualTo("action:delayed"); // once, not twice
  }

  @Test
  void aWarningWithNoCodeAtAllNamesItsRuleOnce() {
    RecipientResult r = delayWarning("This is a warning: your message has not been delivered yet.\n", "");
    assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(r.classification().rule()).isEqualTo("action:delayed");
  }

  @Test
  void aWarningThatGivesACauseKeepsIt() {
    RecipientResult r = delayWarning("This is a warning: your message has not been delivered yet.\n",
        "Status: 4.2.2\nDiagnostic-Code: smtp; 452 4.2.2 Mailbox full\n");
    assertThat(r.reason()).isEqualTo(Reason.MAILBOX_FULL);
  }
}
