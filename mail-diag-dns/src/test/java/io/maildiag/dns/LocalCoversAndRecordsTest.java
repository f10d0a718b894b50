package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LocalDnsResolver#covers} and {@link LocalDnsResolver#records()} of the in-memory resolver. */
class LocalCoversAndRecordsTest {

  @Test
  void coversTheTypeAtTheNameACnameAtTheNameOrAFault() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .a("example.com", "192.0.2.1")
        .cname("www.example.com", "elsewhere.example.net")
        .refused("refused.example.com")
        .a("a.b.example.com", "192.0.2.2")
        .a("*.wild.example.com", "192.0.2.3")
        .build();

    assertThat(dns.covers(DnsQuery.of("example.com", RecordType.A))).isTrue();
    assertThat(dns.covers(DnsQuery.of("example.com", RecordType.MX))).isFalse();
    assertThat(dns.covers(DnsQuery.of("www.example.com", RecordType.MX))).isTrue();
    assertThat(dns.covers(DnsQuery.of("www.example.com", RecordType.CNAME))).isTrue();
    assertThat(dns.covers(DnsQuery.of("refused.example.com", RecordType.TXT))).isTrue();
    assertThat(dns.covers(DnsQuery.of("b.example.com", RecordType.A))).as("empty non-terminal").isFalse();
    assertThat(dns.covers(DnsQuery.of("nope.example.com", RecordType.A))).isFalse();
    assertThat(dns.covers(DnsQuery.of("x.wild.example.com", RecordType.A))).as("wildcard").isFalse();
  }

  @Test
  void recordsAreInCanonicalNameOrderThenByTypeCode() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("z.example.com", "z")
        .mx("example.com", 10, "mail.example.com")
        .a("example.com", "192.0.2.1")
        .txt("example.com", "t")
        .a("b.example.com", "192.0.2.2")
        .a("a.example.net", "192.0.2.3")
        .aaaa("a.example.com", "2001:db8::1")
        .ns("example.com", "ns.example.com")
        .build();

    List<String> order = dns.records().stream().map(r -> r.name() + "/" + r.type()).toList();

    assertThat(order).containsExactly(
        "example.com/A", "example.com/NS", "example.com/MX", "example.com/TXT",
        "a.example.com/AAAA", "b.example.com/A", "z.example.com/TXT",
        "a.example.net/A");
  }

  @Test
  void recordsKeepInsertionOrderWithinAnRrsetAndAreUnmodifiable() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .a("example.com", "192.0.2.9", "192.0.2.1", "192.0.2.5")
        .build();

    List<DnsRecord> all = dns.records();

    assertThat(all).extracting(r -> ((ARecord) r).address().toString())
        .containsExactly("192.0.2.9", "192.0.2.1", "192.0.2.5");
    assertThat(lookup(dns, "example.com", RecordType.A).records()).isEqualTo(all);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> all.add(all.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
