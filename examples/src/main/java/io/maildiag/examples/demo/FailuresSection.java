package io.maildiag.examples.demo;

import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;

/** Server failures and timeouts are values too, never exceptions. */
final class FailuresSection implements DemoSection {

  @Override
  public String id() {
    return "failures";
  }

  @Override
  public String title() {
    return "Failures are values: SERVFAIL and TIMEOUT (simulated)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DnsOutcome broken = report.ask(DemoContext.BROKEN, RecordType.MX);
    DnsOutcome slow = report.ask(DemoContext.SLOW, RecordType.TXT);
    report.note("These two names are simulated with InMemoryDnsResolver.servfail() and .timeout(),"
        + " laid over the zone with DnsResolver.overlay().");
    report.note("Both are temporary errors (DnsOutcome.isFailure() is " + (broken.isFailure() && slow.isFailure())
        + "): an SPF or DMARC check reports temperror for them, not \"no record\".");
  }
}
