package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The record classes: master-file output, validation, copies. */
class DnsRecordTest {

  private static final DomainName EX = dn("example.com");

  @Test
  void toStringIsMasterFileFormForEveryType() {
    SoaRecord soa = new SoaRecord(EX, 3600, dn("ns1.example.com"), dn("hostmaster.example.com"),
        2024010101L, 7200, 3600, 1209600, 300);
    assertThat(soa).hasToString(
        "example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300");
    assertThat(new ARecord(EX, 300, IpAddress.of("192.0.2.1"))).hasToString("example.com. 300 IN A 192.0.2.1");
    assertThat(new AaaaRecord(EX, 300, IpAddress.of("2001:DB8:0:0::1")))
        .hasToString("example.com. 300 IN AAAA 2001:db8::1");
    assertThat(new CnameRecord(dn("www.example.com"), 60, EX))
        .hasToString("www.example.com. 60 IN CNAME example.com.");
    assertThat(new MxRecord(EX, 300, 10, dn("mail.example.com")))
        .hasToString("example.com. 300 IN MX 10 mail.example.com.");
    assertThat(new NsRecord(EX, 86400, dn("ns1.example.com"))).hasToString("example.com. 86400 IN NS ns1.example.com.");
    assertThat(new PtrRecord(dn("1.2.0.192.in-addr.arpa"), 300, EX))
        .hasToString("1.2.0.192.in-addr.arpa. 300 IN PTR example.com.");
    assertThat(new SrvRecord(dn("_submission._tcp.example.com"), 300, 0, 5, 587, dn("mail.example.com")))
        .hasToString("_submission._tcp.example.com. 300 IN SRV 0 5 587 mail.example.com.");
    assertThat(TxtRecord.of(EX, 300, "v=spf1 ", "-all")).hasToString("example.com. 300 IN TXT \"v=spf1 \" \"-all\"");
    assertThat(new TxtRecord(EX, RecordType.SPF, 300, List.of("v=spf1 -all")))
        .hasToString("example.com. 300 IN SPF \"v=spf1 -all\"");
    assertThat(new TlsaRecord(dn("_25._tcp.mail.example.com"), 300, 3, 1, 1, "ABCDEF"))
        .hasToString("_25._tcp.mail.example.com. 300 IN TLSA 3 1 1 abcdef");
    assertThat(new CaaRecord(EX, 300, 0, "issue", "ca.example.net"))
        .hasToString("example.com. 300 IN CAA 0 issue \"ca.example.net\"");
  }

  @Test
  void namesWithMasterFileSpecialCharactersAreEscaped() {
    DomainName odd = dn("a b.q\"t.(p);.\\.@.$x.example");

    assertThat(new ARecord(odd, 300, IpAddress.of("192.0.2.1")))
        .hasToString("a\\032b.q\\\"t.\\(p\\)\\;.\\\\.\\@.\\$x.example. 300 IN A 192.0.2.1");
    assertThat(new MxRecord(EX, 300, 10, dn("m x.example")).rdataText()).isEqualTo("10 m\\032x.example.");
    assertThat(new CnameRecord(EX, 300, dn("c;x.example")).rdataText()).isEqualTo("c\\;x.example.");
    assertThat(new NsRecord(EX, 300, dn("n(s.example")).rdataText()).isEqualTo("n\\(s.example.");
    assertThat(new PtrRecord(EX, 300, dn("p)x.example")).rdataText()).isEqualTo("p\\)x.example.");
    assertThat(new SrvRecord(EX, 300, 0, 0, 25, dn("s@x.example")).rdataText()).isEqualTo("0 0 25 s\\@x.example.");
    assertThat(new SoaRecord(EX, 300, dn("n$s.example"), dn("host\\master.example"), 1, 2, 3, 4, 5).rdataText())
        .isEqualTo("n\\$s.example. host\\\\master.example. 1 2 3 4 5");
    assertThat(new ARecord(dn("*.example.com"), 300, IpAddress.of("192.0.2.1")))
        .hasToString("*.example.com. 300 IN A 192.0.2.1");
  }

