package io.maildiag.examples;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.RecordingDnsResolver;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a consumer unit-tests its own code that asks DNS through mail-diag: give it an {@link
 * InMemoryDnsResolver} instead of live DNS, and check what it asked with {@link
 * RecordingDnsResolver}. No network, no mocking library, every outcome (NXDOMAIN, SERVFAIL,
 * timeouts) reproducible.
 *
 * <p>In a real project the {@code check...} methods below are JUnit tests; here they run from
 * {@code main} so the example needs nothing but the SDK.
 */
public final class InMemoryResolverExample {

  private InMemoryResolverExample() {}

  /**
   * The consumer's code under test: the host that mail for {@code domain} goes to first. Empty when
   * the domain accepts no mail (null MX, RFC 7505) or DNS failed; the domain itself when it has no
   * MX but exists (the implicit MX of RFC 5321 section 5.1).
   */
  public static Optional<DomainName> firstMailHost(DnsResolver dns, DomainName domain) {
    DnsOutcome mx = dns.lookup(domain, RecordType.MX);
    if (mx.kind() == DnsOutcome.Kind.NODATA) {
      return Optional.of(domain);
    }
    return mx.records(MxRecord.class).stream()
        .min(Comparator.comparingInt(MxRecord::preference))
        .map(MxRecord::exchange)
        .filter(host -> !host.isRoot());
  }

  /** Runs the checks and prints one line per check; throws {@link AssertionError} on a failure. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the checks, printing to {@code out}. */
  public static void run(PrintStream out) {
    DnsResolver fake = InMemoryDnsResolver.builder()
        .mx("example.com", 20, "backup.example.net")
        .mx("example.com", 10, "mx.example.net")
        .mx("no-mail.example.com", 0, ".")
        .a("web-only.example.com", "192.0.2.80")
        .servfail("broken.example.com")
        .build();

    RecordingDnsResolver dns = RecordingDnsResolver.wrap(fake);
    check(out, "lowest preference wins",
        firstMailHost(dns, DomainName.of("example.com")).equals(Optional.of(DomainName.of("mx.example.net"))));
    check(out, "a null MX means no mail host",
        firstMailHost(dns, DomainName.of("no-mail.example.com")).isEmpty());
    check(out, "no MX but an address: the implicit MX is the domain itself",
        firstMailHost(dns, DomainName.of("web-only.example.com")).equals(Optional.of(DomainName.of("web-only.example.com"))));
    check(out, "a server failure gives no host",
        firstMailHost(dns, DomainName.of("broken.example.com")).isEmpty());
    check(out, "one MX question per call, nothing else",
        dns.queries().equals(List.of(
            DnsQuery.of("example.com", RecordType.MX),
            DnsQuery.of("no-mail.example.com", RecordType.MX),
            DnsQuery.of("web-only.example.com", RecordType.MX),
            DnsQuery.of("broken.example.com", RecordType.MX))));
    check(out, "the SERVFAIL was an outcome, not an exception",
        dns.exchanges().get(3).outcome().kind() == DnsOutcome.Kind.SERVFAIL);
    out.println("all checks passed (" + dns.queryCount() + " DNS questions, no network)");
  }

  private static void check(PrintStream out, String what, boolean ok) {
    if (!ok) {
      throw new AssertionError("check failed: " + what);
    }
    out.println("ok   " + what);
  }
}
