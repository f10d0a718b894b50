package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.InvalidInputException;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every method of {@link InMemoryDnsResolver.Builder}, read back through resolve(). */
class InMemoryDnsResolverBuilderTest {

  private static DomainName dn(String s) {
    return DomainName.of(s);
  }

  private static DnsOutcome lookup(DnsResolver r, String name, RecordType type) {
    return r.lookup(dn(name), type);
  }

  @Test
  void txtKeepsStringsApartAndTextJoinsWithoutSpaces() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:192.0.2.0/24", "include:_spf.example.net -all")
        .build();

    DnsOutcome out = lookup(dns, "example.com", RecordType.TXT);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    List<TxtRecord> txt = out.records(TxtRecord.class);
    assertThat(txt).hasSize(1);
    assertThat(txt.get(0).strings()).containsExactly("v=spf1 ip4:192.0.2.0/24", "include:_spf.example.net -all");
    assertThat(txt.get(0).text()).isEqualTo("v=spf1 ip4:192.0.2.0/24include:_spf.example.net -all");
    assertThat(txt.get(0).type()).isEqualTo(RecordType.TXT);
    assertThat(txt.get(0).ttl()).isEqualTo(InMemoryDnsResolver.DEFAULT_TTL);
  }

  @Test
  void twoTxtCallsGiveTwoRecordsNotOneWithTwoStrings() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("example.com", "one")
        .txt("example.com", "two")
        .build();

    List<TxtRecord> txt = lookup(dns, "example.com", RecordType.TXT).records(TxtRecord.class);

    assertThat(txt).extracting(TxtRecord::strings).containsExactly(List.of("one"), List.of("two"));
  }

  @Test
  void txtRejectsAStringOfMoreThan255OctetsButAccepts255() {
    String max = "a".repeat(255);
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("example.com", max).build();
    assertThat(lookup(dns, "example.com", RecordType.TXT).records(TxtRecord.class).get(0).text()).isEqualTo(max);

    assertThatThrownBy(() -> InMemoryDnsResolver.builder().txt("example.com", "ok", "a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("255");
  }

  @Test
  void txtCountsOctetsInUtf8NotCharacters() {
    // 128 characters of two octets each: 256 octets.
    String twoOctetChars = "\u00e9".repeat(128);
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().txt("example.com", twoOctetChars))
        .isInstanceOf(IllegalArgumentException.class);
    // 127 of them (254 octets) fit.
    InMemoryDnsResolver ok = InMemoryDnsResolver.builder().txt("example.com", "\u00e9".repeat(127)).build();
    assertThat(ok.records()).hasSize(1);
  }

  @Test
  void spfTypeAddsATypeNinetyNineRecordSeparateFromTxt() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .spfType("example.com", "v=spf1 ", "-all")
        .build();

    DnsOutcome spf = lookup(dns, "example.com", RecordType.SPF);
    assertThat(spf.records(TxtRecord.class)).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo(RecordType.SPF);
      assertThat(r.type().code()).isEqualTo(99);
      assertThat(r.strings()).containsExactly("v=spf1 ", "-all");
      assertThat(r.text()).isEqualTo("v=spf1 -all");
    });
    assertThat(lookup(dns, "example.com", RecordType.TXT)).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  void spfTypeRejectsAStringOfMoreThan255Octets() {
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().spfType("example.com", "a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("255");
  }

  @Test
  void aAddsOneRecordPerAddress() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().a("mail.example.com", "192.0.2.1", "192.0.2.2").build();

    assertThat(lookup(dns, "mail.example.com", RecordType.A).records(ARecord.class))
        .extracting(ARecord::address)
        .containsExactly(IpAddress.of("192.0.2.1"), IpAddress.of("192.0.2.2"));
  }

  @Test
  void aRejectsIpv6AndAaaaRejectsIpv4() {
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().a("example.com", "2001:db8::1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().aaaa("example.com", "192.0.2.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidNamesAndAddressesThrowInvalidInputAtOnce() {
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().a("bad..example", "192.0.2.1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().a("example.com", "192.0.2.300"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().mx("example.com", 10, "bad\u0001host.example"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aaaaAddsIpv6Records() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().aaaa("mail.example.com", "2001:DB8::1").build();

    assertThat(lookup(dns, "mail.example.com", RecordType.AAAA).records(AaaaRecord.class))
        .singleElement()
        .satisfies(r -> assertThat(r.address()).isEqualTo(IpAddress.of("2001:db8::1")));
  }

  @Test
  void mxKeepsPreferenceAndExchangeAndAcceptsNullMx() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .mx("example.com", 10, "mail.example.com")
        .mx("example.com", 20, "backup.example.net")
        .mx("nomail.example", 0, ".")
        .build();

    assertThat(lookup(dns, "example.com", RecordType.MX).records(MxRecord.class))
        .extracting(MxRecord::preference, r -> r.exchange().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, "mail.example.com"),
            org.assertj.core.groups.Tuple.tuple(20, "backup.example.net"));
    MxRecord nullMx = lookup(dns, "nomail.example", RecordType.MX).records(MxRecord.class).get(0);
    assertThat(nullMx.exchange().isRoot()).isTrue();
    assertThat(nullMx.toString()).isEqualTo("nomail.example. 300 IN MX 0 .");
  }

  @Test
  void cnameAddsAnAlias() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().cname("www.example.com", "example.com").build();

    DnsOutcome out = lookup(dns, "www.example.com", RecordType.CNAME);

    assertThat(out.records(CnameRecord.class)).singleElement()
        .satisfies(c -> assertThat(c.target()).isEqualTo(dn("example.com")));
  }

  @Test
  void ptrAndPtrForAddPointerRecords() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .ptr("1.2.0.192.in-addr.arpa", "one.example.com")
        .ptrFor("192.0.2.25", "mail.example.com")
        .ptrFor("2001:db8::1", "v6.example.com")
        .build();

    assertThat(lookup(dns, "1.2.0.192.in-addr.arpa", RecordType.PTR).records(PtrRecord.class))
        .extracting(r -> r.target().toString()).containsExactly("one.example.com");
    assertThat(lookup(dns, "25.2.0.192.in-addr.arpa", RecordType.PTR).records(PtrRecord.class))
        .extracting(r -> r.target().toString()).containsExactly("mail.example.com");
    String v6 = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
    assertThat(lookup(dns, v6, RecordType.PTR).records(PtrRecord.class))
        .extracting(r -> r.target().toString()).containsExactly("v6.example.com");
  }

  @Test
  void nsAddsNameServerRecords() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .ns("example.com", "ns1.example.com")
        .ns("example.com", "ns2.example.net")
        .build();

    assertThat(lookup(dns, "example.com", RecordType.NS).records(NsRecord.class))
        .extracting(r -> r.host().toString()).containsExactly("ns1.example.com", "ns2.example.net");
  }

  @Test
  void srvAddsServiceRecords() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .srv("_submission._tcp.example.com", 0, 1, 587, "mail.example.com")
        .build();

    SrvRecord srv = lookup(dns, "_submission._tcp.example.com", RecordType.SRV).records(SrvRecord.class).get(0);
    assertThat(srv.priority()).isZero();
    assertThat(srv.weight()).isEqualTo(1);
    assertThat(srv.port()).isEqualTo(587);
    assertThat(srv.target()).isEqualTo(dn("mail.example.com"));
  }

  @Test
  void tlsaAddsRecordsWithLowerCaseHex() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .tlsa("_25._tcp.mail.example.com", 3, 1, 1, "ABCDEF0123")
        .build();

    TlsaRecord t = lookup(dns, "_25._tcp.mail.example.com", RecordType.TLSA).records(TlsaRecord.class).get(0);
    assertThat(t.usage()).isEqualTo(3);
    assertThat(t.selector()).isEqualTo(1);
    assertThat(t.matchingType()).isEqualTo(1);
    assertThat(t.associationData()).isEqualTo("abcdef0123");
  }

  @Test
  void caaAddsRecords() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().caa("example.com", 128, "issue", "ca.example.net").build();

    CaaRecord c = lookup(dns, "example.com", RecordType.CAA).records(CaaRecord.class).get(0);
    assertThat(c.flags()).isEqualTo(128);
    assertThat(c.tag()).isEqualTo("issue");
    assertThat(c.value()).isEqualTo("ca.example.net");
  }

  @Test
  void recordAndRecordsAddArbitraryRecords() {
    SoaRecord soa = new SoaRecord(dn("example.com"), 3600, dn("ns1.example.com"), dn("hostmaster.example.com"),
        1, 7200, 3600, 1209600, 300);
    ARecord a = new ARecord(dn("example.com"), 60, IpAddress.of("192.0.2.1"));
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().record(soa).records(List.of(a)).build();

    assertThat(lookup(dns, "example.com", RecordType.SOA).records()).containsExactly(soa);
    assertThat(lookup(dns, "example.com", RecordType.A).records()).containsExactly(a);
  }

  @Test
  void ttlAppliesToRecordsAddedAfterIt() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .a("a.example.com", "192.0.2.1")
        .ttl(60)
        .a("b.example.com", "192.0.2.2")
        .txt("b.example.com", "x")
        .ttl(0)
        .mx("b.example.com", 1, "a.example.com")
        .build();

    assertThat(lookup(dns, "a.example.com", RecordType.A).records().get(0).ttl()).isEqualTo(300);
    assertThat(lookup(dns, "b.example.com", RecordType.A).records().get(0).ttl()).isEqualTo(60);
    assertThat(lookup(dns, "b.example.com", RecordType.TXT).records().get(0).ttl()).isEqualTo(60);
    assertThat(lookup(dns, "b.example.com", RecordType.MX).records().get(0).ttl()).isZero();
  }

  @Test
  void ttlRejectsValuesOutsideTheRfc2181Range() {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    assertThatThrownBy(() -> b.ttl(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.ttl(1L << 31)).isInstanceOf(IllegalArgumentException.class);
    b.ttl(Integer.MAX_VALUE).a("example.com", "192.0.2.1");
    assertThat(b.build().records().get(0).ttl()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void identicalRecordsAreStoredOnce() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .a("example.com", "192.0.2.1")
        .a("example.com", "192.0.2.1")
        .build();

    assertThat(dns.records()).hasSize(1);
    assertThat(lookup(dns, "example.com", RecordType.A).records()).hasSize(1);
  }

  @Test
  void maxCnameChainAndLatencyRejectBadValues() {
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().maxCnameChain(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryDnsResolver.builder().latency("example.com", Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesAreNormalisedSoLookupsAreCaseInsensitive() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().a("Mail.Example.COM.", "192.0.2.1").build();

    assertThat(lookup(dns, "mail.example.com", RecordType.A).isAnswer()).isTrue();
    assertThat(lookup(dns, "MAIL.EXAMPLE.COM", RecordType.A).isAnswer()).isTrue();
  }

  @Test
  void theBuilderCanBeReusedAndEarlierResolversDoNotChange() {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder().a("example.com", "192.0.2.1");
    InMemoryDnsResolver first = b.build();
    b.a("example.com", "192.0.2.2").servfail("other.example");
    InMemoryDnsResolver second = b.build();

    assertThat(lookup(first, "example.com", RecordType.A).records()).hasSize(1);
    assertThat(lookup(first, "other.example", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(lookup(second, "example.com", RecordType.A).records()).hasSize(2);
    assertThat(lookup(second, "other.example", RecordType.A)).isInstanceOf(DnsOutcome.ServFail.class);
  }
}
