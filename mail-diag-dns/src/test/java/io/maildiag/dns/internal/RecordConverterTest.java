package io.maildiag.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.CaaRecord;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.TlsaRecord;
import io.maildiag.dns.TxtRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@link RecordConverter}: dnsjava records into mail-diag values. */
class RecordConverterTest {
  private static final Name OWNER = Name.fromConstantString("example.test.");

  private static Record parse(int type, String rdata) throws Exception {
    return Record.fromString(OWNER, type, DClass.IN, 300, rdata, Name.root);
  }

  private static DnsRecord convert(Record r) {
    return RecordConverter.convert(r).orElseThrow();
  }

  @Test
  void txtStringsStayApartAndAreDecodedAsUtf8() throws Exception {
    DnsRecord r = convert(parse(Type.TXT, "\"v=spf1 \" \"-all\" \"caf\\195\\169\" \"bad\\255byte\""));

    assertThat(r).isInstanceOf(TxtRecord.class);
    TxtRecord txt = (TxtRecord) r;
    assertThat(txt.strings()).containsExactly("v=spf1 ", "-all", "café", "bad\uFFFDbyte");
    assertThat(txt.type()).isEqualTo(RecordType.TXT);
  }

  @Test
  void spfTypeBecomesATxtRecordOfTypeSpf() throws Exception {
    TxtRecord spf = (TxtRecord) convert(parse(Type.SPF, "\"v=spf1 -all\""));

    assertThat(spf.type()).isEqualTo(RecordType.SPF);
    assertThat(spf.strings()).containsExactly("v=spf1 -all");
  }

  @Test
  void caaValueIsTheRawValueNotTheEscapedForm() throws Exception {
    CaaRecord caa = (CaaRecord) convert(parse(Type.CAA, "128 iodef \"mailto:sec\\\"urity@example.test\""));
    CaaRecord utf8 = (CaaRecord) convert(parse(Type.CAA, "0 issue \"ca.example; note=caf\\195\\169\""));

    assertThat(caa.flags()).isEqualTo(128);
    assertThat(caa.tag()).isEqualTo("iodef");
    assertThat(caa.value()).isEqualTo("mailto:sec\"urity@example.test");
    assertThat(caa.rdataText()).isEqualTo("128 iodef \"mailto:sec\\\"urity@example.test\"");
    assertThat(utf8.value()).isEqualTo("ca.example; note=café");
  }

  @Test
  void tlsaDataIsLowerCaseHex() throws Exception {
    TlsaRecord tlsa = (TlsaRecord) convert(parse(Type.TLSA, "3 1 1 ABCDEF0123"));

    assertThat(tlsa.usage()).isEqualTo(3);
    assertThat(tlsa.selector()).isEqualTo(1);
    assertThat(tlsa.matchingType()).isEqualTo(1);
    assertThat(tlsa.associationData()).isEqualTo("abcdef0123");
  }

  @Test
  void nullMxPointsAtTheRoot() throws Exception {
    MxRecord mx = (MxRecord) convert(parse(Type.MX, "0 ."));

    assertThat(mx.exchange()).isEqualTo(DomainName.root());
    assertThat(mx.preference()).isZero();
  }

  @Test
  void soaFieldsAreKeptIncludingUnsignedSerials() throws Exception {
    SoaRecord soa = (SoaRecord) convert(parse(Type.SOA, "ns1.example.test. host.example.test. 4294967295 1 2 3 4"));

    assertThat(soa.serial()).isEqualTo(4294967295L);
    assertThat(List.of(soa.refresh(), soa.retry(), soa.expire(), soa.minimum())).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void labelsAreReadAsOctetsNotAsEscapedText() throws Exception {
    Name spaced = Name.fromString("a\\032b.example.test.");
    Name backslash = Name.fromString("a\\\\b.example.test.");

    assertThat(RecordConverter.name(spaced).orElseThrow().labels()).containsExactly("a b", "example", "test");
    assertThat(RecordConverter.name(backslash).orElseThrow().label(0)).isEqualTo("a\\b");
  }

  @Test
  void namesAndRecordsThatCannotBeRepresentedAreSkipped() throws Exception {
    Record dotInLabel = Record.fromString(Name.fromString("a\\.b.example.test."), Type.A, DClass.IN, 300,
        "192.0.2.1", Name.root);
    Record control = Record.fromString(Name.fromString("a\\007b.example.test."), Type.A, DClass.IN, 300,
        "192.0.2.1", Name.root);
    Record unknownType = Record.fromString(OWNER, Type.HINFO, DClass.IN, 300, "\"cpu\" \"os\"", Name.root);

    assertThat(RecordConverter.convert(dotInLabel)).isEqualTo(Optional.empty());
    assertThat(RecordConverter.convert(control)).isEqualTo(Optional.empty());
    assertThat(RecordConverter.convert(unknownType)).isEqualTo(Optional.empty());
  }

  @Test
  void namesWithSpecialCharactersReachTheWireAsTheyAre() throws Exception {
    DomainName odd = DomainName.of("a b\\c\"(d);@.example.test");

    Name wire = RecordConverter.toName(odd);

    assertThat(wire.labels()).isEqualTo(4);
    assertThat(new String(wire.getLabel(0), java.nio.charset.StandardCharsets.US_ASCII).substring(1))
        .isEqualTo("a b\\c\"(d);@");
    assertThat(RecordConverter.name(wire)).contains(odd);
    assertThat(RecordConverter.toName(DomainName.of("*.example.test"))).isEqualTo(Name.fromString("*.example.test."));
  }

  @Test
  void namesConvertBothWays() {
    DomainName d = DomainName.of("Mail.Example.TEST");

    assertThat(RecordConverter.toName(d).toString()).isEqualTo("mail.example.test.");
    assertThat(RecordConverter.name(Name.fromConstantString("MAIL.example.test.")))
        .contains(DomainName.of("mail.example.test"));
    assertThat(RecordConverter.name(Name.root)).contains(DomainName.root());
  }
}
