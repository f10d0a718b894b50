package io.maildiag.examples.cli;

import io.maildiag.core.Diagnostic;
import io.maildiag.examples.render.Text;

/**
 * Bad input that stops a subcommand: the CLI prints {@code mail-diag: error: MESSAGE} on one line
 * and exits with {@link ExitCodes#BAD_INPUT}. Carries no stack trace; it is a message, not a bug.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} is made one printable line. */
  public InputException(String message) {
    super(oneLine(message), null, false, false);
  }

  /**
   * Returns the exception for a diagnostic about a command-line argument: {@code invalid domain
   * name 'a..b' at 1:3: empty label ...}.
   *
   * @param what what the argument is ({@code domain name})
   * @param argument the argument as given
   */
  public static InputException forArgument(String what, String argument, Diagnostic diagnostic) {
    String where = "invalid " + what + " " + Text.quoted(argument).replace('"', '\'');
    return new InputException(diagnostic.span()
        .map(span -> where + " at " + span + ": " + diagnostic.message())
        .orElse(where + ": " + diagnostic.message()));
  }

  /**
   * Returns the exception for a diagnostic about a file: {@code zones/x.zone:3:1: message}, or the
   * message alone when it has no position (it then names the file itself).
   */
  public static InputException forFile(String file, Diagnostic diagnostic) {
    return new InputException(diagnostic.span()
        .map(span -> file + ":" + span + ": " + diagnostic.message())
        .orElseGet(() -> diagnostic.message().contains(file)
            ? diagnostic.message()
            : file + ": " + diagnostic.message()));
  }

  /** Returns {@code text} on one printable line: line breaks and tabs become spaces. */
  static String oneLine(String text) {
    String flat = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ').strip();
    return Text.printable(flat);
  }
}
