package io.maildiag.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts under {@code scripts/} that start and stop the test servers (NSD, Postfix,
 * Exim): finds a script from the working directory up, and runs a command with no input, its
 * output and errors together, within a time limit. Shared with the other modules' tests through
 * this module's test jar.
 */
public final class ServerScript {

  private ServerScript() {}

  /** A finished command: its exit code (-1 when it ran out of time) and its output and errors. */
  public record Result(int exitCode, String output) {}

  /**
   * Finds {@code scripts/NAME} in the working directory or one of its parents.
   *
   * @throws IllegalStateException if there is none
   */
  public static Path find(String name) {
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (d != null) {
      Path s = d.resolve("scripts").resolve(name);
      if (Files.isRegularFile(s)) {
        return s;
      }
      d = d.getParent();
    }
    throw new IllegalStateException("scripts/" + name + " not found above " + System.getProperty("user.dir"));
  }

  /**
   * Runs {@code command} with {@code environment} added to this process's, standard input from
   * {@code /dev/null}; a command still running after {@code timeout} is killed.
   */
  public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
    try {
      Path out = Files.createTempFile("server-script", ".out");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + command + "\n"
              + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
