package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzz tests (Jazzer) of the bounce reader and the reason classifier: whatever the
 * bytes, the analysis returns, reports no internal error, stays within its time budget, and gives
 * only valid codes and bounded evidence.
 *
 * <p>In a plain test run each target runs once per input kept under {@code
 * src/test/resources/io/maildiag/ndr/BounceAnalyzerFuzzTestInputs/<method>/} (inputs a fuzzing
 * campaign found worth keeping, each a regression test). To fuzz, set {@code JAZZER_FUZZ=1} and run
 * one target, for example {@code JAZZER_FUZZ=1 mvn -pl mail-diag-ndr test
 * -Dtest=BounceAnalyzerFuzzTest#analyzeNeverFails}; it runs for the target's {@code maxDuration}
 * and writes the inputs that fail into that directory.
 */
class BounceAnalyzerFuzzTest {

  /**
   * A budget far above what a message of a fuzzer's size takes (microseconds to milliseconds): an
   * input that exhausts it shows time that grows faster than the input.
   */
  private static final Duration BUDGET = Duration.ofSeconds(2);

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.builder()
      .limits(Limits.builder().totalTimeBudget(BUDGET).build()).build();

  @FuzzTest(maxDuration = "5m")
  void analyzeNeverFails(byte[] message) {
    check(ANALYZER.analyze(message));
  }

  @FuzzTest(maxDuration = "5m")
  void analyzeEachNeverFails(byte[] mbox) {
    List<BounceAnalysis> each = ANALYZER.analyzeEach(mbox);
    assertThat(each).isNotEmpty();
    each.forEach(BounceAnalyzerFuzzTest::check);
  }

  @FuzzTest(maxDuration = "2m")
  void classifyNeverFails(FuzzedDataProvider data) {
    Optional<EnhancedStatusCode> status = EnhancedStatusCode.parse(data.consumeString(12)).value();
    Optional<ReplyCode> reply = ReplyCode.parse(data.consumeString(5)).value();
    Provider provider = data.pickValue(Provider.values());
    String action = data.consumeString(12);
    String text = data.consumeRemainingAsString();
    Classification c = ReasonClassifier.standard()
        .classify(new ClassificationInput(status, reply, text, action, provider));
    assertThat(c.reason()).isNotNull();
    assertThat(c.rule()).isNotBlank();
  }

  private static void check(BounceAnalysis a) {
    assertThat(a.diagnostics()).extracting(Diagnostic::code)
        .doesNotContain(BounceAnalyzer.INTERNAL_ERROR, BounceAnalyzer.TIME_BUDGET_EXCEEDED);
    for (RecipientResult r : a.recipients()) {
      r.status().ifPresent(s -> assertThat(EnhancedStatusCode.parse(s.toString()).isSuccess()).isTrue());
      r.replyCode().ifPresent(c -> assertThat(ReplyCode.parse(Integer.toString(c.value())).isSuccess()).isTrue());
      assertThat(r.evidence().excerpt().length()).isLessThanOrEqualTo(300);
      assertThat(r.recipient()).isNotNull();
    }
  }
}
