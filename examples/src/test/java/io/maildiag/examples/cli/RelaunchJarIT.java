package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildiag.examples.cli.JarRunner.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run as {@code java -jar} (which runs the CLI in a second JVM, see {@link Relaunch}) and
 * with {@code MAIL_DIAG_RELAUNCH=0} (in the first) behaves the same: output, errors, exit codes and
 * standard input.
 */
class RelaunchJarIT {

  private static Run java(boolean relaunch, byte[] stdin, String... args) throws IOException, InterruptedException {
    return java(JarRunner.builtJar(), relaunch, stdin, args);
  }

  private static Run java(String jar, boolean relaunch, byte[] stdin, String... args)
      throws IOException, InterruptedException {
    return JarRunner.run(jar, environment -> relaunchEnvironment(environment, relaunch), stdin, args);
  }

  /** {@code environment} without JVM options, and with the relaunch on or off. */
  private static void relaunchEnvironment(Map<String, String> environment, boolean relaunch) {
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("JDK_JAVA_OPTIONS");
    environment.remove("_JAVA_OPTIONS");
    environment.put(Relaunch.ENVIRONMENT, relaunch ? "1" : "0");
  }

  private static void sameBothWays(int exitCode, byte[] stdin, String... args) throws Exception {
    Run relaunched = java(true, stdin, args);
    Run here = java(false, stdin, args);
    assertThat(relaunched.outcome()).isEqualTo(here.outcome());
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
  void aFileOfAShellsProcessSubstitutionIsRead() throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "no /bin/bash to give a <(...) file");
    String bounce = CliRunner.resource("/ndr/dsn-user-unknown.eml");
    // bash hands java the pipe as /dev/fd/N: a descriptor of the first JVM, which a second JVM lacks
    List<String> command = List.of(bash.toString(), "-c", "\"$0\" -jar \"$1\" ndr --json <(cat \"$2\")",
        JarRunner.javaCommand(), JarRunner.builtJar(), bounce);
    Run relaunched = JarRunner.run(command, environment -> relaunchEnvironment(environment, true), new byte[0]);
    Run here = JarRunner.run(command, environment -> relaunchEnvironment(environment, false), new byte[0]);

