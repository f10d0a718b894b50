package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per finding of {@link SpfAuditor}: triggered, and not triggered. */
class SpfAuditFindingsTest {

  static final DomainName EXAMPLE = DomainName.of("example.com");

  static InMemoryDnsResolver.Builder dns(String rootRecord) {
    return InMemoryDnsResolver.builder().txt("example.com", rootRecord);
  }

  static SpfAudit audit(InMemoryDnsResolver.Builder dns) {
    return SpfAuditor.builder().resolver(dns.build()).build().audit(EXAMPLE);
  }

  static SpfAudit audit(String rootRecord) {
    return audit(dns(rootRecord));
  }

  static SpfAudit proposed(InMemoryDnsResolver.Builder dns, String... strings) {
    return SpfAuditor.builder().resolver(dns.build()).build().auditProposed(EXAMPLE, List.of(strings));
  }

  static Diagnostic only(SpfAudit a, DiagnosticCode code) {
    assertThat(a.findings(code)).as("%s in %s", code, a.findings()).hasSize(1);
    return a.findings(code).get(0);
  }

  /** Every finding has the parts a domain owner needs. */
  static void assertWellFormed(SpfAudit a) {
    for (Diagnostic d : a.findings()) {
      assertThat(d.remediation()).as("remediation of %s", d).isPresent();
      assertThat(d.reference()).as("reference of %s", d).isPresent();
      if (d.code() != SpfCodes.SPF_AUDIT_INCOMPLETE && d.code() != SpfCodes.SPF_TIME_BUDGET) {
        assertThat(d.evidence()).as("evidence of %s", d).isPresent();
      }
    }
  }

  @Nested
  class Records {
    @Test
    void noRecord() {
      SpfAudit a = audit(InMemoryDnsResolver.builder().txt("example.com", "google-site-verification=abc"));
      Diagnostic d = only(a, SpfCodes.SPF_NO_RECORD);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.reference()).contains("RFC 7208 section 4.5");
      assertThat(a.tree().root().status()).isEqualTo(Status.NO_RECORD);
      assertThat(a.record()).isEmpty();
      assertThat(a.flattening()).isEmpty();
      assertWellFormed(a);
      assertThat(audit("v=spf1 -all").has(SpfCodes.SPF_NO_RECORD)).isFalse();
    }

    @Test
    void noRecordNamesLookalikeAndNxdomain() {
      SpfAudit typo = audit(InMemoryDnsResolver.builder().txt("example.com", "spf1 ip4:192.0.2.1 -all"));
      assertThat(only(typo, SpfCodes.SPF_NO_RECORD).evidence()).contains("spf1 ip4:192.0.2.1 -all");
      SpfAudit nx = audit(InMemoryDnsResolver.builder().txt("other.example", "v=spf1 -all"));
      assertThat(only(nx, SpfCodes.SPF_NO_RECORD).message()).contains("NXDOMAIN");
    }

