package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.spf.SpfChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail-diag spf --batch FILE}: one JSON object per line, in input order. */
class SpfBatchTest {

  private static final String ZONE = SpfCommandTest.ZONE;

  /** The requests of {@link #request(int)}: sender domain, client IP and expected result, in turn. */
  private static final String[][] CASES = {
    {"pass.example.com", "198.51.100.7", "pass"},
    {"fail.example.com", "203.0.113.9", "fail"},
    {"softfail.example.com", "203.0.113.9", "softfail"},
    {"neutral.example.com", "203.0.113.9", "neutral"},
    {"none.example.com", "203.0.113.9", "none"},
    {"typo.example.com", "203.0.113.9", "permerror"},
    {"temp.example.com", "203.0.113.9", "temperror"},
    {"softfail.example.com", "192.0.2.25", "pass"},
  };

  private static String request(int i) {
    String[] c = CASES[i % CASES.length];
    return c[1] + "\tuser" + i + "@" + c[0] + "\tmail" + i + ".example.org";
  }

  private static List<JsonNode> lines(String out) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      try {
        JsonNode node = TestJson.MAPPER.readTree(line);
        assertThat(node.isObject()).as("line %s", line).isTrue();
        nodes.add(node);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + line, e);
      }
    }
    return nodes;
  }

  private static CliRunner.Result runWithStdin(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("spf"));
    all.addAll(List.of(args));
    return CliRunner.run(cmd -> ((SpfCommand) cmd.getSubcommands().get("spf").getCommand()).stdin =
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), all.toArray(String[]::new));
  }

  @Test
  void twoHundredFiftyLinesComeOutInInputOrderWithTheirOwnResults(@TempDir Path dir) throws IOException {
    int n = 250;
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < n; i++) {
      input.append(request(i)).append('\n');
    }
    Path file = dir.resolve("batch.tsv");
    Files.writeString(file, input, StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("spf", "--batch", file.toString(), "--zone", ZONE);

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) {
      JsonNode node = out.get(i);
      String[] c = CASES[i % CASES.length];
      assertThat(node.path("line").asInt()).isEqualTo(i + 1);
      assertThat(node.path("sender").asText()).isEqualTo("user" + i + "@" + c[0]);
      assertThat(node.path("ip").asText()).isEqualTo(c[1]);
      assertThat(node.path("helo").asText()).isEqualTo("mail" + i + ".example.org");
      assertThat(node.path("result").asText()).as("line %d", i + 1).isEqualTo(c[2]);
      assertThat(node.has("explanation")).isTrue();
      assertThat(node.has("error")).isFalse();
    }
    assertThat(out.get(1).path("explanation").asText()).startsWith("203.0.113.9 may not send mail for fail.example.com");
    assertThat(out.get(0).path("explanation").isNull()).isTrue();
  }

  @Test
  void eachLineHasTheFieldsOfSingleJsonPlusItsLineNumber() {
    CliRunner.Result single = CliRunner.run("spf", "--ip", "198.51.100.7", "--sender", "u@pass.example.com",
        "--helo", "h.example.org", "--zone", ZONE, "--json");
    CliRunner.Result batch = runWithStdin("198.51.100.7\tu@pass.example.com\th.example.org\n", "--batch", "-", "--zone", ZONE);

    JsonNode one = single.json();
    JsonNode line = batch.json();
    List<String> expected = new ArrayList<>(List.of("line"));
    one.fieldNames().forEachRemaining(expected::add);
    List<String> actual = new ArrayList<>();
    line.fieldNames().forEachRemaining(actual::add);
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(actual).contains("result", "explanation", "ip", "sender", "helo", "identity", "domain",
        "decidingTerm", "problems", "lookups", "trace", "queries");
    ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("line");
    assertThat(line).isEqualTo(one);
  }

  @Test
  void malformedLinesAreReportedInlineAndTheRestIsEvaluated() {
    String input = String.join("\n",
        "# client\tsender\thelo",
        "198.51.100.7\tu@pass.example.com\tmail.example.org",
        "",
        "192.0.2.300\tu@pass.example.com\tmail.example.org",
        "198.51.100.7 u@pass.example.com mail.example.org",
        "198.51.100.7\tu@pass.example.com\tmail.example.org\textra",
        "198.51.100.7",
        "   ",
        "203.0.113.9\tu@fail.example.com",
        "192.0.2.25\t\tmail.example.com",
        "192.0.2.25\t<>\tmail.example.com\r",
        "203.0.113.9\t<u@softfail.example.com>\t");

    CliRunner.Result r = runWithStdin(input, "--batch", "-", "--zone", ZONE);

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<JsonNode> out = lines(r.out());
    assertThat(out).extracting(n -> n.path("line").asInt()).containsExactly(2, 4, 5, 6, 7, 9, 10, 11, 12);

    assertThat(out.get(0).path("result").asText()).isEqualTo("pass");

    JsonNode badIp = out.get(1);
    assertThat(badIp.path("result").isNull()).isTrue();
    assertThat(badIp.path("explanation").isNull()).isTrue();
    assertThat(badIp.path("error").asText()).contains("invalid IP address '192.0.2.300'");
    assertThat(badIp.path("ip").asText()).isEqualTo("192.0.2.300");
    assertThat(badIp.path("sender").asText()).isEqualTo("u@pass.example.com");

    assertThat(out.get(2).path("error").asText()).contains("found 1").contains("tabs");
    assertThat(out.get(2).path("result").isNull()).isTrue();
    assertThat(out.get(3).path("error").asText()).contains("found 4");
    assertThat(out.get(4).path("error").asText()).contains("found 1");

    assertThat(out.get(5).path("result").asText()).isEqualTo("fail");
    assertThat(out.get(5).path("helo").isNull()).as("helo missing: null").isTrue();
    assertThat(out.get(5).has("error")).isFalse();

    // An empty sender is the null reverse-path: postmaster@HELO, which authorises itself with "a".
    assertThat(out.get(6).path("sender").asText()).isEmpty();
    assertThat(out.get(6).path("domain").asText()).isEqualTo("mail.example.com");
    assertThat(out.get(6).path("result").asText()).isEqualTo("pass");
    assertThat(out.get(7).path("result").asText()).as("<> and a CRLF line end").isEqualTo("pass");
    assertThat(out.get(7).path("helo").asText()).isEqualTo("mail.example.com");

    assertThat(out.get(8).path("sender").asText()).isEqualTo("u@softfail.example.com");
    assertThat(out.get(8).path("helo").isNull()).as("empty helo: null").isTrue();
    assertThat(out.get(8).path("result").asText()).isEqualTo("softfail");
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorForThatLineOnly() {
    String input = "198.51.100.7\tu@pass.example.com\t" + "a".repeat(70_000) + "\n198.51.100.7\tu@pass.example.com\n";

    CliRunner.Result r = runWithStdin(input, "--batch", "-", "--zone", ZONE);

    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(2);
    assertThat(out.get(0).path("error").asText()).contains("longer than");
    assertThat(out.get(1).path("line").asInt()).isEqualTo(2);
    assertThat(out.get(1).path("result").asText()).isEqualTo("pass");
  }

  @Test
  void anEmptyBatchPrintsNothingAndExitsZero() {
    CliRunner.Result r = runWithStdin("# nothing\n\n", "--batch", "-", "--zone", ZONE, "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    CliRunner.Result r = runWithStdin("\uFEFF198.51.100.7\tu@pass.example.com\n", "--batch", "-", "--zone", ZONE);

    assertThat(r.json().path("result").asText()).isEqualTo("pass");
  }

  @Test
  void missingBatchFileIsBadInput(@TempDir Path dir) {
    String missing = dir.resolve("nope.tsv").toString();

    CliRunner.Result r = CliRunner.run("spf", "--batch", missing, "--zone", ZONE).assertOneLineError();

    assertThat(r.err()).contains(missing).contains("no such file");
  }

  @Test
  void directoryAsBatchFileIsBadInput(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("spf", "--batch", dir.toString(), "--zone", ZONE).assertOneLineError();

    assertThat(r.err()).contains("is a directory");
  }

  @Test
  void badZoneInBatchModeIsBadInput(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.zone");
    Files.writeString(bad, "example.com. IN A not-an-address\n", StandardCharsets.UTF_8);

    CliRunner.Result r = runWithStdin("198.51.100.7\tu@pass.example.com\n", "--batch", "-", "--zone", bad.toString())
        .assertOneLineError();

    assertThat(r.err()).contains("bad.zone:1:");
  }

  @Test
  void aReadErrorPartWayPrintsTheLinesBeforeItAndExitsOne() {
    String good = "198.51.100.7\tu@pass.example.com\n";
    InputStream failing = new InputStream() {
      private final InputStream first = new ByteArrayInputStream((good + good).getBytes(StandardCharsets.UTF_8));

      @Override
      public int read() throws IOException {
        int b = first.read();
        if (b == -1) {
          throw new IOException("disk on fire");
        }
        return b;
      }
    };

    CliRunner.Result r = CliRunner.run(cmd -> ((SpfCommand) cmd.getSubcommands().get("spf").getCommand()).stdin = failing,
        "spf", "--batch", "-", "--zone", ZONE);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(lines(r.out())).hasSize(2);
    assertThat(r.err()).isEqualTo("mail-diag: error: standard input: read error after line 2: disk on fire"
        + System.lineSeparator());
  }

  // The engine, with a resolver whose answers take varying time.

  /** A resolver over {@code delegate} that answers after a delay and records how many questions were open at once. */
  private static final class SlowResolver implements DnsResolver {
    final DnsResolver delegate;
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();

    SlowResolver(DnsResolver delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableFuture<DnsOutcome> resolve(io.maildiag.dns.DnsQuery query) {
      maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      // Early lines wait longest, so that later lines finish first unless output is reordered.
      int n = Integer.parseInt(query.name().toString().replaceAll("^d(\\d+)\\..*$", "$1"));
      long delay = Math.max(1, 30 - n % 30);
      return CompletableFuture.supplyAsync(() -> {
        open.decrementAndGet();
        return delegate.resolveBlocking(query);
      }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
    }
  }

  @Test
  @Timeout(60)
  void evaluatesConcurrentlyWithABoundedPoolAndPrintsInInputOrder() throws Exception {
    int n = 240;
    InMemoryDnsResolver.Builder zone = InMemoryDnsResolver.builder();
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < n; i++) {
      zone.txt("d" + i + ".example.com", i % 2 == 0 ? "v=spf1 ip4:192.0.2.0/24 -all" : "v=spf1 ~all");
      input.append("192.0.2.1\tu@d").append(i).append(".example.com\n");
    }
    SlowResolver slow = new SlowResolver(zone.build());
    SpfChecker checker = SpfChecker.builder().resolver(slow).build();
    StringWriter text = new StringWriter();

    try (SpfBatch.Input in = new SpfBatch.Input("test", new StringReader(input.toString()), true)) {
      new SpfBatch(checker, 8).run(in, new PrintWriter(text));
    }

    List<JsonNode> out = lines(text.toString());
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i).path("line").asInt()).isEqualTo(i + 1);
      assertThat(out.get(i).path("domain").asText()).isEqualTo("d" + i + ".example.com");
      assertThat(out.get(i).path("result").asText()).isEqualTo(i % 2 == 0 ? "pass" : "softfail");
    }
    assertThat(slow.maxOpen.get()).as("evaluations at once").isGreaterThan(1).isLessThanOrEqualTo(8);
  }

  @Test
  @Timeout(60)
  void eachResultIsPrintedAsSoonAsItIsReadyWhileTheInputIsStillOpen() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream pipe = new PipedInputStream(feed, 1 << 20);
    Reader reader = new InputStreamReader(pipe, StandardCharsets.UTF_8);
    StringBuilderWriter text = new StringBuilderWriter();
    SpfChecker checker = SpfChecker.builder()
        .resolver(InMemoryDnsResolver.builder().txt("example.com", "v=spf1 -all").build())
        .build();
    SpfBatch batch = new SpfBatch(checker, 2);
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
      try (SpfBatch.Input in = new SpfBatch.Input("pipe", reader, true)) {
        batch.run(in, new PrintWriter(text, true));
      } catch (InputException e) {
        throw new IllegalStateException(e);
      }
    });
    byte[] line = "192.0.2.1\tu@example.com\n".getBytes(StandardCharsets.UTF_8);

    // Far fewer lines than the window, like a slow pipe from a live log: they must come out now.
    for (int i = 0; i < 3; i++) {
      feed.write(line);
    }
    feed.flush();
    assertThat(awaitLines(text, 3)).as("lines printed while the input is open").isEqualTo(3);
    // Then more than the window, still open: the output keeps up.
    int more = batch.window() * 3;
    for (int i = 0; i < more; i++) {
      feed.write(line);
    }
    feed.flush();
    assertThat(awaitLines(text, 3 + more)).isEqualTo(3 + more);
    feed.close();
    run.get(30, TimeUnit.SECONDS);

    assertThat(text.lineCount()).isEqualTo(3 + more);
    assertThat(lines(text.toString()).get(3 + more - 1).path("line").asInt()).isEqualTo(3 + more);
  }

  private static int awaitLines(StringBuilderWriter text, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (text.lineCount() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return text.lineCount();
  }

  /** A thread-safe writer whose completed lines can be counted while it is written. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder();

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public synchronized String toString() {
      return sb.toString();
    }

    synchronized int lineCount() {
      return (int) sb.chars().filter(c -> c == '\n').count();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