    assertThat(relaunched.exitCode()).as("stderr: %s", relaunched.err()).isZero();
    assertThat(relaunched.out()).contains("\"file\":\"/dev/fd/").contains("user-unknown");
    assertThat(relaunched.outcome()).isEqualTo(here.outcome());
  }

  /**
   * With another JDK's {@code java} (named by {@code MAIL_DIAG_OTHER_JAVA}; skipped without it), the
   * archive the build made does not fit, and the run is the same, with nothing on standard error.
   */
  @Test
  void anotherJdkRunsTheJarWithoutAWordAboutTheArchive() throws Exception {
    String other = System.getenv("MAIL_DIAG_OTHER_JAVA");
    assumeTrue(other != null && Files.isExecutable(Path.of(other)), "MAIL_DIAG_OTHER_JAVA names no java");
    String bounce = CliRunner.resource("/ndr/dsn-user-unknown.eml");
    Run here = java(true, new byte[0], "ndr", "--json", bounce);
    Run there = JarRunner.run(List.of(other, "-jar", JarRunner.builtJar(), "ndr", "--json", bounce),
        environment -> relaunchEnvironment(environment, true), new byte[0]);

    assertThat(there.err()).isEmpty();
    assertThat(there.outcome()).isEqualTo(here.outcome());
  }

  @Test
  void aStaleOrBrokenArchiveIsIgnoredSilently(@TempDir Path dir) throws Exception {
    Path jar = Files.copy(Path.of(JarRunner.builtJar()), dir.resolve("mail-diag.jar"));
    Files.writeString(dir.resolve("mail-diag.jsa"), "not an archive");

    Run withBrokenArchive = java(jar.toString(), true, new byte[0], "ndr", "--code", "5.7.26", "--json");
    Run here = java(jar.toString(), false, new byte[0], "ndr", "--code", "5.7.26", "--json");

    assertThat(withBrokenArchive.outcome()).isEqualTo(here.outcome());
    assertThat(withBrokenArchive.err()).isEmpty();
    assertThat(withBrokenArchive.exitCode()).isZero();
  }

  @Test
  void theArchiveMapsTheJarsClassesPicocliIncluded() throws Exception {
    assumeTrue(!System.getProperty("java.vm.name", "").contains("OpenJ9"), "an OpenJ9 JVM dumps no archive");
    String jar = JarRunner.builtJar();
    String archive = Relaunch.sharedArchive(jar).orElseThrow();
    // -Xshare:on fails the JVM when the archive cannot be mapped, instead of ignoring it
    Run run = JarRunner.run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info",
        "-D" + Relaunch.MARK + "=true"), jar, environment -> { }, new byte[0], "ndr", "--code", "5.7.26");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("io.maildiag.ndr.BounceAnalyzer source: shared objects file");
    // picocli is compiled for Java 5: only a static archive holds it, and only on the JDK the build
    // targets (JDK 25 leaves such old class files out of the archive, and loads them from the jar)
    if (Runtime.version().feature() == 17) {
      assertThat(run.out()).contains("picocli.CommandLine source: shared objects file");
    }
  }

  @Test
  void theArchiveBesideACopiedJarIsIgnoredSilently(@TempDir Path dir) throws Exception {
    assumeTrue(!System.getProperty("java.vm.name", "").contains("OpenJ9"), "an OpenJ9 JVM dumps no archive");
    String built = JarRunner.builtJar();
    Path jar = Files.copy(Path.of(built), dir.resolve("mail-diag.jar"));
    // the archive names the built jar's path: beside the copy it no longer fits
    Files.copy(Path.of(Relaunch.sharedArchive(built).orElseThrow()), dir.resolve("mail-diag.jsa"));

    Run withOtherJarsArchive = java(jar.toString(), true, new byte[0], "ndr", "--code", "5.7.26", "--json");
    Run here = java(jar.toString(), false, new byte[0], "ndr", "--code", "5.7.26", "--json");

    assertThat(withOtherJarsArchive.outcome()).isEqualTo(here.outcome());
    assertThat(withOtherJarsArchive.err()).isEmpty();
    assertThat(withOtherJarsArchive.exitCode()).isZero();
  }

  @Test
  void theBuildLeavesAnArchiveBesideTheJar() {
    // best effort in the build; a HotSpot JVM (OpenJDK) can dump one, so the build must have
    assumeTrue(!System.getProperty("java.vm.name", "").contains("OpenJ9"), "an OpenJ9 JVM dumps no archive");
    assertThat(Relaunch.sharedArchive(JarRunner.builtJar())).isPresent();
  }
  /** {@code environment} as in the C locale, where Java reads names and arguments as ASCII. */
  private static void cLocale(Map<String, String> environment, boolean relaunch) {
    relaunchEnvironment(environment, relaunch);
    environment.remove("LANG");
    environment.remove("LC_CTYPE");
    environment.put("LC_ALL", "C");
  }

  @Test
  void aFileNamePastAsciiIsReadInTheCLocale(@TempDir Path dir) throws Exception {
    Path bounce = dir.resolve("caf\u00e9.eml");
    Files.copy(Path.of(CliRunner.resource("/ndr/dsn-user-unknown.eml")), bounce);
    String jar = JarRunner.builtJar();

    Run one = JarRunner.run(jar, environment -> cLocale(environment, true), new byte[0], "ndr", bounce.toString(),
        "--json");
    assertThat(one.exitCode()).as("stderr: %s", one.err()).isZero();
    assertThat(one.out()).contains("user-unknown").contains("caf\\u00E9.eml");
    assertThat(one.err()).isEmpty();

    Run batch = JarRunner.run(jar, environment -> cLocale(environment, true), new byte[0], "ndr", "--batch",
        dir.toString());
    assertThat(batch.exitCode()).as("stderr: %s", batch.err()).isZero();
    assertThat(batch.out()).contains("{\"file\":\"caf\\u00E9.eml\"");

    // in the first JVM the name cannot be opened; the CLI says why
    Run here = JarRunner.run(jar, environment -> cLocale(environment, false), new byte[0], "ndr", bounce.toString());
    assertThat(here.exitCode()).isEqualTo(1);
    assertThat(here.err()).contains("LC_ALL=C.UTF-8");
  }
}
