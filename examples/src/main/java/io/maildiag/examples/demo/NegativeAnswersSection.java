package io.maildiag.examples.demo;

import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;
import java.util.List;

/** NXDOMAIN and NODATA are different outcomes, and standards treat them differently. */
final class NegativeAnswersSection implements DemoSection {

  @Override
  public String id() {
    return "negative";
  }

  @Override
  public String title() {
    return "No answer is not all alike: NXDOMAIN versus NODATA";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DnsOutcome subDmarc = report.ask(context.name("_dmarc.news"), RecordType.TXT);
    report.note("_dmarc.news." + context.domain() + " does not exist (NXDOMAIN): a DMARC receiver"
        + " then looks at the organizational domain's _dmarc." + context.domain()
        + " (RFC 7489 section 6.6.3).");

    DnsOutcome news = report.ask(context.name("news"), RecordType.TXT);
    report.note("news." + context.domain() + " exists (it has an address) but publishes no TXT: NODATA.");

    DnsOutcome keys = report.ask(context.name("_domainkey"), RecordType.TXT);
    report.note("_domainkey." + context.domain() + " has no records of its own, but a DKIM key"
        + " exists below it, so it exists too (an empty non-terminal): NODATA. An NXDOMAIN there would"
        + " deny the key below it (RFC 8020).");

    DnsOutcome missingKey = report.ask(context.name("nosuch._domainkey"), RecordType.TXT);
    report.note("A selector that was never published is NXDOMAIN.");

    List<DnsOutcome> all = List.of(subDmarc, news, keys, missingKey);
    long voids = all.stream().filter(DnsOutcome::isVoid).count();
    report.note("SPF counts both kinds as void lookups (DnsOutcome.isVoid()): " + voids + " of these "
        + all.size() + " questions were void.");
    report.json().put("nxdomain", all.stream().filter(o -> o.kind() == DnsOutcome.Kind.NXDOMAIN).count());
    report.json().put("nodata", all.stream().filter(o -> o.kind() == DnsOutcome.Kind.NODATA).count());
  }
}
