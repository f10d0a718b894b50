package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MessageFile}: how the CLI reads a message file. */
class MessageFileTest {

  @Test
  void aFileIsReadWhole(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("m.eml"), "Subject: hi\r\n\r\nbody\r\n");

    MessageFile read = MessageFile.read(file, 1000);

    assertThat(read.error()).isNull();
    assertThat(new String(read.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
  }

  @Test
  void anEmptyFileIsNoBytesNotAnError(@TempDir Path dir) throws IOException {
    MessageFile read = MessageFile.read(Files.createFile(dir.resolve("empty.eml")), 1000);

    assertThat(read.error()).isNull();
    assertThat(read.bytes()).isEmpty();
  }

  @Test
  void aLongerFileIsReadUpToTheLimit(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("long.eml"), "0123456789");

    assertThat(MessageFile.read(file, 4).bytes()).containsExactly('0', '1', '2', '3');
    assertThat(MessageFile.read(file, 10).bytes()).hasSize(10);
  }

  @Test
  void aFileThatDoesNotTellItsLengthIsReadAsAStream() {
    // /proc files report a length of 0 and hold more
    Path status = Path.of("/proc/self/status");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(status), "no /proc");

    MessageFile read = MessageFile.read(status, 1 << 20);

    assertThat(read.error()).isNull();
    assertThat(new String(read.bytes(), StandardCharsets.UTF_8)).contains("Name:");
  }

  @Test
  void whyAFileCannotBeReadWithoutItsName(@TempDir Path dir) {
    assertThat(MessageFile.read(dir.resolve("missing.eml"), 10)).isEqualTo(MessageFile.failed("no such file"));
    MessageFile directory = MessageFile.read(dir, 10);
    assertThat(directory.bytes()).isNull();
    assertThat(directory.error()).startsWith("read error: ").doesNotContain(dir.toString());
  }

  @Property(tries = 50)
  void readsExactlyTheFileOrTheLimit(@ForAll @Size(max = 3000) byte[] content, @ForAll @IntRange(min = 1, max = 4000) int limit)
      throws IOException {
    Path dir = Files.createTempDirectory("message-file");
    try {
      Path file = Files.write(dir.resolve("m.eml"), content);

      MessageFile read = MessageFile.read(file, limit);

      assertThat(read.bytes()).containsExactly(java.util.Arrays.copyOf(content, Math.min(content.length, limit)));
    } finally {
      Files.deleteIfExists(dir.resolve("m.eml"));
      Files.delete(dir);
    }
  }
}
