package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generic reader of bounce prose: anchors, blocks, exclusions, orphan replies, the cut. */
class TextScannerTest {

  private static TextScanner.Result scan(String text) {
    return TextScanner.scan(text, Set.of("alice@example.net"));
  }

  @Test
  void addressColonReplyLines() {
    TextScanner.Result r = scan("Recipients:\n\na@example.com: 550 5.1.1 User unknown\nb@example.org: 552 5.2.2 Full\n");
    assertThat(r.entries()).extracting(TextScanner.Entry::recipient).containsExactly("a@example.com", "b@example.org");
    assertThat(r.entries().get(1).facts().status()).map(Object::toString).contains("5.2.2");
  }

  @Test
  void deliveryFailedLabelsItsAddress() {
    TextScanner.Result r = scan("Your delivery to the following address has been failed.\n\n"
        + "Delivery failed: someone@example.co.jp\n192.0.2.1 failed after I sent the message.\n"
        + "Remote host said[Response Message]: 554 5.4.14 Hop count exceeded - possible mail loop\n");
    assertThat(r.entries()).extracting(TextScanner.Entry::recipient).containsExactly("someone@example.co.jp");
    assertThat(r.entries().get(0).facts().status()).map(Object::toString).contains("5.4.14");
  }

  @Test
  void aCommandBlockNamesTheStage() {
    // Digital Arts m-FILTER: the server's reply, then the command it answered, each in a block
    String text = "The following address failed:\nkijitora@example.org\n\n\n-------server message\n"
        + "550 kijitora@example.org... No such user\n\n-------SMTP command\nDATA\n\n-------original mail info\n";
    TextScanner.Result r = scan(text);
    assertThat(r.entries()).singleElement().satisfies(e -> {
      assertThat(e.recipient()).isEqualTo("kijitora@example.org");
      assertThat(e.stage()).isNotNull();
      assertThat(e.stage().stage()).isEqualTo(io.maildiag.ndr.classify.Stage.DATA);
    });
    String[] lines = text.split("\n", -1);
    assertThat(SmtpStage.commandBlock(lines, 0, lines.length)).isEqualTo(SmtpStage.DATA);
    assertThat(SmtpStage.commandBlock(new String[] {"--- SMTP command", "RCPT TO:<a@b>"}, 0, 2)).isNull();
    assertThat(SmtpStage.commandBlock(new String[] {"---SMTP command", "", "RCPT TO:<a@b>"}, 0, 3))
        .isEqualTo(SmtpStage.RCPT);
    assertThat(SmtpStage.commandBlock(new String[] {"-------SMTP command", "NOOP"}, 0, 2)).isNull();
    assertThat(SmtpStage.commandBlock(new String[] {"-------SMTP command"}, 0, 1)).isNull();
  }

  @Test
  void toLineGivesTheWholeAddress() {
    TextScanner.Result r = scan("Your message could not be delivered.\n\nTo: someuser@example.com\n"
        + "550 5.1.1 User unknown\n\nTo: Bob Example <bob@example.org>\n552 5.2.2 Mailbox full\n");
    assertThat(r.entries()).extracting(TextScanner.Entry::recipient)
        .containsExactly("someuser@example.com", "bob@example.org");
  }

  @Test
  void smtpErrorAfterRcptTo() {
    TextScanner.Result r = scan("The following address failed:\n\n  c@example.com\n"
        + "    SMTP error from remote mail server after RCPT TO:<c@example.com>:\n"
        + "    host mx.example.com [192.0.2.1]: 550 5.1.1 <c@example.com>: Recipient address rejected\n");
    assertThat(r.entries()).hasSize(1);
    TextScanner.Entry e = r.entries().get(0);
    assertThat(e.facts().reply()).map(Object::toString).contains("550");
    assertThat(e.remoteMta()).isEqualTo("mx.example.com");
  }

  @Test
  void sendersAndRoleAddressesAreNotRecipients() {
    TextScanner.Result r = scan("A message sent by alice@example.net could not be delivered to <d@example.com>.\n"
        + "Please send mail to <postmaster@example.net> or contact abuse@example.net.\n"
        + "550 5.1.1 mailbox unavailable\n");
    assertThat(r.entries()).extracting(TextScanner.Entry::recipient).containsExactly("d@example.com");
    assertThat(r.entries().get(0).facts().status()).map(Object::toString).contains("5.1.1");
  }

  @Test
  void textAfterTheOriginalMessageMarkerIsIgnored() {
    TextScanner.Result r = scan("<e@example.com>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
        + "--- Below this line is a copy of the message.\n\nTo: f@example.com\nFrom: alice@example.net\n");
    assertThat(r.entries()).extracting(TextScanner.Entry::recipient).containsExactly("e@example.com");
    assertThat(r.after()).contains("To: f@example.com");
  }

  @Test
  void aReplyApartFromTheAddressIsBorrowed() {
    TextScanner.Result r = scan("Could not be delivered because of\n\n550 5.1.1 User unknown\n\n"
        + "The following recipients were affected:\n    g@example.com\n");
    assertThat(r.entries()).hasSize(1);
    assertThat(r.entries().get(0).diagnostic()).isEqualTo("550 5.1.1 User unknown");
  }

  @Test
  void delayWordingIsNoticed() {
    assertThat(scan("THIS IS A WARNING MESSAGE ONLY.\n\n<h@example.com>: connect timed out\n").delayed()).isTrue();
    assertThat(scan("<h@example.com>: 550 no\n").delayed()).isFalse();
  }

  @Test
  void fullReplyIsRecoveredFromATranscript() {
    String t = "<<< 552-5.7.0 This message was blocked because its content presents a potential\n"
        + "<<< 552-5.7.0 security issue.\n<<< 552 5.7.0 See the guidelines. - gsmtp\n";
    assertThat(TextScanner.fullReply(t, "552-5.7.0 This message was blocked because its content presents a potential"))
        .isEqualTo("552-5.7.0 This message was blocked because its content presents a potential security issue. "
            + "See the guidelines. - gsmtp");
  }
}
