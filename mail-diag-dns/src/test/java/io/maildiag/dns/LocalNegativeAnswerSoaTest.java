package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Local negative answers carry the SOA of the closest enclosing zone held. */
class LocalNegativeAnswerSoaTest {
  private final SoaRecord soa = new SoaRecord(dn("example.com"), 3600, dn("ns1.example.com"),
      dn("hostmaster.example.com"), 2024010101L, 7200, 3600, 1209600, 300);
  private final InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
      .record(soa)
      .a("mail.example.com", "192.0.2.1")
      .a("other.example.net", "192.0.2.2")
      .nxdomain("hidden.example.com")
      .build();

  @Test
  void noDataBelowTheApexCarriesTheZoneSoa() {
    DnsOutcome.NoData out = (DnsOutcome.NoData) lookup(dns, "mail.example.com", RecordType.MX);

    assertThat(out.soa()).contains(soa);
    assertThat(out.soa().orElseThrow().minimum()).isEqualTo(300);
  }

  @Test
  void nxDomainBelowTheApexCarriesTheZoneSoa() {
    DnsOutcome.NxDomain out = (DnsOutcome.NxDomain) lookup(dns, "nope.example.com", RecordType.A);

    assertThat(out.soa()).contains(soa);
  }

  @Test
  void simulatedNxDomainCarriesTheZoneSoaToo() {
    DnsOutcome.NxDomain out = (DnsOutcome.NxDomain) lookup(dns, "hidden.example.com", RecordType.A);

    assertThat(out.soa()).contains(soa);
  }

  @Test
  void namesOutsideTheZoneHaveNoSoa() {
    DnsOutcome.NxDomain out = (DnsOutcome.NxDomain) lookup(dns, "nope.example.net", RecordType.A);

    assertThat(out.soa()).isEmpty();
  }
}
