package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The splitter notes a section's Content-Type and Content-Transfer-Encoding fields while reading it:
 * the first of each name in any case, as Headers.get finds them.
 */
class MimeSplitterTypeFieldTest {

  private static MimePart split(String message) {
    byte[] b = message.getBytes(StandardCharsets.ISO_8859_1);
    Deadline deadline = new Deadline(Duration.ofHours(1));
    MimePart split = new MimeSplitter(10, 1000, deadline).split(b, new Diags(100));
    MimePart jakarta = new MimeReader(10, 1000, new Diags(100), deadline).readWithJakarta(b);
    assertThat(split.type.mimeType()).isEqualTo(jakarta.type.mimeType());
    assertThat(split.children).hasSameSizeAs(jakarta.children);
    for (int i = 0; i < split.children.size(); i++) {
      assertThat(split.children.get(i).type.mimeType()).isEqualTo(jakarta.children.get(i).type.mimeType());
    }
    return split;
  }

  @Test
  void theFirstFieldOfEitherCaseIsTheType() {
    MimePart p = split("Subject: x\ncontent-TYPE: multipart/mixed; boundary=b\nContent-Type: text/html\n"
        + "CONTENT-TRANSFER-ENCODING: 7bit\nContent-Transfer-Encoding: base64\n\n--b\n\nhello\n--b--\n");
    assertThat(p.type.mimeType()).isEqualTo("multipart/mixed");
    assertThat(p.children).hasSize(1);
  }

  @Test
  void aLaterSectionDoesNotInheritTheType() {
    MimePart p = split("Content-Type: multipart/mixed; boundary=b\n\n--b\nX-A: 1\n\nhello\n--b\n"
        + "Content-Type: text/html\n\n<p>x</p>\n--b--\n");
    assertThat(p.children).hasSize(2);
    assertThat(p.children.get(0).type.mimeType()).isEqualTo("text/plain");
    assertThat(p.children.get(1).type.mimeType()).isEqualTo("text/html");
  }
}
