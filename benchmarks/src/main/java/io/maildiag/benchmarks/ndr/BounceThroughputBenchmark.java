package io.maildiag.benchmarks.ndr;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bounce messages analysed per second by one thread: {@link BounceAnalyzer#analyze(byte[])} on a
 * realistic mix ({@link BounceMix#bundled()}), one message per operation, cycling through the mix,
 * so the score is messages per second over the mix as a whole.
 *
 * <p>The messages are read into memory once; the measured work is the whole analysis from raw bytes
 * to {@link BounceAnalysis} (line-ending normalisation, MIME, decoding, report and text parsing,
 * classification). The setup fails if any message makes the analyzer fail internally, so an
 * exception path is never what is measured. The warm-up is long (40 s): the analysis is a lot of
 * code, and run on one CPU ({@code taskset -c 1 java -jar ...}) the JIT compiler shares the core, so
 * the steady state comes only after 20 to 30 s.
 *
 * <pre>
 * taskset -c 1 java -jar benchmarks/target/benchmarks.jar BounceThroughputBenchmark
 * java -jar benchmarks/target/benchmarks.jar BounceThroughputBenchmark -p dir=/path/to/bounces
 * </pre>
 *
 * <p>For the side-by-side with Sisimai, which runs as a separate process, see {@link
 * BounceDirThroughput} and {@code scripts/bench-sisimai.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 4)
public class BounceThroughputBenchmark {

  /** A directory of messages to use instead of the bundled mix; empty for the bundled mix. */
  @Param({""})
  public String dir;

  private BounceAnalyzer analyzer;
  private byte[][] messages;
  private int next;

  /** Loads the messages and checks that each one is analysed without an internal failure. */
  @Setup(Level.Trial)
  public void setUp() {
    analyzer = BounceAnalyzer.withDefaults();
    List<BounceMix.Sample> mix = BounceMix.load(dir);
    messages = new byte[mix.size()][];
    for (int i = 0; i < mix.size(); i++) {
      messages[i] = mix.get(i).bytes();
      BounceDirThroughput.requireNoInternalError(mix.get(i).name(), analyzer.analyze(messages[i]));
    }
    next = 0;
  }

  /** Analyses the next message of the mix. */
  @Benchmark
  public BounceAnalysis analyze() {
    byte[] m = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    return analyzer.analyze(m);
  }
}
