package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.InMemoryDnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Flattening: which networks a policy authorises, and the flattened replacement records. */
class SpfAuditFlatteningTest {

  static SpfAudit audit(InMemoryDnsResolver.Builder dns) {
    return SpfAuditor.builder().resolver(dns.build()).build().audit(DomainName.of("example.com"));
  }

  static SpfAudit audit(String record) {
    return audit(InMemoryDnsResolver.builder().txt("example.com", record));
  }

  static List<String> networks(SpfAudit a) {
    return a.flattenedNetworks().orElseThrow().stream().map(IpNetwork::toString).toList();
  }

  /** Returns the records of a suggestion as (owner, joined text) pairs. */
  static List<String[]> suggestedRecords(String suggestion) {
    List<String[]> out = new ArrayList<>();
    Pattern line = Pattern.compile("^  (\\S+) IN TXT (.*)$", Pattern.MULTILINE);
    Pattern quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    Matcher m = line.matcher(suggestion);
    while (m.find()) {
      StringBuilder text = new StringBuilder();
      Matcher q = quoted.matcher(m.group(2));
      while (q.find()) {
        assertThat(q.group(1).length()).isLessThanOrEqualTo(255);
        text.append(q.group(1));
      }
      out.add(new String[] {m.group(1), text.toString()});
    }
    return out;
  }

  @Test
  void realisticPolicyFlattensCompletely() {
    SpfAudit a = audit(SpfAuditTreeTest.realistic());
    SpfFlattening f = a.flattening().orElseThrow();
    assertThat(f.isComplete()).isTrue();
    assertThat(f.reasons()).isEmpty();
    assertThat(networks(a)).containsExactly("192.0.2.0/24", "198.51.100.0/24", "203.0.113.10/32",
        "203.0.113.25/32", "2001:db8::/32");
    assertThat(a.flatteningSuggestion()).as("6 lookups are within the limit").isEmpty();
  }

  @Test
  void noFlatteningWithoutRecord() {
    assertThat(audit(InMemoryDnsResolver.builder()).flattening()).isEmpty();
    assertThat(audit("v=spf1 bogus -all").flattenedNetworks()).isEmpty();
  }

