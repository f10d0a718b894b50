package io.maildiag.dns.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfCodes;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.dns.spf.SpfResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SPF evaluation over the wire: {@link SpfChecker} through {@link LiveDnsResolver} against a real NSD. */
@Timeout(60)
class SpfNsdIntegrationTest {
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

  private static SpfEvaluation check(String ip, String sender) {
    return SpfChecker.builder().resolver(dns).build()
        .check(SpfRequest.mailFrom(IpAddress.of(ip), sender, "helo.example.test"));
  }

  @Test
  void passesThroughMxATermAndAnIncludeInAnotherZone() {
    assertThat(check("192.0.2.25", "a@spf.test").result()).isEqualTo(SpfResult.PASS);
    assertThat(check("203.0.113.5", "a@spf.test").result()).isEqualTo(SpfResult.PASS);
    SpfEvaluation viaInclude = check("198.51.100.77", "a@spf.test");
    assertThat(viaInclude.result()).isEqualTo(SpfResult.PASS);
    assertThat(viaInclude.decidingTerm()).get().extracting(SpfEvaluation.DecidingTerm::term)
        .isEqualTo("include:_spf.other.test");
    assertThat(check("2001:db8::25", "a@spf.test").result()).isEqualTo(SpfResult.PASS);
  }

  @Test
  void failsWithAnExpandedExplanation() {
    SpfEvaluation e = check("192.0.2.99", "a@strict.spf.test");
    assertThat(e.result()).isEqualTo(SpfResult.FAIL);
    assertThat(e.explanation()).contains("192.0.2.99 is not one of strict.spf.test's senders");
  }

  @Test
  void redirectExistsAndPtr() {
    assertThat(check("203.0.113.5", "a@redir.spf.test").result()).isEqualTo(SpfResult.PASS);
    assertThat(check("203.0.113.5", "a@macro.spf.test").result()).isEqualTo(SpfResult.PASS);
    assertThat(check("203.0.113.6", "a@macro.spf.test").result()).isEqualTo(SpfResult.FAIL);
    assertThat(check("192.0.2.25", "a@ptr.spf.test").result()).isEqualTo(SpfResult.PASS);
    assertThat(check("192.0.2.26", "a@ptr.spf.test").result()).isEqualTo(SpfResult.FAIL);
  }

  @Test
  void errorsAndNone() {
    SpfEvaluation two = check("192.0.2.1", "a@two.spf.test");
    assertThat(two.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(two.problems()).anyMatch(d -> d.code().equals(SpfCodes.SPF_MULTIPLE_RECORDS));
    SpfEvaluation greedy = check("192.0.2.1", "a@greedy.spf.test");
    assertThat(greedy.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(greedy.problems()).anyMatch(d -> d.code().equals(SpfCodes.SPF_TOO_MANY_LOOKUPS));
    assertThat(check("192.0.2.1", "a@nothing.spf.test").result()).isEqualTo(SpfResult.NONE);
  }

  @Test
  void eachQuestionGoesOverTheWireOnce() {
    RecordingDnsResolver recording = RecordingDnsResolver.wrap(dns);
    SpfEvaluation e = SpfChecker.builder().resolver(recording).build()
        .check(SpfRequest.mailFrom(IpAddress.of("198.51.100.77"), "a@spf.test", "helo.example.test"));
    assertThat(e.result()).isEqualTo(SpfResult.PASS);
    assertThat(recording.queries()).doesNotHaveDuplicates();
    assertThat(recording.queries()).hasSameSizeAs(e.trace().queries());
  }
}
