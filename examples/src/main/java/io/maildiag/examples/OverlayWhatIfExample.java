package io.maildiag.examples;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import io.maildiag.dns.ZoneFileResolver;
import java.io.PrintStream;

/**
 * The what-if mode: "how would my proposed records look, next to everything else that is already
 * published?" Proposed records are held locally (a zone text here; {@link InMemoryDnsResolver}
 * works too) and laid over another resolver with {@link DnsResolver#overlay}: questions the local
 * data covers are answered from it, all others go to the fallback.
 *
 * <p>The fallback here is an in-memory stand-in for published DNS so the example runs offline; in
 * production it is {@link DnsResolver#system()}. Run with a domain argument to overlay the proposal
 * on live DNS instead: {@code ... OverlayWhatIfExample example.com}.
 */
public final class OverlayWhatIfExample {

  private OverlayWhatIfExample() {}

  /** Shows the published and the proposed SPF record of a domain, and an MX that did not change. */
  public static void main(String[] args) {
    if (args.length > 0) {
      run(System.out, DomainName.of(args[0]), DnsResolver.system());
    } else {
      run(System.out, DomainName.of("example.com"), publishedStandIn());
    }
  }

  /** Runs the example for {@code domain}, with {@code published} as the rest of DNS. */
  public static void run(PrintStream out, DomainName domain, DnsResolver published) {
    String proposal = domain + ". 300 IN TXT \"v=spf1 include:_spf.example.net \" \"ip4:198.51.100.0/24 -all\"\n";
    ZoneFileResolver proposed = ZoneFileResolver.parse(proposal).orElseThrow();
    DnsResolver whatIf = DnsResolver.overlay(proposed, published);

    out.println("published SPF: " + spf(published.lookup(domain, RecordType.TXT)));
    out.println("proposed SPF:  " + spf(whatIf.lookup(domain, RecordType.TXT)));
    DnsOutcome mx = whatIf.lookup(domain, RecordType.MX);
    out.println("MX (not in the proposal, so answered by the fallback): " + mx.kind().jsonName()
        + " " + mx.records());
  }

  /** Returns a stand-in for published DNS: one SPF record and one MX. */
  static DnsResolver publishedStandIn() {
    return InMemoryDnsResolver.builder()
        .txt("example.com", "v=spf1 include:_spf.example.net ~all")
        .mx("example.com", 10, "mx.example.net")
        .build();
  }

  private static String spf(DnsOutcome txt) {
    return txt.records(TxtRecord.class).stream()
        .filter(r -> r.text().startsWith("v=spf1"))
        .map(r -> r.text() + "   (strings " + r.strings() + ")")
        .findFirst()
        .orElse("none (" + txt.kind().jsonName() + ")");
  }
}
