package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Normalizer.takeText hands the text of a CR-free result to the next reader once, and nothing else. */
class NormalizerTakeTextTest {

  private static byte[] normalize(byte[] in) {
    return Normalizer.normalize(in, in.length, 1000, 100_000, new Diags(10));
  }

  @Test
  void theTextOfAnUnchangedMessageIsTakenOnce() {
    byte[] in = "Subject: x\n\nbody \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = normalize(in);
    assertThat(Normalizer.takeText(new byte[0])).isNull(); // another array: nothing, and the memo is gone
    assertThat(Normalizer.takeText(out)).isNull();
    out = normalize(in);
    assertThat(Normalizer.takeText(out)).isEqualTo(new String(out, StandardCharsets.ISO_8859_1));
    assertThat(Normalizer.takeText(out)).isNull();
  }

  @Test
  void aMessageWithCrsLeavesNoText() {
    byte[] lf = normalize("Subject: x\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1));
    byte[] out = normalize("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Normalizer.takeText(out)).isNull();
    assertThat(Normalizer.takeText(lf)).isNull();
  }

  @Test
  void anMboxLineIsNotInTheText() {
    byte[] out = normalize("From a@b Mon\nSubject: x\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Normalizer.takeText(out)).isEqualTo("Subject: x\n\nbody\n");
  }
}
