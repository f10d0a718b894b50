package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link CodeDefaults#status} remembers the meanings of common codes; they must not change. */
class CodeDefaultsMemoTest {

  @Test
  void rememberedMeaningsEqualFreshOnes() {
    for (int cls : new int[] {2, 4, 5}) {
      for (int subject = 0; subject <= 9; subject++) {
        for (int detail = 0; detail <= 70; detail++) {
          EnhancedStatusCode code = new EnhancedStatusCode(cls, subject, detail);
          Optional<CodeDefaults.StatusMeaning> first = CodeDefaults.status(code);
          assertThat(CodeDefaults.status(code)).as(code.toString()).isEqualTo(first);
        }
      }
    }
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("5.1.1"))).get()
        .extracting(CodeDefaults.StatusMeaning::specific).isEqualTo(true);
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("4.1.1"))).get()
        .extracting(CodeDefaults.StatusMeaning::specific).isEqualTo(true);
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("5.7.1"))).get()
        .extracting(CodeDefaults.StatusMeaning::specific).isEqualTo(false);
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("2.1.1"))).isEmpty();
  }
}
