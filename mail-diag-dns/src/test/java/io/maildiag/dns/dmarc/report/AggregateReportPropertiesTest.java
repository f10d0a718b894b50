package io.maildiag.dns.dmarc.report;

import static io.maildiag.dns.dmarc.report.ReportXml.gzip;
import static io.maildiag.dns.dmarc.report.ReportXml.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Parsing never throws and ends quickly, whatever the bytes. */
class AggregateReportPropertiesTest {

  private static final byte[] VALID = utf8(AggregateReportParseTest.THREE_ROWS);

  private static void assertWellBehaved(byte[] data) {
    long start = System.nanoTime();
    ParseResult<AggregateReport> r = AggregateReports.parse(data);
    assertThat(r).isNotNull();
    assertThat(r.isSuccess() || r.hasErrors()).isTrue();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Property(tries = 300)
  void arbitraryBytesNeverThrow(@ForAll @Size(max = 2000) byte[] data) {
    assertWellBehaved(data);
  }

  @Property(tries = 150)
  void arbitraryBytesBehindMagicNeverThrow(@ForAll("magic") byte[] prefix, @ForAll @Size(max = 500) byte[] data) {
    byte[] all = new byte[prefix.length + data.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(data, 0, all, prefix.length, data.length);
    assertWellBehaved(all);
  }

  @Provide
  Arbitrary<byte[]> magic() {
    return Arbitraries.of(new byte[] {0x1f, (byte) 0x8b}, new byte[] {'P', 'K', 3, 4}, utf8("<feedback>"),
        utf8("<?xml version=\"1.0\"?><feedback><record><row>"));
  }

  @Property(tries = 200)
  void mutatedReportsNeverThrow(@ForAll("cuts") int cut, @ForAll("cuts") int flip, @ForAll byte value,
      @ForAll boolean compress) {
    byte[] data = java.util.Arrays.copyOf(VALID, Math.min(cut, VALID.length));
    if (data.length > 0) {
      data[flip % data.length] = value;
    }
    assertWellBehaved(compress ? gzip(data) : data);
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, VALID.length);
  }
}
