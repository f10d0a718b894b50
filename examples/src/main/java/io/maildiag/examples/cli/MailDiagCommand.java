package io.maildiag.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.render.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code mail-diag} subcommand: it carries the shared conventions so that each
 * new subcommand (dns and spf today; dmarc, ndr, headers later) gets them by extending this class.
 *
 * <ul>
 *   <li>{@code --json} ({@link OutputOptions}): {@link #printJson} writes one object per line,
 *       {@link #printText} writes the human-readable form;
 *   <li>DNS: add {@code @Mixin ResolverOptions} for {@code --zone}/{@code --server}/{@code
 *       --timeout};
 *   <li>exit codes ({@link ExitCodes}): {@link #execute()} returns {@link ExitCodes#OK} when the
 *       analysis ran, whatever it found; bad input is an {@link InputException} (exit 1, one line
 *       on stderr); usage errors come from picocli (exit 2).
 * </ul>
 *
 * <p>Write through {@link #out()} and {@link #err()}, never {@code System.out}, so that tests can
 * capture the output.
 */
public abstract class MailDiagCommand implements Callable<Integer> {

  /** The picocli model of this command, injected by picocli. */
  @Spec
  protected CommandSpec spec;

  /** The {@code --json} option. */
  @Mixin
  protected OutputOptions output;

  /**
   * Runs the command.
   *
   * @return {@link ExitCodes#OK} when the analysis ran
   * @throws InputException on bad input
   */
  protected abstract int execute() throws InputException;

  @Override
  public final Integer call() throws InputException {
    try {
      return execute();
    } finally {
      out().flush();
      err().flush();
    }
  }

  /** Returns whether {@code --json} was given. */
  protected boolean json() {
    return output.json();
  }

  /** Returns standard output. */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Returns standard error. */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Writes one JSON value on one line of stdout. */
  protected void printJson(JsonNode node) {
    out().println(Json.line(node));
  }

  /** Writes lines of text on stdout. */
  protected void printText(List<String> lines) {
    lines.forEach(out()::println);
  }

  /** Writes {@code mail-diag: warning: MESSAGE} on stderr; the exit code is unaffected. */
  protected void warn(String message) {
    err().println(MailDiagCli.NAME + ": warning: " + InputException.oneLine(message));
  }
}
