package io.maildiag.benchmarks.spf;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SPF evaluations per second: mail-diag and Apache James jSPF, side by side in one run, on the same
 * in-memory DNS data ({@link SpfZone#realistic()}) and the same requests ({@link SpfScenario}).
 *
 * <p>Both benchmark methods start from the same strings (address text, MAIL FROM, HELO) and stop
 * at the result, so parsing the address and building the request are measured for both. The setup
 * fails unless both implementations give each scenario's expected result.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5
 * java -jar benchmarks/target/benchmarks.jar SpfThroughputBenchmark -p scenario=IPV6_PASS
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SpfThroughputBenchmark {

  /** The request checked. */
  @Param
  public SpfScenario scenario;

  private SpfContenders contenders;
  private String ip;
  private String sender;
  private String helo;

  /** Wires both implementations and checks that they agree on the scenario. */
  @Setup(Level.Trial)
  public void setUp() {
    contenders = new SpfContenders(SpfZone.realistic());
    contenders.verify(scenario);
    ip = scenario.ip();
    sender = scenario.sender();
    helo = scenario.helo();
  }

  /** One mail-diag check_host(). */
  @Benchmark
  public void mailDiag(Blackhole bh) {
    var evaluation = contenders.mailDiag(ip, sender, helo);
    bh.consume(evaluation.result());
    bh.consume(evaluation);
  }

  /** One jSPF check. */
  @Benchmark
  public void jspf(Blackhole bh) {
    var result = contenders.jspf(ip, sender, helo);
    bh.consume(result.getResult());
    bh.consume(result);
  }
}
