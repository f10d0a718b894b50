package io.maildiag.examples.cli;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.RecordType;
import io.maildiag.examples.render.DnsJson;
import io.maildiag.examples.render.DnsText;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag dns NAME TYPE}: asks one DNS question and shows what it came to: the outcome
 * kind, the CNAME chain, the records, and for negative answers the SOA.
 */
@Command(
    name = "dns",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Ask DNS one question and show the outcome, the CNAME chain and the records.",
    description = {
      "%nThe outcome is one of ANSWER, NODATA, NXDOMAIN, SERVFAIL, REFUSED or TIMEOUT; each exits 0."
          + " TXT records show their character-strings apart, as published, and joined."
          + " For PTR, NAME may be an IP address: its reverse name is asked.%n"
    },
    footer = {
      "",
      "Examples:",
      "  mail-diag dns example.com MX",
      "  mail-diag dns _dmarc.example.com TXT --server 192.0.2.53 --json",
      "  mail-diag dns example.com TXT --zone example.zone",
      "  mail-diag dns 192.0.2.25 PTR"
    })
final class DnsCommand extends MailDiagCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The domain name to ask about (or an IP address with PTR).")
  String name;

  @Parameters(index = "1", paramLabel = "TYPE", converter = RecordTypeConverter.class,
      description = "The record type: ${COMPLETION-CANDIDATES}.", completionCandidates = RecordTypes.class)
  RecordType type;

  @Mixin
  ResolverOptions resolver;

  @Override
  protected int execute() throws InputException {
    DnsQuery query = DnsQuery.of(questionName(), type);
    ResolverOptions.Choice choice = resolver.open(this::warn);
    long start = System.nanoTime();
    DnsOutcome outcome = choice.resolver().resolveBlocking(query);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (json()) {
      printJson(DnsJson.outcome(outcome, elapsed));
    } else {
      printText(DnsText.outcome(outcome, elapsed, choice.description()));
    }
    return ExitCodes.OK;
  }

  private DomainName questionName() throws InputException {
    if (type == RecordType.PTR && Arguments.looksLikeAddress(name)) {
      return Arguments.ipAddress(name, this::warn).reverseName();
    }
    return Arguments.domainName(name, this::warn);
  }

  /** The record types, for help and completion. */
  static final class RecordTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(RecordType.values()).map(Enum::name).iterator();
    }
  }
}
