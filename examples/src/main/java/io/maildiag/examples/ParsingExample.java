package io.maildiag.examples;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.core.mail.MailAddress;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * Parses untrusted input with the core value types. Parsers never throw on bad input: they return
 * a {@link ParseResult} with the value (if any) and diagnostics that point into the input.
 *
 * <p>Run: {@code java -cp examples/target/mail-diag.jar io.maildiag.examples.ParsingExample}
 */
public final class ParsingExample {

  private ParsingExample() {}

  /** Parses a fixed set of good and bad inputs and prints what the parsers say. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintStream out) {
    out.println("Domain names: normalised (lower case, no trailing dot, IDNA A-labels)");
    show(out, "Mail.Example.COM.", DomainName::parse);
    show(out, "bücher.example", DomainName::parse);
    show(out, "-bad-.example.com", DomainName::parse);     // accepted, with a warning
    show(out, "mail..example.com", DomainName::parse);     // error at the empty label

    out.println();
    out.println("IP networks: CIDR, host bits cleared");
    show(out, "192.0.2.0/24", IpNetwork::parse);
    show(out, "192.0.2.77/24", IpNetwork::parse);          // warning: host bits set
    show(out, "2001:db8::/129", IpNetwork::parse);         // error: prefix too long
    IpNetwork net = IpNetwork.of("192.0.2.0/24");          // the throwing twin, for constants
    out.println("  " + net + " contains 192.0.2.25: " + net.contains(IpAddress.of("192.0.2.25")));

    out.println();
    out.println("Mail addresses (RFC 5321 mailboxes)");
    show(out, "<John.Doe@Example.com>", MailAddress::parse);
    show(out, "\"john doe\"@example.com", MailAddress::parse);
    show(out, "postmaster@[192.0.2.1]", MailAddress::parse);
    show(out, "no-at-sign.example.com", MailAddress::parse);
    MailAddress a = MailAddress.parse("\"john doe\"@example.com").orElseThrow();
    out.println("  local part " + a.localPart() + " decodes to " + a.decodedLocalPart()
        + ", domain " + a.domain());
  }

  /** Parses {@code input} and prints the value or, under the input, a caret at each diagnostic. */
  static <T> void show(PrintStream out, String input, Function<String, ParseResult<T>> parser) {
    ParseResult<T> result = parser.apply(input);
    out.println("  " + quote(input) + " -> " + result.value().map(v -> "ok: " + v).orElse("rejected"));
    List<Diagnostic> diagnostics = result.diagnostics();
    for (Diagnostic d : diagnostics) {
      // The input starts after "  '", so column c is at index c + 2.
      d.span().ifPresent(span -> out.println("  " + " ".repeat(span.column()) + "^"));
      out.println("      " + d);   // e.g. "error DOMAIN_EMPTY_LABEL at 1:6: empty label ..."
    }
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
