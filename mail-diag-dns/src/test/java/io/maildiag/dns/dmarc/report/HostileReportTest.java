package io.maildiag.dns.dmarc.report;

import static io.maildiag.dns.dmarc.report.AggregateReportCodes.*;
import static io.maildiag.dns.dmarc.report.ReportXml.gzip;
import static io.maildiag.dns.dmarc.report.ReportXml.record;
import static io.maildiag.dns.dmarc.report.ReportXml.report;
import static io.maildiag.dns.dmarc.report.ReportXml.utf8;
import static io.maildiag.dns.dmarc.report.ReportXml.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input: each case ends quickly with a clear diagnostic and no exception. */
class HostileReportTest {

  private static final Duration QUICK = Duration.ofSeconds(15);

  private static ParseResult<AggregateReport> parse(byte[] data) {
    return assertTimeoutPreemptively(QUICK, () -> AggregateReports.parse(data));
  }

  private static ParseResult<AggregateReport> parse(byte[] data, AggregateReportParser parser) {
    return assertTimeoutPreemptively(QUICK, () -> parser.parse(data));
  }

  private static void assertFailsWith(ParseResult<AggregateReport> r, DiagnosticCode code) {
    assertThat(r.isSuccess()).as("no value").isFalse();
    assertThat(r.errors()).extracting(Diagnostic::code).contains(code);
  }

  private static String allText(ParseResult<?> r) {
    return r.diagnostics().toString() + r.value();
  }

