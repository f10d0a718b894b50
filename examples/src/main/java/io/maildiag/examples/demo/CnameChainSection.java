package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;

/** Aliases: the CNAME chain followed is part of every outcome. */
final class CnameChainSection implements DemoSection {

  @Override
  public String id() {
    return "cname";
  }

  @Override
  public String title() {
    return "CNAME chains: every outcome says how it was reached";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DnsOutcome www = report.ask(context.name("www"), RecordType.A);
    ArrayNode chain = report.json().putArray("chain");
    StringBuilder path = new StringBuilder().append(www.query().name());
    for (CnameRecord c : www.cnameChain()) {
      path.append(" -> ").append(c.target());
      chain.add(c.target().toString());
    }
    report.note("The answer for www." + context.domain() + " is owned by " + www.canonicalName()
        + ", reached through " + www.cnameChain().size() + " CNAMEs: " + path + ".");

    DnsOutcome mx = report.ask(context.name("www"), RecordType.MX);
    report.note("Asking the same alias for MX ends in " + mx.kind().jsonName() + " at "
        + mx.canonicalName() + ": the chain is kept in negative outcomes too.");
  }
}
