package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ip.IpAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DnsResolver#overlay}: local records over a fallback resolver. */
class OverlayDnsResolverTest {

  /** The "live rest of DNS", recorded so that tests can see what reached it. */
  private final RecordingDnsResolver fallback = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
      .txt("example.com", "v=spf1 -all")
      .mx("example.com", 10, "live-mx.example.com")
      .a("live-mx.example.com", "203.0.113.25")
      .a("cdn.example.net", "203.0.113.80")
      .cname("alias.example.net", "cdn.example.net")
      .a("hidden.example.com", "203.0.113.1")
      .a("mail.example.com", "203.0.113.2")
      .build());

  private final InMemoryDnsResolver local = InMemoryDnsResolver.builder()
      .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
      .a("mail.example.com", "192.0.2.25")
      .cname("www.example.com", "cdn.example.net")
      .cname("chain.example.com", "alias.example.net")
      .cname("gone.example.com", "nowhere.example.net")
      .cname("inside.example.com", "mail.example.com")
      .nxdomain("hidden.example.com")
      .build();

  private final DnsResolver overlay = DnsResolver.overlay(local, fallback);

  @Test
  void localAnswersTheQuestionsItCovers() {
    DnsOutcome txt = lookup(overlay, "example.com", RecordType.TXT);

    assertThat(txt.records(TxtRecord.class)).extracting(TxtRecord::text)
        .containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void fallbackAnswersTheQuestionsLocalDoesNotCover() {
    DnsOutcome mx = lookup(overlay, "example.com", RecordType.MX);

    assertThat(mx.records(MxRecord.class)).extracting(r -> r.exchange().toString())
        .containsExactly("live-mx.example.com");
    assertThat(fallback.queries()).containsExactly(DnsQuery.of("example.com", RecordType.MX));
  }

  @Test
  void namesLocalDoesNotKnowGoToTheFallback() {
    assertThat(lookup(overlay, "live-mx.example.com", RecordType.A).records(ARecord.class))
        .extracting(ARecord::address).containsExactly(IpAddress.of("203.0.113.25"));
    assertThat(lookup(overlay, "unknown.example.org", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(fallback.queryCount()).isEqualTo(2);
  }

  @Test
  void localRecordsShadowTheFallbackForTheSameQuestion() {
    assertThat(lookup(overlay, "mail.example.com", RecordType.A).records(ARecord.class))
        .extracting(ARecord::address).containsExactly(IpAddress.of("192.0.2.25"));
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void localCnameToAnUncoveredTargetContinuesInTheFallbackWithTheChainPrepended() {
    DnsOutcome out = lookup(overlay, "www.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.query()).isEqualTo(DnsQuery.of("www.example.com", RecordType.A));
    assertThat(out.cnameChain()).extracting(c -> c.name().toString(), c -> c.target().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("www.example.com", "cdn.example.net"));
    assertThat(out.records(ARecord.class)).extracting(ARecord::address)
        .containsExactly(IpAddress.of("203.0.113.80"));
    assertThat(fallback.queries()).containsExactly(DnsQuery.of("cdn.example.net", RecordType.A));
  }

  @Test
  void fallbackChainIsAppendedAfterTheLocalChain() {
    DnsOutcome out = lookup(overlay, "chain.example.com", RecordType.A);

    assertThat(out.cnameChain()).extracting(c -> c.name().toString())
        .containsExactly("chain.example.com", "alias.example.net");
    assertThat(out.canonicalName()).isEqualTo(dn("cdn.example.net"));
    assertThat(out.isAnswer()).isTrue();
  }

  @Test
  void localCnameToATargetAbsentEverywhereIsNxDomainWithTheChain() {
    DnsOutcome out = lookup(overlay, "gone.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(out.cnameChain()).hasSize(1);
    assertThat(out.query().name()).isEqualTo(dn("gone.example.com"));
  }

  @Test
  void localCnameToACoveredTargetStaysLocal() {
    DnsOutcome out = lookup(overlay, "inside.example.com", RecordType.A);

    assertThat(out.records(ARecord.class)).extracting(ARecord::address)
        .containsExactly(IpAddress.of("192.0.2.25"));
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void askingForTheLocalCnameItselfStaysLocal() {
    DnsOutcome out = lookup(overlay, "www.example.com", RecordType.CNAME);

    assertThat(out.records(CnameRecord.class)).hasSize(1);
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void simulatedNxDomainInTheLocalHidesTheFallback() {
    for (RecordType t : new RecordType[] {RecordType.A, RecordType.MX, RecordType.TXT}) {
      assertThat(lookup(overlay, "hidden.example.com", t)).as(t.name()).isInstanceOf(DnsOutcome.NxDomain.class);
    }
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void otherSimulatedFaultsInTheLocalHideTheFallbackToo() {
    InMemoryDnsResolver faults = InMemoryDnsResolver.builder().servfail("example.com").build();
    DnsResolver o = DnsResolver.overlay(faults, fallback);

    assertThat(lookup(o, "example.com", RecordType.MX)).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(fallback.queries()).isEmpty();
  }

  @Test
  void zoneFileResolverCanBeTheLocalSide() {
    ZoneFileResolver zone = DnsTestSupport.parseOk("example.com. MX 5 proposed-mx.example.com.\n");
    DnsResolver o = DnsResolver.overlay(zone, fallback);

    assertThat(lookup(o, "example.com", RecordType.MX).records(MxRecord.class))
        .extracting(r -> r.exchange().toString()).containsExactly("proposed-mx.example.com");
    assertThat(lookup(o, "example.com", RecordType.TXT).records(TxtRecord.class))
        .extracting(TxtRecord::text).containsExactly("v=spf1 -all");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void overlayIsAsynchronousThroughASlowFallback() throws Exception {
    InMemoryDnsResolver slow = InMemoryDnsResolver.builder()
        .a("cdn.example.net", "203.0.113.80")
        .latency("cdn.example.net", Duration.ofMillis(300))
        .build();
    DnsResolver o = DnsResolver.overlay(local, slow);

    DnsOutcome out = DnsTestSupport.assertDelayed(
        () -> o.resolve(DnsQuery.of("www.example.com", RecordType.A)), Duration.ofMillis(300));

    assertThat(out.isAnswer()).isTrue();
    assertThat(out.cnameChain()).hasSize(1);
  }

  @Test
  void nullArgumentsAreRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DnsResolver.overlay(null, fallback))
        .isInstanceOf(NullPointerException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DnsResolver.overlay(local, null))
        .isInstanceOf(NullPointerException.class);
  }
}
