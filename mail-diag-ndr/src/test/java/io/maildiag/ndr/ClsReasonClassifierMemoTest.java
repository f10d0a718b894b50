package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classifier's memo of the last input never changes a verdict. */
class ClsReasonClassifierMemoTest {
  private static final ReasonClassifier C = ReasonClassifier.standard();

  private static ClassificationInput input(String status, int reply, String text, String action, Provider p) {
    return new ClassificationInput(EnhancedStatusCode.parse(status).value(), Optional.of(ReplyCode.of(reply)),
        text, action, p);
  }

  @Test
  void equalInputsGiveTheVerdictOfAFreshClassification() {
    List<ClassificationInput> inputs = List.of(
        input("5.1.1", 550, "550 5.1.1 User unknown", "failed", Provider.OTHER),
        input("5.1.1", 550, new String("550 5.1.1 User unknown"), "failed", Provider.OTHER),
        input("5.1.1", 550, "550 5.1.1 User unknown", "delayed", Provider.OTHER),
        input("5.2.2", 552, "550 5.1.1 User unknown", "failed", Provider.OTHER),
        input("5.7.1", 550, "550 5.7.1 Message rejected as spam", "failed", Provider.GOOGLE),
        input("5.7.1", 550, "550 5.7.1 Message rejected as spam", "failed", Provider.OTHER),
        input("5.7.1", 550, "550 5.7.1 Message rejected as spam", "failed", Provider.OTHER));
    // each verdict as classifying the input after an unrelated one gives it
    for (ClassificationInput in : inputs) {
      Classification memo = C.classify(in);
      C.classify(input("4.4.1", 421, "connection timed out", "delayed", Provider.OTHER));
      assertThat(memo).as(in.toString()).isEqualTo(C.classify(in));
    }
    for (int i = 0; i < inputs.size(); i++) {
      for (int j = 0; j < inputs.size(); j++) {
        C.classify(inputs.get(i));
        Classification after = C.classify(inputs.get(j));
        C.classify(input("4.4.1", 421, "connection timed out", "delayed", Provider.OTHER));
        assertThat(after).isEqualTo(C.classify(inputs.get(j)));
      }
    }
  }
}
