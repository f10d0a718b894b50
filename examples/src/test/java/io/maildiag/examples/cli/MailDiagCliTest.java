package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MailDiagCliTest {

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    CliRunner.Result r = CliRunner.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: mail-diag").contains("dns").contains("demo")
        .contains("--json").contains("--zone FILE").contains("Exit codes:");
  }

  @Test
  void subcommandHelpShowsTheSharedOptions() {
    CliRunner.Result r = CliRunner.run("dns", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--json").contains("--zone=FILE").contains("--server=HOST[:PORT]")
        .contains("--timeout=DURATION");
  }

  @Test
  void versionComesFromTheBuild() {
    CliRunner.Result r = CliRunner.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("mail-diag 0.").doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void noSubcommandIsUsageError() {
    CliRunner.Result r = CliRunner.run().assertUsageError();

    assertThat(r.err()).contains("missing subcommand");
  }

  @Test
  void unknownSubcommandIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf-flatten", "example.com").assertUsageError();

    assertThat(r.err()).contains("spf-flatten");
  }

  /** A subcommand with a bug, to check the last-resort handler. */
  @Command(name = "boom")
  static final class BoomCommand extends MailDiagCommand {
    @Override
    protected int execute() {
      throw new IllegalStateException("kaboom\nsecond line");
    }
  }

  @Test
  void unexpectedExceptionIsOneLineWithoutStackTrace() {
    CliRunner.Result r = CliRunner.run(cmd -> cmd.addSubcommand(new CommandLine(new BoomCommand())), "boom")
        .assertOneLineError();

    assertThat(r.err()).isEqualTo("mail-diag: error: unexpected java.lang.IllegalStateException: kaboom second line"
        + System.lineSeparator());
  }

  @Test
  void runNeverThrowsAndReturnsTheExitCode() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = MailDiagCli.run(new PrintWriter(out), new PrintWriter(err), "dns", "example.com", "A", "--nope");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--nope");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aRunBuildsOnlyTheSubcommandItNames() {
    PrintWriter out = new PrintWriter(new StringWriter());
    String[] all = {"dns", "spf", "dmarc", "dmarc-report", "ndr", "headers", "demo", "help"};

    assertThat(MailDiagCli.newCommandLine(out, out, "ndr", "--batch", "dir").getSubcommands())
        .containsOnlyKeys("ndr");
    assertThat(MailDiagCli.newCommandLine(out, out, "dmarc-report", "r.xml").getSubcommands())
        .containsOnlyKeys("dmarc-report");
    // help, options before a subcommand, misspellings and nothing at all get every subcommand
    for (String[] args : new String[][] {{"help", "ndr"}, {"--help"}, {"nd"}, {}}) {
      assertThat(MailDiagCli.newCommandLine(out, out, args).getSubcommands()).containsOnlyKeys(all);
    }
    assertThat(MailDiagCli.newCommandLine(out, out).getSubcommands().keySet()).containsExactly(all);
  }

  @Test
  void aMisspeltSubcommandIsStillSuggested() {
    StringWriter err = new StringWriter();

    int code = MailDiagCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "nd", "x.eml");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Did you mean: mail-diag ndr");
  }

  @Test
  void outputThatCannotBeWrittenIsAFailure() {
    // a full disk (/dev/full) or a closed pipe: every write fails
    PrintWriter full = new PrintWriter(new java.io.Writer() {
      @Override
      public void write(char[] chars, int off, int len) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }

      @Override
      public void flush() throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }

      @Override
      public void close() {}
    });
    StringWriter err = new StringWriter();

    int code = MailDiagCli.run(full, new PrintWriter(err, true), "ndr", "--code", "550");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("mail-diag: error: cannot write to standard output" + System.lineSeparator());
  }
}
