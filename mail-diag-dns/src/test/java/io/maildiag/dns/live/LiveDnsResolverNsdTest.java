package io.maildiag.dns.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.CaaRecord;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.NsRecord;
import io.maildiag.dns.PtrRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.SrvRecord;
import io.maildiag.dns.TlsaRecord;
import io.maildiag.dns.TxtRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LiveDnsResolver} against a real authoritative server: NSD serving the zones of src/test/resources/live. */
@Timeout(60)
class LiveDnsResolverNsdTest {
  @TempDir static Path dir;

  private static NsdServer nsd;
  private static LiveDnsResolver dns;

  @BeforeAll
  static void startNsd() {
    nsd = NsdServer.start(dir);
    dns = resolver().build();
  }

  @AfterAll
  static void stopNsd() {
    if (nsd != null) {
      nsd.stop();
    }
  }

  /** A resolver over the test NSD, without cache, with short timeouts. */
  private static LiveDnsResolver.Builder resolver() {
    return LiveDnsResolver.builder()
        .server(nsd.server())
        .attemptTimeout(Duration.ofSeconds(1))
        .retries(1)
        .budget(Duration.ofSeconds(4))
        .cacheSize(0);
  }

  private static DnsOutcome lookup(String name, RecordType type) {
    return dns.lookup(DomainName.of(name), type);
  }

  private static DomainName n(String name) {
    return DomainName.of(name);
  }

