package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link BounceAnalyzer#analyze(Path)} reads a file in one piece by its length: whatever the file
 * holds and however long it is against the limit, the analysis is that of its bytes.
 */
class BounceAnalyzerFilePropertiesTest {

  @Property(tries = 60)
  void aFileIsAnalysedAsItsBytes(@ForAll @Size(max = 4000) byte[] bytes, @ForAll @IntRange(min = 1, max = 5000) int limit)
      throws IOException {
    BounceAnalyzer analyzer = BounceAnalyzer.builder().limits(Limits.builder().maxInputBytes(limit).build()).build();
    assertThat(analyzeAsFile(analyzer, bytes)).isEqualTo(analyzer.analyze(bytes));
  }

  @Property(tries = 40)
  void aTextFileIsAnalysedAsItsBytes(@ForAll @StringLength(max = 3000) String body) throws IOException {
    byte[] bytes = ("From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
        + "<kijitora@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\n" + body)
        .getBytes(StandardCharsets.UTF_8);
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    assertThat(analyzeAsFile(analyzer, bytes)).isEqualTo(analyzer.analyze(bytes));
  }

  /** Writes {@code bytes} to a temporary file, analyses the file and deletes it. */
  private static BounceAnalysis analyzeAsFile(BounceAnalyzer analyzer, byte[] bytes) throws IOException {
    Path file = Files.createTempFile("bounce", ".eml");
    try {
      Files.write(file, bytes);
      return analyzer.analyze(file);
    } finally {
      Files.delete(file);
    }
  }
}
