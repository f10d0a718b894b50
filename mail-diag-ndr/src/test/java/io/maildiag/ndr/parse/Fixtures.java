package io.maildiag.ndr.parse;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the synthetic bounce fixtures under {@code src/test/resources/bounces}. */
final class Fixtures {
  private Fixtures() {}

  static final BounceAnalyzer ANALYZER = BounceAnalyzer.builder().build();

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/bounces/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BounceAnalysis analyze(String name) {
    return ANALYZER.analyze(bytes(name));
  }

  /** The analysis of a message written out in a test, encoded as UTF-8. */
  static BounceAnalysis analyzeText(String message) {
    return ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
  }
}