  @Test
  void multiStringTxtIsKeptApartAndJoinedByText() {
    DnsOutcome o = lookup("example.test", RecordType.TXT);

    assertThat(o).isInstanceOf(DnsOutcome.Answer.class);
    List<TxtRecord> txt = o.records(TxtRecord.class);
    assertThat(txt).hasSize(2);
    TxtRecord spf = txt.stream().filter(t -> t.text().startsWith("v=spf1")).findFirst().orElseThrow();
    assertThat(spf.strings()).containsExactly("v=spf1 ip4:192.0.2.0/24 ", "include:_spf.other.test -all");
    assertThat(spf.text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 include:_spf.other.test -all");
    assertThat(spf.type()).isEqualTo(RecordType.TXT);
    assertThat(spf.ttl()).isEqualTo(300);
    TxtRecord escaped = txt.stream().filter(t -> t != spf).findFirst().orElseThrow();
    assertThat(escaped.strings()).containsExactly("café \"quoted\" back\\slash");
  }

  @Test
  void dkimKeyInThreeStrings() {
    DnsOutcome o = lookup("selector._domainkey.example.test", RecordType.TXT);

    TxtRecord key = o.records(TxtRecord.class).get(0);
    assertThat(key.strings()).hasSize(3);
    assertThat(key.text()).isEqualTo("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwQIDAQAB");
  }

  @Test
  void answerOf3KilobytesArrivesCompleteOverTcpAfterTruncation() {
    DnsOutcome o = lookup("big.example.test", RecordType.TXT);

    assertBigTxt(o);
  }

  @Test
  void answerOf3KilobytesArrivesCompleteWithTcpOnly() {
    LiveDnsResolver tcp = resolver().tcpOnly(true).build();

    assertBigTxt(tcp.lookup(n("big.example.test"), RecordType.TXT));
  }

  private static void assertBigTxt(DnsOutcome o) {
    assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
    List<TxtRecord> txt = new ArrayList<>(o.records(TxtRecord.class));
    assertThat(txt).hasSize(11);
    txt.sort(Comparator.comparing(TxtRecord::text));
    int bytes = 0;
    for (int i = 1; i <= 10; i++) {
      TxtRecord r = txt.get(i - 1);
      String prefix = String.format("big-%02d:", i);
      assertThat(r.strings()).hasSize(1);
      assertThat(r.text()).hasSize(250).startsWith(prefix)
          .isEqualTo(prefix + String.valueOf((char) ('a' + i)).repeat(250 - prefix.length()));
      bytes += r.text().length();
    }
    TxtRecord parts = txt.get(10);
    assertThat(parts.strings()).hasSize(4);
    for (int j = 1; j <= 4; j++) {
      String prefix = "big-11-part-" + j + ":";
      assertThat(parts.strings().get(j - 1)).isEqualTo(prefix + String.valueOf(j).repeat(200 - prefix.length()));
      bytes += parts.strings().get(j - 1).length();
    }
    assertThat(bytes).isGreaterThan(3000);
  }

  @Test
  void answerOf700BytesWithoutEdnsArrivesCompleteOverTcp() {
    LiveDnsResolver noEdns = resolver().edns(false).build();

    DnsOutcome o = noEdns.lookup(n("medium.example.test"), RecordType.TXT);

    assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
    List<String> texts = o.records(TxtRecord.class).stream().map(TxtRecord::text).sorted().toList();
    assertThat(texts).hasSize(3);
    for (int i = 1; i <= 3; i++) {
      String prefix = "medium-" + i + ":";
      assertThat(texts.get(i - 1)).isEqualTo(prefix + "m".repeat(220 - prefix.length()));
    }
  }

  @Test
  void nxdomainAndNodataAreKeptApart() {
    DnsOutcome nx = lookup("missing.example.test", RecordType.A);
    DnsOutcome nodata = lookup("nodata.example.test", RecordType.A);

    assertThat(nx).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(nodata).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(nx.isVoid()).isTrue();
    assertThat(nodata.isVoid()).isTrue();
    SoaRecord nxSoa = ((DnsOutcome.NxDomain) nx).soa().orElseThrow();
    SoaRecord nodataSoa = ((DnsOutcome.NoData) nodata).soa().orElseThrow();
    assertThat(nxSoa.name()).isEqualTo(n("example.test"));
    assertThat(nxSoa.minimum()).isEqualTo(120);
    assertThat(nodataSoa.serial()).isEqualTo(2026112601L);
    // The name exists with another type: TXT answers.
    assertThat(lookup("nodata.example.test", RecordType.TXT).kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
  }

  @Test
  void cnameChainInsideTheZone() {
    DnsOutcome o = lookup("www.example.test", RecordType.A);

    assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(o.cnameChain()).containsExactly(
        new CnameRecord(n("www.example.test"), 300, n("web.example.test")),
        new CnameRecord(n("web.example.test"), 300, n("host.example.test")));
    assertThat(o.canonicalName()).isEqualTo(n("host.example.test"));
    assertThat(o.records(ARecord.class)).extracting(ARecord::address).containsExactly(IpAddress.of("192.0.2.80"));
    assertThat(o.records(ARecord.class)).extracting(ARecord::name).containsOnly(n("host.example.test"));
  }

  @Test
  void cnameIntoAnotherZoneOfTheSameServer() {
    // NSD follows CNAMEs into the other zones it serves, so the answer arrives in one response.
    DnsOutcome o = lookup("alias-out.example.test", RecordType.A);

    assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(o.cnameChain()).containsExactly(new CnameRecord(n("alias-out.example.test"), 300, n("target.other.test")));
    assertThat(o.records(ARecord.class)).extracting(r -> r.address().toString())
        .containsExactlyInAnyOrder("198.51.100.7", "198.51.100.8");
    assertThat(o.records(ARecord.class)).allSatisfy(r -> assertThat(r.ttl()).isEqualTo(600));

    DnsOutcome back = lookup("alias-back.example.test", RecordType.A);
    assertThat(back.cnameChain()).extracting(CnameRecord::target).containsExactly(
        n("hop.other.test"), n("www.example.test"), n("web.example.test"), n("host.example.test"));
    assertThat(back.records(ARecord.class)).hasSize(1);
  }

  @Test
  void cnameToAZoneTheServerDoesNotServeIsAskedAgain() {
    // NSD answers alias-ext with the CNAME alone; asking the target at the same server is REFUSED.
    DnsOutcome o = lookup("alias-ext.example.test", RecordType.A);

    assertThat(o).isInstanceOf(DnsOutcome.Refused.class);
    assertThat(o.query()).isEqualTo(DnsQuery.of("alias-ext.example.test", RecordType.A));
    assertThat(o.cnameChain()).containsExactly(new CnameRecord(n("alias-ext.example.test"), 300, n("host.unserved.test")));
    assertThat(o.canonicalName()).isEqualTo(n("host.unserved.test"));
    assertThat(((DnsOutcome.Refused) o).detail()).contains("127.0.0.1:" + nsd.port());
  }

  @Test
  void cnameToMissingOrEmptyTargetKeepsTheChain() {
    DnsOutcome dangling = lookup("dangling.example.test", RecordType.A);
    DnsOutcome empty = lookup("empty-target.example.test", RecordType.A);

    assertThat(dangling).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(dangling.canonicalName()).isEqualTo(n("missing.example.test"));
    assertThat(empty).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(empty.cnameChain()).hasSize(1);
    assertThat(empty.canonicalName()).isEqualTo(n("nodata.example.test"));
  }

  @Test
  void cnameLoopsAreServFailAndBounded() {
    long start = System.nanoTime();
    DnsOutcome inZone = lookup("loop1.example.test", RecordType.A);
    DnsOutcome acrossZones = lookup("xloop.example.test", RecordType.MX);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(inZone).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) inZone).detail()).contains("CNAME loop");
    assertThat(acrossZones).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) acrossZones).detail()).contains("CNAME loop");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void cnameChainLongerThanTheLimitIsServFail() {
    DnsOutcome tooLong = lookup("chain1.example.test", RecordType.A);

    assertThat(tooLong).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) tooLong).detail()).contains("longer than " + Limits.DEFAULT_MAX_CNAME_CHAIN);

    LiveDnsResolver patient = resolver().limits(Limits.builder().maxCnameChain(10).build()).build();
    DnsOutcome ok = patient.lookup(n("chain1.example.test"), RecordType.A);
    assertThat(ok.kind()).as("%s", ok).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(ok.cnameChain()).hasSize(10);
  }

  @Test
  void zoneNotServedIsRefused() {
    DnsOutcome o = lookup("www.unserved.test", RecordType.A);

    assertThat(o).isInstanceOf(DnsOutcome.Refused.class);
    assertThat(o.isFailure()).isTrue();
  }

  @Test
  void mxRecords() {
    DnsOutcome o = lookup("example.test", RecordType.MX);

    assertThat(o.records(MxRecord.class)).extracting(MxRecord::preference, MxRecord::exchange)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(10, n("mx1.example.test")),
            org.assertj.core.groups.Tuple.tuple(20, n("mx2.other.test")));
  }

  @Test
  void addressRecords() {
    assertThat(lookup("example.test", RecordType.A).records())
        .containsExactly(new ARecord(n("example.test"), 300, IpAddress.of("192.0.2.10")));
    assertThat(lookup("example.test", RecordType.AAAA).records())
        .containsExactly(new AaaaRecord(n("example.test"), 300, IpAddress.of("2001:db8::10")));
  }

  @Test
  void soaAndNsRecords() {
    SoaRecord soa = lookup("example.test", RecordType.SOA).records(SoaRecord.class).get(0);
    assertThat(soa).isEqualTo(new SoaRecord(n("example.test"), 3600, n("ns1.example.test"),
        n("hostmaster.example.test"), 2026112601L, 3600, 600, 86400, 120));

    assertThat(lookup("example.test", RecordType.NS).records())
        .containsExactly(new NsRecord(n("example.test"), 300, n("ns1.example.test")));
  }

  @Test
  void srvRecord() {
    assertThat(lookup("_submission._tcp.example.test", RecordType.SRV).records())
        .containsExactly(new SrvRecord(n("_submission._tcp.example.test"), 300, 0, 5, 587, n("mx1.example.test")));
  }

  @Test
  void ptrRecord() {
    DomainName reverse = IpAddress.of("192.0.2.25").reverseName();

    assertThat(dns.lookup(reverse, RecordType.PTR).records())
        .containsExactly(new PtrRecord(n("25.2.0.192.in-addr.arpa"), 300, n("mx1.example.test")));
  }

  @Test
  void tlsaRecord() {
    List<DnsRecord> records = lookup("_25._tcp.mx1.example.test", RecordType.TLSA).records();

    assertThat(records).containsExactly(new TlsaRecord(n("_25._tcp.mx1.example.test"), 300, 3, 1, 1,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  }

  @Test
  void caaRecordsWithRawValues() {
    List<CaaRecord> caa = lookup("example.test", RecordType.CAA).records(CaaRecord.class);

    assertThat(caa).containsExactlyInAnyOrder(
        new CaaRecord(n("example.test"), 300, 0, "issue", "ca.example.net; account=230123"),
        new CaaRecord(n("example.test"), 300, 128, "iodef", "mailto:sec\"urity@example.test"));
  }

  @Test
  void spfTypeRecord() {
    DnsOutcome o = lookup("example.test", RecordType.SPF);

    assertThat(o.records()).containsExactly(
        new TxtRecord(n("example.test"), RecordType.SPF, 300, List.of("v=spf1 -all")));
  }

  @Test
  void manyConcurrentQuestionsUnderASmallConcurrencyLimit() {
    LiveDnsResolver narrow = resolver().maxConcurrentQueries(2).build();
    List<String> names = List.of("example.test", "www.example.test", "mx1.example.test", "host.example.test",
        "ns1.example.test", "alias-out.example.test", "target.other.test", "missing.example.test");
    List<CompletableFuture<DnsOutcome>> futures = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String name : names) {
        futures.add(narrow.resolve(n(name), RecordType.A).toCompletableFuture());
      }
    }

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

    for (int i = 0; i < futures.size(); i++) {
      DnsOutcome o = futures.get(i).join();
      String name = names.get(i % names.size());
      assertThat(o.kind()).as("%s", o)
          .isEqualTo(name.startsWith("missing") ? DnsOutcome.Kind.NXDOMAIN : DnsOutcome.Kind.ANSWER);
    }
  }

  @Test
  void servesOverIpv6LoopbackToo(@TempDir Path ipv6Dir) {
    org.junit.jupiter.api.Assumptions.assumeTrue(NsdServer.ipv6LoopbackAvailable(), "::1 is not available here");
    try (NsdServer both = NsdServer.start(ipv6Dir, true)) {
      LiveDnsResolver v6 = LiveDnsResolver.builder().server("[::1]:" + both.port())
          .attemptTimeout(Duration.ofSeconds(1)).retries(1).budget(Duration.ofSeconds(3)).build();

      assertThat(v6.servers()).containsExactly("[::1]:" + both.port());
      assertThat(v6.lookup(n("example.test"), RecordType.A).records(ARecord.class))
          .extracting(r -> r.address().toString()).containsExactly("192.0.2.10");
    }
  }
}
