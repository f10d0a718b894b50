package io.maildiag.dns.live;

import static org.junit.jupiter.api.Assertions.fail;

import io.maildiag.core.testing.ServerScript.Result;
import io.maildiag.core.testing.ServerScript;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real NSD on 127.0.0.1, started and stopped with {@code scripts/dns-test-server.sh}, serving
 * the zones under {@code src/test/resources/live/}.
 *
 * <p>Without an {@code nsd} binary the calling test class is skipped, with a message saying how to
 * install it; when the environment variable {@code CI} is {@code true} it fails instead, so that CI
 * cannot pass without running these tests.
 */
final class NsdServer implements AutoCloseable {
  /** The zones of src/test/resources/live/, as NAME=FILE arguments of the script. */
  static final List<String> ZONES =
      List.of("example.test", "other.test", "neg.test", "2.0.192.in-addr.arpa", "spf.test", "dmarc");

  private static final String INSTALL_HINT = "NSD is not installed; install it with: apt-get install -y nsd";

  private final Path dir;
  private final int port;
  private final String addresses;
  private boolean running; // guarded by this

  private final Thread shutdownHook;

  private NsdServer(Path dir, int port, String addresses) {
    this.dir = dir;
    this.port = port;
    this.addresses = addresses;
    this.running = true;
    // Should the test JVM be stopped before @AfterAll (a timeout, Ctrl-C), NSD is stopped anyway.
    this.shutdownHook = new Thread(() -> run(List.of("bash", script().toString(), "stop", dir.toString()), addresses),
        "nsd-stop-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Skips the calling tests if NSD is missing, or fails them when {@code CI=true}. */
  static void requireNsd() {
    if (nsdBinary().isPresent()) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(INSTALL_HINT + " (CI=true: the NSD integration tests must run)");
    }
    org.junit.jupiter.api.Assumptions.abort(INSTALL_HINT + " to run the NSD integration tests");
  }

  /** Returns the nsd binary as the script would find it: $NSD, PATH, /usr/sbin, /usr/local/sbin. */
  static Optional<Path> nsdBinary() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("NSD");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Path.of(d, "nsd"));
        }
      }
    }
    candidates.add(Path.of("/usr/sbin/nsd"));
    candidates.add(Path.of("/usr/local/sbin/nsd"));
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** Finds scripts/dns-test-server.sh in the working directory or one of its parents. */
  static Path script() {
    return ServerScript.find("dns-test-server.sh");
  }

  /** Returns the path of a test zone file. */
  static Path zoneFile(String zone) {
    URL url = NsdServer.class.getResource("/live/" + zone + ".zone");
    if (url == null) {
      throw new IllegalStateException("test zone /live/" + zone + ".zone not on the class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts NSD in {@code dir} on a free port of 127.0.0.1 with all test zones. */
  static NsdServer start(Path dir) {
    return start(dir, false);
  }

  /** Starts NSD in {@code dir} on a free port, also on ::1 when {@code ipv6} is set. */
  static NsdServer start(Path dir, boolean ipv6) {
    requireNsd();
    String addresses = ipv6 ? "127.0.0.1 ::1" : "127.0.0.1";
    List<String> specs = new ArrayList<>();
    for (String zone : ZONES) {
      specs.add(zone + "=" + zoneFile(zone));
    }
    String lastOutput = "";
    for (int tries = 0; tries < 3; tries++) {
      int port = freePort(ipv6);
      List<String> command = new ArrayList<>(List.of("bash", script().toString(), "start", dir.toString(),
          Integer.toString(port)));
      command.addAll(specs);
      Result r = run(command, addresses);
      if (r.exitCode() == 0) {
        return new NsdServer(dir, port, addresses);
      }
      lastOutput = r.output();
      if (!lastOutput.contains("in use")) {
        break;
      }
    }
    throw new IllegalStateException("dns-test-server.sh could not start NSD:\n" + lastOutput);
  }

  /** Returns the port NSD listens on (UDP and TCP). */
  int port() {
    return port;
  }

  /** Returns {@code 127.0.0.1:port}, for {@code LiveDnsResolver.Builder.server}. */
  String server() {
    return "127.0.0.1:" + port;
  }

  /** Stops NSD; idempotent. */
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
    Result r = run(List.of("bash", script().toString(), "stop", dir.toString()), addresses);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("dns-test-server.sh could not stop NSD:\n" + r.output());
    }
  }

  /** Returns whether the script reports NSD as running. */
  boolean isRunning() {
    return run(List.of("bash", script().toString(), "status", dir.toString()), addresses).exitCode() == 0;
  }

  @Override
  public void close() {
    stop();
  }

  private static Result run(List<String> command, String addresses) {
    return ServerScript.run(command, Map.of("DNS_TEST_SERVER_ADDRS", addresses), Duration.ofSeconds(30));
  }

  /** Returns a port free for UDP and TCP on 127.0.0.1 (and ::1). */
  static int freePort(boolean ipv6) {
    for (int i = 0; i < 50; i++) {
      int port;
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        port = udp.getLocalPort();
      } catch (IOException e) {
        continue;
      }
      if (bindable(port, "127.0.0.1") && (!ipv6 || bindable(port, "::1"))) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1");
  }

  private static boolean bindable(int port, String address) {
    try (ServerSocket tcp = new ServerSocket();
        DatagramSocket udp = new DatagramSocket(null)) {
      InetAddress a = InetAddress.getByName(address);
      tcp.bind(new InetSocketAddress(a, port));
      udp.bind(new InetSocketAddress(a, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns whether ::1 can be bound here. */
  static boolean ipv6LoopbackAvailable() {
    return bindable(0, "::1");
  }
}
