package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private static final Function<String, Optional<String>> NO_ARCHIVE = jar -> Optional.empty();

  /** A machine on which the JVM's own number of compiler threads stands. */
  private static final int MANY = Relaunch.FEW_PROCESSORS + 1;

  @Test
  void plainJavaJarRunsAgainWithTheShortRunCompiler() {
    Optional<List<String>> command = Relaunch.command(Map.of("PATH", "/bin"),
        () -> Info.of("-jar", "target/mail-diag.jar", "ndr", "--batch", "dir with space"), ARGS, NO_ARCHIVE, MANY);

    assertThat(command).contains(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:C1MaxInlineSize=20", "-Dmail-diag.relaunched=true", "-jar", "target/mail-diag.jar", "ndr", "--batch",
        "dir with space"));
  }

  @Test
  void onFewProcessorsTheSecondJvmCompilesOnOneThread() {
    for (int processors = 1; processors <= 2; processors++) {
      assertThat(Relaunch.command(Map.of(), () -> Info.of("-jar", "m.jar", "ndr"), new String[] {"ndr"}, NO_ARCHIVE,
          processors)).as("%d processors", processors).contains(List.of(JAVA, "-XX:TieredStopAtLevel=1",
          "-XX:+IgnoreUnrecognizedVMOptions", "-XX:C1MaxInlineSize=20", "-XX:CICompilerCount=1",
          "-Dmail-diag.relaunched=true", "-jar", "m.jar", "ndr"));
    }
  }

  @Test
  void aFileNamedThroughThisProcessKeepsTheCliInThisJvm() {
    for (String path : List.of("/dev/fd/63", "--zone=/dev/fd/5", "/proc/self/fd/3", "/proc/thread-self/fd/4")) {
      Info info = Info.of("-jar", "m.jar", "ndr", path);
      assertThat(Relaunch.command(Map.of(), () -> info, new String[] {"ndr", path}, NO_ARCHIVE, MANY)).as(path).isEmpty();
    }
    // standard input is inherited: /dev/stdin is the same file in the second JVM
    Info stdin = Info.of("-jar", "m.jar", "ndr", "/dev/stdin");
    assertThat(Relaunch.command(Map.of(), () -> stdin, new String[] {"ndr", "/dev/stdin"}, NO_ARCHIVE, MANY)).isPresent();
  }

  @Test
  void noArgumentsAtAll() {
    assertThat(Relaunch.command(Map.of(), () -> Info.of("-jar", "m.jar"), new String[0], NO_ARCHIVE, MANY))
        .contains(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:C1MaxInlineSize=20", "-Dmail-diag.relaunched=true", "-jar", "m.jar"));
  }

  @Test
  void jvmOptionsOnTheCommandLineKeepTheCliInThisJvm() {
    assertThat(Relaunch.command(Map.of(), () -> Info.of("-Xmx1g", "-jar", "m.jar", "ndr", "--batch", "dir with space"), ARGS, NO_ARCHIVE, MANY))
        .isEmpty();
    assertThat(Relaunch.command(Map.of(), () -> Info.of("-cp", "m.jar", "io.maildiag.examples.cli.MailDiagCli", "ndr"),
        new String[] {"ndr"}, NO_ARCHIVE, MANY)).isEmpty();
  }

  @Test
  void jvmOptionsInTheEnvironmentKeepTheCliInThisJvm() {
    Info info = Info.of("-jar", "m.jar", "ndr", "--batch", "dir with space");
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      assertThat(Relaunch.command(Map.of(variable, "-Xmx1g"), () -> info, ARGS, NO_ARCHIVE, MANY)).as(variable).isEmpty();
    }
  }

  @Test
  void theEnvironmentVariableTurnsItOff() {
    Info info = Info.of("-jar", "m.jar", "ndr", "--batch", "dir with space");
    assertThat(Relaunch.command(Map.of(Relaunch.ENVIRONMENT, "0"), () -> info, ARGS, NO_ARCHIVE, MANY)).isEmpty();
    // turned off, the JVM's command line is not even read
    assertThat(Relaunch.command(Map.of(Relaunch.ENVIRONMENT, "0"), () -> {
      throw new AssertionError("command line read");
    }, ARGS, NO_ARCHIVE, MANY)).isEmpty();
    assertThat(Relaunch.command(Map.of(Relaunch.ENVIRONMENT, "1"), () -> info, ARGS, NO_ARCHIVE, MANY)).isPresent();
  }

  @Test
  void anUnreadableOrDifferentCommandLineKeepsTheCliInThisJvm() {
    assertThat(Relaunch.command(Map.of(), () -> new Info(Optional.empty(), Optional.of(new String[] {"-jar", "m.jar"})),
        new String[0], NO_ARCHIVE, MANY)).isEmpty();
    assertThat(Relaunch.command(Map.of(), () -> new Info(Optional.of(JAVA), Optional.empty()), new String[0], NO_ARCHIVE, MANY)).isEmpty();
    // arguments the operating system decoded differently from main's
    assertThat(Relaunch.command(Map.of(), () -> Info.of("-jar", "m.jar", "ndr", "caf?.eml"), new String[] {"ndr", "café.eml"}, NO_ARCHIVE, MANY))
        .isEmpty();
    assertThat(Relaunch.command(Map.of(), () -> Info.of("-jar", "m.jar", "ndr"), new String[] {"ndr", "x"}, NO_ARCHIVE, MANY)).isEmpty();
  }

  @Test
  void theArchiveBesideTheJarIsMappedWithJvmLoggingOnlyForErrors() {
    Optional<List<String>> command = Relaunch.command(Map.of(), () -> Info.of("-jar", "t/m.jar", "ndr"),
        new String[] {"ndr"}, jar -> Optional.of("/abs/" + jar.replace(".jar", ".jsa")), MANY);

    assertThat(command).contains(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:C1MaxInlineSize=20", "-Xshare:auto", "-Xlog:disable", "-Xlog:all=error,cds*=off:stderr",
        "-XX:SharedArchiveFile=/abs/t/m.jsa", "-Dmail-diag.relaunched=true",
        "-jar", "t/m.jar", "ndr"));
  }

  @Test
  void theArchiveIsTheJsaFileBesideTheJar(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("mail-diag.jar"), "jar");

    assertThat(Relaunch.sharedArchive(jar.toString())).isEmpty();
    Path archive = Files.writeString(dir.resolve("mail-diag.jsa"), "archive");
    assertThat(Relaunch.sharedArchive(jar.toString())).contains(archive.toAbsolutePath().toString());
    assertThat(Relaunch.sharedArchive(dir.resolve("mail-diag.zip").toString())).isEmpty();
    assertThat(Relaunch.sharedArchive("\u0000bad.jar")).isEmpty();
  }
  @Test
  void theCAndPosixLocalesAreAscii() {
    assertThat(Relaunch.asciiLocale("ANSI_X3.4-1968")).isTrue();
    assertThat(Relaunch.asciiLocale("US-ASCII")).isTrue();
    assertThat(Relaunch.asciiLocale("UTF-8")).isFalse();
    assertThat(Relaunch.asciiLocale("ISO-8859-1")).isFalse();
    assertThat(Relaunch.asciiLocale("no-such-charset")).isFalse();
    assertThat(Relaunch.asciiLocale(null)).isFalse();
  }

  private static final List<String> SECOND = List.of(JAVA, "-Dmail-diag.relaunched=true", "-jar", "m.jar");

  private static List<String> command(String... args) {
    List<String> out = new java.util.ArrayList<>(SECOND);
    out.addAll(List.of(args));
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void argumentsPastAsciiReachTheSecondJvmFromTheirBytes() {
    // the C locale read "café.eml" as "caf??.eml"; the command line still holds its UTF-8 bytes
    List<String> read = command("ndr", "caf??.eml", "");
    List<String> second = Relaunch.inUtf8(read, 3, List.of(utf8("ndr"), utf8("café.eml"), new byte[0]));

    assertThat(second).hasSize(SECOND.size() + 1).endsWith("-jar", "m.jar");
    String property = second.get(second.size() - 3);
    assertThat(property).startsWith("-D" + Relaunch.ARGUMENTS + "=").doesNotContain("caf");
    String value = property.substring(property.indexOf('=') + 1);
    assertThat(Relaunch.arguments(new String[0], value)).containsExactly("ndr", "café.eml", "");
  }

  @Test
  void asciiArgumentsAndNamesThatAreNotUtf8StayAsTheyWereRead() {
    List<String> ascii = command("ndr", "--batch", "dir");
    assertThat(Relaunch.inUtf8(ascii, 3, List.of(utf8("ndr"), utf8("--batch"), utf8("dir")))).isEqualTo(ascii);

    List<String> latin1 = command("ndr", "caf?.eml");
    assertThat(Relaunch.inUtf8(latin1, 2, List.of(utf8("ndr"), new byte[] {'c', 'a', 'f', (byte) 0xe9})))
        .isEqualTo(latin1);
    // the command line could not be read: as read
    assertThat(Relaunch.inUtf8(latin1, 2, List.of())).isEqualTo(latin1);
  }

  @Test
  void withoutThePropertyTheArgumentsAreMainsOwn() {
    String[] args = {"ndr", "x.eml"};
    assertThat(Relaunch.arguments(args, null)).isSameAs(args);
    assertThat(Relaunch.arguments(args, "not base64!")).isSameAs(args);
  }
}
