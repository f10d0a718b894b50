package io.maildiag.examples;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsListener;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.RecordType;
import java.time.Duration;

/**
 * Live DNS with an explicit server, a time budget and a listener that prints every question.
 * Every outcome, NXDOMAIN and timeouts included, is a value: nothing here throws for DNS reasons.
 *
 * <p>Run: {@code java -cp examples/target/mail-diag.jar io.maildiag.examples.LiveDnsExample
 * example.com [SERVER[:PORT]]} (this one needs a network).
 */
public final class LiveDnsExample {

  private LiveDnsExample() {}

  /** Asks for the MX, TXT and DMARC records of a domain. */
  public static void main(String[] args) {
    DomainName domain = DomainName.of(args.length > 0 ? args[0] : "example.com");
    LiveDnsResolver.Builder builder = LiveDnsResolver.builder()
        .attemptTimeout(Duration.ofSeconds(2))
        .retries(1)
        .budget(Duration.ofSeconds(5));
    if (args.length > 1) {
      builder.server(args[1]);   // an IP address, optionally with :port
    }
    DnsResolver dns = builder.build().withListener(new DnsListener() {
      @Override
      public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration elapsed) {
        System.out.println(query + " -> " + outcome.kind().jsonName() + " in " + elapsed.toMillis() + " ms");
      }
    });
    dns.lookup(domain, RecordType.MX).records().forEach(r -> System.out.println("  " + r));
    dns.lookup(domain, RecordType.TXT).records().forEach(r -> System.out.println("  " + r));
    DnsOutcome dmarc = dns.lookup(domain.child("_dmarc"), RecordType.TXT);
    dmarc.records().forEach(r -> System.out.println("  " + r));
  }
}
