package io.maildiag.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.dns.dmarc.report.AggregateReport;
import io.maildiag.dns.dmarc.report.AggregateReports;
import io.maildiag.dns.dmarc.report.AggregateSummary;
import io.maildiag.dns.dmarc.report.ReporterStats;
import io.maildiag.dns.dmarc.report.SourceStats;
import io.maildiag.examples.render.Json;
import io.maildiag.examples.render.SpfJson;
import io.maildiag.examples.render.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag dmarc-report FILE...}: summarises DMARC aggregate reports (XML, gzip or zip as
 * {@link AggregateReports} reads them) with {@link AggregateSummary}.
 *
 * <p>A file that does not exist is bad input (exit 1). A file that exists but cannot be parsed
 * is reported in the output ({@code "files"} with its {@code "error"}) and skipped; the command
 * still exits 0, since the analysis ran.
 */
@Command(
    name = "dmarc-report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Summarise DMARC aggregate reports: messages, pass rate, sources and reporters.",
    description = {
      "%nReads each FILE as a DMARC aggregate report (RFC 7489 appendix C / RFC 9990 XML, plain,"
          + " gzip or zip) and prints the totals: reports (repeats counted once), messages, passed,"
          + " misaligned (something authenticated but not aligned) and unauthenticated, the date"
          + " range, the sources by volume and the reporters. Files that cannot be parsed are listed"
          + " with their error and skipped. Exits 0 unless a FILE does not exist (1).%n"
    },
    footer = {"", "Examples:", "  mail-diag dmarc-report reports/*.xml.gz", "  mail-diag dmarc-report a.xml b.zip --json"})
final class DmarcReportCommand extends MailDiagCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Aggregate report files.")
  List<Path> files;

  @Override
  protected int execute() throws InputException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new InputException(f + ": no such file");
      }
    }
    List<AggregateReport> reports = new ArrayList<>();
    ArrayNode fileNodes = Json.array();
    List<String> fileLines = new ArrayList<>();
    for (Path f : files) {
      ParseResult<AggregateReport> r = AggregateReports.parse(f);
      ObjectNode n = fileNodes.addObject();
      n.put("file", f.toString());
      List<Diagnostic> problems = r.diagnostics();
      if (r.value().isPresent()) {
        AggregateReport rep = r.value().get();
        reports.add(rep);
        n.put("parsed", true);
        n.put("orgName", rep.metadata().orgName());
        n.put("reportId", rep.metadata().reportId());
        n.put("policyDomain", rep.policy().domain().map(Object::toString).orElse(null));
        n.put("messages", rep.messageCount());
        n.putNull("error");
        fileLines.add("  " + Text.printable(f.toString()) + ": " + Text.printable(rep.metadata().orgName()) + " report "
            + Text.printable(rep.metadata().reportId()) + ", " + Text.count(rep.messageCount(), "message"));
      } else {
        String error = problems.stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
            .or(() -> problems.stream().findFirst()).map(Diagnostic::message).orElse("cannot be parsed");
        n.put("parsed", false);
        n.put("error", error);
        fileLines.add("  " + Text.printable(f.toString()) + ": skipped: " + Text.printable(error));
      }
      n.set("problems", SpfJson.problems(problems));
    }
    AggregateSummary s = AggregateSummary.of(reports);
    if (json()) {
      ObjectNode node = Json.object();
      node.put("reports", s.reports());
      node.put("duplicateReports", s.duplicateReports());
      node.put("messages", s.messages());
      node.put("passed", s.passed());
      node.put("misaligned", s.misaligned());
      node.put("unauthenticated", s.unauthenticated());
      node.put("passRate", s.passRate());
      if (s.dateRange().isPresent()) {
        node.putObject("dateRange").put("begin", s.dateRange().get().begin().toString())
            .put("end", s.dateRange().get().end().toString());
      } else {
        node.putNull("dateRange");
      }
      ArrayNode sources = node.putArray("sources");
      for (SourceStats x : s.sources()) {
        sources.addObject().put("sourceIp", x.sourceIp().toString()).put("messages", x.messages())
            .put("passed", x.passed()).put("misaligned", x.misaligned()).put("unauthenticated", x.unauthenticated());
      }
      ArrayNode reporters = node.putArray("reporters");
      for (ReporterStats x : s.reporters()) {
        reporters.addObject().put("orgName", x.orgName()).put("reports", x.reports())
            .put("messages", x.messages()).put("passed", x.passed());
      }
      node.set("files", fileNodes);
      printJson(node);
      return ExitCodes.OK;
    }
    List<String> lines = new ArrayList<>();
    lines.add("reports        " + s.reports() + (s.duplicateReports() > 0 ? " (" + s.duplicateReports() + " repeats skipped)" : ""));
    lines.add("messages       " + s.messages() + ", passed " + s.passed() + " ("
        + String.format(Locale.ROOT, "%.1f%%", s.passRate() * 100) + "), misaligned " + s.misaligned()
        + ", unauthenticated " + s.unauthenticated());
    s.dateRange().ifPresent(d -> lines.add("period         " + d.begin() + " to " + d.end()));
    lines.add("");
    lines.add("sources");
    for (SourceStats x : s.sources()) {
      lines.add("  " + x.sourceIp() + ": " + x.messages() + " messages, " + x.passed() + " passed, "
          + x.misaligned() + " misaligned, " + x.unauthenticated() + " unauthenticated");
    }
    lines.add("");
    lines.add("reporters");
    for (ReporterStats x : s.reporters()) {
      lines.add("  " + Text.printable(x.orgName()) + ": " + Text.count(x.reports(), "report") + ", "
          + x.messages() + " messages, " + x.passed() + " passed");
    }
    lines.add("");
    lines.add("files");
    lines.addAll(fileLines);
    printText(lines);
    return ExitCodes.OK;
  }
}