  @Test
  void externalEntityIsNeverRead() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE feedback [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <feedback><report_metadata><org_name>&xxe;</org_name></report_metadata></feedback>""";
    ParseResult<AggregateReport> r = parse(utf8(xxe));
    assertFailsWith(r, DMARC_REPORT_DTD_FORBIDDEN);
    assertThat(allText(r)).doesNotContain("root:");
    assertThat(r.errors().get(0).span()).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(2));
  }

  @Test
  void externalDtdAndParameterEntitiesAreRefused() {
    for (String doc : new String[] {
        "<!DOCTYPE feedback SYSTEM \"file:///etc/passwd\"><feedback/>",
        "<!DOCTYPE feedback SYSTEM \"http://127.0.0.1:1/evil.dtd\"><feedback/>",
        "<!DOCTYPE feedback [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><feedback/>"}) {
      ParseResult<AggregateReport> r = parse(utf8(doc));
      assertThat(r.isSuccess()).as(doc).isFalse();
      assertThat(allText(r)).doesNotContain("root:");
    }
  }

  @Test
  void undeclaredEntityWithoutDtdIsMalformed() {
    ParseResult<AggregateReport> r = parse(utf8(
        "<feedback><report_metadata><org_name>&xxe;</org_name></report_metadata></feedback>"));
    assertThat(r.errors()).isNotEmpty();
    assertThat(allText(r)).doesNotContain("root:");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      sb.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    sb.append("]>\n<feedback><report_metadata><org_name>&lol9;</org_name></report_metadata></feedback>");
    ParseResult<AggregateReport> r = parse(utf8(sb.toString()));
    assertFailsWith(r, DMARC_REPORT_DTD_FORBIDDEN);
  }

  @Test
  void gzipBombStopsAtTheLimit() {
    // 100 gzip members of 1 MiB of zeros each: 100 MiB decompressed from about 100 KiB.
    byte[] member = gzip(new byte[1 << 20]);
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      bomb.writeBytes(member);
    }
    byte[] data = bomb.toByteArray();
    assertThat(data.length).isLessThan(1 << 20);
    assertFailsWith(parse(data), DMARC_REPORT_DECOMPRESSED_TOO_LARGE);
    AggregateReportParser small = AggregateReportParser.builder()
        .limits(Limits.builder().maxInputBytes(4L << 20).build()).build();
    assertFailsWith(parse(data, small), DMARC_REPORT_DECOMPRESSED_TOO_LARGE);
  }

  @Test
  void singleStreamGzipBombStopsAtTheLimit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        gz.write(zeros);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    AggregateReportParser small = AggregateReportParser.builder()
        .limits(Limits.builder().maxInputBytes(2L << 20).build()).build();
    assertFailsWith(parse(out.toByteArray(), small), DMARC_REPORT_DECOMPRESSED_TOO_LARGE);
  }

  @Test
  void zipBombInASkippedEntryStopsAtTheLimit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.setLevel(Deflater.BEST_SPEED);
      z.putNextEntry(new ZipEntry("a.txt"));
      z.write(new byte[10]);
      z.closeEntry();
      z.putNextEntry(new ZipEntry("padding.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        z.write(zeros);
      }
      z.closeEntry();
      z.putNextEntry(new ZipEntry("report.xml"));
      z.write(utf8(report("o", "i", 1, 2)));
      z.closeEntry();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    AggregateReportParser small = AggregateReportParser.builder()
        .limits(Limits.builder().maxInputBytes(1L << 20).build()).build();
    assertFailsWith(parse(out.toByteArray(), small), DMARC_REPORT_DECOMPRESSED_TOO_LARGE);
    // with room for the padding the XML entry after it is found
    assertThat(parse(out.toByteArray()).isSuccess()).isTrue();
  }

  @Test
  void zipWithManyEntriesIsExaminedOnlyUpToTheLimit() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 5000; i++) {
      entries.put("junk" + i + ".txt", new byte[] {'x'});
    }
    entries.put("report.xml", utf8(report("o", "i", 1, 2)));
    ParseResult<AggregateReport> r = parse(zip(entries));
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errors()).isNotEmpty();

    Map<String, byte[]> dirsOnly = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      dirsOnly.put("d" + i + "/", new byte[0]);
    }
    assertFailsWith(parse(zip(dirsOnly)), DMARC_REPORT_NO_XML_ENTRY);
  }

  @Test
  void deepNestingIsBounded() {
    int depth = 100_000;
    String xml = report("o", "i", 1, 2).replace("</feedback>",
        "<record>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</record></feedback>");
    ParseResult<AggregateReport> r = parse(utf8(xml));
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DMARC_REPORT_TOO_DEEP);
    assertThat(r.orElseThrow().metadata().orgName()).isEqualTo("o");
  }

  @Test
  void tooManyRecordsStopsReading() {
    String rec = record("192.0.2.1", 1, "pass", "pass", "example.com", null, "example.com:pass");
    String xml = report("o", "i", 1, 2, rec.repeat(50));
    AggregateReportParser parser = AggregateReportParser.builder().maxRecords(10).build();
    ParseResult<AggregateReport> r = parse(utf8(xml), parser);
    assertThat(r.orElseThrow().records()).hasSize(10);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DMARC_REPORT_TOO_MANY_RECORDS);
  }

  @Test
  void tenMegabyteReportIsBoundedBySizeAndRecords(@TempDir Path dir) throws IOException {
    String rec = record("192.0.2.1", 1, "pass", "pass", "example.com", null, "example.com:pass");
    int n = (10 << 20) / rec.length() + 1;
    byte[] big = utf8(report("o", "i", 1, 2, rec.repeat(n)));
    assertThat(big.length).isGreaterThan(10 << 20);
    Limits oneMeg = Limits.builder().maxInputBytes(1 << 20).build();
    assertFailsWith(assertTimeoutPreemptively(QUICK, () -> AggregateReports.parse(big, oneMeg)),
        DMARC_REPORT_TOO_LARGE);
    assertFailsWith(parse(gzip(big), AggregateReportParser.builder().limits(oneMeg).build()),
        DMARC_REPORT_DECOMPRESSED_TOO_LARGE);
    Path file = dir.resolve("big.xml");
    Files.write(file, big);
    ParseResult<AggregateReport> fromFile = assertTimeoutPreemptively(QUICK,
        () -> AggregateReportParser.builder().limits(oneMeg).build().parse(file));
    assertFailsWith(fromFile, DMARC_REPORT_TOO_LARGE);
    ParseResult<AggregateReport> capped = parse(big, AggregateReportParser.builder().maxRecords(1000).build());
    assertThat(capped.orElseThrow().records()).hasSize(1000);
  }

  @Test
  void hugeTextIsTruncated() {
    String xml = report("o", "i", 1, 2).replace("<fo>1</fo>", "<fo>" + "x".repeat(1 << 20) + "</fo>");
    ParseResult<AggregateReport> r = parse(utf8(xml));
    assertThat(r.orElseThrow().policy().fo().orElseThrow()).hasSize(AggregateReportParser.MAX_TEXT_CHARS);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(DMARC_REPORT_ELEMENT_TOO_LARGE);
  }

  @Test
  void diagnosticsAreCapped() {
    String rec = record("not-an-ip", 1, "pass", "pass", "example.com", null, "example.com:pass");
    ParseResult<AggregateReport> r = parse(utf8(report("o", "i", 1, 2, rec.repeat(500))));
    assertThat(r.diagnostics()).hasSize(Limits.DEFAULT_MAX_DIAGNOSTICS + 1);
    assertThat(r.diagnostics().get(r.diagnostics().size() - 1).code()).isEqualTo(DMARC_REPORT_TOO_MANY_DIAGNOSTICS);
  }
}
