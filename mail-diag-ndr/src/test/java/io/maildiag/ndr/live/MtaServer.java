package io.maildiag.ndr.live;

import static org.junit.jupiter.api.Assertions.fail;

import io.maildiag.core.testing.ServerScript.Result;
import io.maildiag.core.testing.ServerScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MTA (Postfix or Exim) on 127.0.0.1, started and stopped with {@code
 * scripts/mta-test-server.sh}: it takes mail on its own port and delivers all of it, the bounces
 * it makes included, to a relay (an {@link SmtpSink}), returning a message to its sender at the
 * first failed attempt (Exim: at the attempt a second later).
 *
 * <p>When the MTA cannot run here (not installed, or not run as root: either MTA's master process
 * must start as root), the calling test class is skipped, with the script's message saying why;
 * when the environment variable {@code CI} is {@code true} it fails instead, so that CI cannot
 * pass without running these tests.
 */
final class MtaServer implements AutoCloseable {
  /** The script's exit status when the MTA cannot run here (see the script's usage). */
  private static final int NOT_READY = 3;

  private final String mta;
  private final Path dir;
  private final int port;
  private final Thread shutdownHook;
  private boolean running = true; // guarded by this

  private MtaServer(String mta, Path dir, int port) {
    this.mta = mta;
    this.dir = dir;
    this.port = port;
    // Should the test JVM be stopped before @AfterAll (a timeout, Ctrl-C), the MTA is stopped anyway.
    this.shutdownHook = new Thread(() -> run(List.of("bash", script().toString(), "stop", dir.toString())),
        mta + "-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code mta} ({@code postfix} or {@code exim}) in {@code dir} on a free port, relaying to
   * {@code relayPort} of 127.0.0.1, and mail for each domain of {@code nextHops} to its port of
   * 127.0.0.1; {@code options} are the script's ({@code --warn-delays}).
   */
  static MtaServer start(String mta, Path dir, int relayPort, Map<String, Integer> nextHops, String... options) {
    String last = "";
    Set<Integer> taken = new HashSet<>(nextHops.values());
    taken.add(relayPort);
    for (int tries = 0; tries < 3; tries++) {
      int port = freePort(taken);
      List<String> command = new ArrayList<>(List.of("bash", script().toString(), "start", mta, dir.toString(),
          Integer.toString(port), "127.0.0.1:" + relayPort));
      nextHops.forEach((domain, hop) -> command.add(domain + "=127.0.0.1:" + hop));
      command.addAll(List.of(options));
      Result r = run(command);
      if (r.exitCode() == 0) {
        return new MtaServer(mta, dir, port);
      }
      run(List.of("bash", script().toString(), "stop", dir.toString())); // whatever a failed start left
      if (r.exitCode() == NOT_READY) {
        skipOrFail(r.output().strip());
      }
      last = r.output();
      if (!last.contains("in use")) { // a port taken since freePort looked: try another
        break;
      }
    }
    throw new IllegalStateException("mta-test-server.sh could not start " + mta + ":\n" + last);
  }

  /** The port the MTA takes mail on. */
  int port() {
    return port;
  }

  /** The MTA's log so far, for a failure's message. */
  String log() {
    try {
      return Files.readString(dir.resolve(mta.equals("exim") ? "log/mainlog" : "maillog"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the MTA; idempotent. */
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
    if (r.exitCode() != 0) {
      throw new IllegalStateException("mta-test-server.sh could not stop " + mta + ":\n" + r.output());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A port of 127.0.0.1 that nothing listened on a moment ago, and not one of {@code taken}. */
  static int freePort(Set<Integer> taken) {
    for (int tries = 0; tries < 100; tries++) {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (!taken.contains(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new IllegalStateException("no free port on 127.0.0.1", e);
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1 outside " + taken);
  }

  private static void skipOrFail(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI=true: the MTA integration tests must run)");
    }
    Assumptions.abort(why + "; the MTA integration tests are skipped");
  }

  private static Path script() {
    return ServerScript.find("mta-test-server.sh");
  }

  private static Result run(List<String> command) {
    return ServerScript.run(command, Map.of(), Duration.ofSeconds(60));
  }
}
