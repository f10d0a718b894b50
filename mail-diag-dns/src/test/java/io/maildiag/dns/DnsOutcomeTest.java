package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.ip.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DnsOutcome}: the six kinds, chains and {@link DnsOutcome#reachedVia}. */
class DnsOutcomeTest {

  private final DnsQuery q = DnsQuery.of("www.example.com", RecordType.A);
  private final DnsQuery target = DnsQuery.of("cdn.example.net", RecordType.A);
  private final CnameRecord c1 = new CnameRecord(dn("www.example.com"), 600, dn("edge.example.net"));
  private final CnameRecord c2 = new CnameRecord(dn("edge.example.net"), 30, dn("cdn.example.net"));
  private final ARecord a = new ARecord(dn("cdn.example.net"), 120, IpAddress.of("192.0.2.1"));

  @Test
  void answerNeedsRecordsAndReportsTheSmallestTtl() {
    assertThatThrownBy(() -> new DnsOutcome.Answer(q, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    DnsOutcome.Answer ans = new DnsOutcome.Answer(q, List.of(c1, c2), List.of(a));

    assertThat(ans.minTtl()).isEqualTo(30);
    assertThat(new DnsOutcome.Answer(q, List.of(), List.of(a)).minTtl()).isEqualTo(120);
    assertThat(ans.canonicalName()).isEqualTo(dn("cdn.example.net"));
    assertThat(ans.records(ARecord.class)).containsExactly(a);
    assertThat(ans.records(MxRecord.class)).isEmpty();
  }

  @Test
  void kindsAndPredicates() {
    List<DnsOutcome> all = List.of(
        new DnsOutcome.Answer(q, List.of(), List.of(a)),
        new DnsOutcome.NoData(q, List.of(), Optional.empty()),
        new DnsOutcome.NxDomain(q, List.of(), Optional.empty()),
        new DnsOutcome.ServFail(q, List.of(), "x"),
        new DnsOutcome.Refused(q, List.of(), "x"),
        new DnsOutcome.Timeout(q, List.of(), Duration.ofSeconds(5), "x"));

    assertThat(all).extracting(DnsOutcome::kind).containsExactly(DnsOutcome.Kind.values());
    assertThat(all).extracting(DnsOutcome::isAnswer).containsExactly(true, false, false, false, false, false);
    assertThat(all).extracting(DnsOutcome::isVoid).containsExactly(false, true, true, false, false, false);
    assertThat(all).extracting(DnsOutcome::isFailure).containsExactly(false, false, false, true, true, true);
    assertThat(all).allSatisfy(o -> assertThat(o.canonicalName()).isEqualTo(q.name()));
    assertThat(all.subList(1, 6)).allSatisfy(o -> assertThat(o.records()).isEmpty());
    assertThat(DnsOutcome.Kind.NXDOMAIN.jsonName()).isEqualTo("NXDOMAIN");
    assertThat(DnsOutcome.Kind.NXDOMAIN.lowerName()).isEqualTo("nxdomain");
  }

  @Test
  void reachedViaPrependsTheChainAndKeepsTheKindAndDetails() {
    List<DnsOutcome> fromTarget = List.of(
        new DnsOutcome.Answer(target, List.of(c2), List.of(a)),
        new DnsOutcome.NoData(target, List.of(c2), Optional.empty()),
        new DnsOutcome.NxDomain(target, List.of(c2), Optional.empty()),
        new DnsOutcome.ServFail(target, List.of(c2), "boom"),
        new DnsOutcome.Refused(target, List.of(c2), "no"),
        new DnsOutcome.Timeout(target, List.of(c2), Duration.ofSeconds(3), "slow"));

    for (DnsOutcome o : fromTarget) {
      DnsOutcome via = o.reachedVia(q, List.of(c1));
      assertThat(via.kind()).isEqualTo(o.kind());
      assertThat(via.query()).isEqualTo(q);
      assertThat(via.cnameChain()).containsExactly(c1, c2);
      assertThat(via.canonicalName()).isEqualTo(dn("cdn.example.net"));
      assertThat(via.records()).isEqualTo(o.records());
    }
    assertThat(((DnsOutcome.Timeout) fromTarget.get(5).reachedVia(q, List.of(c1))).elapsed())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(((DnsOutcome.ServFail) fromTarget.get(3).reachedVia(q, List.of(c1))).detail()).isEqualTo("boom");
  }

  @Test
  void chainsAreCopied() {
    java.util.ArrayList<CnameRecord> chain = new java.util.ArrayList<>(List.of(c1));
    DnsOutcome.NoData n = new DnsOutcome.NoData(q, chain, Optional.empty());
    chain.add(c2);

    assertThat(n.cnameChain()).containsExactly(c1);
    assertThatThrownBy(() -> n.cnameChain().add(c2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> new DnsOutcome.NoData(q, List.of(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DnsOutcome.ServFail(null, List.of(), "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DnsOutcome.Timeout(q, List.of(), null, "x")).isInstanceOf(NullPointerException.class);
  }
}
