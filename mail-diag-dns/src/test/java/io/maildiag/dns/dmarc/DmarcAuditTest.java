package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmarcAuditTest {

  /** A clean domain: p=reject, rua in-house, SPF with own terms. */
  static final String GOOD = "v=DMARC1; p=reject; rua=mailto:dmarc@good.example";

  static InMemoryDnsResolver.Builder base() {
    return InMemoryDnsResolver.builder()
        .txt("good.example", "v=spf1 ip4:192.0.2.0/24 -all")
        .txt("_dmarc.good.example", GOOD);
  }

  static DmarcAudit audit(InMemoryDnsResolver dns, String domain) {
    return DmarcAuditor.builder().resolver(dns).build().audit(DomainName.of(domain));
  }

  static DmarcAudit audit(InMemoryDnsResolver.Builder dns, String domain) {
    return audit(dns.build(), domain);
  }

  static List<String> codes(DmarcAudit a) {
    return a.findings().stream().map(d -> d.code().value()).toList();
  }

  static Diagnostic one(DmarcAudit a, DiagnosticCode code) {
    assertThat(a.findings(code)).as("%s in %s", code, a.findings()).hasSize(1);
    return a.findings(code).get(0);
  }

  @Test
  void cleanDomainHasOnlyTheDkimInfo() {
    DmarcAudit a = audit(base(), "good.example");
    assertThat(codes(a)).containsExactly("DMARC_DKIM_UNVERIFIABLE");
    assertThat(a.recordText()).contains(GOOD);
    assertThat(a.recordDomain()).contains(DomainName.of("good.example"));
    assertThat(a.organizationalDomain().organizationalDomain()).isEqualTo(DomainName.of("good.example"));
    assertThat(a.organizationalDomain().basis()).isEqualTo(OrganizationalDomain.Basis.FEWEST_LABELS);
    assertThat(a.modeComparison()).isEmpty();
    assertThat(a.hasErrors()).isFalse();
  }

  @Test
  void noRecord() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("none.example", "v=spf1 -all"), "none.example");
    Diagnostic d = one(a, DmarcCodes.DMARC_NO_RECORD);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.remediation()).get().asString().contains("_dmarc.none.example");
    assertThat(d.reference()).isPresent();
    assertThat(a.record()).isEmpty();
    assertThat(a.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void multipleRecords() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("m.example", "v=spf1 -all")
        .txt("_dmarc.m.example", "v=DMARC1; p=reject").txt("_dmarc.m.example", "v=DMARC1; p=none"), "m.example");
    assertThat(one(a, DmarcCodes.DMARC_MULTIPLE_RECORDS).remediation()).isPresent();
    assertThat(a.has(DmarcCodes.DMARC_NO_RECORD)).isTrue();
  }

  @Test
  void syntaxErrorsCarryPositions() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("s.example", "v=spf1 -all")
        .txt("_dmarc.s.example", "v=DMARC1; p=reject; adkim=x; rua=mailto:a@s.example"), "s.example");
    Diagnostic d = one(a, DmarcCodes.DMARC_INVALID_VALUE);
    assertThat(d.span()).isPresent();
    assertThat(d.span().get().column()).isEqualTo(27);
    assertThat(d.remediation()).isPresent();
  }

  @Test
  void policyNoneFiresOnlyForNone() {
    assertThat(audit(base().txt("_dmarc.n.example", "v=DMARC1; p=none; rua=mailto:a@n.example")
        .txt("n.example", "v=spf1 mx -all"), "n.example").has(DmarcCodes.DMARC_POLICY_NONE)).isTrue();
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_POLICY_NONE)).isFalse();
  }

  @Test
  void subdomainPolicyWeaker() {
    DmarcAudit a = audit(base().txt("_dmarc.w.example", "v=DMARC1; p=reject; sp=none; np=quarantine;"
        + " rua=mailto:a@w.example").txt("w.example", "v=spf1 mx -all"), "w.example");
    assertThat(a.findings(DmarcCodes.DMARC_SUBDOMAIN_POLICY_WEAKER)).hasSize(2);
    assertThat(audit(base().txt("_dmarc.w.example", "v=DMARC1; p=quarantine; sp=reject; rua=mailto:a@w.example")
        .txt("w.example", "v=spf1 mx -all"), "w.example").has(DmarcCodes.DMARC_SUBDOMAIN_POLICY_WEAKER)).isFalse();
  }

  @Test
  void noRuaAndInvalidUris() {
    DmarcAudit a = audit(base().txt("_dmarc.r.example", "v=DMARC1; p=reject; rua=mailto:nobody")
        .txt("r.example", "v=spf1 mx -all"), "r.example");
    assertThat(a.has(DmarcCodes.DMARC_NO_RUA)).isTrue();
    assertThat(a.has(DmarcCodes.DMARC_INVALID_URI)).isTrue();
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_NO_RUA)).isFalse();
  }

  @Test
  void externalDestinationWithoutAuthorisation() {
    InMemoryDnsResolver.Builder dns = base()
        .txt("_dmarc.x.example", "v=DMARC1; p=reject; rua=mailto:a@x.example,mailto:r@reports.example,"
            + "mailto:r@ok.example")
        .txt("x.example", "v=spf1 mx -all")
        .txt("x.example._report._dmarc.ok.example", "v=DMARC1");
    DmarcAudit a = audit(dns, "x.example");
    Diagnostic d = one(a, DmarcCodes.DMARC_EXTERNAL_REPORT_UNAUTHORIZED);
    assertThat(d.message()).contains("x.example._report._dmarc.reports.example");
    assertThat(d.evidence()).contains("mailto:r@reports.example");
    // Three URIs in rua.
    assertThat(a.has(DmarcCodes.DMARC_TOO_MANY_URIS)).isTrue();
    // Same organizational domain: no authorisation needed.
    assertThat(audit(base().txt("_dmarc.y.example", "v=DMARC1; p=reject; rua=mailto:a@mail.y.example")
        .txt("y.example", "v=spf1 mx -all"), "y.example").has(DmarcCodes.DMARC_EXTERNAL_REPORT_UNAUTHORIZED))
        .isFalse();
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_TOO_MANY_URIS)).isFalse();
  }

  @Test
  void externalDestinationDnsFailureIsUnverified() {
    DmarcAudit a = audit(base().txt("_dmarc.z.example", "v=DMARC1; p=reject; rua=mailto:r@down.example")
        .txt("z.example", "v=spf1 mx -all").servfail("z.example._report._dmarc.down.example"), "z.example");
    assertThat(a.has(DmarcCodes.DMARC_EXTERNAL_REPORT_UNVERIFIED)).isTrue();
    assertThat(a.has(DmarcCodes.DMARC_EXTERNAL_REPORT_UNAUTHORIZED)).isFalse();
  }

  @Test
  void obsoleteTags() {
    DmarcAudit a = audit(base().txt("_dmarc.o.example", "v=DMARC1; p=reject; pct=50; rf=afrf; ri=3600;"
        + " rua=mailto:a@o.example!10m").txt("o.example", "v=spf1 mx -all"), "o.example");
    assertThat(a.findings(DmarcCodes.DMARC_REMOVED_TAG)).hasSize(3);
    assertThat(a.has(DmarcCodes.DMARC_OBSOLETE_URI_SIZE)).isTrue();
    assertThat(a.findings(DmarcCodes.DMARC_REMOVED_TAG)).allMatch(d -> d.remediation().isPresent());
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_REMOVED_TAG)).isFalse();
  }

  @Test
  void recordAtApex() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("apex.example", "v=spf1 mx -all")
        .txt("apex.example", "v=DMARC1; p=reject"), "apex.example");
    assertThat(one(a, DmarcCodes.DMARC_RECORD_AT_APEX).evidence()).contains("v=DMARC1; p=reject");
    assertThat(a.has(DmarcCodes.DMARC_NO_RECORD)).isTrue();
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_RECORD_AT_APEX)).isFalse();
  }

  @Test
  void recordMisplacedWhenOwnDmarcNameHoldsOtherTxt() {
    DmarcAudit a = audit(base().txt("_dmarc.sub.good.example", "v=DMARC 1; p=reject")
        .txt("sub.good.example", "v=spf1 mx -all"), "sub.good.example");
    assertThat(one(a, DmarcCodes.DMARC_RECORD_MISPLACED).evidence()).contains("v=DMARC 1; p=reject");
    assertThat(a.recordDomain()).contains(DomainName.of("good.example"));
    assertThat(audit(base().txt("sub.good.example", "v=spf1 mx -all"), "sub.good.example")
        .has(DmarcCodes.DMARC_RECORD_MISPLACED)).isFalse();
  }

  @Test
  void subdomainInheritsWeakPolicy() {
    InMemoryDnsResolver.Builder dns = base()
        .txt("_dmarc.weak.example", "v=DMARC1; p=reject; sp=none; rua=mailto:a@weak.example")
        .txt("shop.weak.example", "v=spf1 mx -all");
    DmarcAudit a = audit(dns, "shop.weak.example");
    assertThat(one(a, DmarcCodes.DMARC_INHERITS_WEAK_POLICY).message()).contains("sp=none");
    assertThat(a.organizationalDomain().organizationalDomain()).isEqualTo(DomainName.of("weak.example"));
    // The org domain itself does not inherit.
    assertThat(audit(base().txt("_dmarc.weak.example", "v=DMARC1; p=reject; sp=none; rua=mailto:a@weak.example")
        .txt("weak.example", "v=spf1 mx -all"), "weak.example").has(DmarcCodes.DMARC_INHERITS_WEAK_POLICY)).isFalse();
    // A strong inherited policy is fine.
    assertThat(audit(base().txt("sub.good.example", "v=spf1 mx -all"), "sub.good.example")
        .has(DmarcCodes.DMARC_INHERITS_WEAK_POLICY)).isFalse();
  }

  @Test
  void spfAbsentMeansSpfAlignmentCannotPass() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("_dmarc.nospf.example", "v=DMARC1; p=reject;"
        + " rua=mailto:a@nospf.example"), "nospf.example");
    assertThat(one(a, DmarcCodes.DMARC_SPF_ALIGNMENT_IMPOSSIBLE).message()).contains("no SPF record");
    assertThat(audit(base(), "good.example").has(DmarcCodes.DMARC_SPF_ALIGNMENT_IMPOSSIBLE)).isFalse();
  }

  @Test
  void strictAspfWithOnlyIncludes() {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
        .txt("_dmarc.inc.example", "v=DMARC1; p=reject; aspf=s; rua=mailto:a@inc.example")
        .txt("inc.example", "v=spf1 include:_spf.provider.example ~all");
    assertThat(audit(dns, "inc.example").has(DmarcCodes.DMARC_SPF_STRICT_INCLUDES_ONLY)).isTrue();
    // Relaxed: no warning.
    assertThat(audit(InMemoryDnsResolver.builder()
        .txt("_dmarc.inc.example", "v=DMARC1; p=reject; rua=mailto:a@inc.example")
        .txt("inc.example", "v=spf1 include:_spf.provider.example ~all"), "inc.example")
        .has(DmarcCodes.DMARC_SPF_STRICT_INCLUDES_ONLY)).isFalse();
    // Strict with own terms: no warning.
    assertThat(audit(InMemoryDnsResolver.builder()
        .txt("_dmarc.inc.example", "v=DMARC1; p=reject; aspf=s; rua=mailto:a@inc.example")
        .txt("inc.example", "v=spf1 mx include:_spf.provider.example ~all"), "inc.example")
        .has(DmarcCodes.DMARC_SPF_STRICT_INCLUDES_ONLY)).isFalse();
  }

  @Test
  void dkimSelectors() {
    InMemoryDnsResolver dns = base().txt("s1._domainkey.good.example", "v=DKIM1; k=rsa; p=MIGfMA0G")
        .txt("old._domainkey.good.example", "v=DKIM1; p=").build();
    DmarcAuditor auditor = DmarcAuditor.builder().resolver(dns).build();
    DmarcAudit a = auditor.audit(DomainName.of("good.example"), List.of("s1", "old", "gone"));
    assertThat(a.has(DmarcCodes.DMARC_DKIM_UNVERIFIABLE)).isFalse();
    assertThat(a.findings(DmarcCodes.DMARC_DKIM_KEY_FOUND)).hasSize(1);
    assertThat(a.findings(DmarcCodes.DMARC_DKIM_KEY_MISSING)).hasSize(2)
        .anyMatch(d -> d.message().contains("revoked"));
  }

  @Test
  void testModeAndUnusableRecord() {
    assertThat(audit(base().txt("_dmarc.t.example", "v=DMARC1; p=reject; t=y; rua=mailto:a@t.example")
        .txt("t.example", "v=spf1 mx -all"), "t.example").has(DmarcCodes.DMARC_TEST_MODE)).isTrue();
    DmarcAudit u = audit(base().txt("_dmarc.u.example", "v=DMARC1; sp=reject").txt("u.example", "v=spf1 mx -all"),
        "u.example");
    assertThat(one(u, DmarcCodes.DMARC_RECORD_UNUSABLE).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void dnsFailureIsReported() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().servfail("_dmarc.down.example"), "down.example");
    assertThat(a.has(DmarcCodes.DMARC_DNS_ERROR)).isTrue();
    assertThat(a.has(DmarcCodes.DMARC_NO_RECORD)).isFalse();
    assertThat(a.discovery().status()).isEqualTo(DmarcDiscoveryResult.Status.TEMPERROR);
  }

  @Test
  void modesCompareWhenAListIsGiven() {
    // example.co.uk per the test PSL: the tree walk stops at the record on co.uk, the PSL does not.
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("_dmarc.co.uk", "v=DMARC1; p=none; rua=mailto:a@co.uk")
        .txt("shop.example.co.uk", "v=spf1 mx -all").build();
    DmarcAudit a = DmarcAuditor.builder().resolver(dns).publicSuffixList(DmarcDiscoveryTest.psl).build()
        .audit(DomainName.of("shop.example.co.uk"));
    assertThat(a.modeComparison()).isPresent();
    assertThat(a.modesDisagree()).isTrue();
    assertThat(a.has(DmarcCodes.DMARC_MODES_DISAGREE)).isTrue();
    DmarcAudit agree = DmarcAuditor.builder().resolver(base().build()).publicSuffixList(DmarcDiscoveryTest.psl)
        .mode(DiscoveryMode.PSL).build().audit(DomainName.of("good.example"));
    assertThat(agree.mode()).isEqualTo(DiscoveryMode.PSL);
    assertThat(agree.has(DmarcCodes.DMARC_MODES_DISAGREE)).isFalse();
  }

  @Test
  void findingsAreOrderedBySeverity() {
    DmarcAudit a = audit(InMemoryDnsResolver.builder().txt("_dmarc.mix.example", "v=DMARC1; p=none; pct=20"),
        "mix.example");
    List<Severity> sev = a.findings().stream().map(Diagnostic::severity).toList();
    assertThat(sev).isSortedAccordingTo(java.util.Comparator.comparingInt(Severity::ordinal));
    assertThat(a.findings()).allMatch(d -> d.code() != null && !d.message().isBlank());
  }
}
