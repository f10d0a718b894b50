package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which recipients a bounce with an {@code X-Failed-Recipients} field reports, against its text's. */
class EngineFailedRecipientsHeaderTest {

  private static BounceAnalysis eximBounce(String failedRecipients) {
    String message = """
        From: Mail Delivery System <Mailer-Daemon@mail.example.net>
        To: alice@example.net
        Subject: Mail delivery failed: returning message to sender
        X-Failed-Recipients: %s

        |------------------------- Failed addresses follow: ---------------------|
         <carol@example.com>
           552 5.2.2 <carol@example.com> Quota exceeded (mailbox for user is full)
         <dave@example.com>
           550 5.1.1 <dave@example.com> unknown user

        |------------------------- Message header follows: ----------------------|
        From: alice@example.net
        To: carol@example.com, dave@example.com
        Subject: Status
        """.formatted(failedRecipients);
    return Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFieldThatNamesNoneOfTheTextsRecipientsGivesWayToTheText() {
    BounceAnalysis a = eximBounce("someone@example.com");
    assertThat(a.recipients()).extracting(RecipientResult::recipient)
        .containsExactly("carol@example.com", "dave@example.com");
    assertThat(a.recipients()).extracting(RecipientResult::reason)
        .containsExactly(Reason.MAILBOX_FULL, Reason.USER_UNKNOWN);
  }

  @Test
  void aFieldThatNamesOneOfThemDecides() {
    BounceAnalysis a = eximBounce("dave@example.com");
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("dave@example.com");
    assertThat(a.recipients().get(0).reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void aFieldThatNamesThemAllKeepsItsOrder() {
    BounceAnalysis a = eximBounce("dave@example.com, carol@example.com");
    assertThat(a.recipients()).extracting(RecipientResult::recipient)
        .containsExactly("dave@example.com", "carol@example.com");
  }

  private static BounceAnalysis reportWithoutRecipientField(String failedRecipients, String blocks) {
    String message = """
        From: MAILER-DAEMON@mx.example.com
        To: alice@example.net
        Subject: Undelivered Mail Returned to Sender
        X-Failed-Recipients: %s
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        Delivery failed.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com

        %s
        --B--
        """.formatted(failedRecipients, blocks);
    return Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theReportsOneNamelessBlockBelongsToTheFieldsOneAddress() {
    BounceAnalysis a = reportWithoutRecipientField("bob@example.com", "Action: failed\nStatus: 5.1.1\n");
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("bob@example.com");
    assertThat(a.recipients().get(0).status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
    assertThat(a.recipients().get(0).reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(a.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo(Codes.DSN_NO_RECIPIENT));
    assertThat(a.recipients().get(0).evidence().excerpt()).doesNotContain("final-recipient");
  }

  @Test
  void twoNamelessBlocksOrTwoAddressesAreNotPaired() {
    BounceAnalysis two = reportWithoutRecipientField("bob@example.com, carol@example.com",
        "Action: failed\nStatus: 5.1.1\n");
    assertThat(two.recipients()).allSatisfy(r -> assertThat(r.status()).isEmpty());
    BounceAnalysis blocks = reportWithoutRecipientField("bob@example.com",
        "Action: failed\nStatus: 5.1.1\n\nAction: failed\nStatus: 5.2.2\n");
    assertThat(blocks.recipients()).allSatisfy(r -> assertThat(r.status()).isEmpty());
    BounceAnalysis delayed = reportWithoutRecipientField("bob@example.com", "Action: delayed\nStatus: 4.4.7\n");
    assertThat(delayed.recipients()).allSatisfy(r -> assertThat(r.status()).isEmpty());
  }
}
