package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import org.junit.jupiter.api.Test;

/** Microsoft's JMRP complaints in their older form: the reported message itself, returned by Hotmail. */
class JmrpComplaintTest {

  private static String returned(String returnPath) {
    return "Return-Path: " + returnPath + "\n"
        + "Received: from mail.example.org by mx.example.org with SMTP; 20 Feb 2010 05:25:12 -0000\n"
        + "X-HmXmrOriginalRecipient: reader@hotmail.com\n"
        + "X-Reporter-IP: 192.0.2.155\n"
        + "Date: Fri, 19 Feb 2010 22:58:37 -0500\n"
        + "To: reader@hotmail.com\n"
        + "From: news@mail.example.org\n"
        + "Subject: Our offers this week\n"
        + "Message-ID: <n49@mail.example.org>\n"
        + "Content-Type: text/plain\n\n"
        + "This week's offers.\n";
  }

  @Test
  void theReportedMessageReturnedByHotmailIsAnAbuseReport() {
    BounceAnalysis a = Fixtures.analyzeText(returned("staff@hotmail.com"));
    assertThat(a.kind()).isEqualTo(MessageKind.FEEDBACK_REPORT);
    assertThat(a.feedbackType()).contains("abuse");
    assertThat(a.original().messageId()).contains("n49@mail.example.org");
    assertThat(a.original().subject()).contains("Our offers this week");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("reader@hotmail.com");
      assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
      assertThat(r.evidence().parser()).isEqualTo("jmrp");
    });
  }

  @Test
  void theFieldAloneDoesNotMakeAComplaint() {
    // a message delivered to a Hotmail user and forwarded on keeps the field: not a complaint
    BounceAnalysis a = Fixtures.analyzeText(returned("<news@mail.example.org>"));
    assertThat(a.kind()).isNotEqualTo(MessageKind.FEEDBACK_REPORT);
  }
}
