package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import org.junit.jupiter.api.Test;

/** Local answers: NXDOMAIN for absent names, NODATA for present names without the type and for empty non-terminals. */
class LocalNxDomainNoDataTest {
  private final InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
      .a("example.com", "192.0.2.1")
      .a("a.b.example.com", "192.0.2.2")
      .build();

  @Test
  void absentNameIsNxDomain() {
    DnsOutcome out = lookup(dns, "nope.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(out.kind()).isEqualTo(DnsOutcome.Kind.NXDOMAIN);
    assertThat(out.isVoid()).isTrue();
    assertThat(out.isFailure()).isFalse();
    assertThat(out.records()).isEmpty();
    assertThat(out.query()).isEqualTo(DnsQuery.of("nope.example.com", RecordType.A));
  }

  @Test
  void nameOutsideAnyDataIsNxDomain() {
    assertThat(lookup(dns, "example.org", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void presentNameWithoutTheTypeIsNoData() {
    DnsOutcome out = lookup(dns, "example.com", RecordType.MX);

    assertThat(out).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(out.kind()).isEqualTo(DnsOutcome.Kind.NODATA);
    assertThat(out.isVoid()).isTrue();
    assertThat(out.cnameChain()).isEmpty();
  }

  @Test
  void emptyNonTerminalIsNoDataForEveryType() {
    for (RecordType t : RecordType.values()) {
      assertThat(lookup(dns, "b.example.com", t)).as(t.name()).isInstanceOf(DnsOutcome.NoData.class);
    }
  }

  @Test
  void topLevelAncestorOfDataIsAnEmptyNonTerminalToo() {
    assertThat(lookup(dns, "com", RecordType.A)).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  void childOfAnEmptyNonTerminalWithoutDataIsNxDomain() {
    assertThat(lookup(dns, "c.b.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void theRootIsAnEmptyNonTerminalOrAbsentButNeverAnAnswer() {
    DnsOutcome out = dns.lookup(DomainName.root(), RecordType.A);
    assertThat(out.isVoid()).isTrue();
  }

  @Test
  void emptyResolverAnswersNxDomainForEverything() {
    InMemoryDnsResolver empty = InMemoryDnsResolver.builder().build();

    assertThat(lookup(empty, "example.com", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(empty.records()).isEmpty();
  }

  @Test
  void answerHoldsExactlyTheRecordsOfTheAskedTypeAtTheName() {
    DnsOutcome out = lookup(dns, "a.b.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.records()).containsExactly(
        new ARecord(dn("a.b.example.com"), 300, IpAddress.of("192.0.2.2")));
    assertThat(out.canonicalName()).isEqualTo(dn("a.b.example.com"));
  }
}
