package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** au (KDDI) answers "550 : User unknown", naming no address, when the recipient's filter refused the message. */
class EngineKddiTest {

  private static String postfix(String recipient, String reply) {
    return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n"
        + "To: tom@example.net\n"
        + "Subject: Undelivered Mail Returned to Sender\n\n"
        + "I'm sorry to have to inform you that your message could not\n"
        + "be delivered to one or more recipients. It's attached below.\n\n"
        + "<" + recipient + ">: host lsean.ezweb.ne.jp[192.0.2.5] said: " + reply
        + " (in reply to end of DATA command)\n";
  }

  private static Reason reason(String message) {
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(message.getBytes(StandardCharsets.US_ASCII));
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0).classification().reason();
  }

  @Test
  void theReplyWithoutAnAddressIsTheFilter() {
    assertThat(reason(postfix("neko@ezweb.ne.jp", "550 : User unknown"))).isEqualTo(Reason.FILTERED);
  }

  @Test
  void theReplyThatNamesTheAddressIsAnUnknownUser() {
    assertThat(Engine.kddiFilterReply("neko@ezweb.ne.jp", "", "550 <neko@ezweb.ne.jp>: User unknown")).isFalse();
    assertThat(Engine.kddiFilterReply("neko@ezweb.ne.jp", "", "550 : User unknown")).isTrue();
    assertThat(Engine.kddiFilterReply("neko@example.com", "msmx.au.com", "550 : User unknown")).isTrue();
    assertThat(Engine.kddiFilterReply("neko@au.com", "", "550 : User unknown")).isTrue();
    // elsewhere the same words are an unknown user
    assertThat(Engine.kddiFilterReply("neko@example.com", "mx.example.com", "550 : User unknown")).isFalse();
    assertThat(Engine.kddiFilterReply("neko@notezweb.ne.jp", "", "550 : User unknown")).isFalse();
  }
}
