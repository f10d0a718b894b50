package io.maildiag.dns.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.dmarc.DkimOutcome;
import io.maildiag.dns.dmarc.DkimResult;
import io.maildiag.dns.dmarc.DmarcAudit;
import io.maildiag.dns.dmarc.DmarcAuditor;
import io.maildiag.dns.dmarc.DmarcCodes;
import io.maildiag.dns.dmarc.DmarcDisposition;
import io.maildiag.dns.dmarc.DmarcEvaluator;
import io.maildiag.dns.dmarc.DmarcInput;
import io.maildiag.dns.dmarc.DmarcResult;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.PolicySource;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.dns.spf.SpfResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DMARC discovery, verdicts and audit over the wire, against a real NSD. */
@Timeout(60)
class DmarcNsdIntegrationTest {
  @TempDir static Path dir;

  private static NsdServer nsd;
  private static LiveDnsResolver dns;

  @BeforeAll
  static void start() {
    nsd = NsdServer.start(dir);
    dns = LiveDnsResolver.builder()
        .server(nsd.server())
        .attemptTimeout(Duration.ofMillis(500))
        .retries(1)
        .budget(Duration.ofSeconds(3))
        .build();
  }

  @AfterAll
  static void stop() {
    if (nsd != null) {
      nsd.stop();
    }
  }

  private static DmarcVerdict verdict(String from, SpfOutcome spf, DkimOutcome... dkim) {
    return DmarcEvaluator.builder().resolver(dns).build()
        .evaluate(DmarcInput.of(DomainName.of(from), spf, dkim));
  }

  @Test
  void alignedSpfPassesUnderTheOrganisationalPolicy() {
    DmarcVerdict v = verdict("example.dmarc",
        new SpfOutcome(SpfResult.PASS, DomainName.of("bounce.example.dmarc")));
    assertThat(v.result()).isEqualTo(DmarcResult.PASS);
    assertThat(v.spfAligned()).isTrue();
    assertThat(v.policy()).contains(DmarcDisposition.REJECT);
    assertThat(v.policySource()).contains(PolicySource.P);
  }

  @Test
  void subdomainWithoutItsOwnRecordGetsSpAndFailsWhenNothingAligns() {
    DmarcVerdict v = verdict("shop.example.dmarc",
        new SpfOutcome(SpfResult.PASS, DomainName.of("mailer.other.dmarc")),
        new DkimOutcome(DkimResult.PASS, DomainName.of("esp.other.dmarc")));
    assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(v.policySource()).contains(PolicySource.SP);
    assertThat(v.disposition()).isEqualTo(DmarcDisposition.QUARANTINE);
    assertThat(v.spfAligned()).isFalse();
    assertThat(v.dkimAligned()).isFalse();
  }

  @Test
  void aSubdomainsOwnRecordWinsAndDkimAlignsRelaxed() {
    DmarcVerdict v = verdict("news.example.dmarc",
        new SpfOutcome(SpfResult.FAIL, DomainName.of("news.example.dmarc")),
        new DkimOutcome(DkimResult.PASS, DomainName.of("example.dmarc")));
    assertThat(v.result()).isEqualTo(DmarcResult.PASS);
    assertThat(v.dkimAligned()).isTrue();
    assertThat(v.policy()).contains(DmarcDisposition.NONE);
  }

  @Test
  void theAuditReadsTheMultiStringRecordAndSeesPastTwoRecords() {
    DmarcAuditor auditor = DmarcAuditor.builder().resolver(dns).build();
    DmarcAudit good = auditor.audit(DomainName.of("example.dmarc"));
    assertThat(good.recordText()).contains("v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@example.dmarc");
    assertThat(good.has(DmarcCodes.DMARC_NO_RECORD)).isFalse();
    // Two records at _dmarc.twice count as none there (RFC 7489 section 6.6.3): the walk goes on
    // to the organisational record, and the audit says why.
    DmarcAudit twice = auditor.audit(DomainName.of("twice.example.dmarc"));
    assertThat(twice.recordText()).contains("v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@example.dmarc");
    assertThat(twice.findings()).anyMatch(d -> d.code().value().contains("MULTIPLE"));
    DmarcAudit none = auditor.audit(DomainName.of("nothing-here.dmarc"));
    assertThat(none.has(DmarcCodes.DMARC_NO_RECORD)).isTrue();
  }
}
