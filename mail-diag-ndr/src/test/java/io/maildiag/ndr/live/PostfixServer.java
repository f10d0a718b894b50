package io.maildiag.ndr.live;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Postfix on 127.0.0.1, started and stopped with {@code scripts/mta-test-server.sh}: it
 * takes mail on its own port and delivers all of it, the bounces it makes included, to a relay
 * (an {@link SmtpSink}), returning a message to its sender at the first failed attempt.
 *
 * <p>Without Postfix, or when not run as root (Postfix's master process must start as root), the
 * calling test class is skipped, with a message saying why; when the environment variable {@code
 * CI} is {@code true} it fails instead, so that CI cannot pass without running these tests.
 */
final class PostfixServer implements AutoCloseable {
  private static final String INSTALL_HINT = "Postfix is not installed; install it with: echo \"postfix"
      + " postfix/main_mailer_type select No configuration\" | debconf-set-selections && apt-get install -y postfix";
  /** The script's exit status when it is not run as root. */
  private static final int NOT_ROOT = 3;

  private final Path dir;
  private final int port;
  private final Thread shutdownHook;
  private boolean running = true; // guarded by this

  private PostfixServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    // Should the test JVM be stopped before @AfterAll (a timeout, Ctrl-C), Postfix is stopped anyway.
    this.shutdownHook = new Thread(() -> run(List.of("bash", script().toString(), "stop", dir.toString())),
        "postfix-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts Postfix in {@code dir} on a free port, relaying to {@code relayPort} of 127.0.0.1, and
   * mail for each domain of {@code nextHops} to its next hop (a Postfix transport value).
   */
  static PostfixServer start(Path dir, int relayPort, Map<String, String> nextHops) {
    if (!Files.isExecutable(Path.of("/usr/sbin/postfix")) && !onPath("postfix")) {
      skipOrFail(INSTALL_HINT);
    }
    String last = "";
    for (int tries = 0; tries < 3; tries++) {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of("bash", script().toString(), "start", dir.toString(),
          Integer.toString(port), "127.0.0.1:" + relayPort));
      nextHops.forEach((domain, hop) -> command.add(domain + "=" + hop));
      Result r = run(command);
      if (r.exitCode == 0) {
        return new PostfixServer(dir, port);
      }
      if (r.exitCode == NOT_ROOT) {
        skipOrFail("Postfix must be started as root: " + r.output.strip());
      }
      last = r.output;
      if (!last.contains("in use")) {
        break;
      }
    }
    throw new IllegalStateException("mta-test-server.sh could not start Postfix:\n" + last);
  }

  /** The port Postfix takes mail on. */
  int port() {
    return port;
  }

  /** Postfix's log so far, for a failure's message. */
  String log() {
    try {
      return Files.readString(dir.resolve("maillog"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops Postfix; idempotent. */
  synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs
    }
    Result r = run(List.of("bash", script().toString(), "stop", dir.toString()));
    if (r.exitCode != 0) {
      throw new IllegalStateException("mta-test-server.sh could not stop Postfix:\n" + r.output);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A port of 127.0.0.1 that nothing listened on a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }

  private static void skipOrFail(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI=true: the Postfix integration tests must run)");
    }
    Assumptions.abort(why + "; the Postfix integration tests are skipped");
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
        return true;
      }
    }
    return false;
  }

  /** Finds scripts/mta-test-server.sh in the working directory or one of its parents. */
  private static Path script() {
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (d != null) {
      Path s = d.resolve("scripts").resolve("mta-test-server.sh");
      if (Files.isRegularFile(s)) {
        return s;
      }
      d = d.getParent();
    }
    throw new IllegalStateException("scripts/mta-test-server.sh not found above " + System.getProperty("user.dir"));
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) {
    try {
      Path out = Files.createTempFile("mta-test-server", ".out");
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, "timed out after 60 s: " + command + "\n" + Files.readString(out, StandardCharsets.UTF_8));
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
