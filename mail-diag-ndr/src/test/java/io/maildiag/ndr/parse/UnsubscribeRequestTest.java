package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import org.junit.jupiter.api.Test;

/** A mail client's List-Unsubscribe request (RFC 2369 mailto:) is an opt-out feedback from its sender. */
class UnsubscribeRequestTest {

  @Test
  void appleMailUnsubscribeIsOptOut() {
    BounceAnalysis a = Fixtures.analyzeText("From: reader@mail.example\nTo: leave-42@lists.example.org\nSubject: unsubscribe\n"
        + "Date: Mon, 6 May 2024 08:00:00 +0000\nMessage-ID: <u1@mail.example>\nAuto-Submitted: auto-replied\n"
        + "X-Apple-Unsubscribe: true\nContent-Type: text/plain; charset=UTF-8\n\n"
        + "Mail sent this email to unsubscribe from the message \"Weekly news\".\n");
    assertThat(a.kind()).isEqualTo(MessageKind.FEEDBACK_REPORT);
    assertThat(a.feedbackType()).contains("opt-out");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("reader@mail.example");
      assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
    });
  }

  @Test
  void otherValuesAndPlainRepliesAreNotUnsubscribeRequests() {
    BounceAnalysis a = Fixtures.analyzeText("From: reader@mail.example\nTo: news@lists.example.org\nSubject: Out of office\n"
        + "Auto-Submitted: auto-replied\nX-Apple-Unsubscribe: false\n\nI am away until Monday.\n");
    assertThat(a.kind()).isNotEqualTo(MessageKind.FEEDBACK_REPORT);
  }
}
