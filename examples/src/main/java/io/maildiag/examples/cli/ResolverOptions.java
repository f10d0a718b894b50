package io.maildiag.examples.cli;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.ZoneFileResolver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The DNS convention of every subcommand that asks DNS questions: where the questions go.
 *
 * <ul>
 *   <li>{@code --zone FILE}: every question is answered from a master file, offline ({@link
 *       ZoneFileResolver});
 *   <li>{@code --server HOST[:PORT]}: live DNS through that server ({@link LiveDnsResolver});
 *   <li>neither: live DNS through the system's resolvers ({@link DnsResolver#system()}).
 * </ul>
 *
 * <p>{@code --zone} and {@code --server} exclude each other (a usage error). {@code --timeout}
 * bounds each live question, retries included; a zone file answers at once and ignores it.
 */
public final class ResolverOptions {

  /** The two mutually exclusive sources; null when neither was given. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  /** Holds {@code --zone} or {@code --server}, never both. */
  static final class Source {
    @Option(names = "--zone", paramLabel = "FILE",
        description = "Answer every DNS question from this zone file (RFC 1035 master file), offline.")
    Path zone;

    @Option(names = "--server", paramLabel = "HOST[:PORT]",
        description = "Ask this DNS server (an IP address, or localhost; port 53 by default) instead of the system's resolvers.")
    String server;
  }

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Longest time one live DNS question may take, retries included (default: "
          + io.maildiag.core.Limits.DEFAULT_QUERY_TIMEOUT_SECONDS + "s). E.g. 500ms, 3s, PT2S.")
  Duration timeout;

  /**
   * A chosen resolver and what it is, for people.
   *
   * @param resolver the resolver
   * @param description {@code zone file x.zone}, {@code server 192.0.2.53:53} or {@code system resolvers}
   */
  public record Choice(DnsResolver resolver, String description) {
    /** Checks for null. */
    public Choice {
      Objects.requireNonNull(resolver, "resolver");
      Objects.requireNonNull(description, "description");
    }
  }

  /** Returns whether {@code --zone} was given. */
  public boolean offline() {
    return source != null && source.zone != null;
  }

  /**
   * Builds the resolver the options ask for.
   *
   * @param warnings receives one line per warning (a skipped record type in the zone file)
   * @throws InputException if the zone file cannot be read or parsed, or the server is invalid
   */
  public Choice open(Consumer<String> warnings) throws InputException {
    if (source != null && source.zone != null) {
      String file = source.zone.toString();
      ParseResult<ZoneFileResolver> zone = ZoneFileResolver.load(source.zone);
      for (Diagnostic d : zone.diagnostics()) {
        if (d.severity() != Severity.ERROR) {
          warnings.accept(InputException.forFile(file, d).getMessage());
        }
      }
      if (zone.value().isEmpty()) {
        throw InputException.forFile(file, zone.errors().get(0));
      }
      return new Choice(zone.value().get(), "zone file " + file);
    }
    Duration budget = timeout;
    if (source != null && source.server != null) {
      ParseResult<InetSocketAddress> server = LiveDnsResolver.parseServer(source.server);
      if (server.value().isEmpty()) {
        throw new InputException(server.errors().get(0).message());
      }
      LiveDnsResolver live = configure(LiveDnsResolver.builder().server(server.value().get()), budget).build();
      return new Choice(live, "server " + String.join(", ", live.servers()));
    }
    if (budget == null) {
      return new Choice(DnsResolver.system(), "system resolvers " + String.join(", ", LiveDnsResolver.system().servers()));
    }
    LiveDnsResolver live = configure(LiveDnsResolver.builder(), budget).build();
    return new Choice(live, "system resolvers " + String.join(", ", live.servers()));
  }

  private static LiveDnsResolver.Builder configure(LiveDnsResolver.Builder builder, Duration budget) {
    if (budget != null) {
      builder.budget(budget);
      Duration attempt = Duration.ofMillis(LiveDnsResolver.DEFAULT_ATTEMPT_TIMEOUT_MILLIS);
      builder.attemptTimeout(budget.compareTo(attempt) < 0 ? budget : attempt);
    }
    return builder;
  }
}
