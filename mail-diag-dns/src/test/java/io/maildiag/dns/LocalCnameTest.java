package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Local CNAME following: chains, loops, the chain limit, asking for the CNAME itself. */
class LocalCnameTest {

  @Test
  void answerCarriesTheChainAndTheCanonicalName() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .cname("www.example.com", "web.example.com")
        .cname("web.example.com", "host.example.net")
        .a("host.example.net", "192.0.2.80")
        .build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.cnameChain()).extracting(c -> c.name().toString(), c -> c.target().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("www.example.com", "web.example.com"),
            org.assertj.core.groups.Tuple.tuple("web.example.com", "host.example.net"));
    assertThat(out.canonicalName()).isEqualTo(dn("host.example.net"));
    assertThat(out.records()).singleElement()
        .satisfies(r -> assertThat(r.name()).isEqualTo(dn("host.example.net")));
    assertThat(out.query().name()).isEqualTo(dn("www.example.com"));
  }

  @Test
  void chainToAnAbsentNameIsNxDomainWithTheChain() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().cname("www.example.com", "gone.example.com").build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(out.cnameChain()).hasSize(1);
    assertThat(out.canonicalName()).isEqualTo(dn("gone.example.com"));
  }

  @Test
  void chainToANameWithoutTheTypeIsNoDataWithTheChain() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .cname("www.example.com", "host.example.com")
        .a("host.example.com", "192.0.2.1")
        .build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.MX);

    assertThat(out).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(out.canonicalName()).isEqualTo(dn("host.example.com"));
  }

  @Test
  void askingForTheCnameReturnsItWithoutFollowing() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .cname("www.example.com", "host.example.com")
        .a("host.example.com", "192.0.2.1")
        .build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.CNAME);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.cnameChain()).isEmpty();
    assertThat(out.records(CnameRecord.class)).singleElement()
        .satisfies(c -> assertThat(c.target()).isEqualTo(dn("host.example.com")));
  }

  @Test
  void askingForCnameAtANameWithoutOneIsNoData() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().a("host.example.com", "192.0.2.1").build();

    assertThat(lookup(dns, "host.example.com", RecordType.CNAME)).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS)
  void loopIsServFailQuickly() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .maxCnameChain(1000)
        .cname("a.example.com", "b.example.com")
        .cname("b.example.com", "c.example.com")
        .cname("c.example.com", "a.example.com")
        .build();

    DnsOutcome out = lookup(dns, "a.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(out.isFailure()).isTrue();
    assertThat(((DnsOutcome.ServFail) out).detail()).contains("loop");
    assertThat(out.cnameChain()).hasSize(3);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS)
  void selfLoopIsServFail() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().cname("a.example.com", "a.example.com").build();

    assertThat(lookup(dns, "a.example.com", RecordType.TXT)).isInstanceOf(DnsOutcome.ServFail.class);
  }

  @Test
  void chainOfExactlyMaxCnameChainIsFollowedAndOneMoreIsServFail() {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().maxCnameChain(3);
    // c0 -> c1 -> c2 -> c3 (three CNAMEs), c3 has the A record; l0 .. l4 is four CNAMEs.
    for (int i = 0; i < 3; i++) {
      b.cname("c" + i + ".example.com", "c" + (i + 1) + ".example.com");
    }
    b.a("c3.example.com", "192.0.2.3");
    for (int i = 0; i < 4; i++) {
      b.cname("l" + i + ".example.com", "l" + (i + 1) + ".example.com");
    }
    b.a("l4.example.com", "192.0.2.4");
    InMemoryDnsResolver dns = b.build();

    DnsOutcome ok = lookup(dns, "c0.example.com", RecordType.A);
    assertThat(ok).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(ok.cnameChain()).hasSize(3);

    DnsOutcome tooLong = lookup(dns, "l0.example.com", RecordType.A);
    assertThat(tooLong).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) tooLong).detail()).contains("longer than 3");
  }

  @Test
  void defaultMaxCnameChainIsTheLimitsDefault() {
    int max = io.maildiag.core.Limits.DEFAULT_MAX_CNAME_CHAIN;
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    for (int i = 0; i <= max; i++) {
      b.cname("n" + i + ".example.com", "n" + (i + 1) + ".example.com");
    }
    b.a("n" + (max + 1) + ".example.com", "192.0.2.1");
    InMemoryDnsResolver dns = b.build();

    assertThat(lookup(dns, "n1.example.com", RecordType.A).cnameChain()).hasSize(max);
    assertThat(lookup(dns, "n0.example.com", RecordType.A)).isInstanceOf(DnsOutcome.ServFail.class);
  }

  @Test
  void maxCnameChainZeroRefusesToFollowAny() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .maxCnameChain(0)
        .cname("www.example.com", "host.example.com")
        .a("host.example.com", "192.0.2.1")
        .build();

    assertThat(lookup(dns, "www.example.com", RecordType.A)).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(lookup(dns, "www.example.com", RecordType.CNAME)).isInstanceOf(DnsOutcome.Answer.class);
  }

  @Test
  void faultOnTheTargetShowsUpWithTheChain() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .cname("www.example.com", "broken.example.net")
        .servfail("broken.example.net")
        .build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(out.cnameChain()).extracting(c -> c.target().toString()).containsExactly("broken.example.net");
  }
}
