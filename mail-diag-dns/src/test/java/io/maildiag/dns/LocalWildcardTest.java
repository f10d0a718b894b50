package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ip.IpAddress;
import org.junit.jupiter.api.Test;

/** Local wildcard synthesis as RFC 4592 describes it. */
class LocalWildcardTest {
  private final InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
      .a("*.example.com", "192.0.2.99")
      .txt("*.example.com", "wild")
      .a("host.example.com", "192.0.2.1")
      .a("x.ent.example.com", "192.0.2.2")
      .build();

  @Test
  void synthesisesWithTheOwnerRewrittenToTheQueryName() {
    DnsOutcome out = lookup(dns, "anything.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.records()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo(dn("anything.example.com"));
      assertThat(((ARecord) r).address()).isEqualTo(IpAddress.of("192.0.2.99"));
    });
  }

  @Test
  void matchesSeveralLabelsBelowTheClosestEncloser() {
    DnsOutcome out = lookup(dns, "a.b.c.example.com", RecordType.TXT);

    assertThat(out.records(TxtRecord.class)).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo(dn("a.b.c.example.com"));
      assertThat(r.text()).isEqualTo("wild");
    });
  }

  @Test
  void synthesisedNameWithoutTheTypeIsNoData() {
    assertThat(lookup(dns, "anything.example.com", RecordType.MX)).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  void doesNotApplyWhenTheNameExists() {
    assertThat(lookup(dns, "host.example.com", RecordType.TXT)).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(lookup(dns, "host.example.com", RecordType.A).records(ARecord.class))
        .extracting(ARecord::address).containsExactly(IpAddress.of("192.0.2.1"));
  }

  @Test
  void doesNotApplyAtAnEmptyNonTerminal() {
    assertThat(lookup(dns, "ent.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  void doesNotApplyBelowAnExistingNameThatIsNotItsParent() {
    // closest encloser of y.host.example.com is host.example.com, which has no wildcard child.
    assertThat(lookup(dns, "y.host.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    // nor below an empty non-terminal without one.
    assertThat(lookup(dns, "y.ent.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void theWildcardOwnerItselfAnswersLiterally() {
    DnsOutcome out = lookup(dns, "*.example.com", RecordType.A);

    assertThat(out.records()).singleElement()
        .satisfies(r -> assertThat(r.name()).isEqualTo(dn("*.example.com")));
  }

  @Test
  void doesNotApplyToOtherZones() {
    assertThat(lookup(dns, "anything.example.net", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void wildcardCnameIsFollowedWithTheSynthesisedOwner() {
    InMemoryDnsResolver w = InMemoryDnsResolver.builder()
        .cname("*.mail.example.com", "mx.example.net")
        .a("mx.example.net", "198.51.100.1")
        .build();

    DnsOutcome out = lookup(w, "eu.mail.example.com", RecordType.A);

    assertThat(out).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(out.cnameChain()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo(dn("eu.mail.example.com"));
      assertThat(c.target()).isEqualTo(dn("mx.example.net"));
    });
  }

  @Test
  void wildcardOnlyZoneMakesItsParentAnEmptyNonTerminal() {
    InMemoryDnsResolver w = InMemoryDnsResolver.builder().a("*.only.example", "192.0.2.7").build();

    assertThat(lookup(w, "only.example", RecordType.A)).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(lookup(w, "x.only.example", RecordType.A).isAnswer()).isTrue();
  }
}
