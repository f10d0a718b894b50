package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.dns.spf.SpfResult;
import org.junit.jupiter.api.Test;

/** The SPF evaluator's result feeds DMARC directly. */
class SpfOutcomeBridgeTest {

  @Test
  void anSpfEvaluationBecomesTheDmarcSpfInput() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("bounce.example.com", "v=spf1 ip4:192.0.2.0/24 -all")
        .txt("_dmarc.example.com", "v=DMARC1; p=reject")
        .a("example.com", "192.0.2.1")
        .build();
    SpfEvaluation spf = SpfChecker.builder().resolver(dns).build()
        .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.7"), "user@bounce.example.com", "mail.example.com"));
    SpfOutcome outcome = SpfOutcome.from(spf).orElseThrow();
    assertThat(outcome.result()).isEqualTo(SpfResult.PASS);
    assertThat(outcome.domain()).isEqualTo(DomainName.of("bounce.example.com"));

    DmarcVerdict verdict = DmarcEvaluator.builder().resolver(dns).build()
        .evaluate(DmarcInput.of(DomainName.of("example.com"), outcome));
    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.spfAligned()).isTrue();
  }

  @Test
  void anInvalidCheckedDomainGivesNoOutcome() {
    SpfEvaluation spf = SpfChecker.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.7"), "", ""));
    assertThat(SpfOutcome.from(spf)).isEmpty();
  }
}
