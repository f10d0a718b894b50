package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.spf.SpfIncludeTree.Node;
import io.maildiag.dns.spf.SpfIncludeTree.Reach;
import io.maildiag.dns.spf.SpfIncludeTree.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The include tree, its rendering, and RFC 7208 section 4.6.4 lookup counting. */
class SpfAuditTreeTest {

  static final DomainName EXAMPLE = DomainName.of("example.com");

  /** A realistic three-level policy: two providers, one of which includes a third record. */
  static InMemoryDnsResolver.Builder realistic() {
    return InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:_spf.a.example include:b.example mx -all")
        .mx("example.com", 10, "mail.example.com")
        .a("mail.example.com", "203.0.113.25")
        .txt("_spf.a.example", "v=spf1 ip4:192.0.2.0/24 include:c.example ~all")
        .txt("c.example", "v=spf1 a -all")
        .a("c.example", "203.0.113.10")
        .txt("b.example", "v=spf1 ip6:2001:db8::/32 include:_netblocks.b.example -all")
        .txt("_netblocks.b.example", "v=spf1 ip4:198.51.100.0/24 -all");
  }

  static SpfAudit audit(InMemoryDnsResolver.Builder dns) {
    return SpfAuditor.builder().resolver(dns.build()).build().audit(EXAMPLE);
  }

  @Test
  void realisticTreeValues() {
    SpfAudit a = audit(realistic());
    SpfIncludeTree tree = a.tree();
    Node root = tree.root();
    assertThat(root.reach()).isEqualTo(Reach.ROOT);
    assertThat(root.status()).isEqualTo(Status.OK);
    assertThat(root.domain()).contains(EXAMPLE);
    assertThat(root.ownLookups()).isEqualTo(3);
    assertThat(root.totalLookups()).isEqualTo(6);
    assertThat(root.children()).extracting(Node::name).containsExactly("_spf.a.example", "b.example");

    Node spfA = root.children().get(0);
    assertThat(spfA.reach()).isEqualTo(Reach.INCLUDE);
    assertThat(spfA.term()).isEqualTo("include:_spf.a.example");
    assertThat(spfA.recordText()).contains("v=spf1 ip4:192.0.2.0/24 include:c.example ~all");
    assertThat(spfA.ownLookups()).isEqualTo(1);
    assertThat(spfA.totalLookups()).isEqualTo(2);
    Node c = spfA.children().get(0);
    assertThat(c.domain()).contains(DomainName.of("c.example"));
    assertThat(c.ownLookups()).isEqualTo(1);
    assertThat(c.children()).isEmpty();

    Node b = root.children().get(1);
    assertThat(b.totalLookups()).isEqualTo(1);
    assertThat(b.children().get(0).totalLookups()).isZero();

    assertThat(tree.size()).isEqualTo(5);
    assertThat(tree.depth()).isEqualTo(2);
    assertThat(tree.complete()).isTrue();
    assertThat(tree.find(DomainName.of("c.example"))).containsExactly(c);
    assertThat(a.worstCaseLookups()).isEqualTo(6);
    assertThat(a.voidLookups()).isZero();
    assertThat(a.findings()).isEmpty();
  }

  @Test
  void realisticTreeRendered() {
    assertThat(audit(realistic()).tree().render()).isEqualTo("""
        example.com  (lookups: 6 total, 3 own)  "v=spf1 include:_spf.a.example include:b.example mx -all"
        ├─ include:_spf.a.example  (lookups: 2)  "v=spf1 ip4:192.0.2.0/24 include:c.example ~all"
        │  └─ include:c.example  (lookups: 1)  "v=spf1 a -all"
        └─ include:b.example  (lookups: 1)  "v=spf1 ip6:2001:db8::/32 include:_netblocks.b.example -all"
           └─ include:_netblocks.b.example  (lookups: 0)  "v=spf1 ip4:198.51.100.0/24 -all"
        """);
  }

  @Test
  void renderShowsStatusAndEscapes() {
    SpfAudit a = audit(InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 ~include:gone.example include:%{d}.x.example redirect=r.example")
        .txt("r.example", "v=spf1 \u0001 -all"));
    assertThat(a.tree().render()).isEqualTo("""
        example.com  (lookups: 3 total, 3 own)  "v=spf1 ~include:gone.example include:%{d}.x.example redirect=r.example"
        ├─ ~include:gone.example  (lookups: 0)  [NO_RECORD: gone.example does not exist (NXDOMAIN)]
        ├─ include:%{d}.x.example  (lookups: 0)  [NOT_FOLLOWED: the target has macros and depends on each message]
        └─ redirect=r.example  (lookups: 0)  "v=spf1 \\x01 -all"  [SYNTAX_ERROR: character U+0001 is not allowed in an SPF record]
        """);
  }

  @Test
  void renderShortensLongRecords() {
    String rec = "v=spf1 " + "ip4:192.0.2.1 ".repeat(30) + "-all";
    String line = audit(InMemoryDnsResolver.builder().txt("example.com", rec.substring(0, 250), rec.substring(250)))
        .tree().render();
    assertThat(line).contains("…\"").hasSizeLessThan(300);
  }

