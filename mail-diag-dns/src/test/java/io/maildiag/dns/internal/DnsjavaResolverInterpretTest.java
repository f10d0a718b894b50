package io.maildiag.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import io.maildiag.dns.internal.DnsjavaResolver.Done;
import io.maildiag.dns.internal.DnsjavaResolver.Pending;
import io.maildiag.dns.internal.DnsjavaResolver.Step;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@link DnsjavaResolver#interpret} on hand-built responses. */
class DnsjavaResolverInterpretTest {
  private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300);

  private static Name name(String s) {
    return Name.fromConstantString(s.endsWith(".") ? s : s + ".");
  }

  private static DomainName dn(String s) {
    return DomainName.of(s);
  }

  private static Message response(DnsQuery q, int rcode, Record[] answers, Record... authority) {
    Message m = new Message(4242);
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    m.addRecord(Record.newRecord(name(q.name().toString()), q.type().code(), DClass.IN), Section.QUESTION);
    for (Record r : answers) {
      m.addRecord(r, Section.ANSWER);
    }
    for (Record r : authority) {
      m.addRecord(r, Section.AUTHORITY);
    }
    return m;
  }

  private static Record[] answers(Record... records) {
    return records;
  }

  private static Step interpret(DnsQuery q, Message m) {
    return DnsjavaResolver.interpret(q, m, SERVER);
  }

  private static DnsOutcome done(Step step) {
    assertThat(step).isInstanceOf(Done.class);
    return ((Done) step).outcome();
  }

  private static SOARecord soa(String zone, long ttl, long minimum) {
    return new SOARecord(name(zone), DClass.IN, ttl, name("ns1." + zone), name("hostmaster." + zone), 7, 3600, 600,
        86400, minimum);
  }

  private static CNAMERecord cname(String from, String to) {
    return new CNAMERecord(name(from), DClass.IN, 60, name(to));
  }

  private static ARecord a(String owner, String ip) throws Exception {
    return new ARecord(name(owner), DClass.IN, 300, InetAddress.getByName(ip));
  }

  @Test
  void noerrorWithRecordsIsAnAnswer() {
    DnsQuery q = DnsQuery.of("example.test", RecordType.MX);
    Message m = response(q, Rcode.NOERROR, answers(
        new MXRecord(name("example.test"), DClass.IN, 300, 10, name("mx1.example.test")),
        new MXRecord(name("example.test"), DClass.IN, 300, 20, name("mx2.example.test"))));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(o.query()).isEqualTo(q);
    assertThat(o.cnameChain()).isEmpty();
    assertThat(o.records(MxRecord.class)).containsExactly(
        new MxRecord(dn("example.test"), 300, 10, dn("mx1.example.test")),
        new MxRecord(dn("example.test"), 300, 20, dn("mx2.example.test")));
  }

  @Test
  void recordsOfOtherOwnersOrTypesAreIgnored() throws Exception {
    DnsQuery q = DnsQuery.of("example.test", RecordType.A);
    Message m = response(q, Rcode.NOERROR, answers(a("other.test", "192.0.2.1"),
        new NSRecord(name("example.test"), DClass.IN, 300, name("ns1.example.test"))), soa("example.test", 300, 60));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.NoData.class);
  }

  @Test
  void emptyNoerrorWithSoaIsNoData() {
    DnsQuery q = DnsQuery.of("www.example.test", RecordType.AAAA);
    Message m = response(q, Rcode.NOERROR, answers(), soa("example.test", 3600, 120));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.NoData.class);
    SoaRecord soa = ((DnsOutcome.NoData) o).soa().orElseThrow();
    assertThat(soa.name()).isEqualTo(dn("example.test"));
    assertThat(soa.ttl()).isEqualTo(3600);
    assertThat(soa.minimum()).isEqualTo(120);
  }

  @Test
  void emptyNoerrorWithoutSoaIsNoDataWithoutSoa() {
    DnsQuery q = DnsQuery.of("www.example.test", RecordType.AAAA);

    DnsOutcome o = done(interpret(q, response(q, Rcode.NOERROR, answers())));

    assertThat(o).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(((DnsOutcome.NoData) o).soa()).isEmpty();
  }

  @Test
  void cnameChainInTheAnswerIsFollowedInAnyOrder() throws Exception {
    DnsQuery q = DnsQuery.of("www.example.test", RecordType.A);
    Message m = response(q, Rcode.NOERROR, answers(
        a("host.example.test", "192.0.2.80"),
        cname("web.example.test", "host.example.test"),
        cname("www.example.test", "web.example.test")));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(o.cnameChain()).containsExactly(
        new CnameRecord(dn("www.example.test"), 60, dn("web.example.test")),
        new CnameRecord(dn("web.example.test"), 60, dn("host.example.test")));
    assertThat(o.canonicalName()).isEqualTo(dn("host.example.test"));
    assertThat(o.records()).hasSize(1);
    assertThat(o.records().get(0).name()).isEqualTo(dn("host.example.test"));
  }

  @Test
  void cnameWithoutTargetDataAndWithoutSoaAsksForTheTarget() {
    DnsQuery q = DnsQuery.of("alias.example.test", RecordType.TXT);
    Message m = response(q, Rcode.NOERROR, answers(cname("alias.example.test", "target.other.test")));

    Step step = interpret(q, m);

    assertThat(step).isInstanceOf(Pending.class);
    Pending p = (Pending) step;
    assertThat(p.next()).isEqualTo(dn("target.other.test"));
    assertThat(p.chain()).containsExactly(new CnameRecord(dn("alias.example.test"), 60, dn("target.other.test")));
  }

  @Test
  void cnameWithoutTargetDataButWithSoaIsNoDataWithTheChain() {
    DnsQuery q = DnsQuery.of("alias.example.test", RecordType.TXT);
    Message m = response(q, Rcode.NOERROR, answers(cname("alias.example.test", "empty.example.test")),
        soa("example.test", 300, 60));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.NoData.class);
    assertThat(o.canonicalName()).isEqualTo(dn("empty.example.test"));
  }

  @Test
  void cnameLoopInTheAnswerIsServFail() {
    DnsQuery q = DnsQuery.of("a.example.test", RecordType.A);
    Message m = response(q, Rcode.NOERROR, answers(cname("a.example.test", "b.example.test"),
        cname("b.example.test", "a.example.test")));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) o).detail()).contains("CNAME loop");
    assertThat(o.cnameChain()).hasSize(2);
  }

  @Test
  void askingForTheCnameItselfDoesNotFollowIt() {
    DnsQuery q = DnsQuery.of("alias.example.test", RecordType.CNAME);
    Message m = response(q, Rcode.NOERROR, answers(cname("alias.example.test", "target.other.test")));

    DnsOutcome o = done(interpret(q, m));

    assertThat(o).isInstanceOf(DnsOutcome.Answer.class);
    assertThat(o.cnameChain()).isEmpty();
    assertThat(o.records()).containsExactly(new CnameRecord(dn("alias.example.test"), 60, dn("target.other.test")));
  }

  @Test
  void nxdomainKeepsTheSoaAndTheChain() {
    DnsQuery q = DnsQuery.of("alias.example.test", RecordType.A);
    Message plain = response(q, Rcode.NXDOMAIN, answers(), soa("example.test", 300, 30));
    Message viaCname = response(q, Rcode.NXDOMAIN, answers(cname("alias.example.test", "gone.example.test")),
        soa("example.test", 300, 30));

    DnsOutcome o = done(interpret(q, plain));
    DnsOutcome c = done(interpret(q, viaCname));

    assertThat(o).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(((DnsOutcome.NxDomain) o).soa().orElseThrow().minimum()).isEqualTo(30);
    assertThat(c).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(c.canonicalName()).isEqualTo(dn("gone.example.test"));
  }

  @Test
  void servfailRefusedAndOtherCodes() {
    DnsQuery q = DnsQuery.of("example.test", RecordType.TXT);

    DnsOutcome servfail = done(interpret(q, response(q, Rcode.SERVFAIL, answers())));
    DnsOutcome refused = done(interpret(q, response(q, Rcode.REFUSED, answers())));
    DnsOutcome formerr = done(interpret(q, response(q, Rcode.FORMERR, answers())));
    DnsOutcome notimp = done(interpret(q, response(q, Rcode.NOTIMP, answers())));

    assertThat(servfail).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) servfail).detail()).isEqualTo("127.0.0.1:5300 answered SERVFAIL");
    assertThat(refused).isInstanceOf(DnsOutcome.Refused.class);
    assertThat(((DnsOutcome.Refused) refused).detail()).isEqualTo("127.0.0.1:5300 refused the query");
    assertThat(formerr).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) formerr).detail()).contains("FORMERR");
    assertThat(notimp).isInstanceOf(DnsOutcome.ServFail.class);
    assertThat(((DnsOutcome.ServFail) notimp).detail()).contains("NOTIMP");
  }

  @Test
  void ipv6ServerIsNamedInBrackets() throws Exception {
    DnsQuery q = DnsQuery.of("example.test", RecordType.TXT);
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 53);

    DnsOutcome o = done(DnsjavaResolver.interpret(q, response(q, Rcode.REFUSED, answers()), v6));

    assertThat(((DnsOutcome.Refused) o).detail()).isEqualTo("[::1]:53 refused the query");
  }

  @Test
  void answerTypeIsMatchedByCodeIncludingSpf() {
    DnsQuery q = DnsQuery.of("example.test", RecordType.SPF);
    Record spf = Record.newRecord(name("example.test"), Type.SPF, DClass.IN, 300,
        new byte[] {11, 'v', '=', 's', 'p', 'f', '1', ' ', '-', 'a', 'l', 'l'});
    Record txt = new org.xbill.DNS.TXTRecord(name("example.test"), DClass.IN, 300, "v=spf1 +all");

    DnsOutcome o = done(interpret(q, response(q, Rcode.NOERROR, answers(txt, spf))));

    assertThat(o.records()).hasSize(1);
    assertThat(o.records().get(0).type()).isEqualTo(RecordType.SPF);
    assertThat(o.records().get(0).rdataText()).isEqualTo("\"v=spf1 -all\"");
  }
}
