package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import java.util.Comparator;
import java.util.List;

/** Where mail for the domain goes: MX records, the addresses behind them, and a null MX. */
final class MailRoutingSection implements DemoSection {

  @Override
  public String id() {
    return "mx";
  }

  @Override
  public String title() {
    return "Mail routing: MX records, their addresses, and a null MX";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DnsOutcome mx = report.ask(context.domain(), RecordType.MX);
    List<MxRecord> exchanges = mx.records(MxRecord.class).stream()
        .sorted(Comparator.comparingInt(MxRecord::preference))
        .toList();
    ArrayNode json = report.json().putArray("exchanges");
    StringBuilder order = new StringBuilder();
    for (MxRecord r : exchanges) {
      order.append(order.length() == 0 ? "" : ", then ").append(r.exchange())
          .append(" (preference ").append(r.preference()).append(')');
      json.addObject().put("preference", r.preference()).put("exchange", r.exchange().toString());
    }
    report.note("Mail for " + context.domain() + " goes to " + order + ".");

    for (MxRecord r : exchanges) {
      DomainName host = r.exchange();
      DnsOutcome a = report.ask(host, RecordType.A);
      DnsOutcome aaaa = report.ask(host, RecordType.AAAA);
      if (a.isAnswer() && aaaa.kind() == DnsOutcome.Kind.NODATA) {
        report.note(host + " has an IPv4 address but no IPv6 one (NODATA for AAAA): senders on"
            + " IPv6 only cannot reach it.");
      }
    }

    DomainName staticHost = context.name("static");
    DnsOutcome nullMx = report.ask(staticHost, RecordType.MX);
    boolean isNullMx = nullMx.records(MxRecord.class).stream().anyMatch(r -> r.exchange().isRoot());
    report.json().put("nullMx", isNullMx);
    if (isNullMx) {
      report.note(staticHost + " publishes a null MX (\"MX 0 .\", RFC 7505): it accepts no mail,"
          + " so senders fail at once instead of retrying for days.");
    }
  }
}
