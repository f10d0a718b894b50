package io.maildiag.dns.dmarc.report;

import static io.maildiag.dns.dmarc.report.ReportXml.gzip;
import static io.maildiag.dns.dmarc.report.ReportXml.record;
import static io.maildiag.dns.dmarc.report.ReportXml.report;
import static io.maildiag.dns.dmarc.report.ReportXml.utf8;
import static io.maildiag.dns.dmarc.report.ReportXml.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateReportParseTest {

  static final String THREE_ROWS = report("google.com", "r-1", 1_700_000_000L, 1_700_086_399L,
      record("192.0.2.10", 12, "pass", "pass", "example.com", "example.com:pass", "example.com:pass"),
      record("2001:db8::1", 3, "fail", "fail", "example.com", null, "bounce.esp.example:pass"),
      record("198.51.100.7", 5, "fail", "fail", "example.com", "evil.example:fail", "evil.example:softfail"));

  private static AggregateReport ok(ParseResult<AggregateReport> r) {
    assertThat(r.diagnostics()).as("diagnostics").isEmpty();
    return r.orElseThrow();
  }

  @Test
  void readsEveryRfc7489Field() {
    AggregateReport rep = ok(AggregateReports.parse(utf8(THREE_ROWS)));
    ReportMetadata md = rep.metadata();
    assertThat(md.orgName()).isEqualTo("google.com");
    assertThat(md.email()).isEqualTo("noreply-dmarc@google.com.example");
    assertThat(md.extraContactInfo()).contains("https://google.com.example/dmarc");
    assertThat(md.reportId()).isEqualTo("r-1");
    assertThat(md.dateRange()).contains(new DateRange(Instant.ofEpochSecond(1_700_000_000L),
        Instant.ofEpochSecond(1_700_086_399L)));
    PolicyPublished p = rep.policy();
    assertThat(p.domain()).contains(DomainName.of("example.com"));
    assertThat(p.adkim()).contains(AlignmentMode.RELAXED);
    assertThat(p.aspf()).contains(AlignmentMode.STRICT);
    assertThat(p.p()).contains(PolicyAction.QUARANTINE);
    assertThat(p.sp()).contains(PolicyAction.REJECT);
    assertThat(p.np()).isEmpty();
    assertThat(p.pct()).isEqualTo(OptionalInt.of(50));
    assertThat(p.fo()).contains("1");
    assertThat(p.testing()).isFalse();
    assertThat(rep.isRfc9990()).isFalse();
    assertThat(rep.records()).hasSize(3);
    assertThat(rep.messageCount()).isEqualTo(20);

    ReportRecord r0 = rep.records().get(0);
    assertThat(r0.sourceIp()).isEqualTo(IpAddress.of("192.0.2.10"));
    assertThat(r0.count()).isEqualTo(12);
    assertThat(r0.policyEvaluated()).isEqualTo(new PolicyEvaluated(
        DispositionType.NONE, DmarcResultType.PASS, DmarcResultType.PASS, List.of()));
    assertThat(r0.identifiers().headerFrom()).contains(DomainName.of("example.com"));
    assertThat(r0.dkim()).containsExactly(new DkimAuthResult(Optional.of(DomainName.of("example.com")),
        Optional.of("s1"), DkimResultType.PASS, Optional.empty()));
    assertThat(r0.spf()).containsExactly(new SpfAuthResult(Optional.of(DomainName.of("example.com")),
        Optional.of(SpfDomainScope.MFROM), SpfResultType.PASS, Optional.empty()));
    assertThat(r0.line()).isGreaterThan(20);
    assertThat(r0.outcome()).isEqualTo(AlignmentOutcome.PASS);

    assertThat(rep.records().get(1).sourceIp()).isEqualTo(IpAddress.of("2001:db8::1"));
    assertThat(rep.records().get(1).outcome()).isEqualTo(AlignmentOutcome.MISALIGNED);
    assertThat(rep.records().get(2).spf().get(0).result()).isEqualTo(SpfResultType.SOFTFAIL);
    assertThat(rep.records().get(2).outcome()).isEqualTo(AlignmentOutcome.UNAUTHENTICATED);
  }

  @Test
  void gzipAndZipGiveTheSameReportAsPlainXml() {
    AggregateReport plain = ok(AggregateReports.parse(utf8(THREE_ROWS)));
    assertThat(ok(AggregateReports.parse(gzip(utf8(THREE_ROWS))))).isEqualTo(plain);
    assertThat(ok(AggregateReports.parse(zip(Map.of("google.com!example.com!1!2.xml", utf8(THREE_ROWS))))))
        .isEqualTo(plain);
  }

  @Test
  void zipPrefersTheFirstXmlEntryOverEarlierOtherFiles() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("docs/", new byte[0]);
    entries.put("README.txt", utf8("not a report"));
    entries.put("report.XML", utf8(THREE_ROWS));
    entries.put("second.xml", utf8("<feedback/>"));
    ParseResult<AggregateReport> r = AggregateReports.parse(zip(entries));
    assertThat(r.value().orElseThrow().records()).hasSize(3);
    // the file after it is not read, and the result says so
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(AggregateReportCodes.DMARC_REPORT_MORE_FILES);
      assertThat(d.message()).contains("'report.XML'");
    });
    entries.remove("second.xml");
    assertThat(ok(AggregateReports.parse(zip(entries))).records()).hasSize(3);
  }

  @Test
  void detectsFormatByMagicBytesNotFileName(@TempDir Path dir) throws Exception {
    Path misnamed = dir.resolve("report.xml");
    Files.write(misnamed, gzip(utf8(THREE_ROWS)));
    assertThat(ok(AggregateReports.parse(misnamed)).records()).hasSize(3);
    assertThat(ok(AggregateReports.parse(new ByteArrayInputStream(utf8(THREE_ROWS)))).records()).hasSize(3);
  }

  @Test
  void missingFileIsAnIoDiagnostic(@TempDir Path dir) {
    ParseResult<AggregateReport> r = AggregateReports.parse(dir.resolve("absent.xml.gz"));
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(AggregateReportCodes.DMARC_REPORT_IO_ERROR);
  }

  @Test
  void readsRfc9990Extensions() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0" xmlns:x="urn:example:ext">
          <version>1.0</version>
          <report_metadata>
            <org_name>Mail Receiver</org_name>
            <email>dmarc@receiver.example</email>
            <report_id>abc</report_id>
            <date_range><begin>1700000000</begin><end>1700086400</end></date_range>
            <error>DNS timeout for one lookup</error>
            <generator>receiver-dmarc 2.1</generator>
          </report_metadata>
          <policy_published>
            <domain>example.org</domain>
            <p>reject</p>
            <sp>quarantine</sp>
            <np>reject</np>
            <discovery_method>treewalk</discovery_method>
            <testing>y</testing>
          </policy_published>
          <extensions><x:weather>sunny</x:weather></extensions>
          <record>
            <row>
              <source_ip>203.0.113.5</source_ip>
              <count>1</count>
              <policy_evaluated>
                <disposition>pass</disposition>
                <dkim>pass</dkim>
                <spf>fail</spf>
                <reason><type>policy_test_mode</type><comment>t=y</comment></reason>
              </policy_evaluated>
            </row>
            <identifiers>
              <header_from>example.org</header_from>
              <envelope_from>bounces.example.org</envelope_from>
              <envelope_to>receiver.example</envelope_to>
            </identifiers>
            <auth_results>
              <dkim><domain>example.org</domain><selector>k1</selector><result>pass</result>
                <human_result>good sig</human_result></dkim>
              <spf><domain>bounces.example.org</domain><scope>mfrom</scope><result>fail</result>
                <human_result>not listed</human_result></spf>
            </auth_results>
            <x:note>row extension</x:note>
            <extensions><x:seen>2</x:seen></extensions>
          </record>
        </feedback>
        """;
    AggregateReport rep = ok(AggregateReports.parse(utf8(xml)));
    assertThat(rep.isRfc9990()).isTrue();
    assertThat(rep.version()).isEqualTo("1.0");
    assertThat(rep.metadata().errors()).containsExactly("DNS timeout for one lookup");
    assertThat(rep.metadata().generator()).contains("receiver-dmarc 2.1");
    assertThat(rep.policy().np()).contains(PolicyAction.REJECT);
    assertThat(rep.policy().testing()).isTrue();
    assertThat(rep.policy().discoveryMethod()).contains("treewalk");
    assertThat(rep.policy().pct()).isEmpty();
    assertThat(rep.extensions()).containsExactly(new ReportExtension("urn:example:ext", "weather", "sunny"));
    ReportRecord r = rep.records().get(0);
    assertThat(r.policyEvaluated().disposition()).isEqualTo(DispositionType.PASS);
    assertThat(r.policyEvaluated().reasons()).containsExactly(
        new PolicyOverrideReason(PolicyOverrideType.POLICY_TEST_MODE, Optional.of("t=y")));
    assertThat(r.identifiers().envelopeFrom()).contains(DomainName.of("bounces.example.org"));
    assertThat(r.identifiers().envelopeTo()).contains(DomainName.of("receiver.example"));
    assertThat(r.dkim().get(0).humanResult()).contains("good sig");
    assertThat(r.spf().get(0).humanResult()).contains("not listed");
    assertThat(r.extensions()).containsExactly(new ReportExtension("urn:example:ext", "seen", "2"));
  }

  @Test
  void honoursTheDeclaredEncoding() {
    String xml = report("Caf\u00e9 Mail", "e1", 1, 2);
    byte[] latin1 = xml.replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(ok(AggregateReports.parse(latin1)).metadata().orgName()).isEqualTo("Caf\u00e9 Mail");
  }

  @Test
  void invalidBytesAreReplacedWithAWarningAndUtf16IsRead() {
    byte[] bad = utf8(report("Caf\u00e9", "e1", 1, 2));
    int i = indexOf(bad, (byte) 0xc3);
    bad[i] = (byte) 0xff;
    ParseResult<AggregateReport> r = AggregateReports.parse(bad);
    assertThat(r.orElseThrow().metadata().orgName()).startsWith("Caf\uFFFD");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.diagnostics()).singleElement().satisfies(d ->
        assertThat(d.message()).contains("byte " + i));

    String xml = report("o", "u16", 1, 2).replace("UTF-8", "UTF-16");
    byte[] withBom = xml.getBytes(StandardCharsets.UTF_16);
    assertThat(ok(AggregateReports.parse(withBom)).metadata().reportId()).isEqualTo("u16");
    assertThat(ok(AggregateReports.parse(xml.getBytes(StandardCharsets.UTF_16LE))).metadata().reportId())
        .isEqualTo("u16");
  }

  private static int indexOf(byte[] b, byte v) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void missingRequiredElementsAreErrorsButTheReportIsBuilt() {
    String xml = """
        <feedback>
          <report_metadata><org_name>X</org_name></report_metadata>
          <record>
            <row><source_ip>192.0.2.1</source_ip><count>4</count></row>
          </record>
        </feedback>""";
    ParseResult<AggregateReport> r = AggregateReports.parse(utf8(xml));
    AggregateReport rep = r.orElseThrow();
    assertThat(rep.metadata().email()).isEmpty();
    assertThat(rep.metadata().dateRange()).isEmpty();
    assertThat(rep.policy().domain()).isEmpty();
    assertThat(rep.records()).hasSize(1);
    assertThat(rep.records().get(0).policyEvaluated().dmarcPass()).isFalse();
    assertThat(r.errors()).extracting(Diagnostic::message).contains(
        "report_metadata has no email", "report_metadata has no report_id", "report_metadata has no date_range",
        "row has no policy_evaluated", "record has no identifiers", "record has no auth_results",
        "policy_published is missing");
    assertThat(r.errors()).filteredOn(d -> d.message().equals("report_metadata has no email"))
        .allSatisfy(d -> assertThat(d.span()).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(2)));
  }

  @Test
  void badIpAndBadCountSkipTheRecordWithItsLine() {
    String xml = report("o", "i", 1, 2,
        record("999.1.1.1", 1, "pass", "pass", "example.com", null, "example.com:pass"),
        record("192.0.2.1", 2, "pass", "pass", "example.com", null, "example.com:pass"),
        record("192.0.2.2", 3, "pass", "pass", "example.com", null, "example.com:pass").replace(">3<", ">-3<"));
    ParseResult<AggregateReport> r = AggregateReports.parse(utf8(xml));
    assertThat(r.orElseThrow().records()).extracting(ReportRecord::count).containsExactly(2L);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(
        AggregateReportCodes.DMARC_REPORT_INVALID_IP, AggregateReportCodes.DMARC_REPORT_INVALID_VALUE);
    assertThat(r.errors().get(0).span()).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(24));
  }

  @Test
  void badDatesAndValuesAreDiagnosed() {
    String xml = report("o", "i", 5, 1).replace("<begin>5</begin>", "<begin>2024-01-01</begin>")
        .replace("<pct>50</pct>", "<pct>150</pct>").replace("<adkim>r</adkim>", "<adkim>x</adkim>");
    ParseResult<AggregateReport> r = AggregateReports.parse(utf8(xml));
    assertThat(r.orElseThrow().metadata().dateRange()).isEmpty();
    assertThat(r.orElseThrow().policy().pct()).isEmpty();
    assertThat(r.orElseThrow().policy().adkim()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains(
        AggregateReportCodes.DMARC_REPORT_INVALID_DATE, AggregateReportCodes.DMARC_REPORT_INVALID_VALUE);

    ParseResult<AggregateReport> inverted = AggregateReports.parse(utf8(report("o", "i", 5, 1)));
    assertThat(inverted.orElseThrow().metadata().dateRange()).isPresent();
    assertThat(inverted.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(AggregateReportCodes.DMARC_REPORT_INVALID_DATE);
  }

  @Test
  void unknownResultWordsAreKeptAsUnknownWithWarnings() {
    String xml = report("o", "i", 1, 2,
        record("192.0.2.1", 1, "pass", "pass", "example.com", "example.com:weird", "example.com:hardfail"));
    ParseResult<AggregateReport> r = AggregateReports.parse(utf8(xml));
    ReportRecord rec = r.orElseThrow().records().get(0);
    assertThat(rec.dkim().get(0).result()).isEqualTo(DkimResultType.UNKNOWN);
    assertThat(rec.spf().get(0).result()).isEqualTo(SpfResultType.FAIL);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(AggregateReportCodes.DMARC_REPORT_INVALID_VALUE);
  }

  @Test
  void truncatedXmlKeepsTheRecordsBeforeTheCut() {
    String cut = THREE_ROWS.substring(0, THREE_ROWS.indexOf("198.51.100.7"));
    ParseResult<AggregateReport> r = AggregateReports.parse(utf8(cut));
    assertThat(r.orElseThrow().records()).hasSize(2);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(AggregateReportCodes.DMARC_REPORT_MALFORMED_XML);
  }

  @Test
  void garbageAndWrongRootFailWithAnError() {
    for (byte[] junk : List.of(new byte[0], utf8("hello, world"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3},
        new byte[] {'P', 'K', 3, 4, 9, 9}, utf8("<html><body/></html>"), utf8("<?xml version='1.0'?>"))) {
      ParseResult<AggregateReport> r = AggregateReports.parse(junk);
      assertThat(r.isSuccess()).as(new String(junk, StandardCharsets.ISO_8859_1)).isFalse();
      assertThat(r.errors()).isNotEmpty();
    }
    assertThat(AggregateReports.parse(utf8("<html/>")).errors()).extracting(Diagnostic::code)
        .containsExactly(AggregateReportCodes.DMARC_REPORT_NOT_FEEDBACK);
  }

  @Test
  void aFeedbackElementWithNoReportInItFails() {
    for (String empty : List.of("<feedback/>", "<feedback><version>1.0</version></feedback>",
        "<feedback xmlns='urn:ietf:params:xml:ns:dmarc-2.0'><extension/></feedback>")) {
      ParseResult<AggregateReport> r = AggregateReports.parse(utf8(empty));
      assertThat(r.isSuccess()).as(empty).isFalse();
      assertThat(r.errors()).singleElement().satisfies(d -> {
        assertThat(d.code()).isEqualTo(AggregateReportCodes.DMARC_REPORT_MISSING_ELEMENT);
        assertThat(d.message()).contains("holds no report");
      });
    }
    // any part of a report makes it one, its missing parts reported
    ParseResult<AggregateReport> onlyRecord = AggregateReports.parse(utf8(
        "<feedback>" + THREE_ROWS.substring(THREE_ROWS.indexOf("<record>"), THREE_ROWS.indexOf("</record>") + 9)
            + "</feedback>"));
    assertThat(onlyRecord.value()).isPresent();
    assertThat(onlyRecord.errors()).extracting(Diagnostic::message)
        .containsExactly("report_metadata is missing", "policy_published is missing");
  }

  @Test
  void builderRefusesNonsense() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> AggregateReportParser.builder().maxRecords(0)).withMessageContaining("was 0");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> AggregateReportParser.builder().maxDepth(4));
  }
}
