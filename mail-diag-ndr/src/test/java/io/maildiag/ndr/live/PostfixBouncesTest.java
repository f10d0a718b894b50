package io.maildiag.ndr.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounces written by a real Postfix ({@link RealMtaBouncesTest}), which returns a message at its
 * first failed attempt: what only Postfix writes, its reporting MTA, the status of a refused
 * connection, its internationalised report (RFC 6533), its local delivery's "unknown user", and (from
 * a second Postfix that keeps trying) its warning that a message is delayed.
 */
class PostfixBouncesTest extends RealMtaBouncesTest {
  @Override
  String mta() {
    return "postfix";
  }

  @Override
  String successAction() {
    return "relayed";
  }

  @Test
  void aReportNamesTheReportingMta() throws Exception {
    BounceAnalysis a = bounce(sender("abe"), "Report", "unknown-al@fail.test");

    assertThat(a.reportingMta()).contains("mta.example.test");
  }

  @Test
  void aRefusedConnectionKeepsItsTransientStatus() throws Exception {
    RecipientResult r = only(bounce(sender("kit"), "Agenda", "lou@down.test"));

    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.4.1"));
    assertThat(r.diagnosticText()).contains("Connection refused");
  }

  @Test
  void aConnectionLostInTheMiddleOfTheSessionIsANetworkError() throws Exception {
    // a session that broke under way stays the network error the report names (as Sisimai reads it)
    RecipientResult r = only(bounce(sender("xan"), "Dropped", "yul@dropping.test"));

    assertThat(r.diagnosticText()).contains("lost connection with").contains("while sending RCPT TO");
    assertThat(r.classification().reason()).isEqualTo(Reason.NETWORK_ERROR);
  }

  @Test
  void anInternationalisedMessageGetsAnInternationalisedReport() throws Exception {
    // SMTPUTF8: Postfix returns it with message/global-delivery-status (RFC 6533)
    BounceAnalysis a = bounce(sender("mia"), "Grüße aus Köln", "unknown-zoë@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("unknown-zoë@fail.test");
    assertThat(r.evidence().part()).startsWith("message/global-delivery-status");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(r.diagnosticText()).contains("<unknown-zoë@fail.test>");
    assertThat(a.original().subject()).contains("Grüße aus Köln");
  }

  @Test
  void aMessageStillTriedIsReportedDelayed(@TempDir Path dir) throws Exception {
    // a second Postfix, which keeps trying for an hour and warns after a second
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (MtaServer slow = MtaServer.start("postfix", dir.resolve("slow"), receiver.port(), Map.of(), "--warn-delays")) {
      BounceAnalysis a = bounce(sender("quin"), "Proposal", Map.of(),
          Map.of("mail.smtp.port", Integer.toString(slow.port())), "greylisted-rex@fail.test");

      assertGreylistingDelay(a, "greylisted-rex@fail.test");
    }
  }

  @Test
  void anAddressLocalDeliveryDoesNotKnowIsAnUnknownUser() throws Exception {
    // Postfix's own verdict, not a remote reply: local.test has no users
    RecipientResult r = only(bounce(sender("pat"), "Board meeting", "nosuchuser@local.test"));

    assertThat(r.recipient()).isEqualTo("nosuchuser@local.test");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
    assertThat(r.replyCode()).isEmpty();
    assertThat(r.diagnosticText()).contains("unknown user");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(r.classification().permanent()).isTrue();
  }
}
