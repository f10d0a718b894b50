package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in-process with captured stdout and stderr. */
final class CliRunner {

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {

    /** Returns stdout parsed as exactly one JSON object on one line. */
    JsonNode json() {
      List<String> lines = out.lines().toList();
      assertThat(lines).as("stdout of a --json run: exactly one line").hasSize(1);
      try {
        JsonNode node = TestJson.MAPPER.readTree(lines.get(0));
        assertThat(node.isObject()).as("stdout is a JSON object").isTrue();
        return node;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Asserts the bad-input convention: exit 1, nothing on stdout, one error line, no stack trace. */
    Result assertOneLineError() {
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(out).isEmpty();
      assertThat(err.lines().toList()).as("stderr lines").hasSize(1);
      assertThat(err).startsWith("mail-diag: error: ");
      assertNoStackTrace();
      return this;
    }

    /** Asserts the usage convention: exit 2, nothing on stdout, an error line and a hint. */
    Result assertUsageError() {
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.USAGE);
      assertThat(out).isEmpty();
      assertThat(err).startsWith("mail-diag: error: ").contains("--help' for more information.");
      assertNoStackTrace();
      return this;
    }

    void assertNoStackTrace() {
      assertThat(err).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("\n\t");
    }
  }

  private CliRunner() {}

  /** Runs {@code mail-diag ARGS}. */
  static Result run(String... args) {
    return run(cmd -> { }, args);
  }

  /** Runs {@code mail-diag ARGS} on a command line that {@code customise} may extend. */
  static Result run(Consumer<CommandLine> customise, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cmd = MailDiagCli.newCommandLine(outWriter, errWriter);
    customise.accept(cmd);
    MailDiagCli.configure(cmd, outWriter, errWriter);
    int code = cmd.execute(args);
    outWriter.flush();
    errWriter.flush();
    return new Result(code, out.toString(), err.toString());
  }

  /** Returns the path of a test resource next to this class. */
  static String resource(String name) {
    try {
      return Path.of(CliRunner.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
