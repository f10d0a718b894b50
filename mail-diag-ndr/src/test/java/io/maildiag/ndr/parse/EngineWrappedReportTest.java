package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A delivery report that a gateway attached whole to a message of its own, to add a footer. */
class EngineWrappedReportTest {

  private static String wrapped(String from, String subject) {
    return """
        From: %s
        To: alice@example.net
        Subject: %s
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="OUTER"

        --OUTER
        Content-Type: text/plain

        Company footer

        --OUTER
        Content-Type: message/rfc822

        From: System Administrator <postmaster@example.org>
        To: "Internet Mail Service" <IMCEAEX-_O=ORG_OU=SITE@example.org>
        Subject: Undeliverable: Status
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="INNER"

        --INNER
        Content-Type: text/plain

        Your message did not reach some or all of the intended recipients.

        --INNER
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; bob@example.org
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 User unknown

        --INNER--

        --OUTER--
        """.formatted(from, subject);
  }

  private static BounceAnalysis analyze(String message) {
    return Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theAttachedReportIsRead() {
    BounceAnalysis a = analyze(wrapped("System Administrator <postmaster@example.org>", "Undeliverable: Status"));
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("bob@example.org");
    assertThat(a.recipients().get(0).reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(a.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo(Codes.WRAPPED_REPORT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Fwd: Undeliverable: Status", "Re: Undeliverable: Status"})
  void aPersonForwardingOrQuotingAReportIsNotAWrapper(String subject) {
    BounceAnalysis a = analyze(wrapped("Alice <alice@example.net>", subject));
    assertThat(a.kind()).isNotEqualTo(MessageKind.BOUNCE);
    assertThat(a.diagnostics()).noneSatisfy(d -> assertThat(d.code()).isEqualTo(Codes.WRAPPED_REPORT));
  }
}
