package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@link Relaunch} starts a second JVM, and with what command. */
class RelaunchTest {

  private static final String JAVA = "/opt/jdk/bin/java";

  /** A JVM command line as the operating system would report it. */
  private record Info(Optional<String> command, Optional<String[]> arguments) implements ProcessHandle.Info {
    static Info of(String... arguments) {
      return new Info(Optional.of(JAVA), Optional.of(arguments));
    }

    @Override
    public Optional<String> commandLine() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> startInstant() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> totalCpuDuration() {
      return Optional.empty();
    }

    @Override
    public Optional<String> user() {
      return Optional.empty();
    }
  }

  private static final String[] ARGS = {"ndr", "--batch", "dir with space"};

  @Test
  void plainJavaJarRunsAgainWithTheShortRunCompiler() {
    Optional<List<String>> command = Relaunch.command(Map.of("PATH", "/bin"),
        Info.of("-jar", "target/mail-diag.jar", "ndr", "--batch", "dir with space"), ARGS);

    assertThat(command).contains(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Dmail-diag.relaunched=true",
        "-jar", "target/mail-diag.jar", "ndr", "--batch", "dir with space"));
  }

  @Test
  void noArgumentsAtAll() {
    assertThat(Relaunch.command(Map.of(), Info.of("-jar", "m.jar"), new String[0]))
        .contains(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Dmail-diag.relaunched=true", "-jar", "m.jar"));
  }

  @Test
  void jvmOptionsOnTheCommandLineKeepTheCliInThisJvm() {
    assertThat(Relaunch.command(Map.of(), Info.of("-Xmx1g", "-jar", "m.jar", "ndr", "--batch", "dir with space"), ARGS))
        .isEmpty();
    assertThat(Relaunch.command(Map.of(), Info.of("-cp", "m.jar", "io.maildiag.examples.cli.MailDiagCli", "ndr"),
        new String[] {"ndr"})).isEmpty();
  }

  @Test
  void jvmOptionsInTheEnvironmentKeepTheCliInThisJvm() {
    Info info = Info.of("-jar", "m.jar", "ndr", "--batch", "dir with space");
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      assertThat(Relaunch.command(Map.of(variable, "-Xmx1g"), info, ARGS)).as(variable).isEmpty();
    }
  }

  @Test
  void theEnvironmentVariableTurnsItOff() {
    Info info = Info.of("-jar", "m.jar", "ndr", "--batch", "dir with space");
    assertThat(Relaunch.command(Map.of(Relaunch.ENVIRONMENT, "0"), info, ARGS)).isEmpty();
    assertThat(Relaunch.command(Map.of(Relaunch.ENVIRONMENT, "1"), info, ARGS)).isPresent();
  }

  @Test
  void anUnreadableOrDifferentCommandLineKeepsTheCliInThisJvm() {
    assertThat(Relaunch.command(Map.of(), new Info(Optional.empty(), Optional.of(new String[] {"-jar", "m.jar"})),
        new String[0])).isEmpty();
    assertThat(Relaunch.command(Map.of(), new Info(Optional.of(JAVA), Optional.empty()), new String[0])).isEmpty();
    // arguments the operating system decoded differently from main's
    assertThat(Relaunch.command(Map.of(), Info.of("-jar", "m.jar", "ndr", "caf?.eml"), new String[] {"ndr", "café.eml"}))
        .isEmpty();
    assertThat(Relaunch.command(Map.of(), Info.of("-jar", "m.jar", "ndr"), new String[] {"ndr", "x"})).isEmpty();
  }
}
