package io.maildiag.benchmarks.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the benchmark's setup check in the build (no benchmark runs): both implementations must give
 * each scenario's expected result from the shared zone, on the dnsjava version the build chose.
 */
class SpfEquivalenceTest {

  private final SpfContenders contenders = new SpfContenders(SpfZone.realistic());

  @ParameterizedTest
  @EnumSource(SpfScenario.class)
  void bothImplementationsAgreeOnEachScenario(SpfScenario s) {
    assertThat(contenders.verify(s)).contains("both " + s.expected());
  }

  @Test
  void theDeepPassIsDecidedTwoIncludesDown() {
    SpfEvaluation e = contenders.mailDiag("198.19.77.9", "bounce@example.com", "mail.esp.example");
    // The deciding term is the top-level include; the trace shows the range two includes down.
    assertThat(e.decidingTerm()).hasValueSatisfying(d -> assertThat(d.term()).isEqualTo("include:_spf.esp.example"));
    assertThat(e.trace().steps()).anySatisfy(step -> {
      assertThat(step.kind()).isEqualTo(SpfTrace.StepKind.TERM);
      assertThat(step.domain()).isEqualTo("_netblocks2.esp.example");
      assertThat(step.subject()).isEqualTo("ip4:198.19.64.0/19");
      assertThat(step.depth()).isEqualTo(2);
      assertThat(step.outcome()).isEqualTo("match: pass");
    });
  }

  @Test
  void jspfSeesTheSameDataAsMailDiag() {
    // A client only the CRM vendor's a: authorises, and one in its ?all: both must see mta.crm.example.
    assertThat(contenders.jspf("203.0.113.101", "x@example.com", "h.example").getResult()).isEqualTo("pass");
    assertThat(contenders.mailDiag("203.0.113.101", "x@example.com", "h.example").result().rfcName())
        .isEqualTo("pass");
    // mx of example.com (mx2) through jSPF's MX path, IPv6.
    assertThat(contenders.jspf("2001:db8:1000::26", "x@example.com", "h.example").getResult()).isEqualTo("pass");
    assertThat(contenders.mailDiag("2001:db8:1000::26", "x@example.com", "h.example").result().rfcName())
        .isEqualTo("pass");
  }

  @Test
  void theSetupCheckFailsOnDisagreement() {
    SpfZone broken = new SpfZone.Builder().txt("example.com", "v=spf1 -all").build();
    assertThatThrownBy(() -> new SpfContenders(broken).verify(SpfScenario.DEEP_INCLUDE_PASS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected pass");
  }
}
