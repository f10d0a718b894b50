package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text before a multipart's first boundary line, read when no part holds text. */
class PreambleTest {

  private static String preamble(String message, String boundary) {
    return Engine.Message.preamble(message.getBytes(StandardCharsets.UTF_8), boundary, new Diags(10));
  }

  @Test
  void theTextFromTheHeaderSectionsEndToTheFirstBoundaryLine() {
    String m = "Subject: x\nContent-Type: multipart/report; boundary=\"B\"\n\nThe notice.\n\n--B\nbody\n--B--\n";
    assertThat(preamble(m, "B")).isEqualTo("The notice.\n\n");
  }

  @Test
  void aLineThatOnlyStartsWithTheBoundaryIsNotOne() {
    String m = "Subject: x\n\nBefore.\n--Boundless\nStill before.\n--B  \nbody\n";
    assertThat(preamble(m, "B")).isEqualTo("Before.\n--Boundless\nStill before.\n");
  }

  @Test
  void nothingWithoutABoundaryOrAHeaderSectionsEndOrABoundaryLine() {
    assertThat(preamble("Subject: x\n\ntext\n--B\n", null)).isEmpty();
    assertThat(preamble("Subject: x\n\ntext\n--B\n", "")).isEmpty();
    assertThat(preamble("Subject: x\ntext\n--B\n", "B")).isEmpty();
    assertThat(preamble("Subject: x\n\ntext, no boundary line\n", "B")).isEmpty();
  }

  @Test
  void aBoundaryLineIsLookedForInThe64KbAfterTheHeaderSectionOnly() {
    String head = "Subject: x\n\n";
    String line = "a".repeat(1023) + "\n";
    String exactly = line.repeat(Engine.Message.MAX_PREAMBLE / 1024);
    assertThat(preamble(head + exactly + "--B\n", "B")).hasSize(Engine.Message.MAX_PREAMBLE);
    assertThat(preamble(head + exactly.substring(1) + "--B\n", "B")).hasSize(Engine.Message.MAX_PREAMBLE - 1);
    assertThat(preamble(head + exactly + "a\n--B\n", "B")).isEmpty(); // one line more: not read at all
  }

  @Test
  void aMessageWithoutHeadersStartsItsBodyAtItsFirstLine() {
    assertThat(preamble("\nThe notice.\n--B\n", "B")).isEqualTo("The notice.\n");
  }
}
