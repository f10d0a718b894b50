package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BounceAnalyzer#analyzeFiles}: the analyses of {@link BounceAnalyzer#analyze(Path)}, in order, read a few files at a time. */
class BounceAnalyzerFilesTest {

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDefaults();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = BounceAnalyzerFilesTest.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    }
  }

  private static List<String> fixtureNames() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/bounces"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyFileGetsTheAnalysisOfAnalyzePathInOrder(@TempDir Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> names = fixtureNames();
    for (int i = 0; i < BounceAnalyzer.FILES_READ_AHEAD + 100; i++) {   // more than one read-ahead of files
      Path file = dir.resolve(String.format("%03d.eml", i));
      Files.write(file, fixture(names.get(i % names.size())));
      files.add(file);
    }
    files.add(50, dir.resolve("missing.eml"));   // cannot be opened: analysed as analyze(Path) does
    files.add(dir);                               // a directory: likewise
    List<Path> seen = new ArrayList<>();
    List<BounceAnalysis> analyses = new ArrayList<>();

    ANALYZER.analyzeFiles(files, (file, analysis) -> {
      seen.add(file);
      analyses.add(analysis);
    });

    assertThat(seen).isEqualTo(files);
    for (int i = 0; i < files.size(); i++) {
      assertThat(analyses.get(i)).as(files.get(i).toString()).isEqualTo(ANALYZER.analyze(files.get(i)));
    }
    assertThat(analyses.get(50).diagnostics()).extracting(d -> d.code()).contains(BounceAnalyzer.INPUT_UNREADABLE);
  }

  @Test
  void filesAreReadUpToTheReadAheadBeforeTheirAnalysis(@TempDir Path dir) throws IOException {
    int ahead = BounceAnalyzer.FILES_READ_AHEAD;
    byte[] bounce = fixture("postfix-dsn-two-recipients.eml");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < ahead + 8; i++) {
      files.add(Files.write(dir.resolve(i + ".eml"), bounce));
    }
    // while the first file is handed on, the first FILES_READ_AHEAD files are read already and the next is not
    List<BounceAnalysis> analyses = analyzeRewritingAtFirst(files, ahead - 1, ahead);

    assertThat(analyses.get(ahead - 1).kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(analyses.get(ahead).kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(analyses.get(ahead + 7).kind()).isEqualTo(MessageKind.BOUNCE);
  }

  @Test
  void largeFilesAreReadFewAtATime(@TempDir Path dir) throws IOException {
    // each file holds three quarters of the bytes read ahead: two are read, then analysed
    byte[] message = fixture("postfix-dsn-two-recipients.eml");
    byte[] large = Arrays.copyOf(message, (int) (BounceAnalyzer.BYTES_READ_AHEAD * 3 / 4));
    Arrays.fill(large, message.length, large.length, (byte) 'x');
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      files.add(Files.write(dir.resolve(i + ".eml"), large));
    }

    List<BounceAnalysis> analyses = analyzeRewritingAtFirst(files, 1, 2);

    assertThat(analyses.get(0)).isEqualTo(ANALYZER.analyze(large));
    assertThat(analyses.get(1)).isEqualTo(ANALYZER.analyze(large));
    assertThat(analyses.get(2).kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(analyses.get(4)).isEqualTo(ANALYZER.analyze(large));
  }

  /**
   * Analyses {@code files} with {@code analyzeFiles}; when the first analysis is handed on, files
   * {@code already} and {@code notYet} are rewritten to hold a message that is no bounce.
   */
  private static List<BounceAnalysis> analyzeRewritingAtFirst(List<Path> files, int already, int notYet) {
    List<BounceAnalysis> analyses = new ArrayList<>();
    ANALYZER.analyzeFiles(files, (file, analysis) -> {
      if (analyses.isEmpty()) {
        try {
          Files.write(files.get(already), fixture("newsletter.eml"));
          Files.write(files.get(notYet), fixture("newsletter.eml"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      analyses.add(analysis);
    });
    assertThat(analyses).hasSize(files.size());
    return analyses;
  }

  @Test
  void noFilesNoCalls() {
    ANALYZER.analyzeFiles(List.of(), (file, analysis) -> {
      throw new AssertionError("called");
    });
  }

  @Test
  void nullsAreRefusedAndTheConsumersExceptionEndsTheCall(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("a.eml"), fixture("postfix-dsn-two-recipients.eml"));
    assertThatThrownBy(() -> ANALYZER.analyzeFiles(null, (f, a) -> { })).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ANALYZER.analyzeFiles(List.of(file), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ANALYZER.analyzeFiles(Arrays.asList(file, null), (f, a) -> { }))
        .isInstanceOf(NullPointerException.class);
    List<Path> seen = new ArrayList<>();
    assertThatThrownBy(() -> ANALYZER.analyzeFiles(List.of(file, file, file), (f, a) -> {
      seen.add(f);
      throw new IllegalStateException("stop");
    })).isInstanceOf(IllegalStateException.class).hasMessage("stop");
    assertThat(seen).hasSize(1);
  }
}
