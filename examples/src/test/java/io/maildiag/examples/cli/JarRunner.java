package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the shaded {@code mail-diag.jar} with {@code java -jar}, as a user would: the end-to-end
 * tests (*IT), which run in the {@code verify} phase (maven-failsafe), after {@code package} built
 * the jar.
 */
final class JarRunner {

  /** How long one run may take. */
  private static final long TIMEOUT_SECONDS = 120;

  /** What one run printed and returned, and how long it took. */
  record Run(int exitCode, String out, String err, long millis) {

    /** What the run printed and returned, without its time: equal for runs that behaved alike. */
    List<Object> outcome() {
      return List.of(exitCode, out, err);
    }
  }

  private JarRunner() {}

  /** Returns the shaded jar that {@code mvn package} built. */
  static String builtJar() {
    String jar = System.getProperty("maildiag.jar", "target/mail-diag.jar");
    assertThat(Path.of(jar)).as("the shaded jar (built by `mvn package`)").isRegularFile();
    return jar;
  }

  /** Runs {@code java -jar mail-diag.jar ARGS} with no standard input, as in CI. */
  static Run java(String... args) throws IOException, InterruptedException {
    return java(new byte[0], args);
  }

  /** Runs {@code java -jar mail-diag.jar ARGS} with {@code stdin} as its standard input. */
  static Run java(byte[] stdin, String... args) throws IOException, InterruptedException {
    return run(builtJar(), environment -> { }, stdin, args);
  }

  /**
   * Runs {@code java -jar JAR ARGS} with {@code stdin} as its standard input, in this process's
   * environment as {@code environment} changes it.
   */
  static Run run(String jar, Consumer<Map<String, String>> environment, byte[] stdin, String... args)
      throws IOException, InterruptedException {
    return run(List.of(), jar, environment, stdin, args);
  }

  /**
   * Runs {@code java JVM_OPTIONS -jar JAR ARGS} with {@code stdin} as its standard input, in this
   * process's environment as {@code environment} changes it.
   */
  static Run run(List<String> jvmOptions, String jar, Consumer<Map<String, String>> environment, byte[] stdin,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    return run(command, environment, stdin);
  }

  /** The {@code java} command of the JVM that runs the tests. */
  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs {@code command} with {@code stdin} as its standard input, in this process's environment as
   * {@code environment} changes it, within the time limit of every run.
   */
  static Run run(List<String> command, Consumer<Map<String, String>> environment, byte[] stdin)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("mail-diag-out", ".txt");
    Path err = Files.createTempFile("mail-diag-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      environment.accept(builder.environment());
      long start = System.nanoTime();
      Process p = builder.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mail-diag did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), millis);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Returns each line of {@code out} parsed as a JSON value. */
  static List<JsonNode> objects(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(TestJson.MAPPER.readTree(line));
    }
    return nodes;
  }
}
