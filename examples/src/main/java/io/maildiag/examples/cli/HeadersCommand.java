package io.maildiag.examples.cli;

import io.maildiag.examples.render.HeadersJson;
import io.maildiag.examples.render.HeadersText;
import io.maildiag.headers.report.HeaderAnalyzer;
import io.maildiag.headers.report.HeaderReport;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag headers}: reads a message's header with the SDK's {@link HeaderAnalyzer}: the
 * Received hops with their delays, the authentication verdicts (DKIM and ARC verified again through
 * the chosen resolver unless {@code --no-dns}), the anti-spam verdicts, consistency checks and
 * findings.
 *
 * <ul>
 *   <li>{@code headers FILE}: one message, as text or ({@code --json}) one object;
 *   <li>{@code headers --batch DIR}: every regular file of a directory, one JSON object per line,
 *       in name order ({@link HeadersBatch}).
 * </ul>
 */
@Command(
    name = "headers",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Read a message's header: the hops and their delays, SPF/DKIM/DMARC verdicts (DKIM and"
        + " ARC verified again), anti-spam verdicts, and whether they agree.",
    customSynopsis = {
      "mail-diag headers FILE [--json] [--no-dns | --zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION]",
      "       mail-diag headers --batch=DIR [--no-dns | --zone=FILE | --server=HOST[:PORT]] [--timeout=DURATION]"
    },
    description = {
      "%nFILE is a message as received (.eml), or its header alone (DKIM body hashes then fail). The"
          + " output shows the summary (subject, from, to, date, message-id); the hops, oldest first,"
          + " with each hop's delay as a bar scaled to the slowest hop and the hop where the message"
          + " entered the receiving organisation; the Authentication-Results, Received-SPF, the DKIM"
          + " result of every DKIM-Signature and the ARC chain (keys looked up through --zone,"
          + " --server or the system's resolvers; --no-dns skips this); the consistency checks"
          + " (Forefront CIP against the entering hop's IP, smtp.mailfrom against Return-Path, DKIM"
          + " and SPF alignment with From); the anti-spam verdicts; and the findings with their codes."
          + " Whatever it finds exits 0; a file that cannot be read exits 1.%n",
      "Batch mode: --batch DIR analyses every regular file directly in DIR, in the order of their"
          + " names, and prints one JSON object per file: the object of --json with \"file\" set to the"
          + " file name (\"dkim\" and \"arc\" left out with --no-dns). A file that cannot be read prints"
          + " {\"file\": NAME, \"error\": MESSAGE} and the batch goes on. --json is implied.%n"
    },
    footer = {
      "",
      "Examples:",
      "  mail-diag headers message.eml",
      "  mail-diag headers message.eml --json --zone keys.zone",
      "  mail-diag headers --batch inbox/ --no-dns | jq -c '{file, total: .totalDelaySeconds}'"
    })
final class HeadersCommand extends MailDiagCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The message to analyse (.eml); - reads standard input.")
  String file;

  /** Where {@code headers -} reads from; tests replace it. */
  InputStream stdin = System.in;

  @Option(names = "--batch", paramLabel = "DIR",
      description = "Analyse every regular file in DIR (not recursive), in name order; one JSON object per line.")
  String batch;

  @Option(names = "--no-dns", description = "Do not verify DKIM and ARC (no DNS questions).")
  boolean noDns;

  @Mixin
  ResolverOptions resolverOptions;

  /** How many files a batch analyses at once; tests replace it. */
  int threads = NdrBatch.defaultThreads();

  @Override
  protected int execute() throws InputException {
    if (file == null && batch == null) {
      throw usage("missing FILE or --batch DIR: give a message to analyse or a directory of messages");
    }
    if (file != null && batch != null) {
      throw usage("FILE and --batch cannot be combined: give one message (FILE) or one directory (--batch DIR)");
    }
    if (noDns && (resolverOptions.source != null || resolverOptions.timeout != null)) {
      throw usage("--no-dns cannot be combined with --zone, --server or --timeout");
    }
    HeaderAnalyzer.Builder builder = HeaderAnalyzer.builder();
    if (!noDns) {
      builder.resolver(resolverOptions.open(this::warn).resolver());
    }
    HeaderAnalyzer analyzer = builder.build();
    if (batch != null) {
      List<Path> files = NdrBatch.list(batch);
      new HeadersBatch(analyzer, threads).run(files, out());
      return ExitCodes.OK;
    }
    HeaderReport report = file.equals("-") ? HeadersBatch.analyze(analyzer, stdin)
        : HeadersBatch.analyze(analyzer, file);
    if (json()) {
      printJson(HeadersJson.report(null, report));
    } else {
      printText(HeadersText.report(file.equals("-") ? "(standard input)" : file, report));
    }
    return ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
