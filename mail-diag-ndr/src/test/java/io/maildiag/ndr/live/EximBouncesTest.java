package io.maildiag.ndr.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounces written by a real Exim ({@link RealMtaBouncesTest}), which retries a deferred message
 * once, a second later, then returns it: its report gives a general status ({@code 5.0.0}) where
 * the remote reply has a precise one, and words what it decided itself ("retry timeout exceeded",
 * "Unrouteable address"); it also warns of a delayed message.
 */
class EximBouncesTest extends RealMtaBouncesTest {
  @Override
  String mta() {
    return "exim";
  }

  @Override
  String successAction() {
    return "delivered";
  }

  @Test
  void theRemoteReplysStatusWinsOverTheReportsGeneralOne() throws Exception {
    RecipientResult r = only(bounce(sender("abe"), "Report", "unknown-al@fail.test"));

    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
    assertThat(r.evidence().excerpt()).contains("status: 5.0.0");
  }

  @Test
  void aRefusedConnectionRetriedInVainIsExpired() throws Exception {
    RecipientResult r = only(bounce(sender("kit"), "Agenda", "lou@down.test"));

    assertThat(r.diagnosticText()).contains("retry timeout exceeded");
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void aMessageStillTriedIsReportedDelayed() throws Exception {
    // mail for slow.test is tried for an hour; the header field asks Exim to warn after two seconds
    BounceAnalysis a = bounce(sender("quin"), "Proposal", Map.of("X-Delay-Warning", "yes"),
        "greylisted-rex@slow.test");

    assertGreylistingDelay(a, "greylisted-rex@slow.test");
  }

  @Test
  void aConnectionLostInTheMiddleOfTheSessionIsRetriedUntilTheMessageExpires() throws Exception {
    RecipientResult r = only(bounce(sender("xan"), "Dropped", "yul@dropping.test"));

    assertThat(r.diagnosticText()).contains("retry timeout exceeded");
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void anAddressNoRouterTakesIsUnroutable() throws Exception {
    // Exim's own verdict, not a remote reply: no router takes local.test's addresses
    BounceAnalysis a = bounce(sender("pat"), "Board meeting", "nosuchuser@local.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("nosuchuser@local.test");
    assertThat(r.replyCode()).isEmpty();
    assertThat(r.diagnosticText()).contains("Unrouteable address");
    assertThat(r.classification().reason()).isEqualTo(Reason.HOST_UNKNOWN);
    assertThat(r.classification().permanent()).isTrue();
  }
}
