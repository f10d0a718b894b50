package io.maildiag.benchmarks.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.headers.dkim.DkimResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the header benchmarks' setup checks in the build (no benchmark runs): Jakarta Mail and
 * mail-diag read every sample of the mix alike, and mail-diag and jDKIM both pass every signed
 * message, on the versions the build chose.
 */
class HeaderBenchmarkSetupTest {

  @Test
  void bothSidesReadEverySampleOfTheHeaderMix() {
    HeaderContenders c = new HeaderContenders();
    var mix = HeaderMix.bundled();
    assertThat(mix).hasSize(HeaderThroughputBenchmark.MIX_SIZE);
    for (HeaderMix.Sample s : mix) {
      assertThat(c.verify(s)).startsWith(s.name());
      assertThat(c.jakarta(s.bytes())).isPositive();
    }
  }

  @Test
  void theThroughputSetupPasses() {
    new HeaderThroughputBenchmark().setUp();
  }

  @ParameterizedTest
  @EnumSource(DkimCorpus.Canon.class)
  void bothVerifiersPassEverySignedMessage(DkimCorpus.Canon canon) {
    DkimCorpus corpus = new DkimCorpus(canon);
    assertThat(corpus.messages()).hasSize(DkimVerifyBenchmark.MESSAGES);
    assertThat(corpus.verify()).hasSize(DkimVerifyBenchmark.MESSAGES).allMatch(l -> l.endsWith("both pass"));
    assertThat(new String(corpus.messages().get(0).bytes(), StandardCharsets.UTF_8))
        .contains("c=" + canon.tag())
        .contains("a=rsa-sha256");
  }

  @Test
  void aTamperedMessageFailsBothVerifiers() {
    DkimCorpus corpus = new DkimCorpus(DkimCorpus.Canon.RELAXED);
    byte[] m = corpus.messages().get(0).bytes();
    byte[] tampered = new String(m, StandardCharsets.UTF_8)
        .replace("Your password was changed", "Your password was reset")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Arrays.equals(m, tampered)).isFalse();
    assertThat(DkimCorpus.mailDiag(corpus.mailDiagVerifier(), tampered)).isEqualTo(DkimResult.FAIL);
    assertThatThrownBy(() -> DkimCorpus.jdkim(corpus.jdkimVerifier(), tampered))
        .isInstanceOf(org.apache.james.jdkim.exceptions.FailException.class);
  }
}
