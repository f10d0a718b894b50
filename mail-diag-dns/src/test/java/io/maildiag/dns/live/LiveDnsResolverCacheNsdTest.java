package io.maildiag.dns.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of {@link LiveDnsResolver} against NSD: outcomes are cached for their TTL, negative
 * ones for the SOA's negative TTL, proven by stopping the server and asking again.
 */
@Timeout(60)
class LiveDnsResolverCacheNsdTest {
  @TempDir Path dir;

  private NsdServer nsd;
  private LiveDnsResolver dns;

  @BeforeEach
  void start() {
    nsd = NsdServer.start(dir);
    dns = LiveDnsResolver.builder()
        .server(nsd.server())
        .attemptTimeout(Duration.ofMillis(500))
        .retries(1)
        .budget(Duration.ofSeconds(2))
        .build();
  }

  @AfterEach
  void stop() {
    if (nsd != null) {
      nsd.stop();
    }
  }

  private DnsOutcome lookup(String name, RecordType type) {
    return dns.lookup(DomainName.of(name), type);
  }

  @Test
  void outcomesAreServedFromTheCacheOnceTheServerIsGone() throws InterruptedException {
    DnsOutcome mx = lookup("example.test", RecordType.MX);
    DnsOutcome nodata = lookup("nodata.example.test", RecordType.A);
    DnsOutcome nx = lookup("missing.example.test", RecordType.A);
    DnsOutcome shortNodata = lookup("exists.neg.test", RecordType.A); // cached for 1 s only
    assertThat(mx.kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(nodata.kind()).isEqualTo(DnsOutcome.Kind.NODATA);
    assertThat(shortNodata.kind()).isEqualTo(DnsOutcome.Kind.NODATA);
    assertThat(nx.kind()).isEqualTo(DnsOutcome.Kind.NXDOMAIN);
    assertThat(dns.cachedOutcomes()).isEqualTo(4);

    nsd.stop();
    assertThat(nsd.isRunning()).isFalse();

    // The server is gone: what is not cached times out (port unreachable), and is not cached.
    DnsOutcome uncached = lookup("host.example.test", RecordType.A);
    assertThat(uncached.kind()).as("%s", uncached).isEqualTo(DnsOutcome.Kind.TIMEOUT);
    assertThat(dns.cachedOutcomes()).isEqualTo(4);

    // What is cached still answers, with TTLs that never grew.
    DnsOutcome mxAgain = lookup("example.test", RecordType.MX);
    assertThat(mxAgain.kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(mxAgain.records(MxRecord.class)).extracting(MxRecord::exchange)
        .containsExactlyInAnyOrderElementsOf(mx.records(MxRecord.class).stream().map(MxRecord::exchange).toList());
    assertThat(mxAgain.records()).allSatisfy(r -> assertThat(r.ttl()).isBetween(1L, 300L));

    DnsOutcome nodataAgain = lookup("nodata.example.test", RecordType.A);
    assertThat(nodataAgain).isInstanceOf(DnsOutcome.NoData.class);
    SoaRecord soa = ((DnsOutcome.NoData) nodataAgain).soa().orElseThrow();
    // The negative TTL is the SOA minimum (120 s), not the SOA record's TTL (3600 s).
    assertThat(soa.ttl()).isBetween(1L, 120L);
    assertThat(lookup("missing.example.test", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);

    // neg.test has an SOA TTL of an hour but a minimum of 1 s: its NODATA is gone after a second.
    Thread.sleep(1_100);
    DnsOutcome expired = lookup("exists.neg.test", RecordType.A);
    assertThat(expired.kind()).as("%s", expired).isEqualTo(DnsOutcome.Kind.TIMEOUT);
    assertThat(lookup("nodata.example.test", RecordType.A).kind()).isEqualTo(DnsOutcome.Kind.NODATA);
    assertThat(dns.cachedOutcomes()).isEqualTo(3);

    dns.clearCache();
    assertThat(dns.cachedOutcomes()).isZero();
    assertThat(lookup("example.test", RecordType.MX).kind()).isEqualTo(DnsOutcome.Kind.TIMEOUT);
  }

  @Test
  void aSecondIdenticalQuestionIsAnsweredFromTheCache() {
    DnsOutcome first = lookup("www.example.test", RecordType.A);
    int cached = dns.cachedOutcomes();
    DnsOutcome second = lookup("www.example.test", RecordType.A);

    assertThat(cached).isEqualTo(1);
    assertThat(dns.cachedOutcomes()).isEqualTo(1);
    assertThat(second.records()).hasSameSizeAs(first.records());
    assertThat(second.cnameChain()).extracting(c -> c.target()).containsExactlyElementsOf(
        first.cnameChain().stream().map(c -> c.target()).toList());
    assertThat(second.records().get(0).ttl()).isLessThanOrEqualTo(first.records().get(0).ttl());
  }

  @Test
  void aDisabledCacheAsksTheServerEveryTime() {
    LiveDnsResolver uncached = LiveDnsResolver.builder().server(nsd.server()).cacheSize(0)
        .attemptTimeout(Duration.ofMillis(500)).retries(0).budget(Duration.ofSeconds(2)).build();
    assertThat(uncached.lookup(DomainName.of("example.test"), RecordType.MX).kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(uncached.cachedOutcomes()).isZero();

    nsd.stop();

    assertThat(uncached.lookup(DomainName.of("example.test"), RecordType.MX).kind()).isEqualTo(DnsOutcome.Kind.TIMEOUT);
  }
}
