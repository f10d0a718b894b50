package io.maildiag.examples.cli;

import io.maildiag.core.ParseResult;
import io.maildiag.examples.render.NdrJson;
import io.maildiag.examples.render.NdrText;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.ClassificationInput;
import io.maildiag.ndr.ReasonClassifier;
import io.maildiag.ndr.code.CodeExplanation;
import io.maildiag.ndr.code.NdrCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mail-diag ndr}: reads a bounce (a non-delivery report, delivery status notification,
 * automatic reply or feedback report) with the SDK's {@link BounceAnalyzer}, or every file of a
 * directory, or explains a status code with {@link NdrCode}.
 *
 * <ul>
 *   <li>{@code ndr FILE}: one message ({@link #single()});
 *   <li>{@code ndr --batch DIR}: every regular file of a directory, one JSON object per line, in
 *       the order of the file names ({@link #batch()}, with {@link NdrBatch});
 *   <li>{@code ndr --code CODE}: what an enhanced status code or a reply code means ({@link
 *       #code()}).
 * </ul>
 *
 * <p>Exactly one of FILE, {@code --batch} and {@code --code} is given; anything else is a usage
 * error. What a message turns out to be (a bounce, an auto-reply, not a bounce at all) is a finding
 * and exits 0; a file that cannot be read exits 1.
 */
@Command(
    name = "ndr",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Read a bounce (NDR, DSN, auto-reply, feedback report) and say what happened to each"
        + " recipient and what to do; or explain a status code.",
    customSynopsis = {
      "mail-diag ndr FILE [--json]",
      "       mail-diag ndr --batch=DIR",
      "       mail-diag ndr --code=CODE [--json]"
    },
    description = {
      "%nFILE is one message as received (.eml, RFC 5322; - reads standard input). The output says"
          + " what kind of message it is (bounce, delay, delivery-report, auto-reply,"
          + " feedback-report, quoted-bounce, not-a-bounce), the format recognised (rfc3464,"
          + " postfix, exim, microsoft365, gmail, ...) and the reporting system, then for each"
          + " recipient: the action, the enhanced status code and SMTP reply code, the reason (such"
          + " as user-unknown or auth-failure), whether the failure is permanent, the retry advice"
          + " (retry-later, do-not-retry, fix-then-retry, suppress-address), who must act, a"
          + " remediation, the diagnostic text, and the evidence (message part and parser); then"
          + " the original message (Message-ID, From, Subject) and any problems met reading it."
          + " An mbox file of several messages is read message by message: its recipients are"
          + " those of all of them, each with the number of its message. Every kind of message"
          + " exits 0; a file that cannot be read exits 1.%n",
      "Batch mode: --batch DIR analyses every regular file directly in DIR (not in its"
          + " subdirectories; symbolic links to files are followed; hidden files are included),"
          + " in the order of their names, and prints one JSON object per file: the object of"
          + " --json with \"file\" set to the file name. A file that cannot be read prints"
          + " {\"file\": NAME, \"error\": MESSAGE} and the batch goes on. Files are analysed"
          + " concurrently and printed as soon as every earlier one is; --json is implied. A"
          + " missing DIR, or one that is not a directory, exits 1.%n",
      "Code mode: --code CODE explains an enhanced status code (5.7.26, RFC 3463) with its IANA"
          + " registry entry, its subject, the verdict the code alone supports and what each"
          + " provider (Google, Microsoft, Yahoo, ...) means by it; or a basic SMTP reply code"
          + " (550, RFC 5321) with its meaning and the enhanced codes registered with it. A code"
          + " that is neither exits 1.%n"
    },
    footer = {
      "",
      "Examples:",
      "  mail-diag ndr bounce.eml",
      "  mail-diag ndr bounce.eml --json",
      "  mail-diag ndr --batch bounces/ | jq -c '{file, kind}'",
      "  mail-diag ndr --code 5.7.26",
      "  mail-diag ndr --code 550 --json"
    })
final class NdrCommand extends MailDiagCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The message to analyse (.eml); - reads standard input.")
  String file;

  @Option(names = "--batch", paramLabel = "DIR",
      description = "Analyse every regular file in DIR (not recursive), in name order;"
          + " one JSON object per line.")
  String batch;

  @Option(names = "--code", paramLabel = "CODE",
      description = "Explain an enhanced status code (5.7.26) or an SMTP reply code (550).")
  String code;

  /** Where {@code ndr -} reads from; tests replace it. */
  InputStream stdin = System.in;

  /** How many files a batch analyses at once; tests replace it. */
  int threads = NdrBatch.defaultThreads();

  @Override
  protected int execute() throws InputException {
    List<String> given = new ArrayList<>();
    if (file != null) {
      given.add("FILE");
    }
    if (batch != null) {
      given.add("--batch");
    }
    if (code != null) {
      given.add("--code");
    }
    if (given.isEmpty()) {
      throw usage("missing FILE, --batch DIR or --code CODE: give a message to analyse, a directory"
          + " of messages, or a status code to explain");
    }
    if (given.size() > 1) {
      throw usage(String.join(" and ", given) + " cannot be combined: give one message (FILE), one"
          + " directory (--batch DIR) or one code (--code CODE)");
    }
    if (code != null) {
      return code();
    }
    if (batch != null) {
      return batch();
    }
    return single();
  }

  /**
   * Starts loading the analyzer (its rule tables and patterns) on a daemon thread, so that where a
   * second processor is free the loading overlaps the parsing of the command line. The command
   * itself still creates its analyzer: it waits for a load in progress, or repeats a failed one
   * and reports that failure as usual.
   */
  static void preload() {
    Thread loader = new Thread(new Preload(), "mail-diag-ndr-preload");
    loader.setDaemon(true);
    loader.start();
  }

  /** The body of {@link #preload()}. */
  private static final class Preload implements Runnable {
    @Override
    public void run() {
      try {
        BounceAnalyzer.withDefaults();
      } catch (RuntimeException | LinkageError e) {
        // reported by the command when it creates its own analyzer
      }
    }
  }

  /** {@code ndr FILE}: the analysis of one message (of each message of an mbox file), as text or one JSON object. */
  private int single() throws InputException {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    List<BounceAnalysis> analyses = file.equals("-")
        ? NdrBatch.analyze(analyzer, stdin, "standard input")
        : NdrBatch.analyze(analyzer, file);
    if (json()) {
      printJson(NdrJson.analysis(file, analyses));
    } else {
      printText(NdrText.analysis(file.equals("-") ? "(standard input)" : file, analyses));
    }
    return ExitCodes.OK;
  }

  /** {@code ndr --batch DIR}: one JSON object per file, in name order. */
  private int batch() throws InputException {
    List<Path> files = NdrBatch.list(batch);
    new NdrBatch(BounceAnalyzer.withDefaults(), threads).run(files, out());
    return ExitCodes.OK;
  }

  /** {@code ndr --code CODE}: what an enhanced status code or a reply code means. */
  private int code() throws InputException {
    String text = code.strip();
    if (text.length() == 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      ParseResult<ReplyCode> parsed = ReplyCode.parse(text);
      if (parsed.value().isEmpty()) {
        throw InputException.forArgument("reply code", code, parsed.errors().get(0));
      }
      ReplyCode reply = parsed.value().get();
      Classification verdict = replyVerdict(reply);
      if (json()) {
        printJson(NdrJson.replyCode(reply, verdict));
      } else {
        printText(NdrText.replyCode(reply, verdict));
      }
      return ExitCodes.OK;
    }
    ParseResult<CodeExplanation> explained = NdrCode.explain(code);
    if (explained.value().isEmpty()) {
      throw new InputException(InputException.forArgument("status code", code, explained.errors().get(0))
          .getMessage() + "; give an enhanced status code such as 5.7.26 or a reply code such as 550");
    }
    if (json()) {
      printJson(NdrJson.code(explained.value().get()));
    } else {
      printText(NdrText.code(explained.value().get()));
    }
    return ExitCodes.OK;
  }

  /**
   * Returns the verdict a reply code alone supports: what the SDK's classifier decides from the
   * code, with the action its class implies and no text.
   */
  static Classification replyVerdict(ReplyCode reply) {
    String action = reply.isPermanent() ? "failed" : reply.isTransient() ? "delayed" : "delivered";
    return ReasonClassifier.standard().classify(
        new ClassificationInput(Optional.empty(), Optional.of(reply), "", action, Provider.OTHER));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