    @Test
    void multipleRecords() {
      SpfAudit a = audit(dns("v=spf1 ip4:192.0.2.1 -all").txt("example.com", "v=spf1 mx -all"));
      Diagnostic d = only(a, SpfCodes.SPF_MULTIPLE_RECORDS);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.evidence().orElseThrow()).contains("v=spf1 ip4:192.0.2.1 -all").contains("v=spf1 mx -all");
      assertThat(a.tree().root().status()).isEqualTo(Status.MULTIPLE_RECORDS);
      assertThat(audit("v=spf1 mx -all").has(SpfCodes.SPF_MULTIPLE_RECORDS)).isFalse();
    }

    @Test
    void multipleRecordsInInclude() {
      SpfAudit a = audit(dns("v=spf1 include:b.example -all")
          .txt("b.example", "v=spf1 -all").txt("b.example", "v=spf1 ~all"));
      assertThat(only(a, SpfCodes.SPF_MULTIPLE_RECORDS).message()).startsWith("In b.example");
      assertThat(a.tree().root().children().get(0).status()).isEqualTo(Status.MULTIPLE_RECORDS);
    }

    @Test
    void syntaxErrorsAllReportedWithPositions() {
      String rec = "v=spf1 ip4:300.1.1.1 foo:bar a:%{z}.example -all";
      SpfAudit a = audit(rec);
      List<Diagnostic> errors = a.findings(Severity.ERROR);
      assertThat(errors).extracting(Diagnostic::code).containsExactly(
          SpfCodes.SPF_INVALID_IP, SpfCodes.SPF_UNKNOWN_MECHANISM, SpfCodes.SPF_INVALID_MACRO);
      assertThat(errors.get(0).span().orElseThrow().offset()).isEqualTo(rec.indexOf("300"));
      assertThat(errors.get(1).span().orElseThrow().offset()).isEqualTo(rec.indexOf("foo"));
      assertThat(errors.get(2).span().orElseThrow().column()).isEqualTo(rec.indexOf("%{z}") + 1);
      assertThat(errors).allSatisfy(e -> assertThat(e.evidence()).contains(rec));
      assertThat(a.tree().root().status()).isEqualTo(Status.SYNTAX_ERROR);
      assertThat(a.recordText()).contains(rec);
      assertThat(a.record()).isEmpty();
      assertWellFormed(a);
      assertThat(audit("v=spf1 ip4:192.0.2.1 -all").findings(Severity.ERROR)).isEmpty();
    }

    @Test
    void syntaxErrorInIncludedRecord() {
      SpfAudit a = audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 ip4:1.2.3 -all"));
      Diagnostic d = only(a, SpfCodes.SPF_INVALID_IP);
      assertThat(d.message()).startsWith("In b.example (include from example.com): ");
      assertThat(d.evidence()).contains("v=spf1 ip4:1.2.3 -all");
      assertThat(d.span().orElseThrow().offset()).isEqualTo(11);
      assertThat(a.tree().root().children().get(0).status()).isEqualTo(Status.SYNTAX_ERROR);
    }

    @Test
    void type99Published() {
      SpfAudit a = audit(dns("v=spf1 mx -all").spfType("example.com", "v=spf1 a -all"));
      Diagnostic d = only(a, SpfCodes.SPF_TYPE99_PUBLISHED);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("differs");
      assertThat(d.reference()).contains("RFC 7208 section 3.1");
      assertThat(audit("v=spf1 mx -all").has(SpfCodes.SPF_TYPE99_PUBLISHED)).isFalse();
      SpfAudit same = audit(dns("v=spf1 mx -all").spfType("example.com", "v=spf1 mx -all"));
      assertThat(only(same, SpfCodes.SPF_TYPE99_PUBLISHED).message()).doesNotContain("differs");
    }

    @Test
    void unknownModifier() {
      SpfAudit a = audit("v=spf1 mx foo=bar -all");
      Diagnostic d = only(a, SpfCodes.SPF_UNKNOWN_MODIFIER);
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.evidence()).contains("foo=bar");
      assertThat(d.span().orElseThrow().offset()).isEqualTo(10);
      assertWellFormed(a);
      assertThat(audit("v=spf1 mx exp=exp.example.com -all").has(SpfCodes.SPF_UNKNOWN_MODIFIER)).isFalse();
    }
  }

  @Nested
  class Lookups {
    static String includes(int n) {
      StringBuilder sb = new StringBuilder("v=spf1");
      for (int i = 0; i < n; i++) {
        sb.append(" include:s").append(i).append(".example");
      }
      return sb.append(" -all").toString();
    }

    static InMemoryDnsResolver.Builder withIncludes(int n) {
      InMemoryDnsResolver.Builder b = dns(includes(n));
      for (int i = 0; i < n; i++) {
        b.txt("s" + i + ".example", "v=spf1 ip4:192.0." + i + ".0/24 -all");
      }
      return b;
    }

    @Test
    void tooManyLookups() {
      SpfAudit a = audit(withIncludes(11));
      Diagnostic d = only(a, SpfCodes.SPF_TOO_MANY_LOOKUPS);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.message()).contains("11").contains("10");
      assertThat(a.worstCaseLookups()).isEqualTo(11);
      assertThat(a.has(SpfCodes.SPF_LOOKUPS_NEAR_LIMIT)).isFalse();
      assertWellFormed(a);
      assertThat(audit(withIncludes(7)).has(SpfCodes.SPF_TOO_MANY_LOOKUPS)).isFalse();
    }

    @Test
    void tooManyLookupsCountsTheWholeTree() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 include:a.example include:b.example -all")
          .txt("a.example", "v=spf1 include:c.example mx a ptr ~all")
          .txt("b.example", "v=spf1 exists:x.example include:c.example ?all")
          .txt("c.example", "v=spf1 a:h1.example a:h2.example mx:m.example -all")
          .a("h1.example", "192.0.2.1").a("h2.example", "192.0.2.2").a("x.example", "127.0.0.2")
          .mx("m.example", 10, "h1.example").a("a.example", "192.0.2.3")
          .mx("a.example", 10, "h2.example");
      SpfAudit a = audit(b);
      // root 2 + a.example (4 + c 3) + b.example (2 + c 3) = 14
      assertThat(a.worstCaseLookups()).isEqualTo(14);
      assertThat(only(a, SpfCodes.SPF_TOO_MANY_LOOKUPS).message()).contains("7 under include:a.example")
          .contains("5 under include:b.example");
    }

    @Test
    void nearLimit() {
      for (int n : new int[] {8, 9, 10}) {
        Diagnostic d = only(audit(withIncludes(n)), SpfCodes.SPF_LOOKUPS_NEAR_LIMIT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains(n + " of the 10");
      }
      assertThat(audit(withIncludes(7)).has(SpfCodes.SPF_LOOKUPS_NEAR_LIMIT)).isFalse();
    }

    @Test
    void nearLimitFollowsConfiguredLimit() {
      SpfAuditor strict = SpfAuditor.builder().resolver(withIncludes(4).build())
          .limits(Limits.builder().maxDnsLookups(3).build()).build();
      assertThat(strict.audit(EXAMPLE).has(SpfCodes.SPF_TOO_MANY_LOOKUPS)).isTrue();
    }

    @Test
    void voidLookup() {
      SpfAudit a = audit(dns("v=spf1 a:nx.example mx:nodata.example -all").a("nodata.example", "192.0.2.1"));
      List<Diagnostic> voids = a.findings(SpfCodes.SPF_VOID_LOOKUP);
      assertThat(voids).hasSize(2);
      assertThat(voids.get(0).evidence()).contains("a:nx.example");
      assertThat(voids.get(0).message()).contains("NXDOMAIN");
      assertThat(voids.get(1).evidence()).contains("mx:nodata.example");
      assertThat(voids.get(1).message()).contains("NODATA");
      assertThat(voids).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
      assertThat(a.voidLookups()).isEqualTo(2);
      assertThat(a.has(SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS)).isFalse();
      assertWellFormed(a);
      SpfAudit ok = audit(dns("v=spf1 a:ok.example -all").aaaa("ok.example", "2001:db8::1"));
      assertThat(ok.has(SpfCodes.SPF_VOID_LOOKUP)).isFalse();
      assertThat(ok.voidLookups()).isZero();
    }

    @Test
    void voidLookupOfIncludeTargetAndExists() {
      SpfAudit a = audit(dns("v=spf1 include:gone.example exists:nothing.example -all"));
      assertThat(a.findings(SpfCodes.SPF_VOID_LOOKUP)).extracting(d -> d.evidence().orElseThrow())
          .containsExactlyInAnyOrder("include:gone.example", "exists:nothing.example");
    }

    @Test
    void macroTermsAreNotVoidLookups() {
      SpfAudit a = audit("v=spf1 exists:%{i}.bl.example a:%{d}.example -all");
      assertThat(a.has(SpfCodes.SPF_VOID_LOOKUP)).isFalse();
    }

    @Test
    void tooManyVoidLookups() {
      SpfAudit a = audit("v=spf1 a:v1.example a:v2.example mx:v3.example -all");
      Diagnostic d = only(a, SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.evidence().orElseThrow()).contains("a:v1.example").contains("mx:v3.example");
      assertThat(a.voidLookups()).isEqualTo(3);
      assertThat(audit("v=spf1 a:v1.example a:v2.example -all").has(SpfCodes.SPF_TOO_MANY_VOID_LOOKUPS))
          .isFalse();
    }

    @Test
    void sameVoidNameCountsOnce() {
      SpfAudit a = audit(dns("v=spf1 a:v1.example include:b.example -all")
          .txt("b.example", "v=spf1 a:v1.example -all"));
      assertThat(a.voidLookups()).isEqualTo(1);
    }

    @Test
    void tooManyMx() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 mx -all");
      for (int i = 0; i < 11; i++) {
        b.mx("example.com", i, "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
      }
      SpfAudit a = audit(b);
      Diagnostic d = only(a, SpfCodes.SPF_TOO_MANY_MX);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.message()).contains("11 MX names");
      assertWellFormed(a);
      InMemoryDnsResolver.Builder ten = dns("v=spf1 mx -all");
      for (int i = 0; i < 10; i++) {
        ten.mx("example.com", i, "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
      }
      assertThat(audit(ten).has(SpfCodes.SPF_TOO_MANY_MX)).isFalse();
    }

    @Test
    void macroNotAuditable() {
      SpfAudit a = audit("v=spf1 include:%{d}._spf.example.net exists:%{i}.bl.example -all");
      List<Diagnostic> notes = a.findings(SpfCodes.SPF_MACRO_NOT_AUDITABLE);
      assertThat(notes).hasSize(2).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
      assertThat(notes.get(0).evidence()).contains("include:%{d}._spf.example.net");
      assertThat(a.worstCaseLookups()).isEqualTo(2);
      SpfIncludeTree.Node macro = a.tree().root().children().get(0);
      assertThat(macro.status()).isEqualTo(Status.NOT_FOLLOWED);
      assertThat(macro.name()).isEqualTo("%{d}._spf.example.net");
      assertThat(macro.domain()).isEmpty();
      assertThat(a.tree().complete()).isFalse();
      assertWellFormed(a);
      assertThat(audit(dns("v=spf1 exists:bl.example -all").a("bl.example", "127.0.0.2"))
          .has(SpfCodes.SPF_MACRO_NOT_AUDITABLE)).isFalse();
    }
  }

  @Nested
  class Tree {
    @Test
    void targetWithoutRecord() {
      SpfAudit a = audit(dns("v=spf1 include:b.example -all").txt("b.example", "some other text"));
      Diagnostic d = only(a, SpfCodes.SPF_TARGET_WITHOUT_RECORD);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.evidence()).contains("include:b.example");
      assertThat(d.reference()).contains("RFC 7208 section 5.2");
      assertThat(a.tree().root().children().get(0).status()).isEqualTo(Status.NO_RECORD);
      assertThat(a.has(SpfCodes.SPF_VOID_LOOKUP)).isFalse();
      assertWellFormed(a);
      assertThat(audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 -all"))
          .has(SpfCodes.SPF_TARGET_WITHOUT_RECORD)).isFalse();
    }

    @Test
    void redirectTargetWithoutRecord() {
      SpfAudit a = audit("v=spf1 mx redirect=missing.example");
      Diagnostic d = only(a, SpfCodes.SPF_TARGET_WITHOUT_RECORD);
      assertThat(d.reference()).contains("RFC 7208 section 6.1");
      assertThat(a.has(SpfCodes.SPF_VOID_LOOKUP)).isTrue();
    }

    @Test
    void includeLoop() {
      SpfAudit a = audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 include:example.com -all"));
      Diagnostic d = only(a, SpfCodes.SPF_LOOP);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.message()).contains("example.com -> b.example -> example.com");
      SpfIncludeTree.Node loop = a.tree().root().children().get(0).children().get(0);
      assertThat(loop.status()).isEqualTo(Status.LOOP);
      assertThat(loop.children()).isEmpty();
      assertThat(a.worstCaseLookups()).isEqualTo(2);
      assertWellFormed(a);
      assertThat(audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 -all"))
          .has(SpfCodes.SPF_LOOP)).isFalse();
    }

    @Test
    void selfIncludeAndRedirectLoop() {
      assertThat(only(audit("v=spf1 include:example.com -all"), SpfCodes.SPF_LOOP).message())
          .contains("loops back to example.com");
      SpfAudit a = audit(dns("v=spf1 redirect=b.example").txt("b.example", "v=spf1 redirect=example.com"));
      assertThat(only(a, SpfCodes.SPF_LOOP).reference()).contains("RFC 7208 section 6.1");
    }

    @Test
    void dnsErrorInInclude() {
      SpfAudit a = audit(dns("v=spf1 include:broken.example -all").servfail("broken.example"));
      Diagnostic d = only(a, SpfCodes.SPF_DNS_ERROR);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("SERVFAIL").contains("temperror");
      assertThat(a.tree().root().children().get(0).status()).isEqualTo(Status.DNS_ERROR);
      assertThat(a.tree().complete()).isFalse();
      assertWellFormed(a);
      assertThat(audit("v=spf1 -all").has(SpfCodes.SPF_DNS_ERROR)).isFalse();
    }

    @Test
    void dnsErrorAtRootAndForAddresses() {
      SpfAudit root = audit(InMemoryDnsResolver.builder().timeout("example.com"));
      assertThat(only(root, SpfCodes.SPF_DNS_ERROR).message()).contains("timeout");
      assertThat(root.tree().root().status()).isEqualTo(Status.DNS_ERROR);
      assertThat(root.has(SpfCodes.SPF_NO_RECORD)).isFalse();
      SpfAudit a = audit(dns("v=spf1 a:h.example -all").refused("h.example"));
      assertThat(a.findings(SpfCodes.SPF_DNS_ERROR)).isNotEmpty()
          .allSatisfy(d -> assertThat(d.message()).contains("REFUSED"));
    }

    @Test
    void duplicateInclude() {
      SpfAudit a = audit(dns("v=spf1 include:c.example include:b.example -all")
          .txt("b.example", "v=spf1 include:c.example -all").txt("c.example", "v=spf1 a -all")
          .a("c.example", "192.0.2.1"));
      Diagnostic d = only(a, SpfCodes.SPF_DUPLICATE_INCLUDE);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("c.example is reached 2 times");
      SpfAudit indirect = audit(dns("v=spf1 include:a.example include:b.example -all")
          .txt("a.example", "v=spf1 include:c.example -all").txt("b.example", "v=spf1 include:c.example -all")
          .txt("c.example", "v=spf1 -all"));
      assertThat(only(indirect, SpfCodes.SPF_DUPLICATE_INCLUDE).severity()).isEqualTo(Severity.INFO);
      assertThat(audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 -all"))
          .has(SpfCodes.SPF_DUPLICATE_INCLUDE)).isFalse();
    }

    @Test
    void invalidDomainInTerm() {
      String longLabel = "a".repeat(70);
      SpfAudit a = audit("v=spf1 include:" + longLabel + ".example.com -all");
      assertThat(only(a, SpfCodes.SPF_INVALID_DOMAIN_SPEC).severity()).isEqualTo(Severity.ERROR);
      assertThat(a.tree().root().children().get(0).status()).isEqualTo(Status.NOT_FOLLOWED);
    }

    @Test
    void treeCutAtDepth() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 include:d1.example -all");
      for (int i = 1; i < 30; i++) {
        b.txt("d" + i + ".example", "v=spf1 include:d" + (i + 1) + ".example -all");
      }
      SpfAudit a = audit(b);
      assertThat(a.tree().depth()).isEqualTo(SpfAuditor.MAX_TREE_DEPTH);
      assertThat(a.tree().complete()).isFalse();
      assertThat(only(a, SpfCodes.SPF_AUDIT_INCOMPLETE).severity()).isEqualTo(Severity.WARNING);
      assertThat(a.worstCaseLookups()).isEqualTo(SpfAuditor.MAX_TREE_DEPTH);
      assertThat(audit("v=spf1 -all").has(SpfCodes.SPF_AUDIT_INCOMPLETE)).isFalse();
    }

    @Test
    void timeBudget() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 include:slow.example include:b.example -all")
          .txt("slow.example", "v=spf1 -all").latency("slow.example", Duration.ofSeconds(30))
          .txt("b.example", "v=spf1 -all");
      SpfAuditor auditor = SpfAuditor.builder().resolver(b.build())
          .limits(Limits.builder().totalTimeBudget(Duration.ofMillis(400)).queryTimeout(Duration.ofMillis(300))
              .build()).build();
      long start = System.nanoTime();
      SpfAudit a = auditor.audit(EXAMPLE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(a.has(SpfCodes.SPF_DNS_ERROR) || a.has(SpfCodes.SPF_TIME_BUDGET)).isTrue();
      assertThat(a.tree().complete()).isFalse();
      assertThat(a.worstCaseLookups()).isEqualTo(2);
      assertThat(audit("v=spf1 -all").has(SpfCodes.SPF_TIME_BUDGET)).isFalse();
    }

    @Test
    void timeBudgetExhausted() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 include:s1.example include:s2.example include:s3.example -all");
      for (int i = 1; i <= 3; i++) {
        b.txt("s" + i + ".example", "v=spf1 -all").latency("s" + i + ".example", Duration.ofMillis(250));
      }
      SpfAuditor auditor = SpfAuditor.builder().resolver(b.build())
          .limits(Limits.builder().totalTimeBudget(Duration.ofMillis(100)).build()).build();
      SpfAudit a = auditor.audit(EXAMPLE);
      Diagnostic d = only(a, SpfCodes.SPF_TIME_BUDGET);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(a.tree().nodes()).anyMatch(n -> n.status() == Status.NOT_FOLLOWED);
    }
  }

  @Nested
  class Policy {
    @Test
    void ptrDeprecated() {
      SpfAudit a = audit("v=spf1 ptr:example.com -all");
      Diagnostic d = only(a, SpfCodes.SPF_PTR_DEPRECATED);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.reference()).contains("RFC 7208 section 5.5");
      assertThat(d.span().orElseThrow().offset()).isEqualTo(7);
      assertThat(a.worstCaseLookups()).isEqualTo(1);
      assertWellFormed(a);
      assertThat(audit("v=spf1 mx -all").has(SpfCodes.SPF_PTR_DEPRECATED)).isFalse();
    }

    @Test
    void passAll() {
      for (String all : List.of("+all", "all")) {
        Diagnostic d = only(audit("v=spf1 mx " + all), SpfCodes.SPF_PASS_ALL);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.evidence()).contains(all);
      }
      SpfAudit viaInclude = audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 +all"));
      assertThat(only(viaInclude, SpfCodes.SPF_PASS_ALL).message()).startsWith("In b.example");
      assertThat(audit("v=spf1 mx -all").has(SpfCodes.SPF_PASS_ALL)).isFalse();
    }

    @Test
    void neutralAll() {
      Diagnostic d = only(audit("v=spf1 mx ?all"), SpfCodes.SPF_NEUTRAL_ALL);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(audit("v=spf1 mx ~all").has(SpfCodes.SPF_NEUTRAL_ALL)).isFalse();
      assertThat(audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 ip4:192.0.2.1 ?all"))
          .has(SpfCodes.SPF_NEUTRAL_ALL)).as("?all in an include only means 'no match'").isFalse();
      assertThat(audit(dns("v=spf1 redirect=b.example").txt("b.example", "v=spf1 ip4:192.0.2.1 ?all"))
          .has(SpfCodes.SPF_NEUTRAL_ALL)).as("?all at the end of a redirect is the policy").isTrue();
    }

    @Test
    void noAll() {
      Diagnostic d = only(audit("v=spf1 ip4:192.0.2.1"), SpfCodes.SPF_NO_ALL);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.reference()).contains("RFC 7208 section 4.7");
      assertThat(audit("v=spf1 ip4:192.0.2.1 -all").has(SpfCodes.SPF_NO_ALL)).isFalse();
      assertThat(audit(dns("v=spf1 redirect=b.example").txt("b.example", "v=spf1 -all")).has(SpfCodes.SPF_NO_ALL))
          .isFalse();
      assertThat(audit(dns("v=spf1 include:b.example -all").txt("b.example", "v=spf1 ip4:192.0.2.1"))
          .has(SpfCodes.SPF_NO_ALL)).isFalse();
    }

    @Test
    void termsAfterAll() {
      SpfAudit a = audit("v=spf1 -all ip4:192.0.2.1 include:b.example");
      Diagnostic d = only(a, SpfCodes.SPF_TERMS_AFTER_ALL);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.evidence()).contains("ip4:192.0.2.1 include:b.example");
      assertThat(a.worstCaseLookups()).as("never evaluated, never counted").isZero();
      assertThat(a.tree().root().children()).isEmpty();
      assertWellFormed(a);
      assertThat(audit("v=spf1 ip4:192.0.2.1 -all").has(SpfCodes.SPF_TERMS_AFTER_ALL)).isFalse();
    }

    @Test
    void redirectIgnored() {
      SpfAudit a = audit(dns("v=spf1 mx -all redirect=b.example").txt("b.example", "v=spf1 -all"));
      Diagnostic d = only(a, SpfCodes.SPF_REDIRECT_IGNORED);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.reference()).contains("RFC 7208 section 6.1");
      assertThat(a.worstCaseLookups()).isEqualTo(1);
      assertThat(a.tree().root().children()).isEmpty();
      assertThat(audit(dns("v=spf1 mx redirect=b.example").txt("b.example", "v=spf1 -all"))
          .has(SpfCodes.SPF_REDIRECT_IGNORED)).isFalse();
    }

    @Test
    void broadRange() {
      SpfAudit a = audit("v=spf1 ip4:10.0.0.0/8 ip6:2001:db8::/28 -all");
      List<Diagnostic> broad = a.findings(SpfCodes.SPF_BROAD_RANGE);
      assertThat(broad).hasSize(2).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
      assertThat(broad.get(0).message()).contains("16777216");
      assertWellFormed(a);
      assertThat(audit("v=spf1 ip4:10.0.0.0/16 ip6:2001:db8::/32 -all").has(SpfCodes.SPF_BROAD_RANGE)).isFalse();
      assertThat(audit("v=spf1 -ip4:0.0.0.0/1 ip4:192.0.2.0/24 -all").has(SpfCodes.SPF_BROAD_RANGE))
          .as("a fail-qualified range authorises nothing").isFalse();
    }

    @Test
    void duplicateRange() {
      SpfAudit a = audit("v=spf1 ip4:192.0.2.1 ip4:192.0.2.1/32 -all");
      Diagnostic d = only(a, SpfCodes.SPF_DUPLICATE_RANGE);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.evidence().orElseThrow()).contains("'ip4:192.0.2.1' (example.com)")
          .contains("'ip4:192.0.2.1/32' (example.com)");
      assertWellFormed(a);
      SpfAudit across = audit(dns("v=spf1 ip4:192.0.2.1 include:b.example -all")
          .txt("b.example", "v=spf1 ip4:192.0.2.1 -all"));
      assertThat(only(across, SpfCodes.SPF_DUPLICATE_RANGE).severity()).isEqualTo(Severity.INFO);
      assertThat(audit("v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 -all").has(SpfCodes.SPF_DUPLICATE_RANGE)).isFalse();
    }

    @Test
    void overlappingRange() {
      SpfAudit a = audit("v=spf1 ip4:192.0.2.5 ip4:192.0.2.0/24 ip6:2001:db8::/32 ip6:2001:db8:1::/48 -all");
      List<Diagnostic> overlaps = a.findings(SpfCodes.SPF_OVERLAPPING_RANGE);
      assertThat(overlaps).hasSize(2).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
      assertThat(overlaps.get(0).evidence().orElseThrow()).contains("ip4:192.0.2.0/24").contains("ip4:192.0.2.5");
      SpfAudit across = audit(dns("v=spf1 ip4:198.51.100.7 include:b.example -all")
          .txt("b.example", "v=spf1 ip4:198.51.100.0/24 -all"));
      Diagnostic cross = only(across, SpfCodes.SPF_OVERLAPPING_RANGE);
      assertThat(cross.severity()).isEqualTo(Severity.INFO);
      assertThat(cross.remediation().orElseThrow()).contains("remove it from your record");
      assertThat(audit("v=spf1 -ip4:192.0.2.5 ip4:192.0.2.0/24 -all").has(SpfCodes.SPF_OVERLAPPING_RANGE))
          .as("an exclusion inside a pass range is deliberate").isFalse();
      assertThat(audit("v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all").has(SpfCodes.SPF_OVERLAPPING_RANGE))
          .isFalse();
    }
  }

  @Nested
  class Proposed {
    @Test
    void stringTooLong() {
      String s = "v=spf1 " + "ip4:192.0.2.1 ".repeat(20) + "-all";
      SpfAudit a = proposed(InMemoryDnsResolver.builder(), s);
      Diagnostic d = only(a, SpfCodes.SPF_STRING_TOO_LONG);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.remediation().orElseThrow()).contains("\" \"");
      assertThat(d.span().orElseThrow().length()).isEqualTo(s.length());
      assertThat(a.source()).isEqualTo(SpfAudit.Source.PROPOSED);
      assertWellFormed(a);
      SpfAudit split = proposed(InMemoryDnsResolver.builder(), s.substring(0, 200), s.substring(200));
      assertThat(split.has(SpfCodes.SPF_STRING_TOO_LONG)).isFalse();
      assertThat(split.recordText()).contains(s);
    }

    @Test
    void answerTooLarge() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 mx -all")
          .txt("example.com", "google-site-verification=" + "x".repeat(200))
          .txt("example.com", "MS=ms" + "1".repeat(220));
      Diagnostic d = only(audit(b), SpfCodes.SPF_ANSWER_TOO_LARGE);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.reference()).contains("RFC 7208 section 3.4");
      assertThat(audit("v=spf1 mx -all").has(SpfCodes.SPF_ANSWER_TOO_LARGE)).isFalse();
    }

    @Test
    void answerTooLargeWithProposedRecord() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 mx -all")
          .txt("example.com", "google-site-verification=" + "x".repeat(200));
      assertThat(audit(b).has(SpfCodes.SPF_ANSWER_TOO_LARGE)).isFalse();
      String big = "v=spf1 " + "ip4:192.0.2.1 ".repeat(17);
      SpfAudit a = proposed(b, big, "ip4:198.51.100.1 -all");
      assertThat(only(a, SpfCodes.SPF_ANSWER_TOO_LARGE).message()).contains("with the proposed record");
    }

    @Test
    void proposedRecordIsAuditedAgainstLiveIncludes() {
      InMemoryDnsResolver.Builder b = dns("v=spf1 -all").txt("b.example", "v=spf1 ip4:192.0.2.0/24 -all");
      SpfAudit a = proposed(b, "v=spf1 include:b.example ", "?all");
      assertThat(a.recordText()).contains("v=spf1 include:b.example ?all");
      assertThat(a.has(SpfCodes.SPF_NEUTRAL_ALL)).isTrue();
      assertThat(a.worstCaseLookups()).isEqualTo(1);
      assertThat(a.flattenedNetworks().orElseThrow()).extracting(Object::toString).containsExactly("192.0.2.0/24");
    }

    @Test
    void proposedIncludeOfOwnDomainSeesTheProposal() {
      SpfAudit a = proposed(dns("v=spf1 -all").txt("b.example", "v=spf1 include:example.com -all"),
          "v=spf1 include:b.example -all");
      assertThat(a.has(SpfCodes.SPF_LOOP)).isTrue();
    }

    @Test
    void proposedGarbageGivesFindings() {
      List<String> strings = new ArrayList<>();
      strings.add("\u0000\u0001binary\uFFFD");
      strings.add("");
      SpfAudit a = proposed(InMemoryDnsResolver.builder(), strings.toArray(String[]::new));
      assertThat(a.has(SpfCodes.SPF_NOT_SPF1)).isTrue();
      assertThat(a.tree().root().status()).isEqualTo(Status.SYNTAX_ERROR);
      assertThat(proposed(InMemoryDnsResolver.builder()).has(SpfCodes.SPF_NOT_SPF1)).isTrue();
    }
  }
}
