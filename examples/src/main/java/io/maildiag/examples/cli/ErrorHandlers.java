package io.maildiag.examples.cli;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into a short message and an exit code, never a stack trace:
 *
 * <ul>
 *   <li>usage errors: {@code mail-diag: error: MESSAGE}, a hint, exit {@link ExitCodes#USAGE};
 *   <li>{@link InputException} and the SDK's {@link InvalidInputException}: {@code mail-diag:
 *       error: MESSAGE}, exit {@link ExitCodes#BAD_INPUT};
 *   <li>anything else: {@code mail-diag: error: unexpected ...}, exit {@link ExitCodes#BAD_INPUT}.
 * </ul>
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = InputException.oneLine(String.valueOf(ex.getMessage()));
    if (message.startsWith("Error: ")) {
      message = message.substring("Error: ".length());
    }
    if (ex instanceof CommandLine.MaxValuesExceededException) {
      message = repeatedGroup(message);
    }
    err.println(MailDiagCli.NAME + ": error: " + message);
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** How picocli words an exclusive group of options given twice, before the group's synopsis. */
  private static final String REPEATED_GROUP = "expected only one match but got ";

  /**
   * Picocli's message for an option of an exclusive group given more than once ({@code --zone A
   * --zone A}): "expected only one match but got [--zone=FILE | --server=HOST[:PORT]]={--zone=A} and
   * ...", reworded as "--zone and --server exclude each other, and each is given once at most". Any
   * other message is returned as it is.
   */
  static String repeatedGroup(String message) {
    if (!message.startsWith(REPEATED_GROUP) || message.charAt(REPEATED_GROUP.length()) != '[') {
      return message;
    }
    int end = message.indexOf("]={", REPEATED_GROUP.length());
    if (end < 0) {
      return message;
    }
    List<String> names = new ArrayList<>();
    for (String option : message.substring(REPEATED_GROUP.length() + 1, end).split(" \\| ")) {
      int eq = option.indexOf('=');
      names.add(eq < 0 ? option.strip() : option.substring(0, eq).strip());
    }
    return names.size() < 2 ? names.get(0) + " is given once at most"
        : String.join(" and ", names) + " exclude each other, and each is given once at most";
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    cmd.getOut().flush();
    err.println(MailDiagCli.NAME + ": error: " + message(ex));
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Returns the one-line message for an exception that escaped a command. */
  static String message(Throwable ex) {
    if (ex instanceof InputException) {
      return ex.getMessage();
    }
    if (ex instanceof OutOfMemoryError || ex.getCause() instanceof OutOfMemoryError) {
      return "not enough memory for this input (the JVM's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB; give it more with java -Xmx...)";
    }
    if (ex instanceof InvalidInputException invalid && !invalid.diagnostics().isEmpty()) {
      Diagnostic d = invalid.diagnostics().stream().filter(Diagnostic::isError).findFirst()
          .orElse(invalid.diagnostics().get(0));
      return InputException.oneLine(d.span().map(s -> "at " + s + ": ").orElse("") + d.message());
    }
    String text = ex.getMessage() == null ? "" : ": " + ex.getMessage();
    return InputException.oneLine("unexpected " + ex.getClass().getName() + text);
  }
}
