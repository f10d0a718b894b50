package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.spf.SpfIncludeTree.Node;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;

/** Random include/redirect graphs and hostile input: the audit always ends, in bounds, without throwing. */
class SpfAuditPropertiesTest {

  /**
   * One domain of a random graph: {@code d<i>.example}.
   *
   * @param published whether it has an SPF record
   * @param includes the domains it includes (self-includes and cycles allowed)
   * @param redirect the domain it redirects to, if any
   * @param all 0 for no {@code all}, else 1 {@code -all}, 2 {@code ~all}, 3 {@code ?all}
   * @param ip4s third octets of its {@code ip4:10.0.x.0/24} terms
   */
  record DomainSpec(boolean published, List<Integer> includes, Optional<Integer> redirect, int all,
      List<Integer> ip4s) {

    String record() {
      StringBuilder sb = new StringBuilder("v=spf1");
      ip4s.forEach(x -> sb.append(" ip4:10.0.").append(x).append(".0/24"));
      includes.forEach(t -> sb.append(" include:d").append(t).append(".example"));
      if (all > 0) {
        sb.append(' ').append("-~?".charAt(all - 1)).append("all");
      }
      redirect.ifPresent(r -> sb.append(" redirect=d").append(r).append(".example"));
      return sb.toString();
    }
  }

  @Provide
  Arbitrary<List<DomainSpec>> graphs() {
    return Arbitraries.integers().between(1, 24).flatMap(n -> {
      Arbitrary<Integer> target = Arbitraries.integers().between(0, n - 1);
      Arbitrary<DomainSpec> spec = Combinators.combine(
          Arbitraries.integers().between(0, 9).map(x -> x > 0),
          target.list().ofMaxSize(4),
          target.injectNull(0.6).map(Optional::ofNullable),
          Arbitraries.integers().between(0, 3),
          Arbitraries.integers().between(0, 255).list().ofMaxSize(2)).as(DomainSpec::new);
      return spec.list().ofSize(n);
    });
  }

