package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Google Groups refusing a post, in a language the text rules do not read: the group is the reason. */
class EngineGoogleGroupsTest {

  private static String bounce(String failed, String text) {
    return "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        + "To: tom@example.net\n"
        + "Subject: Delivery Status Notification (Failure)\n"
        + "X-Failed-Recipients: " + failed + "\n"
        + "Message-ID: <5e5e041f.1c69fb81.9bfe.9a8c.GMR@mx.google.com>\n"
        + "Content-Type: text/plain; charset=UTF-8\n"
        + "Content-Transfer-Encoding: 8bit\n\n"
        + text + "\n";
  }

  private static BounceAnalysis analyze(String message) {
    return BounceAnalyzer.withDefaults().analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aGroupThatRefusedThePostIsRejected() {
    BounceAnalysis a = analyze(bounce("cats@googlegroups.com",
        "Hei tom@example.net,\n\nRyhmää, johon yritit ottaa yhteyttä (cats), ei ehkä ole olemassa, tai"
            + " sinulla ei ole oikeutta lähettää viestejä ryhmään.\n"));
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("cats@googlegroups.com");
      assertThat(r.classification().reason()).isEqualTo(Reason.REJECTED);
      assertThat(r.classification().rule()).endsWith("+google-group");
    });
  }

  @Test
  void anAddressOutsideGoogleGroupsIsNotTakenForAGroup() {
    assertThat(Engine.googleGroup("cats@googlegroups.com")).isTrue();
    assertThat(Engine.googleGroup("cats@lists.googlegroups.com")).isTrue();
    assertThat(Engine.googleGroup("cats@notgooglegroups.com")).isFalse();
    assertThat(Engine.googleGroup("googlegroups.com@example.com")).isFalse();
    BounceAnalysis a = analyze(bounce("tom@gmail.com", "Ciao tom@example.net,\n\nqualcosa è andato storto.\n"));
    assertThat(a.recipients()).allSatisfy(r -> assertThat(r.classification().reason()).isNotEqualTo(Reason.REJECTED));
  }
}
