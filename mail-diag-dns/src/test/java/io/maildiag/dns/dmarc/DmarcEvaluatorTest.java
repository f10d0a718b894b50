package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.spf.SpfResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcEvaluatorTest {

  static final InMemoryDnsResolver DNS = InMemoryDnsResolver.builder()
      .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; np=reject")
      .a("example.com", "192.0.2.1")
      .a("sub.example.com", "192.0.2.2")
      .txt("_dmarc.strict.example", "v=DMARC1; p=reject; aspf=s; adkim=s")
      .a("strict.example", "192.0.2.3")
      .txt("_dmarc.plain.example", "v=DMARC1; p=quarantine")
      .a("child.plain.example", "192.0.2.4")
      .txt("_dmarc.test.example", "v=DMARC1; p=reject; t=y; pct=25")
      .txt("_dmarc.broken.example", "v=DMARC1; sp=reject")
      .txt("_dmarc.ruaonly.example", "v=DMARC1; rua=mailto:r@ruaonly.example")
      .servfail("_dmarc.down.example")
      .txt("_dmarc.example.co.uk", "v=DMARC1; p=reject")
      .build();

  static DmarcEvaluator evaluator(DiscoveryMode mode) {
    return DmarcEvaluator.builder().resolver(DNS).mode(mode).publicSuffixList(DmarcDiscoveryTest.psl).build();
  }

  static DomainName d(String s) {
    return DomainName.of(s);
  }

  static DmarcVerdict eval(String from, String spfResult, String spfDomain, String dkimResult, String dkimDomain) {
    return eval(DiscoveryMode.TREE_WALK, from, spfResult, spfDomain, dkimResult, dkimDomain);
  }

  static DmarcVerdict eval(DiscoveryMode mode, String from, String spfResult, String spfDomain, String dkimResult,
      String dkimDomain) {
    Optional<SpfOutcome> spf = spfResult.equals("-") ? Optional.empty()
        : Optional.of(new SpfOutcome(SpfResult.valueOf(spfResult), d(spfDomain)));
    List<DkimOutcome> dkim = dkimResult.equals("-") ? List.of()
        : List.of(new DkimOutcome(DkimResult.valueOf(dkimResult), d(dkimDomain)));
    return evaluator(mode).evaluate(new DmarcInput(d(from), spf, dkim));
  }

  /** from, spf, mail-from, dkim, d=, result, policy, source, disposition, spfAligned, dkimAligned. */
  @ParameterizedTest(name = "{0} spf={1}/{2} dkim={3}/{4} -> {5}")
  @CsvSource({
      // Pass via relaxed SPF alignment (RFC 7489 section 3.1.2 example: bounce subdomain).
      "example.com,PASS,bounce.example.com,-,-,PASS,REJECT,P,NONE,true,false",
      // Pass via DKIM alignment while SPF fails.
      "example.com,FAIL,other.net,PASS,example.com,PASS,REJECT,P,NONE,false,true",
      // Relaxed DKIM alignment with a parent-domain signature (RFC 7489 section 3.1.1).
      "sub.example.com,NONE,sub.example.com,PASS,example.com,PASS,QUARANTINE,SP,NONE,false,true",
      // Fail: passing identifiers belong to another organization.
      "example.com,PASS,other.net,PASS,other.net,FAIL,REJECT,P,REJECT,false,false",
      // SPF softfail does not count even when aligned.
      "example.com,SOFTFAIL,example.com,-,-,FAIL,REJECT,P,REJECT,false,false",
      // Strict modes: a subdomain does not align.
      "strict.example,PASS,mail.strict.example,PASS,mail.strict.example,FAIL,REJECT,P,REJECT,false,false",
      "strict.example,PASS,strict.example,-,-,PASS,REJECT,P,NONE,true,false",
      // sp for an existing subdomain, np for a non-existent one.
      "sub.example.com,FAIL,other.net,-,-,FAIL,QUARANTINE,SP,QUARANTINE,false,false",
      "nx.example.com,FAIL,other.net,-,-,FAIL,REJECT,NP,REJECT,false,false",
      // No sp: p applies to subdomains.
      "child.plain.example,FAIL,other.net,-,-,FAIL,QUARANTINE,P,QUARANTINE,false,false",
      // t=y lowers the disposition one step; pct is ignored.
      "test.example,FAIL,other.net,-,-,FAIL,REJECT,P,QUARANTINE,false,false",
      // rua without p: p=none.
      "ruaonly.example,FAIL,other.net,-,-,FAIL,NONE,P,NONE,false,false"})
  void verdicts(String from, String spf, String spfDomain, String dkim, String dkimDomain, DmarcResult result,
      DmarcDisposition policy, PolicySource source, DmarcDisposition disposition, boolean spfAligned,
      boolean dkimAligned) {
    DmarcVerdict v = eval(from, spf, spfDomain, dkim, dkimDomain);
    assertThat(v.result()).as("%s", v.reasons()).isEqualTo(result);
    assertThat(v.policy()).contains(policy);
    assertThat(v.policySource()).contains(source);
    assertThat(v.disposition()).isEqualTo(disposition);
    assertThat(v.spfAligned()).isEqualTo(spfAligned);
    assertThat(v.dkimAligned()).isEqualTo(dkimAligned);
  }

  @Test
  void noneWhenNoRecord() {
    DmarcVerdict v = eval("nowhere.example", "PASS", "nowhere.example", "-", "-");
    assertThat(v.result()).isEqualTo(DmarcResult.NONE);
    assertThat(v.policy()).isEmpty();
    assertThat(v.disposition()).isEqualTo(DmarcDisposition.NONE);
  }

  @Test
  void temperrorWhenDnsFails() {
    DmarcVerdict v = eval("down.example", "PASS", "down.example", "-", "-");
    assertThat(v.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(v.disposition()).isEqualTo(DmarcDisposition.NONE);
  }

  @Test
  void permerrorWhenTheRecordIsUnusable() {
    DmarcVerdict v = eval("broken.example", "FAIL", "other.net", "-", "-");
    assertThat(v.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(v.policy()).isEmpty();
  }

  @Test
  void npNeedsAllThreeNxdomainAnswersAndIsAskedOnlyWhenNpIsPublished() {
    DmarcVerdict nx = eval("nx.example.com", "FAIL", "other.net", "-", "-");
    assertThat(nx.authorDomainExists()).contains(false);
    assertThat(nx.dnsQueries()).extracting(q -> q.type())
        .containsSubsequence(RecordType.A, RecordType.AAAA, RecordType.MX);
    DmarcVerdict plain = eval("nx.plain.example", "FAIL", "other.net", "-", "-");
    assertThat(plain.authorDomainExists()).isEmpty();
    assertThat(plain.dnsQueries()).allMatch(q -> q.type() == RecordType.TXT);
  }

  @Test
  void testModeAndPctAreExplained() {
    DmarcVerdict v = eval("test.example", "FAIL", "other.net", "-", "-");
    assertThat(v.reasons()).anyMatch(r -> r.startsWith("t=y")).anyMatch(r -> r.startsWith("pct=25"));
  }

  @Test
  void pslModeUsesTheRegistrableDomain() {
    DmarcVerdict v = eval(DiscoveryMode.PSL, "shop.example.co.uk", "PASS", "mail.example.co.uk", "-", "-");
    assertThat(v.result()).isEqualTo(DmarcResult.PASS);
    assertThat(v.organizationalDomain().organizationalDomain()).isEqualTo(d("example.co.uk"));
    assertThat(v.organizationalDomain().basis()).isEqualTo(OrganizationalDomain.Basis.PUBLIC_SUFFIX_LIST);
    DmarcVerdict other = eval(DiscoveryMode.PSL, "example.co.uk", "PASS", "other.co.uk", "-", "-");
    assertThat(other.result()).isEqualTo(DmarcResult.FAIL);
  }

  @Test
  void alignmentReasonsAreGiven() {
    DmarcVerdict v = eval("example.com", "PASS", "other.net", "FAIL", "example.com");
    assertThat(v.alignments()).extracting(AlignmentCheck::status)
        .containsExactly(AlignmentCheck.Status.NOT_ALIGNED, AlignmentCheck.Status.NOT_PASS);
    assertThat(v.reasons()).anyMatch(r -> r.contains("other.net") && r.contains("differs"));
  }
}
