package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated record sets against a model of an authoritative server: each (name, type) present
 * answers with exactly its records, each other name is NXDOMAIN unless it is an ancestor of a
 * present name (NODATA). No CNAMEs or wildcards, so the model stays this simple.
 */
class LocalAnswerPropertiesTest {

  private static final List<String> LABELS = List.of("a", "b", "c", "mail", "_dmarc", "sp ace", "q\"(;)\\@$");
  private static final List<RecordType> TYPES = List.of(RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.TXT);
  private static final DomainName APEX = DomainName.of("zone.example");

  @Property(tries = 200)
  void answersFollowTheAuthoritativeModel(@ForAll("recordSets") List<DnsRecord> records) {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().records(records).build();
    checkAgainstModel(dns, records);
  }

  @Property(tries = 60)
  void aZoneFilePrintedFromTheRecordsAnswersTheSame(@ForAll("recordSets") List<DnsRecord> records) {
    String text = records.stream().map(DnsRecord::toString).collect(Collectors.joining("\n", "", "\n"));

    ZoneFileResolver zone = DnsTestSupport.parseOk(text);

    assertThat(zone.records()).containsExactlyElementsOf(InMemoryDnsResolver.builder().records(records).build().records());
    checkAgainstModel(zone, records);
  }

  @Property(tries = 100)
  void overlayOfTheRecordsOverAnEmptyFallbackAnswersTheSame(@ForAll("recordSets") List<DnsRecord> records) {
    InMemoryDnsResolver local = InMemoryDnsResolver.builder().records(records).build();
    DnsResolver overlay = DnsResolver.overlay(local, InMemoryDnsResolver.builder().build());

    for (DomainName n : allNames()) {
      for (RecordType t : TYPES) {
        assertThat(overlay.lookup(n, t).records()).isEqualTo(local.lookup(n, t).records());
        assertThat(overlay.lookup(n, t).isVoid()).isEqualTo(local.lookup(n, t).isVoid());
      }
    }
  }

  private static void checkAgainstModel(LocalDnsResolver dns, List<DnsRecord> records) {
    Map<DomainName, Map<RecordType, Set<DnsRecord>>> model = new LinkedHashMap<>();
    for (DnsRecord r : records) {
      model.computeIfAbsent(r.name(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.type(), k -> new LinkedHashSet<>())
          .add(r);
    }
    for (DomainName n : allNames()) {
      boolean present = model.containsKey(n);
      boolean ancestor = model.keySet().stream().anyMatch(m -> !m.equals(n) && m.isSubdomainOf(n));
      for (RecordType t : TYPES) {
        DnsOutcome out = dns.lookup(n, t);
        assertThat(out.query()).isEqualTo(DnsQuery.of(n, t));
        assertThat(out.cnameChain()).isEmpty();
        Set<DnsRecord> expected = present ? model.get(n).get(t) : null;
        if (expected != null) {
          assertThat(out).as("%s/%s", n, t).isInstanceOf(DnsOutcome.Answer.class);
          assertThat(out.records()).containsExactlyElementsOf(expected);
          assertThat(dns.covers(DnsQuery.of(n, t))).isTrue();
        } else if (present || ancestor) {
          assertThat(out).as("%s/%s", n, t).isInstanceOf(DnsOutcome.NoData.class);
          assertThat(dns.covers(DnsQuery.of(n, t))).isFalse();
        } else {
          assertThat(out).as("%s/%s", n, t).isInstanceOf(DnsOutcome.NxDomain.class);
          assertThat(dns.covers(DnsQuery.of(n, t))).isFalse();
        }
      }
    }
    assertThat(dns.records()).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(records));
  }

  /** Every name the generator can produce, plus their ancestors and a few names outside. */
  private static List<DomainName> allNames() {
    List<DomainName> out = new ArrayList<>(List.of(DomainName.of("example"), APEX, DomainName.of("other.example"),
        DomainName.of("x.a.zone.example")));
    for (String l1 : LABELS) {
      DomainName n1 = APEX.child(l1);
      out.add(n1);
      for (String l2 : LABELS) {
        out.add(n1.child(l2));
      }
    }
    return out;
  }

  @Provide
  Arbitrary<List<DnsRecord>> recordSets() {
    Arbitrary<DomainName> name = Arbitraries.of(LABELS).list().ofMaxSize(2)
        .map(labels -> {
          DomainName n = APEX;
          for (String l : labels) {
            n = n.child(l);
          }
          return n;
        });
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 3);
    Arbitrary<Long> ttl = Arbitraries.longs().between(0, 86400);
    Arbitrary<DnsRecord> record = Combinators.combine(name, Arbitraries.of(TYPES), octet, ttl)
        .as((n, t, v, ttlValue) -> switch (t) {
          case A -> new ARecord(n, ttlValue, IpAddress.of("192.0.2." + v));
          case AAAA -> new AaaaRecord(n, ttlValue, IpAddress.of("2001:db8::" + v));
          case MX -> new MxRecord(n, ttlValue, v * 10, DomainName.of("mx" + v + ".example.net"));
          case TXT -> TxtRecord.of(n, ttlValue, "v=" + v, "s" + v);
          default -> throw new IllegalStateException();
        });
    return record.list().ofMaxSize(25);
  }
}
