package io.maildiag.examples;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.ZoneFileResolver;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Offline analysis from an RFC 1035 master file. Loading never throws on a bad file: the result
 * carries diagnostics with line and column.
 *
 * <p>Run: {@code java -cp examples/target/mail-diag.jar io.maildiag.examples.ZoneFileExample
 * FILE NAME [TYPE]}; without arguments it parses a small zone held in the source.
 */
public final class ZoneFileExample {

  private ZoneFileExample() {}

  static final String SAMPLE = """
      $ORIGIN example.com.
      $TTL 300
      @        IN MX   10 mail
      @        IN TXT  "v=spf1 mx " "-all"
      mail     IN A    192.0.2.25
      """;

  /** Loads a zone file (or the sample) and asks one question. */
  public static void main(String[] args) {
    if (args.length >= 2) {
      RecordType type = args.length > 2 ? RecordType.parse(args[2]).orElse(RecordType.A) : RecordType.A;
      System.exit(run(System.out, ZoneFileResolver.load(Path.of(args[0])), args[1], type));
    }
    run(System.out, ZoneFileResolver.parse(SAMPLE), "example.com", RecordType.TXT);
    run(System.out, ZoneFileResolver.parse("example.com. IN MX ten mail.example.com.\n"), "example.com", RecordType.MX);
  }

  /** Prints the diagnostics of {@code zone} and, if it loaded, the answer to one question; returns an exit code. */
  public static int run(PrintStream out, ParseResult<ZoneFileResolver> zone, String name, RecordType type) {
    for (Diagnostic d : zone.diagnostics()) {
      out.println("zone: " + d);   // "error ZONE_SYNTAX at 1:1: invalid zone file: ..."
    }
    if (zone.value().isEmpty()) {
      return 1;
    }
    DnsOutcome outcome = zone.value().get().lookup(DomainName.of(name), type);
    out.println(outcome.query() + " -> " + outcome.kind().jsonName());
    for (DnsRecord r : outcome.records()) {
      out.println("  " + r);
    }
    return 0;
  }
}