  @Test
  void namesWithSpecialCharactersReadBackThroughTheZoneParser() {
    List<DnsRecord> records = List.of(
        new ARecord(dn("a b.q\"t.(p);.\\.@.$x.example"), 300, IpAddress.of("192.0.2.1")),
        new MxRecord(dn("m x.example"), 300, 10, dn("t;arget.example")),
        new SoaRecord(dn("s.example"), 300, dn("n$s.example"), dn("host\\master.example"), 1, 2, 3, 4, 5));

    ZoneFileResolver zone = DnsTestSupport.parseOk(
        records.stream().map(DnsRecord::toString).collect(java.util.stream.Collectors.joining("\n")));

    assertThat(zone.records()).containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void rootTargetsPrintAsADot() {
    assertThat(new MxRecord(EX, 300, 0, DomainName.root())).hasToString("example.com. 300 IN MX 0 .");
    assertThat(new SrvRecord(dn("_imap._tcp.example.com"), 300, 0, 0, 0, DomainName.root()).rdataText())
        .isEqualTo("0 0 0 .");
  }

  @Test
  void txtRdataQuotesQuotesBackslashesAndControls() {
    TxtRecord r = TxtRecord.of(EX, 300, "say \"hi\"", "back\\slash", "tab\tnl\n", "del\u007f", "");

    assertThat(r.rdataText())
        .isEqualTo("\"say \\\"hi\\\"\" \"back\\\\slash\" \"tab\\009nl\\010\" \"del\\127\" \"\"");
  }

  @Test
  void txtRdataKeepsNonAsciiAsIs() {
    assertThat(TxtRecord.of(EX, 300, "h\u00e9llo").rdataText()).isEqualTo("\"h\u00e9llo\"");
  }

  @Test
  void txtRdataReadsBackThroughTheZoneParser() {
    TxtRecord original = TxtRecord.of(EX, 300, "a \"quoted\" word", "back\\slash;semi", "tab\there", "\u00e9t\u00e9");

    ZoneFileResolver zone = DnsTestSupport.parseOk(original + "\n");

    assertThat(zone.records()).containsExactly(original);
  }

  @Test
  void caaValueIsQuotedLikeTxt() {
    assertThat(new CaaRecord(EX, 300, 0, "iodef", "mailto:\"x\"@example.com").rdataText())
        .isEqualTo("0 iodef \"mailto:\\\"x\\\"@example.com\"");
  }

  @Test
  void txtTextJoinsWithoutSeparatorAndStringsAreImmutable() {
    List<String> strings = new ArrayList<>(List.of("a", "b "));
    TxtRecord r = new TxtRecord(EX, RecordType.TXT, 300, strings);
    strings.add("c");

    assertThat(r.text()).isEqualTo("ab ");
    assertThat(r.strings()).containsExactly("a", "b ");
    assertThatThrownBy(() -> r.strings().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void txtRecordIsOfTypeTxtOrSpfOnly() {
    assertThatThrownBy(() -> new TxtRecord(EX, RecordType.A, 300, List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TxtRecord.of(EX, 300, "x").type()).isEqualTo(RecordType.TXT);
  }

  @Test
  void aHoldsIpv4OnlyAndAaaaIpv6Only() {
    assertThatThrownBy(() -> new ARecord(EX, 300, IpAddress.of("2001:db8::1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ARecord(EX, 300, IpAddress.of("::ffff:192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AaaaRecord(EX, 300, IpAddress.of("192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mxPreferenceMustBeSixteenBitUnsigned() {
    assertThat(new MxRecord(EX, 300, 0, EX).preference()).isZero();
    assertThat(new MxRecord(EX, 300, 65535, EX).preference()).isEqualTo(65535);
    assertThatThrownBy(() -> new MxRecord(EX, 300, -1, EX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MxRecord(EX, 300, 65536, EX)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void srvFieldsMustBeSixteenBitUnsigned() {
    assertThatThrownBy(() -> new SrvRecord(EX, 300, 65536, 0, 0, EX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SrvRecord(EX, 300, 0, -1, 0, EX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SrvRecord(EX, 300, 0, 0, 70000, EX)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tlsaDataIsLowerCasedHexOfWholeOctets() {
    assertThat(new TlsaRecord(EX, 300, 3, 1, 1, "0A0b0C").associationData()).isEqualTo("0a0b0c");
    assertThatThrownBy(() -> new TlsaRecord(EX, 300, 3, 1, 1, "xyz0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TlsaRecord(EX, 300, 3, 1, 1, "abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TlsaRecord(EX, 300, 256, 1, 1, "ab")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TlsaRecord(EX, 300, 3, -1, 1, "ab")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0661\u0662", "\uff10\uff11", "\u0966\u0967", "ab cd", "0x"})
  void tlsaRejectsNonAsciiDigitsThatCharacterDigitWouldAccept(String data) {
    assertThatThrownBy(() -> new TlsaRecord(EX, 300, 3, 1, 1, data)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void caaFlagsAndTagAreChecked() {
    assertThat(new CaaRecord(EX, 300, 255, "issuewild", ";").flags()).isEqualTo(255);
    assertThatThrownBy(() -> new CaaRecord(EX, 300, 256, "issue", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaaRecord(EX, 300, -1, "issue", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaaRecord(EX, 300, 0, "", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaaRecord(EX, 300, 0, "is sue", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void soaCountersAreUnsignedThirtyTwoBit() {
    DomainName ns = dn("ns.example.com");
    assertThat(new SoaRecord(EX, 0, ns, ns, 0xFFFF_FFFFL, 0, 0, 0, 0).serial()).isEqualTo(4294967295L);
    assertThatThrownBy(() -> new SoaRecord(EX, 0, ns, ns, -1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoaRecord(EX, 0, ns, ns, 1L << 32, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoaRecord(EX, 0, ns, ns, 1, 0, 0, 0, -300))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ttlMustBeInTheRfc2181Range() {
    assertThat(DnsRecord.checkTtl(0)).isZero();
    assertThat(DnsRecord.checkTtl(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> DnsRecord.checkTtl(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsRecord.checkTtl(1L << 31)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ARecord(EX, -1, IpAddress.of("192.0.2.1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CnameRecord(EX, 1L << 31, EX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TxtRecord.of(EX, -5, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> new ARecord(null, 300, IpAddress.of("192.0.2.1"))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MxRecord(EX, 300, 10, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TxtRecord(EX, null, 300, List.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CaaRecord(EX, 300, 0, "issue", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withNameAndWithTtlCopyEveryTypeKeepingTheRest() {
    DomainName other = dn("other.example");
    List<DnsRecord> all = List.of(
        new ARecord(EX, 300, IpAddress.of("192.0.2.1")),
        new AaaaRecord(EX, 300, IpAddress.of("2001:db8::1")),
        new CnameRecord(EX, 300, dn("t.example")),
        new MxRecord(EX, 300, 10, dn("mx.example")),
        new NsRecord(EX, 300, dn("ns.example")),
        new PtrRecord(EX, 300, dn("p.example")),
        new SoaRecord(EX, 300, dn("ns.example"), dn("h.example"), 1, 2, 3, 4, 5),
        new SrvRecord(EX, 300, 1, 2, 3, dn("s.example")),
        TxtRecord.of(EX, 300, "a", "b"),
        new TxtRecord(EX, RecordType.SPF, 300, List.of("v=spf1")),
        new TlsaRecord(EX, 300, 3, 1, 1, "ab"),
        new CaaRecord(EX, 300, 0, "issue", "ca.example"));
    for (DnsRecord r : all) {
      DnsRecord renamed = r.withName(other);
      DnsRecord aged = r.withTtl(42);
      assertThat(renamed.name()).isEqualTo(other);
      assertThat(renamed.type()).isEqualTo(r.type());
      assertThat(renamed.rdataText()).isEqualTo(r.rdataText());
      assertThat(renamed.ttl()).isEqualTo(300);
      assertThat(aged.ttl()).isEqualTo(42);
      assertThat(aged.name()).isEqualTo(EX);
      assertThat(aged.rdataText()).isEqualTo(r.rdataText());
      assertThat(aged.withTtl(300)).isEqualTo(r);
      assertThat(r.getClass()).isEqualTo(renamed.getClass());
    }
  }

  @Test
  void recordsAreValuesWithEquality() {
    assertThat(new ARecord(EX, 300, IpAddress.of("192.0.2.1")))
        .isEqualTo(new ARecord(dn("EXAMPLE.com."), 300, IpAddress.of("192.0.2.1")))
        .isNotEqualTo(new ARecord(EX, 301, IpAddress.of("192.0.2.1")));
    assertThat(TxtRecord.of(EX, 300, "ab")).isNotEqualTo(TxtRecord.of(EX, 300, "a", "b"));
  }

  @Test
  void recordTypeCodesAndParsing() {
    assertThat(RecordType.SPF.code()).isEqualTo(99);
    assertThat(RecordType.CAA.code()).isEqualTo(257);
    assertThat(RecordType.fromCode(16)).contains(RecordType.TXT);
    assertThat(RecordType.fromCode(43)).isEmpty();
    assertThat(RecordType.parse(" mx ")).contains(RecordType.MX);
    assertThat(RecordType.parse("Spf")).contains(RecordType.SPF);
    assertThat(RecordType.parse("DS")).isEmpty();
    assertThat(RecordType.parse("")).isEmpty();
    for (RecordType t : RecordType.values()) {
      assertThat(RecordType.fromCode(t.code())).contains(t);
      assertThat(RecordType.parse(t.name().toLowerCase(java.util.Locale.ROOT))).contains(t);
    }
  }

  @Test
  void dnsQueryValues() {
    DnsQuery q = DnsQuery.of("Example.COM.", RecordType.MX);

    assertThat(q).isEqualTo(DnsQuery.of(EX, RecordType.MX));
    assertThat(q).hasToString("example.com/MX");
    assertThatThrownBy(() -> DnsQuery.of("bad..name", RecordType.A))
        .isInstanceOf(io.maildiag.core.InvalidInputException.class);
    assertThatThrownBy(() -> new DnsQuery(null, RecordType.A)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DnsQuery(EX, null)).isInstanceOf(NullPointerException.class);
  }
}
