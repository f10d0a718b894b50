package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.InMemoryDnsResolver;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy discovery and organizational domains over tables of cases from RFC 9989 and RFC 7489. */
class DmarcDiscoveryTest {

  static PublicSuffixList psl = PublicSuffixList.parse(PslAlgorithmTest.LIST).value().orElseThrow();

  static DmarcDiscovery discovery(InMemoryDnsResolver dns, DiscoveryMode mode) {
    return DmarcDiscovery.builder().resolver(dns).mode(mode).publicSuffixList(psl).build();
  }

  static List<DomainName> names(String csv) {
    return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(" ")).map(DomainName::of).toList();
  }

  @Test
  void treeWalkTargetsFollowTheRfc9989Example() {
    // RFC 9989 section 4.10: the eight queries for a.b.c.d.e.f.g.h.i.j.mail.example.com.
    assertThat(DmarcDiscovery.treeWalkTargets(DomainName.of("a.b.c.d.e.f.g.h.i.j.mail.example.com")))
        .isEqualTo(names("a.b.c.d.e.f.g.h.i.j.mail.example.com g.h.i.j.mail.example.com h.i.j.mail.example.com "
            + "i.j.mail.example.com j.mail.example.com mail.example.com example.com com"));
  }

  @ParameterizedTest
  @CsvSource({
      "com,1", "example.com,2", "a.mail.example.com,4", "a.b.c.d.e.f.g,7", "a.b.c.d.e.f.g.h,8",
      "a.b.c.d.e.f.g.h.i,8", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t,8"})
  void treeWalkNeverExceedsEightQueries(String domain, int count) {
    List<DomainName> t = DmarcDiscovery.treeWalkTargets(DomainName.of(domain));
    assertThat(t).hasSize(count);
    assertThat(t.get(0)).isEqualTo(DomainName.of(domain));
    assertThat(t.get(t.size() - 1).labelCount()).isEqualTo(1);
  }

  /** zone (name=record|...), start domain, expected organizational domain, basis, _dmarc names queried. */
  static Stream<Arguments> orgDomainTable() {
    return Stream.of(
        // Only the organizational domain publishes: fewest labels wins.
        Arguments.of("example.com=v=DMARC1; p=reject", "a.mail.example.com", "example.com", "FEWEST_LABELS",
            "a.mail.example.com mail.example.com example.com com"),
        // RFC 9989 4.10.2 rule 2: psd=y at com puts the organizational domain one label below.
        Arguments.of("com=v=DMARC1; p=none; psd=y|mail.example.com=v=DMARC1; p=none", "a.mail.example.com",
            "example.com", "BELOW_PSD_Y", "a.mail.example.com mail.example.com example.com com"),
        // Rule 1: psd=n stops the walk.
        Arguments.of("mail.example.com=v=DMARC1; p=none; psd=n|example.com=v=DMARC1; p=reject", "a.mail.example.com",
            "mail.example.com", "PSD_N", "a.mail.example.com mail.example.com"),
        // No record anywhere: the domain itself.
        Arguments.of("", "a.mail.example.com", "a.mail.example.com", "NO_RECORD",
            "a.mail.example.com mail.example.com example.com com"),
        // psd=y on the start domain itself (a PSD such as gov): the start domain.
        Arguments.of("gov=v=DMARC1; p=reject; psd=y", "gov", "gov", "FEWEST_LABELS", "gov"),
        // A TLD record without psd=y takes over (rule 3): why PSOs must publish psd=y.
        Arguments.of("example.com=v=DMARC1; p=reject|com=v=DMARC1; p=none", "mail.example.com", "com",
            "FEWEST_LABELS", "mail.example.com example.com com"),
        // Deep names jump to seven labels (RFC 9989 4.10).
        Arguments.of("com=v=DMARC1; p=none; psd=y", "a.b.c.d.e.f.g.h.i.j.mail.example.com", "example.com", "BELOW_PSD_Y",
            "a.b.c.d.e.f.g.h.i.j.mail.example.com g.h.i.j.mail.example.com h.i.j.mail.example.com "
                + "i.j.mail.example.com j.mail.example.com mail.example.com example.com com"));
  }

  static InMemoryDnsResolver zone(String spec) {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    if (!spec.isEmpty()) {
      for (String entry : spec.split("\\|")) {
        int eq = entry.indexOf('=');
        b.txt("_dmarc." + entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("orgDomainTable")
  void organizationalDomainByTreeWalk(String spec, String start, String org, String basis, String queried) {
    DmarcDiscovery d = discovery(zone(spec), DiscoveryMode.TREE_WALK);
    DmarcSession s = d.newSession();
    OrganizationalDomain o = d.organizationalDomain(DomainName.of(start), s, DiscoveryMode.TREE_WALK);
    assertThat(o.organizationalDomain()).isEqualTo(DomainName.of(org));
    assertThat(o.basis().name()).isEqualTo(basis);
    assertThat(s.lookups()).extracting(DmarcRecordLookup::domain).isEqualTo(names(queried));
  }

  /** zone, from domain, mode, expected status, policy domain or '-', _dmarc names queried. */
  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      // RFC 7489 6.6.3 / RFC 9989 4.10.1: the author domain's own record.
      "example.com=v=DMARC1; p=reject#example.com#TREE_WALK#FOUND#example.com#example.com com",
      "example.com=v=DMARC1; p=reject#example.com#PSL#FOUND#example.com#example.com",
      // A subdomain inherits the organizational domain's record.
      "example.com=v=DMARC1; p=reject#a.mail.example.com#TREE_WALK#FOUND#example.com#a.mail.example.com mail.example.com example.com com",
      "example.com=v=DMARC1; p=reject#a.mail.example.com#PSL#FOUND#example.com#a.mail.example.com example.com",
      // An intermediate record: found by the tree walk, invisible to the PSL method.
      "mail.example.com=v=DMARC1; p=reject#a.mail.example.com#TREE_WALK#FOUND#mail.example.com#a.mail.example.com mail.example.com example.com com",
      "mail.example.com=v=DMARC1; p=reject#a.mail.example.com#PSL#NOT_FOUND#-#a.mail.example.com example.com",
      // A PSD record (RFC 9989 psd=y): the tree walk reaches it, PSL does not query it.
      "co.uk=v=DMARC1; p=reject; psd=y#shop.example.co.uk#TREE_WALK#FOUND#co.uk#shop.example.co.uk example.co.uk co.uk",
      "co.uk=v=DMARC1; p=reject; psd=y#shop.example.co.uk#PSL#NOT_FOUND#-#shop.example.co.uk example.co.uk",
      "''#example.com#TREE_WALK#NOT_FOUND#-#example.com com"})
  void policyDiscovery(String spec, String from, DiscoveryMode mode, DmarcDiscoveryResult.Status status,
      String policyDomain, String queried) {
    DmarcDiscoveryResult r = discovery(zone(spec), mode).discover(DomainName.of(from));
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.policyDomain().map(Object::toString).orElse("-")).isEqualTo(policyDomain);
    assertThat(r.queries()).isEqualTo(names(queried).stream().map(n -> n.child("_dmarc")).toList());
    assertThat(r.mode()).isEqualTo(mode);
  }

  @Test
  void severalRecordsCountAsNoneAndTheWalkGoesOn() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("_dmarc.mail.example.com", "v=DMARC1; p=none")
        .txt("_dmarc.mail.example.com", "v=DMARC1; p=reject")
        .txt("_dmarc.example.com", "v=DMARC1; p=quarantine")
        .build();
    DmarcDiscoveryResult r = discovery(dns, DiscoveryMode.TREE_WALK).discover(DomainName.of("mail.example.com"));
    assertThat(r.policyDomain()).contains(DomainName.of("example.com"));
    assertThat(r.lookups().get(0).status()).isEqualTo(DmarcRecordLookup.Status.MULTIPLE_RECORDS);
    assertThat(r.findings()).extracting(Diagnostic::code).contains(DmarcCodes.DMARC_MULTIPLE_RECORDS);
  }

  @Test
  void nonDmarcTxtIsIgnoredAndNearMissesAreReported() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("_dmarc.example.com", "google-site-verification=abc")
        .txt("_dmarc.example.com", "v=dmarc1; p=reject")
        .txt("_dmarc.example.com", " v=DMARC1; p=reject")
        .txt("_dmarc.example.com", "v=DMARC1; ", "p=quarantine")
        .build();
    DmarcDiscoveryResult r = discovery(dns, DiscoveryMode.TREE_WALK).discover(DomainName.of("example.com"));
    assertThat(r.policy().orElseThrow().p()).contains(DmarcDisposition.QUARANTINE);
    assertThat(r.findings()).extracting(Diagnostic::code)
        .containsExactly(DmarcCodes.DMARC_NEAR_MISS_RECORD, DmarcCodes.DMARC_NEAR_MISS_RECORD);
  }

  @Test
  void dnsFailureIsTemperror() {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .servfail("_dmarc.mail.example.com")
        .txt("_dmarc.example.com", "v=DMARC1; p=reject")
        .build();
    DmarcDiscoveryResult r = discovery(dns, DiscoveryMode.TREE_WALK).discover(DomainName.of("a.mail.example.com"));
    assertThat(r.status()).isEqualTo(DmarcDiscoveryResult.Status.TEMPERROR);
    assertThat(r.organizationalDomain().isKnown()).isFalse();
    assertThat(r.findings()).extracting(Diagnostic::code).contains(DmarcCodes.DMARC_DNS_ERROR);
  }

  @Test
  void compareModesReportsDisagreement() {
    DmarcDiscovery d = discovery(zone("mail.example.com=v=DMARC1; p=reject; psd=n"), DiscoveryMode.TREE_WALK);
    DmarcModeComparison c = d.compareModes(DomainName.of("a.mail.example.com"));
    assertThat(c.disagree()).isTrue();
    assertThat(c.differences()).hasSize(3);
    DmarcModeComparison same = discovery(zone("example.com=v=DMARC1; p=reject"), DiscoveryMode.TREE_WALK)
        .compareModes(DomainName.of("a.example.com"));
    assertThat(same.disagree()).as("%s", same.differences()).isFalse();
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> DmarcDiscovery.builder().resolver(zone("")).mode(DiscoveryMode.PSL).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DmarcDiscovery.builder().mode(DiscoveryMode.PSL).mode(DiscoveryMode.TREE_WALK))
        .hasMessageContaining("PSL");
    assertThatThrownBy(() -> DmarcDiscovery.builder().build()).isInstanceOf(NullPointerException.class);
  }
}
