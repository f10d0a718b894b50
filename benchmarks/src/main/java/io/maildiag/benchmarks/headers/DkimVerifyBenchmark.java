package io.maildiag.benchmarks.headers;

import io.maildiag.headers.dkim.DkimVerifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.DKIMVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * DKIM verifications per second: mail-diag's {@link DkimVerifier} against Apache James jDKIM 0.5's
 * {@link DKIMVerifier}, on the {@link DkimCorpus} (three messages signed {@code rsa-sha256} with a
 * 2048-bit key, 1 KB to 25 KB; each invocation verifies all three, so the score is messages per
 * second). Both start from the message's bytes and fetch and parse the key record on every message
 * (mail-diag from an in-memory resolver, jDKIM from a retriever returning the same text); jDKIM
 * cannot verify {@code ed25519-sha256}, so only RSA is measured. The target of the headers issue:
 * mail-diag at least 2 times jDKIM's rate.
 *
 * <p>Setup fails unless both verifiers pass every message.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DkimVerifyBenchmark -f 1 -wi 3 -w 2s -i 3 -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DkimVerifyBenchmark {

  /** The number of messages per canonicalization; the setup checks it. */
  static final int MESSAGES = 3;

  /** The canonicalization the messages are signed with. */
  @Param
  public DkimCorpus.Canon canon;

  private DkimVerifier mailDiag;
  private DKIMVerifier jdkim;
  private byte[][] messages;

  /** Signs the messages and checks that both verifiers pass them. */
  @Setup(Level.Trial)
  public void setUp() {
    DkimCorpus corpus = new DkimCorpus(canon);
    corpus.verify();
    List<DkimCorpus.Message> ms = corpus.messages();
    if (ms.size() != MESSAGES) {
      throw new IllegalStateException(ms.size() + " messages, expected " + MESSAGES);
    }
    messages = ms.stream().map(DkimCorpus.Message::bytes).toArray(byte[][]::new);
    mailDiag = corpus.mailDiagVerifier();
    jdkim = corpus.jdkimVerifier();
  }

  /** mail-diag DkimVerifier.verify(bytes). */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void mailDiag(Blackhole bh) {
    for (byte[] m : messages) {
      bh.consume(DkimCorpus.mailDiag(mailDiag, m));
    }
  }

  /** jDKIM DKIMVerifier.verify(stream). */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void jdkim(Blackhole bh) throws Exception {
    for (byte[] m : messages) {
      bh.consume(DkimCorpus.jdkim(jdkim, m));
    }
  }
}
