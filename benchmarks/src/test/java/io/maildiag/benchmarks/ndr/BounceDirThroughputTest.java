package io.maildiag.benchmarks.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the side-by-side throughput tool briefly on the bundled mix (no warm-up, short rounds): it
 * analyses every message without an internal error and prints the rates that {@code
 * scripts/bench-sisimai.sh} reads.
 */
class BounceDirThroughputTest {

  private static final Pattern RATE = Pattern.compile("(?m)^(MEM_)?MSGS_PER_(CPU_)?SEC=([0-9.]+)$");

  @Test
  void printsTheRatesFromDiskAndInMemory(@TempDir Path dir) throws Exception {
    int messages = BounceMix.extract(dir);
    assertThat(messages).isPositive();

    String out = run("--warmup", "0", "--warmup-max", "0", "--rounds", "1", "--seconds", "0.05", "--also-in-memory",
        dir.toString());

    assertThat(out).contains("mail-diag on " + messages + " files").contains("in memory, the same JVM:");
    int rates = 0;
    Matcher m = RATE.matcher(out);
    while (m.find()) {
      assertThat(Double.parseDouble(m.group(3))).as(m.group()).isPositive();
      rates++;
    }
    assertThat(rates).as(out).isEqualTo(4);
  }

  @Test
  void printsOnlyTheRatesItTimed(@TempDir Path dir) throws Exception {
    BounceMix.extract(dir);

    String out = run("--warmup", "0", "--warmup-max", "0", "--rounds", "1", "--seconds", "0.05", "--in-memory",
        dir.toString());

    assertThat(out).contains("messages in memory").contains("MSGS_PER_SEC=").doesNotContain("MEM_MSGS_PER_SEC=");
  }

  @Test
  void takesRoundsInTurnWithAPeer(@TempDir Path dir) throws Exception {
    BounceMix.extract(dir);
    // a peer that is ready at once and answers each round with fixed rates
    String peer = "echo READY; while read line; do echo MSGS_PER_SEC=100.0 MSGS_PER_CPU_SEC=50.0; done";

    String out = run("--warmup", "0", "--warmup-max", "0", "--rounds", "1", "--seconds", "0.05", "--pairs", "3",
        dir.toString(), "--peer", "sh", "-c", peer);

    assertThat(out).contains("paired rounds").contains("pair 3:").doesNotContain("pair 4:");
    Matcher ratio = Pattern.compile("(?m)^PAIRED_RATIO=([0-9.]+)$").matcher(out);
    assertThat(ratio.find()).as(out).isTrue();
    assertThat(Double.parseDouble(ratio.group(1))).isPositive();
    Matcher cpu = Pattern.compile("(?m)^PAIRED_CPU_RATIO=([0-9.]+)$").matcher(out);
    assertThat(cpu.find()).as(out).isTrue();
    assertThat(Double.parseDouble(cpu.group(1))).isPositive();
    // each pair reads the peer's own rates (this JVM's rates, and so the ratios, depend on the machine)
    assertThat(out.split("peer 100.0 msgs/s \\(50.0 msgs/CPU-s\\)", -1)).as(out).hasSize(4);
  }

  @Test
  void readsThePeersFieldsAndTakesTheMedian() {
    assertThat(BounceDirThroughput.field("MSGS_PER_SEC=812.5 MSGS_PER_CPU_SEC=800.0", "MSGS_PER_SEC=")).isEqualTo(812.5);
    assertThat(BounceDirThroughput.field("MSGS_PER_SEC=812.5 MSGS_PER_CPU_SEC=800.0", "MSGS_PER_CPU_SEC="))
        .isEqualTo(800.0);
    assertThat(BounceDirThroughput.field("MSGS_PER_SEC=x", "MSGS_PER_SEC=")).isNaN();
    assertThat(BounceDirThroughput.field("nothing", "MSGS_PER_SEC=")).isNaN();
    assertThat(BounceDirThroughput.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(BounceDirThroughput.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
  }

  /** Runs the tool's main method and returns what it printed on standard output. */
  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      BounceDirThroughput.main(args);
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
