package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An ARF report that names no complainant still reports its complaint, for an unknown recipient. */
class FeedbackWithoutRecipientTest {

  private static String report(String originalTo) {
    return """
        From: <abuse-desk@example.com>
        To: <abuse@example.net>
        Subject: FW: Offers
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="b1"

        --b1
        Content-Type: text/plain

        This is an email abuse report for an email message received from IP 192.0.2.2.

        --b1
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: ARF-Agent/1.0
        Version: 1

        --b1
        Content-Type: message/rfc822

        From: <news@example.net>
        To: %s
        Subject: Offers
        Message-ID: <m1@example.net>

        Offers.
        --b1--
        """.formatted(originalTo);
  }

  @Test
  void noAddressAnywhereGivesOneEntryForAnUnknownRecipient() {
    BounceAnalysis a = Fixtures.analyzeText(report("<Undisclosed Recipients>"));
    assertThat(a.kind()).isEqualTo(MessageKind.FEEDBACK_REPORT);
    assertThat(a.feedbackType()).contains("abuse");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEmpty();
      assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
      assertThat(r.action()).isEqualTo("feedback");
    });
  }

  @Test
  void aReportWhoseBlankLinesAreSpacesIsReadAsOne() {
    // a relay that writes every blank line as a single space (an IBM Domino one did)
    String spaced = report("<reader@example.org>").replaceAll("(?m)^$", " ");
    BounceAnalysis a = Fixtures.analyzeText(spaced);
    assertThat(a.kind()).isEqualTo(MessageKind.FEEDBACK_REPORT);
    assertThat(a.recipients()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo("reader@example.org"));
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(Codes.MIME_MALFORMED) && d.message().contains("white space"));
  }

  @Test
  void aReportWhoseBlankLinesAreSpacesIsReadAsOneWhenLargerThanAHeaderSectionMayBe() {
    // the lines of spaces become empty before the header section, the whole message until then, is cut at its limit
    String spaced = report("<reader@example.org>")
        .replace("received from IP 192.0.2.2.", "received from IP 192.0.2.2.\n" + "It was spam.\n".repeat(2_000))
        .replaceAll("(?m)^$", " ");
    BounceAnalyzer small = BounceAnalyzer.builder().limits(Limits.builder().maxHeaderBytes(4_096).build()).build();
    BounceAnalysis a = small.analyze(spaced.getBytes(StandardCharsets.UTF_8));
    assertThat(a.kind()).isEqualTo(MessageKind.FEEDBACK_REPORT);
    assertThat(a.recipients()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo("reader@example.org"));
    assertThat(a.diagnostics()).filteredOn(d -> d.code().equals(Codes.MIME_MALFORMED)).hasSize(1);
  }

  @Test
  void theReportedMessagesRecipientIsTakenWhenThereIsOne() {
    BounceAnalysis a = Fixtures.analyzeText(report("<reader@example.org>"));
    assertThat(a.recipients()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo("reader@example.org"));
  }
}
