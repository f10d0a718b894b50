package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.spf.SpfTrace.Step;
import io.maildiag.dns.spf.SpfTrace.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link SpfTrace} and {@link SpfEvaluation#explain()} record about an evaluation. */
class SpfTraceTest {

  static SpfEvaluation check(InMemoryDnsResolver.Builder dns) {
    return SpfChecker.builder().resolver(dns.build()).build()
        .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.3"), "alice@example.com", "h.example"));
  }

  @Test
  void stepsOfASimpleRecord() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:198.51.100.0/24 a -all").a("example.com", "192.0.2.3"));
    assertThat(e.trace().steps()).containsExactly(
        new Step(0, StepKind.CHECK, "example.com", "", ""),
        new Step(0, StepKind.RECORD, "example.com", "v=spf1 ip4:198.51.100.0/24 a -all", ""),
        new Step(0, StepKind.TERM, "example.com", "ip4:198.51.100.0/24", "no match"),
        new Step(0, StepKind.TERM, "example.com", "a", "match: pass"),
        new Step(0, StepKind.RESULT, "example.com", "", "pass"));
    assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("example.com", "a"));
    assertThat(e.trace().dnsLookups()).isEqualTo(1);
    assertThat(e.trace().voidLookups()).isZero();
  }

  @Test
  void termsAreShownCanonically() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1  +IP4:198.51.100.7/24   ?ALL"));
    assertThat(e.trace().steps()).extracting(Step::subject)
        .contains("ip4:198.51.100.0/24", "?all")
        .contains("v=spf1  +IP4:198.51.100.7/24   ?ALL");
  }

  @Test
  void includedRecordsAreOneLevelDeeper() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:inc.example.net -all")
        .txt("inc.example.net", "v=spf1 ip4:192.0.2.0/24"));
    assertThat(e.trace().steps()).containsExactly(
        new Step(0, StepKind.CHECK, "example.com", "", ""),
        new Step(0, StepKind.RECORD, "example.com", "v=spf1 include:inc.example.net -all", ""),
        new Step(1, StepKind.CHECK, "inc.example.net", "", ""),
        new Step(1, StepKind.RECORD, "inc.example.net", "v=spf1 ip4:192.0.2.0/24", ""),
        new Step(1, StepKind.TERM, "inc.example.net", "ip4:192.0.2.0/24", "match: pass"),
        new Step(1, StepKind.RESULT, "inc.example.net", "", "pass"),
        new Step(0, StepKind.TERM, "example.com", "include:inc.example.net", "match: pass"),
        new Step(0, StepKind.RESULT, "example.com", "", "pass"));
    assertThat(e.explain()).contains("\n    check_host(inc.example.net)\n").contains("\n  check_host(example.com)\n");
  }

  @Test
  void redirectIsATermStepAndTheTargetOneLevelDeeper() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ip4:198.51.100.1 redirect=r.example.net")
        .txt("r.example.net", "v=spf1 ~all"));
    assertThat(e.trace().steps()).containsSubsequence(
        new Step(0, StepKind.TERM, "example.com", "ip4:198.51.100.1", "no match"),
        new Step(0, StepKind.TERM, "example.com", "redirect=r.example.net", "redirect to r.example.net"),
        new Step(1, StepKind.CHECK, "r.example.net", "", ""),
        new Step(1, StepKind.TERM, "r.example.net", "~all", "match: softfail"),
        new Step(1, StepKind.RESULT, "r.example.net", "", "softfail"));
    assertThat(e.decidingTerm()).contains(new SpfEvaluation.DecidingTerm("r.example.net", "~all"));
  }

  @Test
  void absentRecordAndNeutralEnd() {
    SpfEvaluation none = check(InMemoryDnsResolver.builder());
    assertThat(none.trace().steps()).containsExactly(
        new Step(0, StepKind.CHECK, "example.com", "", ""),
        new Step(0, StepKind.RECORD, "example.com", "", "no SPF record (NXDOMAIN)"),
        new Step(0, StepKind.RESULT, "example.com", "", "none"));
    SpfEvaluation neutral = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1"));
    assertThat(neutral.trace().steps()).last()
        .isEqualTo(new Step(0, StepKind.RESULT, "example.com", "", "neutral (no term matched)"));
  }

  @Test
  void anErrorEndsTheTraceWhereItHappened() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:inc.example.net -all")
        .txt("inc.example.net", "v=spf1 a:%{x}.example.net"));
    assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
    Step last = e.trace().steps().get(e.trace().steps().size() - 1);
    assertThat(last.kind()).isEqualTo(StepKind.ERROR);
    assertThat(last.domain()).isEqualTo("inc.example.net");
    assertThat(last.depth()).isEqualTo(1);
    assertThat(last.outcome()).startsWith("permerror: ");
    assertThat(e.trace().steps()).noneMatch(s -> s.kind() == StepKind.RESULT);
  }

  @Test
  void severalRecordsAreShownTogether() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all"));
    assertThat(e.trace().steps()).filteredOn(s -> s.kind() == StepKind.RECORD).singleElement()
        .satisfies(s -> {
          assertThat(s.subject()).contains("v=spf1 -all").contains(" | ").contains("v=spf1 +all");
          assertThat(s.outcome()).isEqualTo("2 SPF records");
        });
    assertThat(e.trace().steps()).last().extracting(Step::kind).isEqualTo(StepKind.ERROR);
  }

  @Test
  void explanationStep() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 -all exp=why.example.com").txt("why.example.com", "not %{i}"));
    assertThat(e.trace().steps()).contains(
        new Step(0, StepKind.EXPLANATION, "example.com", "exp=why.example.com", "not 192.0.2.3"));
    assertThat(e.explain()).contains("explanation: not 192.0.2.3").contains("Explanation: not 192.0.2.3");
    SpfEvaluation missing = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 -all exp=why.example.com"));
    assertThat(missing.trace().steps()).filteredOn(s -> s.kind() == StepKind.EXPLANATION).singleElement()
        .satisfies(s -> assertThat(s.outcome()).startsWith("ignored: 0 TXT records"));
    assertThat(missing.explanation()).isEmpty();
  }

  @Test
  void queriesInOrderWithTheirOutcomesAndVoidFlags() {
    SpfEvaluation e = check(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 a:n1.example.com a:h.example.com a:n1.example.com -all")
        .a("h.example.com", "198.51.100.1"));
    assertThat(e.trace().queries()).extracting(q -> q.query().toString(), q -> q.outcome().kind(),
            SpfTrace.Query::countedVoid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("example.com/TXT", DnsOutcome.Kind.ANSWER, false),
            org.assertj.core.groups.Tuple.tuple("n1.example.com/A", DnsOutcome.Kind.NXDOMAIN, true),
            org.assertj.core.groups.Tuple.tuple("h.example.com/A", DnsOutcome.Kind.ANSWER, false));
    assertThat(e.trace().dnsLookups()).isEqualTo(3);
    // n1 is asked once but met by two terms: each is a void lookup (RFC 7208 section 4.6.4).
    assertThat(e.trace().voidLookups()).isEqualTo(2);
    assertThat(e.explain()).contains("DNS: 3 lookup(s) counted, 2 void, 3 question(s) asked");
  }

  @Test
  void theLookupCounterStopsOneAboveTheLimit() {
    StringBuilder record = new StringBuilder("v=spf1");
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
    for (int i = 1; i <= 15; i++) {
      record.append(" a:h").append(i).append(".example.com");
      dns.a("h" + i + ".example.com", "198.51.100." + i);
    }
    String text = record.toString();
    SpfEvaluation e = check(dns.txt("example.com", text.substring(0, 200), text.substring(200)));
    assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(e.trace().dnsLookups()).isEqualTo(11);
    assertThat(e.trace().queries()).hasSize(11);
    assertThat(e.trace().steps()).filteredOn(s -> s.kind() == StepKind.TERM).hasSize(10);
    assertThat(e.explain()).contains("DNS: 11 lookup(s) counted, 0 void, 11 question(s) asked")
        .contains("a:h11.example.com");
  }

  @Test
  void explainForAHeloCheck() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder().txt("mail.example.com", "v=spf1 +all").build();
    SpfEvaluation e = SpfChecker.builder().resolver(dns).build()
        .check(SpfRequest.helo(IpAddress.of("2001:db8::1"), "mail.example.com"));
    assertThat(e.explain()).startsWith("SPF check of 2001:db8::1 for HELO mail.example.com\n")
        .contains("Result: pass (decided by 'all' in the record of mail.example.com)");
  }

  @Test
  void theTraceIsAnImmutableCopy() {
    List<Step> steps = new ArrayList<>(List.of(new Step(0, StepKind.CHECK, "a.example", "", "")));
    List<SpfTrace.Query> queries = new ArrayList<>();
    SpfTrace trace = new SpfTrace(steps, queries, 1, 0);
    steps.clear();
    queries.add(new SpfTrace.Query(DnsQuery.of("a.example", RecordType.TXT),
        new DnsOutcome.NxDomain(DnsQuery.of("a.example", RecordType.TXT), List.of(), Optional.empty()), true));
    assertThat(trace.steps()).hasSize(1);
    assertThat(trace.queries()).isEmpty();
    assertThatThrownBy(() -> trace.steps().add(new Step(0, StepKind.CHECK, "b", "", "")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Step(0, null, "", "", "")).isInstanceOf(NullPointerException.class);
    SpfEvaluation e = check(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 -all"));
    assertThatThrownBy(() -> e.problems().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }
}
