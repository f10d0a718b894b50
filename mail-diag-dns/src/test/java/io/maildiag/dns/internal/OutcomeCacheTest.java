package io.maildiag.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link OutcomeCache} with a hand-driven clock. */
class OutcomeCacheTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(123 * SECOND);

  private OutcomeCache cache(int size) {
    return new OutcomeCache(size, Duration.ofDays(1), Duration.ofSeconds(60), now::get);
  }

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * SECOND));
  }

  private static DnsQuery q(String name) {
    return DnsQuery.of(name, RecordType.A);
  }

  private static DnsOutcome.Answer answer(String name, long ttl) {
    return new DnsOutcome.Answer(q(name), List.of(),
        List.of(new ARecord(DomainName.of(name), ttl, IpAddress.of("192.0.2.1"))));
  }

  private static SoaRecord soa(long ttl, long minimum) {
    return new SoaRecord(DomainName.of("example.test"), ttl, DomainName.of("ns1.example.test"),
        DomainName.of("hostmaster.example.test"), 1, 3600, 600, 86400, minimum);
  }

  @Test
  void answerLivesForItsTtl() {
    OutcomeCache c = cache(10);
    c.put(answer("a.example.test", 10));

    advance(9.9);
    assertThat(c.get(q("a.example.test"))).isPresent();
    advance(0.1);
    assertThat(c.get(q("a.example.test"))).isEmpty();
    assertThat(c.size()).isZero();
  }

  @Test
  void recordsComeBackWithTheirRemainingTtl() {
    OutcomeCache c = cache(10);
    CnameRecord cname = new CnameRecord(DomainName.of("www.example.test"), 3600, DomainName.of("a.example.test"));
    c.put(new DnsOutcome.Answer(q("www.example.test"), List.of(cname),
        List.of(new ARecord(DomainName.of("a.example.test"), 300, IpAddress.of("192.0.2.1")))));

    assertThat(c.get(q("www.example.test")).orElseThrow().records().get(0).ttl()).isEqualTo(300);
    advance(100.7);
    DnsOutcome o = c.get(q("www.example.test")).orElseThrow();

    assertThat(o.records()).extracting(DnsRecord::ttl).containsExactly(200L);
    assertThat(o.cnameChain()).extracting(DnsRecord::ttl).containsExactly(3500L);
    advance(199);
    assertThat(c.get(q("www.example.test")).orElseThrow().records().get(0).ttl()).isEqualTo(1);
  }

  @Test
  void leastRecentlyUsedIsEvicted() {
    OutcomeCache c = cache(2);
    c.put(answer("a.example.test", 300));
    c.put(answer("b.example.test", 300));
    assertThat(c.get(q("a.example.test"))).isPresent(); // a is now the most recently used

    c.put(answer("c.example.test", 300));

    assertThat(c.size()).isEqualTo(2);
    assertThat(c.get(q("b.example.test"))).isEmpty();
    assertThat(c.get(q("a.example.test"))).isPresent();
    assertThat(c.get(q("c.example.test"))).isPresent();
  }

  @Test
  void negativeTtlIsTheLesserOfSoaTtlAndSoaMinimum() {
    OutcomeCache c = cache(10);
    c.put(new DnsOutcome.NoData(q("minimum.example.test"), List.of(), Optional.of(soa(3600, 60))));
    c.put(new DnsOutcome.NxDomain(q("ttl.example.test"), List.of(), Optional.of(soa(30, 600))));
    c.put(new DnsOutcome.NxDomain(q("nosoa.example.test"), List.of(), Optional.empty()));

    advance(29);
    assertThat(c.get(q("ttl.example.test"))).isPresent();
    advance(1);
    assertThat(c.get(q("ttl.example.test"))).isEmpty();
    advance(29.5);
    assertThat(c.get(q("minimum.example.test"))).isPresent();
    assertThat(c.get(q("nosoa.example.test"))).isPresent();
    advance(0.5);
    assertThat(c.get(q("minimum.example.test"))).isEmpty();
    assertThat(c.get(q("nosoa.example.test"))).as("default negative TTL of 60 s").isEmpty();
  }

  @Test
  void negativeOutcomeShowsTheRemainingNegativeTtlInItsSoa() {
    OutcomeCache c = cache(10);
    c.put(new DnsOutcome.NoData(q("x.example.test"), List.of(), Optional.of(soa(3600, 60))));

    SoaRecord fresh = ((DnsOutcome.NoData) c.get(q("x.example.test")).orElseThrow()).soa().orElseThrow();
    advance(20);
    SoaRecord aged = ((DnsOutcome.NoData) c.get(q("x.example.test")).orElseThrow()).soa().orElseThrow();

    assertThat(fresh.ttl()).isEqualTo(60);
    assertThat(aged.ttl()).isEqualTo(40);
    assertThat(aged.minimum()).isEqualTo(60);
  }

  @Test
  void negativeOutcomeBehindACnameLivesNoLongerThanTheCname() {
    OutcomeCache c = cache(10);
    CnameRecord cname = new CnameRecord(DomainName.of("x.example.test"), 5, DomainName.of("y.example.test"));
    c.put(new DnsOutcome.NxDomain(q("x.example.test"), List.of(cname), Optional.of(soa(3600, 60))));

    advance(5);

    assertThat(c.get(q("x.example.test"))).isEmpty();
  }

  @Test
  void failuresAreNotCached() {
    OutcomeCache c = cache(10);
    c.put(new DnsOutcome.ServFail(q("a.example.test"), List.of(), "x"));
    c.put(new DnsOutcome.Refused(q("b.example.test"), List.of(), "x"));
    c.put(new DnsOutcome.Timeout(q("c.example.test"), List.of(), Duration.ofSeconds(1), "x"));

    assertThat(c.size()).isZero();
    assertThat(c.get(q("a.example.test"))).isEmpty();
  }

  @Test
  void zeroTtlIsNotCachedAndMaxTtlCaps() {
    OutcomeCache c = new OutcomeCache(10, Duration.ofSeconds(30), Duration.ofSeconds(60), now::get);
    c.put(answer("zero.example.test", 0));
    c.put(answer("long.example.test", 86400));
    c.put(new DnsOutcome.NoData(q("noneg.example.test"), List.of(), Optional.of(soa(3600, 0))));

    assertThat(c.size()).isEqualTo(1);
    advance(30);
    assertThat(c.get(q("long.example.test"))).isEmpty();
  }

  @Test
  void sizeZeroDisablesTheCache() {
    OutcomeCache c = cache(0);
    c.put(answer("a.example.test", 300));

    assertThat(c.get(q("a.example.test"))).isEmpty();
    assertThat(c.size()).isZero();
  }

  @Test
  void hugeTtlsDoNotOverflow() {
    OutcomeCache c = new OutcomeCache(10, Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE),
        now::get);
    c.put(answer("a.example.test", Integer.MAX_VALUE));
    c.put(new DnsOutcome.NxDomain(q("b.example.test"), List.of(), Optional.empty()));

    advance(1_000_000);

    assertThat(c.get(q("a.example.test"))).isPresent();
    assertThat(c.get(q("b.example.test"))).isPresent();
  }

  @Test
  void clearEmptiesTheCache() {
    OutcomeCache c = cache(10);
    c.put(answer("a.example.test", 300));

    c.clear();

    assertThat(c.size()).isZero();
  }
}