  @Test
  void onlyPassBranchesContribute() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:192.0.2.1 ~include:b.example ?ip4:192.0.2.2 -all")
        .txt("b.example", "v=spf1 ip4:198.51.100.0/24 -all"));
    assertThat(networks(a)).containsExactly("192.0.2.1/32");
    assertThat(a.flattening().orElseThrow().isComplete()).isTrue();
  }

  @Test
  void exclusionBeforePassTermsMakesItPartial() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:b.example -all")
        .txt("b.example", "v=spf1 -ip4:192.0.2.5 ip4:192.0.2.0/24 -all"));
    SpfFlattening f = a.flattening().orElseThrow();
    assertThat(f.isComplete()).isFalse();
    assertThat(f.reasons()).singleElement().asString().contains("'-ip4:192.0.2.5' excludes addresses");
    assertThat(networks(a)).containsExactly("192.0.2.0/24");
  }

  @Test
  void nonPassTermsAfterThePassTermsChangeNothing() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:b.example -all")
        .txt("b.example", "v=spf1 ip4:192.0.2.0/24 -ip4:198.51.100.1 ?all"));
    assertThat(a.flattening().orElseThrow().isComplete()).isTrue();
    assertThat(networks(a)).containsExactly("192.0.2.0/24");
  }

  @Test
  void passAllAuthorisesEverything() {
    assertThat(networks(audit("v=spf1 ip4:192.0.2.1 +all"))).containsExactly("0.0.0.0/0", "::/0");
  }

  @Test
  void addressTermsUseTheirCidrLengths() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 a/24 mx//64 a:v6.example -all")
        .a("example.com", "192.0.2.10")
        .mx("example.com", 10, "mx.example.com")
        .aaaa("mx.example.com", "2001:db8:1:2::25")
        .a("mx.example.com", "198.51.100.25")
        .aaaa("v6.example", "2001:db8:ffff::1"));
    assertThat(networks(a)).containsExactly("192.0.2.0/24", "198.51.100.25/32", "2001:db8:1:2::/64",
        "2001:db8:ffff::1/128");
    assertThat(a.flattening().orElseThrow().isComplete()).isTrue();
  }

  @Test
  void unflattenableTermsAreNamed() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:192.0.2.1 exists:%{i}.allow.example ptr include:%{d}.x.example"
            + " include:broken.example a:down.example -all")
        .servfail("broken.example").servfail("down.example"));
    SpfFlattening f = a.flattening().orElseThrow();
    assertThat(f.isComplete()).isFalse();
    assertThat(String.join("\n", f.reasons())).contains("exists:%{i}.allow.example").contains("'ptr'")
        .contains("include:%{d}.x.example").contains("include:broken.example").contains("a:down.example");
    assertThat(networks(a)).containsExactly("192.0.2.1/32");
  }

  @Test
  void redirectTargetIsPartOfThePolicy() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:192.0.2.1 redirect=b.example")
        .txt("b.example", "v=spf1 ip4:198.51.100.0/24 ~all"));
    assertThat(networks(a)).containsExactly("192.0.2.1/32", "198.51.100.0/24");
  }

  @Test
  void mergeDropsDuplicatesAndContainedAndJoinsHalves() {
    List<IpNetwork> merged = SpfFlattening.merge(List.of(IpNetwork.of("2001:db8::/48"), IpNetwork.of("192.0.2.0/25"),
        IpNetwork.of("192.0.2.128/25"), IpNetwork.of("192.0.3.0/24"), IpNetwork.of("192.0.2.7"),
        IpNetwork.of("2001:db8::1"), IpNetwork.of("2001:db8::/48"), IpNetwork.of("10.0.0.1")));
    assertThat(merged).extracting(IpNetwork::toString)
        .containsExactly("10.0.0.1/32", "192.0.2.0/23", "2001:db8::/48");
    assertThat(SpfFlattening.merge(List.of())).isEmpty();
  }

  @Provide
  Arbitrary<List<IpNetwork>> ip4Networks() {
    Arbitrary<IpNetwork> n = Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(22, 32))
        .as((b, c, p) -> IpNetwork.of(IpAddress.of("192.0." + b + "." + c), p));
    return n.list().ofMaxSize(40);
  }

  /** Merging keeps exactly the same addresses, and leaves nothing to merge further. */
  @Property(tries = 300)
  void mergeKeepsTheSameAddresses(@ForAll("ip4Networks") List<IpNetwork> input) {
    List<IpNetwork> merged = SpfFlattening.merge(input);
    for (int b = 0; b < 4; b++) {
      for (int c = 0; c < 256; c++) {
        IpAddress ip = IpAddress.of("192.0." + b + "." + c);
        boolean before = input.stream().anyMatch(n -> n.contains(ip));
        boolean after = merged.stream().anyMatch(n -> n.contains(ip));
        assertThat(after).as("%s", ip).isEqualTo(before);
      }
    }
    for (int i = 0; i < merged.size(); i++) {
      for (int j = 0; j < merged.size(); j++) {
        if (i != j) {
          assertThat(merged.get(i).overlaps(merged.get(j))).isFalse();
        }
      }
    }
    assertThat(SpfFlattening.merge(merged)).isEqualTo(merged);
    assertThat(Set.copyOf(merged)).hasSize(merged.size());
  }

  /** Providers {@code p<i>.example}, each with {@code networksEach} non-adjacent /24 networks. */
  static InMemoryDnsResolver.Builder providers(int count, int networksEach) {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
    for (int i = 0; i < count; i++) {
      StringBuilder rec = new StringBuilder("v=spf1");
      for (int k = 0; k < networksEach; k++) {
        rec.append(" ip4:10.").append(i).append('.').append(k * 2).append(".0/24");
      }
      dns.txt("p" + i + ".example", rec.append(" -all").toString());
    }
    return dns;
  }

  /** A root record including {@code includes} providers. */
  static InMemoryDnsResolver.Builder overLimit(int includes, int networksEach) {
    StringBuilder root = new StringBuilder("v=spf1");
    for (int i = 0; i < includes; i++) {
      root.append(" include:p").append(i).append(".example");
    }
    return providers(includes, networksEach).txt("example.com", root.append(" ~all").toString());
  }

  @Test
  void suggestionWhenOverTheLimit() {
    SpfAudit a = audit(overLimit(11, 1));
    String s = a.flatteningSuggestion().orElseThrow();
    List<String[]> records = suggestedRecords(s);
    assertThat(records).hasSize(1);
    assertThat(records.get(0)[0]).isEqualTo("example.com.");
    String rec = records.get(0)[1];
    assertThat(rec).startsWith("v=spf1 ip4:10.0.0.0/24 ip4:10.1.0.0/24").endsWith(" ~all");
    assertThat(SpfRecord.parse(rec).isSuccess()).isTrue();
    assertThat(s).contains("0 DNS-querying terms instead of 11").contains("Caveat").contains("stale");
    assertThat(audit(overLimit(10, 1)).flatteningSuggestion()).isEmpty();
  }

  @Test
  void longSuggestionIsSplitIntoIncludedRecords() {
    SpfAudit a = audit(overLimit(12, 6));
    String s = a.flatteningSuggestion().orElseThrow();
    List<String[]> records = suggestedRecords(s);
    assertThat(records.size()).isGreaterThan(2);
    assertThat(s).contains("split into " + (records.size() - 1) + " records");
    String root = records.get(0)[1];
    assertThat(root).startsWith("v=spf1 include:_spf1.example.com include:_spf2.example.com").endsWith(" ~all");
    int networks = 0;
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i)[0]).isEqualTo("_spf" + i + ".example.com.");
      String rec = records.get(i)[1];
      assertThat(rec.length()).isLessThanOrEqualTo(SpfAuditor.MAX_SUGGESTED_RECORD_LENGTH);
      SpfRecord parsed = SpfRecord.parse(rec).orElseThrow();
      networks += parsed.directives().size() - 1;
    }
    assertThat(networks).isEqualTo(72);
    assertThat(s).contains((records.size() - 1) + " DNS-querying terms instead of 12");
  }

  @Test
  void suggestionKeepsWhatCannotBeFlattened() {
    InMemoryDnsResolver.Builder dns = providers(10, 1);
    dns.txt("example.com", "v=spf1 -ip4:10.0.0.9 include:p0.example include:p1.example include:p2.example"
        + " include:p3.example include:p4.example include:p5.example include:p6.example include:p7.example"
        + " include:p8.example include:p9.example include:m.example exp=why.example.com -all");
    dns.txt("m.example", "v=spf1 exists:%{i}.allow.m.example -all");
    SpfAudit a = audit(dns);
    String s = a.flatteningSuggestion().orElseThrow();
    String rec = suggestedRecords(s).get(0)[1];
    assertThat(rec).startsWith("v=spf1 -ip4:10.0.0.9 ip4:10.0.0.0/24")
        .endsWith(" include:m.example exp=why.example.com -all");
    assertThat(s).contains("Kept as they are").contains("include:m.example").contains("2 DNS-querying terms");
    assertThat(SpfRecord.parse(rec).isSuccess()).isTrue();
    assertThat(a.flattening().orElseThrow().reasons()).anySatisfy(r -> assertThat(r).contains("exists:%{i}"));
  }
}
