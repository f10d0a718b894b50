package io.maildiag.examples.cli;

import io.maildiag.examples.demo.DemoContext;
import io.maildiag.examples.demo.DemoReport;
import io.maildiag.examples.demo.DemoSections;
import picocli.CommandLine.Command;

/**
 * {@code mail-diag demo}: a tour of the SDK that runs offline on data bundled in the jar. Its
 * sections are listed in {@link DemoSections#standard()}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Tour the SDK offline on a fictional domain bundled in the jar.",
    description = {
      "%nShows the DNS questions asked and their outcomes (NXDOMAIN versus NODATA), TXT strings kept"
          + " apart, a CNAME chain, a null MX, simulated failures, SPF evaluations (a pass through an"
          + " include, a fail with an explanation, a permerror), an SPF audit of a policy with"
          + " problems (its findings and include tree), four bounces read with BounceAnalyzer (a"
          + " Postfix DSN, a Microsoft 365-style DMARC rejection, a Gmail-style mailbox-full bounce,"
          + " an automatic reply) with a status code explained by NdrCode, a DMARC audit of the domain"
          + " and a subdomain with one DMARC verdict, and the number of"
          + " questions asked."
          + " Needs no network.%n"
    })
final class DemoCommand extends MailDiagCommand {

  @Override
  protected int execute() {
    DemoReport report = DemoReport.run(DemoContext.bundled(), DemoSections.standard());
    if (json()) {
      printJson(report.json());
    } else {
      printText(report.lines());
    }
    return ExitCodes.OK;
  }
}
