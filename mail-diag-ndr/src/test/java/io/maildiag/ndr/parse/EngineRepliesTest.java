package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written reply checks of {@link Engine} agree with the patterns they stand for. */
class EngineRepliesTest {
  private static final String[] PIECES = {"550", "550-", "250-", "4", "5", "2", "3", "0", "-", " ", "\t", "\n", "\r",
      "\u000b", "\f", "\u00a0", "\u0660", "\u0665", "x", "5.1.1", "\u2028", "12", "999", "1234"};

  @Test
  void multilineRepliesAndExitCodesAsByThePatterns() {
    Random random = new Random(53);
    for (int i = 0; i < 50_000; i++) {
      String s = EngineGatesTest.noise(random, PIECES, random.nextInt(6));
      assertThat(Engine.multilineReply(s)).as(s).isEqualTo(Engine.Spec.MULTILINE_REPLY.matcher(s).matches());
      assertThat(Engine.exitCode(s)).as(s).isEqualTo(Engine.Spec.EXIT_CODE.matcher(s).matches());
    }
  }
}