  /** Each DNS-querying term costs 1; ip4, ip6 and all cost nothing (RFC 7208 section 4.6.4). */
  @ParameterizedTest
  @CsvSource({
      "'v=spf1 include:b.example -all', 1",
      "'v=spf1 a -all', 1",
      "'v=spf1 a:h.example/24 -all', 1",
      "'v=spf1 mx -all', 1",
      "'v=spf1 mx:m.example//64 -all', 1",
      "'v=spf1 ptr -all', 1",
      "'v=spf1 exists:x.example -all', 1",
      "'v=spf1 redirect=b.example', 1",
      "'v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all', 0",
      "'v=spf1 all', 0",
      "'v=spf1 exp=e.example -all', 0",
      "'v=spf1 include:b.example a mx ptr exists:x.example ip4:192.0.2.1 redirect=b.example', 6",
  })
  void countsLikeTheRfc(String record, int expected) {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().txt("example.com", record)
        .txt("b.example", "v=spf1 ip4:198.51.100.1 -all").a("example.com", "192.0.2.10")
        .mx("example.com", 10, "h.example").a("h.example", "192.0.2.20").mx("m.example", 10, "h.example")
        .a("x.example", "127.0.0.2");
    SpfAudit a = audit(dns);
    assertThat(a.worstCaseLookups()).isEqualTo(expected);
    assertThat(a.tree().root().ownLookups()).isEqualTo(expected);
  }

  /**
   * The worst case is what {@link SpfChecker} spends on a client that matches nothing: the audit and
   * the evaluator count alike.
   */
  @Test
  void worstCaseMatchesTheEvaluator() {
    InMemoryDnsResolver.Builder dns = realistic()
        .txt("d.example", "v=spf1 a:h.example mx:m.example ptr exists:x.example ?all")
        .a("h.example", "192.0.2.20").mx("m.example", 10, "h.example");
    dns.txt("e.example", "v=spf1 include:_spf.a.example include:d.example redirect=b.example");
    DnsResolver resolver = dns.build();
    SpfAudit a = SpfAuditor.builder().resolver(resolver).build().audit(DomainName.of("e.example"));
    SpfChecker checker = SpfChecker.builder().resolver(resolver)
        .limits(Limits.builder().maxDnsLookups(100).maxVoidLookups(100).build()).build();
    SpfEvaluation e = checker.check(SpfRequest.mailFrom(IpAddress.of("10.9.8.7"), "x@e.example", "h.example"));
    assertThat(e.result()).isEqualTo(SpfResult.FAIL);
    assertThat(a.worstCaseLookups()).isEqualTo(e.trace().dnsLookups()).isEqualTo(10);
  }

  @Test
  void loopsTerminate() {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:a.example include:b.example redirect=example.com")
        .txt("a.example", "v=spf1 include:b.example include:a.example")
        .txt("b.example", "v=spf1 include:a.example include:example.com redirect=b.example");
    SpfAuditor auditor = SpfAuditor.builder().resolver(dns.build()).build();
    long start = System.nanoTime();
    SpfAudit a = auditor.audit(EXAMPLE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(a.findings(SpfCodes.SPF_LOOP)).isNotEmpty();
    assertThat(a.tree().nodes()).filteredOn(n -> n.status() == Status.LOOP).isNotEmpty()
        .allSatisfy(n -> assertThat(n.children()).isEmpty());
    assertThat(a.tree().depth()).isLessThanOrEqualTo(4);
  }

  @Test
  void diamondFanOutIsBounded() {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder().txt("example.com",
        "v=spf1 include:l0a.example include:l0b.example -all");
    for (int level = 0; level < 14; level++) {
      String next = "v=spf1 include:l" + (level + 1) + "a.example include:l" + (level + 1) + "b.example -all";
      dns.txt("l" + level + "a.example", next).txt("l" + level + "b.example", next);
    }
    dns.txt("l14a.example", "v=spf1 -all").txt("l14b.example", "v=spf1 -all");
    SpfAudit a = audit(dns);
    assertThat(a.tree().size()).isLessThanOrEqualTo(SpfAuditor.MAX_TREE_NODES);
    assertThat(a.tree().complete()).isFalse();
    assertThat(a.has(SpfCodes.SPF_AUDIT_INCOMPLETE)).isTrue();
    assertThat(a.has(SpfCodes.SPF_TOO_MANY_LOOKUPS)).isTrue();
  }

  @Test
  void nodeValidatesTotals() {
    Node leaf = Node.of("b.example", Optional.empty(), Reach.INCLUDE, "include:b.example", Optional.empty(),
        Status.NO_RECORD, Optional.empty(), 0, List.of());
    assertThatThrownBy(() -> new Node("a", Optional.empty(), Reach.ROOT, "a", Optional.empty(), Status.OK,
        Optional.empty(), 1, 5, List.of(leaf))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Node.of("a", Optional.empty(), Reach.ROOT, "a", Optional.empty(), Status.OK,
        Optional.empty(), -1, List.of())).isInstanceOf(IllegalArgumentException.class);
    Node root = Node.of("a", Optional.empty(), Reach.ROOT, "a", Optional.empty(), Status.OK, Optional.empty(), 2,
        List.of(leaf));
    assertThat(new SpfIncludeTree(root, true).worstCaseLookups()).isEqualTo(2);
  }
}
