package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run as {@code java -jar} (which runs the CLI in a second JVM, see {@link Relaunch}) and
 * with {@code MAIL_DIAG_RELAUNCH=0} (in the first) behaves the same: output, errors, exit codes and
 * standard input.
 */
class RelaunchJarIT {

  private record Run(int exitCode, String out, String err) {}

  private static String builtJar() {
    return System.getProperty("maildiag.jar", "target/mail-diag.jar");
  }

  private static Run java(boolean relaunch, byte[] stdin, String... args) throws IOException, InterruptedException {
    return java(builtJar(), relaunch, stdin, args);
  }

  private static Run java(String jar, boolean relaunch, byte[] stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Path out = Files.createTempFile("mail-diag-out", ".txt");
    Path err = Files.createTempFile("mail-diag-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.environment().remove("_JAVA_OPTIONS");
      builder.environment().put(Relaunch.ENVIRONMENT, relaunch ? "1" : "0");
      Process p = builder.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mail-diag did not finish within 60 s: " + command);
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void sameBothWays(int exitCode, byte[] stdin, String... args) throws Exception {
    Run relaunched = java(true, stdin, args);
    Run here = java(false, stdin, args);
    assertThat(relaunched).isEqualTo(here);
    assertThat(relaunched.exitCode()).as("stderr: %s", relaunched.err()).isEqualTo(exitCode);
  }

  @Test
  void standardInputReachesTheCli() throws Exception {
    byte[] bounce = Files.readAllBytes(Path.of(CliRunner.resource("/ndr/dsn-user-unknown.eml")));
    sameBothWays(0, bounce, "ndr", "-", "--json");
    assertThat(java(true, bounce, "ndr", "-", "--json").out()).contains("user-unknown");
  }

  @Test
  void exitCodesAndErrorsPassThrough() throws Exception {
    sameBothWays(1, new byte[0], "ndr", "no-such-file.eml");
    sameBothWays(2, new byte[0], "ndr", "--no-such-option");
    sameBothWays(0, new byte[0], "ndr", "--code", "5.7.26");
  }

  @Test
  void aStaleOrBrokenArchiveIsIgnoredSilently(@TempDir Path dir) throws Exception {
    Path jar = Files.copy(Path.of(builtJar()), dir.resolve("mail-diag.jar"));
    Files.writeString(dir.resolve("mail-diag.jsa"), "not an archive");

    Run withBrokenArchive = java(jar.toString(), true, new byte[0], "ndr", "--code", "5.7.26", "--json");
    Run here = java(jar.toString(), false, new byte[0], "ndr", "--code", "5.7.26", "--json");

    assertThat(withBrokenArchive).isEqualTo(here);
    assertThat(withBrokenArchive.err()).isEmpty();
    assertThat(withBrokenArchive.exitCode()).isZero();
  }

  @Test
  void theBuildLeavesAnArchiveBesideTheJar() {
    // best effort in the build; a HotSpot JVM (OpenJDK) can dump one, so the build must have
    assumeTrue(!System.getProperty("java.vm.name", "").contains("OpenJ9"), "an OpenJ9 JVM dumps no archive");
    assertThat(Relaunch.sharedArchive(builtJar())).isPresent();
  }
}
