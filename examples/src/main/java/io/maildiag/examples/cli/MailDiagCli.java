package io.maildiag.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mail-diag} command line: the entry point of the shaded jar.
 *
 * <p>Every subcommand follows the same conventions (see {@link MailDiagCommand}): text output by
 * default and one JSON object with {@code --json}; {@code --zone}/{@code --server} for DNS; exit 0
 * when the analysis ran, 1 for bad input, 2 for usage errors; errors as one line on stderr, never a
 * stack trace.
 *
 * <p>To add a subcommand: extend {@link MailDiagCommand}, annotate it with {@code @Command}, and list
 * it in {@code Subcommands}.
 *
 * <p>A run that names its subcommand first ({@code mail-diag ndr ...}) builds the command line with
 * that subcommand only: picocli reads the annotations of every command it is given, and building
 * the others would only lengthen the start-up of every run. Everything else ({@code --help},
 * {@code help ndr}, a misspelt subcommand) gets all of them, so help and suggestions are unchanged.
 */
@Command(
    name = MailDiagCli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    header = "Diagnose email mail flow: DNS, SPF, DMARC (audit, verdicts, aggregate reports), bounces and message headers (hops, DKIM, ARC).",
    description = {
      "",
      "Conventions of every subcommand:",
      "  --json                one JSON object on stdout (one per line in batch modes)",
      "  --zone FILE           answer DNS questions from a zone file, offline",
      "  --server HOST[:PORT]  ask this DNS server (default: the system's resolvers)",
      "  --timeout DURATION    bound each live DNS question (500ms, 3s, PT2S)",
      "",
      "Options:"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the analysis ran, whatever it found (NXDOMAIN and SERVFAIL are findings)",
      "1:bad input (zone file, batch file, message file, address, domain name, status code, server)"
          + " or an unexpected failure",
      "2:usage error (unknown option, missing parameter, unknown record type)"
    },
    footer = {"", "Try 'mail-diag demo' for a tour that runs offline."})
public final class MailDiagCli implements Callable<Integer> {

  /** The program name used in messages. */
  public static final String NAME = "mail-diag";

  /** The subcommands by name, in the order of the help; read only once a command line is built. */
  private static final class Subcommands {
    static final Map<String, Class<?>> BY_NAME = subcommands(
        DnsCommand.class, SpfCommand.class, DmarcCommand.class, DmarcReportCommand.class,
        NdrCommand.class, HeadersCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);
  }

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand");
  }

  /**
   * Returns a command line with the mail-diag error handling, writing to {@code out} and {@code
   * err}. Used by {@link #main} and by tests that run the CLI in-process.
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    return configure(withSubcommands(Subcommands.BY_NAME.values()), out, err);
  }

  /**
   * Returns a command line for running {@code args}: with only the subcommand that {@code args}
   * starts with, if it starts with one other than {@code help}, and with all of them otherwise.
   */
  static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
    Class<?> first = args.length > 0 ? Subcommands.BY_NAME.get(args[0]) : null;
    if (first == null || first == CommandLine.HelpCommand.class) {
      return newCommandLine(out, err);
    }
    return configure(withSubcommands(List.of(first)), out, err);
  }

  private static CommandLine withSubcommands(Collection<Class<?>> commands) {
    CommandLine cmd = new CommandLine(new MailDiagCli());
    for (Class<?> command : commands) {
      cmd.addSubcommand(command);
    }
    return cmd;
  }

  private static Map<String, Class<?>> subcommands(Class<?>... commands) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command : commands) {
      byName.put(command.getAnnotation(Command.class).name(), command);
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * Applies the mail-diag streams and error handling to {@code cmd} and every subcommand it has
   * now (picocli copies settings to subcommands only when they are set); returns {@code cmd}.
   */
  public static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
    ErrorHandlers handlers = new ErrorHandlers();
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(handlers);
    cmd.setExecutionExceptionHandler(handlers);
    return cmd;
  }

  /**
   * Runs the CLI with the given arguments and returns the exit code; never throws and never prints
   * a stack trace.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code;
    try {
      code = newCommandLine(out, err, args).execute(args);
    } catch (RuntimeException | Error e) {
      // picocli handles exceptions from commands; this catches failures in picocli or the handlers.
      err.println(NAME + ": error: " + ErrorHandlers.message(e));
      code = ExitCodes.BAD_INPUT;
    }
    // a full disk or a closed pipe: the output is incomplete, which a success must not hide
    // (checkError flushes first; a batch has already said so and failed)
    if (out.checkError() && code == ExitCodes.OK) {
      err.println(NAME + ": error: cannot write to standard output");
      code = ExitCodes.BAD_INPUT;
    }
    err.flush();
    return code;
  }

  /**
   * Runs the CLI on the process's stdout and stderr (UTF-8) and exits with its exit code. Started
   * as {@code java -jar} without JVM options, it runs the CLI in a second JVM tuned for short runs
   * (see {@link Relaunch}; {@code MAIL_DIAG_RELAUNCH=0} turns that off).
   */
  public static void main(String[] args) {
    OptionalInt relaunched = Relaunch.run(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    args = Relaunch.arguments(args, System.getProperty(Relaunch.ARGUMENTS));
    runHere(args);
  }

  /** {@link #main} once it is settled that the CLI runs in this JVM. */
  static void runHere(String[] args) {
    // Standard output is written straight to its file descriptor, not through System.out, which
    // swallows write errors: a batch piped into `head` then sees the closed pipe and stops.
    PrintWriter out = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (args.length > 0 && args[0].equals("ndr")) {
      NdrCommand.preload();
    }
    if (Relaunch.lostArguments(args.length)) {
      err.println(NAME + ": warning: in the C or POSIX locale Java reads arguments as ASCII, so a file name"
          + " with other characters cannot be opened; run with LC_ALL=C.UTF-8");
    }
    System.exit(run(out, err, args));
  }
}
