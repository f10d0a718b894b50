package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static io.maildiag.dns.DnsTestSupport.zoneFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.core.ip.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ZoneFileResolver} over the shipped fixture src/test/resources/zones/mail-fixture.zone. */
class ZoneFileFixtureTest {
  private final ZoneFileResolver zone = ZoneFileResolver.load(zoneFixture("mail-fixture.zone")).orElseThrow();

  @Test
  void loadsWithoutDiagnostics() {
    ParseResult<ZoneFileResolver> r = ZoneFileResolver.load(zoneFixture("mail-fixture.zone"));

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.value().orElseThrow().records()).hasSize(22);
  }

  @Test
  void answersMxWithTheStatedTtl() {
    DnsOutcome mx = lookup(zone, "example.com", RecordType.MX);

    assertThat(mx.records(MxRecord.class))
        .extracting(MxRecord::preference, r -> r.exchange().toString(), MxRecord::ttl)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(10, "mail.example.com", 300L),
            org.assertj.core.groups.Tuple.tuple(20, "backup.example.net", 300L));
  }

  @Test
  void keepsMultiStringTxtApart() {
    TxtRecord spf = lookup(zone, "example.com", RecordType.TXT).records(TxtRecord.class).get(0);

    assertThat(spf.strings()).containsExactly("v=spf1 ip4:192.0.2.0/24 ", "include:_spf.example.net -all");
    assertThat(spf.text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all");
    assertThat(spf.ttl()).as("$TTL 3600").isEqualTo(3600);
  }

  @Test
  void readsTheSpfTypeApartFromTxt() {
    List<TxtRecord> spf = lookup(zone, "example.com", RecordType.SPF).records(TxtRecord.class);

    assertThat(spf).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo(RecordType.SPF);
      assertThat(r.text()).isEqualTo("v=spf1 -all");
    });
    assertThat(lookup(zone, "example.com", RecordType.TXT).records()).hasSize(1);
  }

  @Test
  void followsOrigins() {
    assertThat(lookup(zone, "example.net", RecordType.MX).records(MxRecord.class))
        .extracting(r -> r.exchange().toString()).containsExactly("mx.example.net");
    assertThat(lookup(zone, "mx.example.net", RecordType.A).records(ARecord.class))
        .extracting(ARecord::address).containsExactly(IpAddress.of("198.51.100.10"));
    assertThat(lookup(zone, "backup.example.net", RecordType.A).records().get(0).ttl()).isEqualTo(60);
    assertThat(lookup(zone, "25.2.0.192.in-addr.arpa", RecordType.PTR).records(PtrRecord.class))
        .extracting(r -> r.target().toString()).containsExactly("mail.example.com");
  }

  @Test
  void answersEveryKindOfRecord() {
    assertThat(lookup(zone, "mail.example.com", RecordType.AAAA).records(AaaaRecord.class))
        .extracting(AaaaRecord::address).containsExactly(IpAddress.of("2001:db8::25"));
    assertThat(lookup(zone, "example.com", RecordType.NS).records()).hasSize(2);
    assertThat(lookup(zone, "example.com", RecordType.CAA).records(CaaRecord.class))
        .extracting(CaaRecord::tag, CaaRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("issue", "letsencrypt.org"));
    assertThat(lookup(zone, "_25._tcp.mail.example.com", RecordType.TLSA).records(TlsaRecord.class))
        .extracting(TlsaRecord::associationData)
        .containsExactly("0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");
    assertThat(lookup(zone, "_submission._tcp.example.com", RecordType.SRV).records(SrvRecord.class))
        .extracting(SrvRecord::port).containsExactly(587);
    assertThat(lookup(zone, "sel1._domainkey.example.com", RecordType.TXT).records(TxtRecord.class).get(0)
        .strings()).hasSize(2);
  }

  @Test
  void followsCnamesAndWildcards() {
    DnsOutcome www = lookup(zone, "www.example.com", RecordType.A);
    assertThat(www.canonicalName()).isEqualTo(dn("mail.example.com"));
    assertThat(www.records(ARecord.class)).extracting(ARecord::address)
        .containsExactly(IpAddress.of("192.0.2.25"));

    DnsOutcome wild = lookup(zone, "anything.wild.example.com", RecordType.A);
    assertThat(wild.records()).singleElement()
        .satisfies(r -> assertThat(r.name()).isEqualTo(dn("anything.wild.example.com")));
  }

  @Test
  void returnsTheSoaMinimumInNegativeAnswers() {
    DnsOutcome.NoData noData = (DnsOutcome.NoData) lookup(zone, "mail.example.com", RecordType.MX);
    DnsOutcome.NxDomain nx = (DnsOutcome.NxDomain) lookup(zone, "nope.example.com", RecordType.A);
    DnsOutcome.NxDomain noSoa = (DnsOutcome.NxDomain) lookup(zone, "nope.example.net", RecordType.A);

    assertThat(noData.soa()).map(SoaRecord::minimum).contains(300L);
    assertThat(nx.soa()).map(SoaRecord::minimum).contains(300L);
    assertThat(nx.soa().orElseThrow().serial()).isEqualTo(2024010101L);
    assertThat(noSoa.soa()).isEmpty();
  }

  @Test
  void distinguishesNoDataNxDomainAndEmptyNonTerminals() {
    assertThat(lookup(zone, "_dmarc.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(lookup(zone, "_tcp.example.com", RecordType.SRV)).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(lookup(zone, "_domainkey.example.com", RecordType.TXT)).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(lookup(zone, "sel2._domainkey.example.com", RecordType.TXT))
        .isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void coversWhatItHolds() {
    assertThat(zone.covers(DnsQuery.of("example.com", RecordType.MX))).isTrue();
    assertThat(zone.covers(DnsQuery.of("www.example.com", RecordType.AAAA))).isTrue();
    assertThat(zone.covers(DnsQuery.of("example.org", RecordType.MX))).isFalse();
  }
}