  /** Turns a graph into one without cycles: every reference points to a later domain, and all publish. */
  static List<DomainSpec> acyclic(List<DomainSpec> graph) {
    int n = graph.size();
    List<DomainSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DomainSpec d = graph.get(i);
      int later = n - i - 1;
      int from = i + 1;
      List<Integer> includes = later == 0 ? List.of() : d.includes().stream().map(t -> from + t % later).toList();
      Optional<Integer> redirect = later == 0 ? Optional.empty() : d.redirect().map(t -> from + t % later);
      out.add(new DomainSpec(true, includes, redirect, d.all(), d.ip4s()));
    }
    return out;
  }

  static DnsResolver resolver(List<DomainSpec> graph) {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.get(i).published()) {
        String rec = graph.get(i).record();
        if (rec.length() <= 255) {
          b.txt("d" + i + ".example", rec);
        } else {
          b.txt("d" + i + ".example", rec.substring(0, 255), rec.substring(255));
        }
      }
    }
    return b.build();
  }

  @Property(tries = 300)
  void randomGraphsGiveBoundedAudits(@ForAll("graphs") List<DomainSpec> graph) {
    SpfAuditor auditor = SpfAuditor.builder().resolver(resolver(graph)).build();
    long start = System.nanoTime();
    SpfAudit a = auditor.audit(DomainName.of("d0.example"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(a.worstCaseLookups()).isNotNegative();
    assertThat(a.voidLookups()).isNotNegative();
    assertThat(a.tree().depth()).isLessThanOrEqualTo(SpfAuditor.MAX_TREE_DEPTH);
    assertThat(a.tree().size()).isLessThanOrEqualTo(SpfAuditor.MAX_TREE_NODES);
    for (Node n : a.tree().nodes()) {
      assertThat(n.ownLookups()).isNotNegative();
      assertThat(n.totalLookups()).isGreaterThanOrEqualTo(n.ownLookups());
      if (n.status() == Status.LOOP) {
        assertThat(n.children()).isEmpty();
      }
    }
    assertThat(a.tree().render()).isNotEmpty();
    for (Diagnostic d : a.findings()) {
      assertThat(d.message()).isNotBlank();
      assertThat(d.reference()).isPresent();
    }
  }

  /**
   * Where the graph has no loop and every record exists, the audit counts exactly what the evaluator
   * spends on a client that matches nothing (unless the tree was cut or the count passes 100).
   */
  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void worstCaseEqualsEvaluatorLookupsOnAcyclicGraphs(@ForAll("graphs") List<DomainSpec> anyGraph) {
    List<DomainSpec> graph = acyclic(anyGraph);
    DnsResolver dns = resolver(graph);
    SpfAudit a = SpfAuditor.builder().resolver(dns).build().audit(DomainName.of("d0.example"));
    boolean clean = a.tree().complete() && a.tree().nodes().stream().allMatch(n -> n.status() == Status.OK)
        && a.worstCaseLookups() <= 100;
    Statistics.label("compared with the evaluator").collect(clean);
    Statistics.label("compared with the evaluator")
        .coverage(c -> c.check(true).percentage(p -> p >= 50.0));
    if (!clean) {
      return;
    }
    SpfChecker checker = SpfChecker.builder().resolver(dns)
        .limits(Limits.builder().maxDnsLookups(100).maxVoidLookups(100).build()).build();
    SpfEvaluation e = checker.check(SpfRequest.mailFrom(IpAddress.of("192.0.2.99"), "x@d0.example", "d0.example"));
    assertThat(e.result()).as(e.explain()).isNotIn(SpfResult.PASS, SpfResult.PERMERROR, SpfResult.TEMPERROR);
    assertThat(a.worstCaseLookups()).as(e.explain()).isEqualTo(e.trace().dnsLookups());
  }

  @Property(tries = 300)
  void arbitraryProposedStringsGiveFindingsNotExceptions(
      @ForAll @Size(max = 6) List<@Size(max = 400) String> strings) {
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), strings);
    assertThat(a.source()).isEqualTo(SpfAudit.Source.PROPOSED);
    boolean tooLong = strings.stream().anyMatch(s -> s.getBytes(StandardCharsets.UTF_8).length > 255);
    assertThat(a.has(SpfCodes.SPF_STRING_TOO_LONG)).isEqualTo(tooLong);
    if (a.record().isEmpty()) {
      assertThat(a.hasErrors()).isTrue();
    }
  }

  @Property(tries = 200)
  void binaryGarbageAfterTheVersionGivesFindings(@ForAll @Size(max = 600) byte[] bytes) {
    String garbage = "v=spf1 " + new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < garbage.length(); i += 200) {
      strings.add(garbage.substring(i, Math.min(garbage.length(), i + 200)));
    }
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), strings);
    assertThat(a.recordText()).contains(garbage);
    assertThat(a.findings()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
  }

  @Test
  void oneMegabyteProposedRecord() {
    String huge = "v=spf1 " + "ip4:192.0.2.1 ".repeat(75_000) + "-all";
    assertThat(huge.length()).isGreaterThan(1_000_000);
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), List.of(huge));
    assertThat(a.has(SpfCodes.SPF_STRING_TOO_LONG)).isTrue();
    assertThat(a.has(SpfCodes.SPF_INVALID_TERM)).isTrue();
    assertThat(a.record()).isEmpty();
    assertThat(a.findings()).allSatisfy(d -> assertThat(d.evidence().orElse("").length()).isLessThan(4096));
  }

  @Test
  void recordFullOfBadTermsStaysFast() {
    String rec = "v=spf1" + " \u0001".repeat(32_000);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < rec.length(); i += 255) {
      strings.add(rec.substring(i, Math.min(rec.length(), i + 255)));
    }
    long start = System.nanoTime();
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), strings);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(a.findings(SpfCodes.SPF_INVALID_CHARACTER)).isNotEmpty()
        .hasSizeLessThanOrEqualTo(Limits.DEFAULT_MAX_DIAGNOSTICS);
    assertThat(a.tree().root().status()).isEqualTo(Status.SYNTAX_ERROR);
  }

  @Test
  void manyLongStringsAreCappedFindings() {
    List<String> strings = new ArrayList<>();
    strings.add("v=spf1 ");
    for (int i = 0; i < 500; i++) {
      strings.add("x".repeat(300));
    }
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), strings);
    assertThat(a.findings(SpfCodes.SPF_STRING_TOO_LONG)).hasSize(Limits.DEFAULT_MAX_DIAGNOSTICS);
    assertThat(a.findings(SpfCodes.SPF_AUDIT_INCOMPLETE)).anySatisfy(d -> assertThat(d.message()).contains("400 more"));
  }

  @Test
  void proposedRecordWithThousandsOfTermsStaysBounded() {
    StringBuilder sb = new StringBuilder("v=spf1");
    for (int i = 0; i < 1500; i++) {
      sb.append(" include:s").append(i).append(".example a:h").append(i).append(".example");
    }
    String rec = sb.append(" -all").toString();
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < rec.length(); i += 255) {
      strings.add(rec.substring(i, Math.min(rec.length(), i + 255)));
    }
    long start = System.nanoTime();
    SpfAudit a = SpfAuditor.builder().resolver(InMemoryDnsResolver.builder().build()).build()
        .auditProposed(DomainName.of("example.com"), strings);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(a.worstCaseLookups()).isEqualTo(3000);
    assertThat(a.tree().size()).isLessThanOrEqualTo(SpfAuditor.MAX_TREE_NODES);
    assertThat(a.has(SpfCodes.SPF_AUDIT_INCOMPLETE)).isTrue();
    assertThat(a.findings().size()).isLessThan(2000);
  }

  @Test
  void misbehavingResolversGiveFindings() {
    DnsResolver throwing = q -> {
      throw new IllegalStateException("boom");
    };
    DnsResolver failing = q -> CompletableFuture.failedFuture(new RuntimeException("bang"));
    DnsResolver nulls = q -> CompletableFuture.completedFuture((DnsOutcome) null);
    DnsResolver never = q -> new CompletableFuture<>();
    for (DnsResolver r : List.of(throwing, failing, nulls, never)) {
      SpfAuditor auditor = SpfAuditor.builder().resolver(r).limits(Limits.builder()
          .queryTimeout(Duration.ofMillis(50)).totalTimeBudget(Duration.ofMillis(200)).build()).build();
      SpfAudit a = auditor.audit(DomainName.of("example.com"));
      assertThat(a.has(SpfCodes.SPF_DNS_ERROR) || a.has(SpfCodes.SPF_TIME_BUDGET)).isTrue();
      SpfAudit p = auditor.auditProposed(DomainName.of("example.com"), List.of("v=spf1 include:b.example -all"));
      assertThat(p.record()).isPresent();
      assertThat(p.tree().root().children().get(0).status()).isIn(Status.DNS_ERROR, Status.NOT_FOLLOWED);
    }
  }

  @Test
  void hostileRecordsFromDns() {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:b.example include:c.example -all")
        .txt("b.example", "v=spf1 \u0000\u00ff\ufffd include:\u0007 -all")
        .txt("c.example", "v=spf1 " + "%".repeat(200));
    SpfAudit a = SpfAuditor.builder().resolver(b.build()).build().audit(DomainName.of("example.com"));
    assertThat(a.tree().root().children()).extracting(Node::status)
        .containsExactly(Status.SYNTAX_ERROR, Status.SYNTAX_ERROR);
    assertThat(a.tree().render()).doesNotContain("\u0000").contains("\\x00");
  }
}
