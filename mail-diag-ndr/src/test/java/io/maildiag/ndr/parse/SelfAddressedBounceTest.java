package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import org.junit.jupiter.api.Test;

/** A bounce of a message its sender sent to himself names the sender's own address as the failed one. */
class SelfAddressedBounceTest {

  @Test
  void qmailBounceToTheFailedAddressItself() {
    BounceAnalysis a = Fixtures.analyzeText("Return-Path: <>\nDelivered-To: me@home.example\n"
        + "Received: (qmail 100 invoked for bounce); 3 Mar 2021 10:00:00 -0000\n"
        + "Date: 3 Mar 2021 10:00:00 -0000\nFrom: MAILER-DAEMON@relay.home.example\nTo: me@home.example\n"
        + "Subject: failure notice\n\n"
        + "Hi. This is the qmail-send program at relay.home.example.\n"
        + "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        + "<me@home.example>:\n198.51.100.7 does not like recipient.\n"
        + "Remote host said: 552 mailbox over quota\nGiving up on 198.51.100.7.\n\n"
        + "--- Below this line is a copy of the message.\n");
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("me@home.example");
      assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("552"));
      assertThat(r.reason()).isEqualTo(Reason.MAILBOX_FULL);
    });
  }

  @Test
  void anotherRecipientStillKeepsTheSenderOut() {
    BounceAnalysis a = Fixtures.analyzeText("Return-Path: <>\nDate: 3 Mar 2021 10:00:00 -0000\n"
        + "From: MAILER-DAEMON@relay.home.example\nTo: me@home.example\nSubject: failure notice\n\n"
        + "Hi. This is the qmail-send program at relay.home.example.\n"
        + "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        + "<friend@elsewhere.example>:\n198.51.100.7 does not like recipient.\n"
        + "Remote host said: 550 no such user\nGiving up on 198.51.100.7.\n\n"
        + "--- Below this line is a copy of the message.\n\nFrom: me@home.example\nTo: friend@elsewhere.example\n"
        + "Subject: hi\n\nhello\n");
    assertThat(a.recipients()).extracting(r -> r.recipient()).containsExactly("friend@elsewhere.example");
  }
}
