package io.maildiag.benchmarks.headers;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Header sections per second on the {@link HeaderMix} (8 messages, each invocation reads all of
 * them, so the score is sections per second): mail-diag's full analysis (parse + Received timeline
 * + Authentication-Results) against Jakarta Mail's bare header parse of the same bytes. The target
 * of the headers issue: mail-diag at no more than 3 times Jakarta Mail's cost, that is {@code
 * jakartaMail score / mailDiagFullAnalysis score <= 3}.
 *
 * <p>Jakarta Mail 2.1's {@code InternetHeaders} looks its {@code StreamProvider} up through
 * ServiceLoader on every load; {@link #jakartaStreamProviderLookup} measures that part alone, so
 * that the ratio can also be given against the parse without it.
 *
 * <p>Setup fails unless both read every sample the same way ({@link HeaderContenders#verify}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HeaderThroughputBenchmark -f 1 -wi 3 -w 2s -i 3 -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class HeaderThroughputBenchmark {

  /** The number of messages in the mix; the setup checks it. */
  static final int MIX_SIZE = 8;

  private HeaderContenders contenders;
  private byte[][] messages;

  /** Loads the mix and checks that both sides agree on it. */
  @Setup(Level.Trial)
  public void setUp() {
    contenders = new HeaderContenders();
    List<HeaderMix.Sample> mix = HeaderMix.bundled();
    if (mix.size() != MIX_SIZE) {
      throw new IllegalStateException("the mix holds " + mix.size() + " messages, expected " + MIX_SIZE);
    }
    messages = new byte[mix.size()][];
    for (int i = 0; i < mix.size(); i++) {
      contenders.verify(mix.get(i));
      messages[i] = mix.get(i).bytes();
    }
  }

  /** Jakarta Mail InternetHeaders over each message, every header touched. */
  @Benchmark
  @OperationsPerInvocation(MIX_SIZE)
  public void jakartaMail(Blackhole bh) {
    for (byte[] m : messages) {
      bh.consume(contenders.jakarta(m));
    }
  }

  /**
   * What {@code new InternetHeaders(stream)} spends before reading a byte: Jakarta Mail 2.1 looks up
   * its {@code StreamProvider} (a ServiceLoader search) on every load. Subtract it from {@link
   * #jakartaMail} to compare with the parse alone.
   */
  @Benchmark
  @OperationsPerInvocation(MIX_SIZE)
  public void jakartaStreamProviderLookup(Blackhole bh) {
    for (int i = 0; i < MIX_SIZE; i++) {
      bh.consume(jakarta.mail.util.StreamProvider.provider());
    }
  }

  /** mail-diag HeaderSection.parse alone: the share of the full analysis spent reading fields. */
  @Benchmark
  @OperationsPerInvocation(MIX_SIZE)
  public void mailDiagParseOnly(Blackhole bh) {
    for (byte[] m : messages) {
      bh.consume(io.maildiag.headers.HeaderSection.parse(m, contenders.limits()));
    }
  }

  /** mail-diag HeaderSection.parse + ReceivedTimeline.of + AuthenticationResults.fromHeader. */
  @Benchmark
  @OperationsPerInvocation(MIX_SIZE)
  public void mailDiagFullAnalysis(Blackhole bh) {
    for (byte[] m : messages) {
      HeaderContenders.Analysis a = contenders.mailDiag(m);
      bh.consume(a.section());
      bh.consume(a.timeline());
      bh.consume(a.authResults());
    }
  }
}
