package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.examples.render.Json;
import io.maildiag.ndr.BounceAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail-diag ndr --batch DIR}, in-process, and {@link NdrBatch} directly. */
class NdrBatchTest {

  private static final List<String> FIXTURES = List.of(
      "autoreply.eml", "delayed.eml", "dsn-user-unknown.eml", "plain.eml", "text-google-dmarc.eml");

  private static void copy(String fixture, Path to) throws IOException {
    Files.copy(Path.of(NdrCommandTest.fixture(fixture)), to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void everyRegularFileInNameOrderWithItsName(@TempDir Path dir) throws IOException {
    // Created in an order that is neither the name order nor reversed.
    copy("plain.eml", dir.resolve("c-plain.eml"));
    copy("dsn-user-unknown.eml", dir.resolve("a-dsn.eml"));
    copy("text-google-dmarc.eml", dir.resolve("d-dmarc"));
    copy("autoreply.eml", dir.resolve("B-auto.txt"));
    copy("delayed.eml", dir.resolve(".hidden.eml"));
    Path sub = Files.createDirectory(dir.resolve("b-subdirectory"));
    copy("dsn-user-unknown.eml", sub.resolve("nested.eml"));

    CliRunner.Result r = CliRunner.run("ndr", "--batch", dir.toString());

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> out = NdrCommandTest.lines(r.out());
    assertThat(out).extracting(n -> n.path("file").asText())
        .as("sorted by name, character by character; not recursive; hidden files included")
        .containsExactly(".hidden.eml", "B-auto.txt", "a-dsn.eml", "c-plain.eml", "d-dmarc");
    assertThat(out).extracting(n -> n.path("kind").asText())
        .containsExactly("delay", "auto-reply", "bounce", "not-a-bounce", "bounce");
    for (JsonNode n : out) {
      assertThat(NdrCommandTest.fields(n)).isEqualTo(new TreeSet<>(NdrCommandTest.ANALYSIS_FIELDS));
    }
    assertThat(out.get(2).path("recipients").get(0).path("reason").asText()).isEqualTo("user-unknown");
    assertThat(out.get(4).path("recipients").get(0).path("status").asText()).isEqualTo("5.7.26");
  }

  @Test
  void anMboxFileGivesTheRecipientsOfEveryMessage(@TempDir Path dir) throws IOException {
    String from = "From MAILER-DAEMON  Thu May 16 11:20:01 2024\n";
    String mbox = from + Files.readString(Path.of(NdrCommandTest.fixture("dsn-user-unknown.eml"))) + "\n"
        + from + Files.readString(Path.of(NdrCommandTest.fixture("delayed.eml"))) + "\n";
    Path file = Files.writeString(dir.resolve("bounces.mbox"), mbox);
    copy("plain.eml", dir.resolve("plain.eml"));

    CliRunner.Result r = CliRunner.run("ndr", "--batch", dir.toString());

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<JsonNode> out = NdrCommandTest.lines(r.out());
    assertThat(out).hasSize(2);
    JsonNode both = out.get(0);
    assertThat(both.path("file").asText()).isEqualTo("bounces.mbox");
    assertThat(both.path("kind").asText()).as("the first message's").isEqualTo("bounce");
    assertThat(both.path("recipients")).extracting(n -> n.path("reason").asText() + "/" + n.path("message").asInt())
        .containsExactly("user-unknown/1", "expired/2");
    assertThat(both.path("messages")).extracting(n -> n.path("message").asInt() + ":" + n.path("kind").asText())
        .containsExactly("1:bounce", "2:delay");
    assertThat(NdrCommandTest.fields(both.path("messages").get(1))).as("recipients are listed once, at the top")
        .isEqualTo(new TreeSet<>(java.util.Set.of("message", "kind", "format", "reportingMta", "original", "feedbackType",
            "diagnostics")));
    assertThat(both.path("diagnostics").toString()).doesNotContain("more-messages");
    assertThat(NdrCommandTest.fields(out.get(1))).as("a file of one message is unchanged")
        .isEqualTo(new TreeSet<>(NdrCommandTest.ANALYSIS_FIELDS));

    // a file's kind is a bounce if any of its messages is one
    String reversed = from + Files.readString(Path.of(NdrCommandTest.fixture("plain.eml"))) + "\n"
        + from + Files.readString(Path.of(NdrCommandTest.fixture("dsn-user-unknown.eml"))) + "\n"
        + from + "\n";
    Path mixed = Files.writeString(dir.resolve("mixed.mbox"), reversed);
    JsonNode m = CliRunner.run("ndr", mixed.toString(), "--json").json();
    assertThat(m.path("kind").asText()).isEqualTo("bounce");
    assertThat(m.path("messages")).as("the last From_ line has nothing after it: no message")
        .extracting(n -> n.path("kind").asText()).containsExactly("not-a-bounce", "bounce");
    assertThat(m.path("recipients")).extracting(n -> n.path("message").asInt()).containsExactly(2);

    CliRunner.Result json = CliRunner.run("ndr", file.toString(), "--json");
    assertThat(json.json().path("recipients")).isEqualTo(both.path("recipients"));
    CliRunner.Result text = CliRunner.run("ndr", file.toString());
    assertThat(text.out()).contains("messages     2 (an mbox file)", "message 1 of 2", "message 2 of 2");
  }

  @Test
  void eachObjectIsTheSingleFileObjectWithTheName(@TempDir Path dir) throws IOException {
    for (String f : FIXTURES) {
      copy(f, dir.resolve(f));
    }

    List<JsonNode> batch = NdrCommandTest.lines(CliRunner.run("ndr", "--batch", dir.toString(), "--json").out());

    assertThat(batch).hasSize(FIXTURES.size());
    for (int i = 0; i < FIXTURES.size(); i++) {
      ObjectNode single = (ObjectNode) CliRunner.run("ndr", dir.resolve(FIXTURES.get(i)).toString(), "--json").json();
      single.put("file", FIXTURES.get(i));
      assertThat(batch.get(i)).isEqualTo(single);
    }
  }

  @Test
  void manyFilesStayInOrderUnderConcurrency(@TempDir Path dir) throws Exception {
    int n = 400;
    for (int i = 0; i < n; i++) {
      copy(FIXTURES.get(i % FIXTURES.size()), dir.resolve(String.format("m%04d.eml", i)));
    }
    StringWriter buffer = new StringWriter();

    new NdrBatch(BounceAnalyzer.withDefaults(), 4).run(NdrBatch.list(dir.toString()), new PrintWriter(buffer));

    List<JsonNode> out = NdrCommandTest.lines(buffer.toString());
    assertThat(out).hasSize(n);
    List<String> kinds = List.of("auto-reply", "delay", "bounce", "not-a-bounce", "bounce");
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i).path("file").asText()).isEqualTo(String.format("m%04d.eml", i));
      assertThat(out.get(i).path("kind").asText()).isEqualTo(kinds.get(i % kinds.size()));
    }
  }

  @Test
  void anUnreadableFileIsAnErrorObjectAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
    copy("dsn-user-unknown.eml", dir.resolve("a.eml"));
    copy("plain.eml", dir.resolve("c.eml"));
    List<Path> files = new ArrayList<>(NdrBatch.list(dir.toString()));
    files.add(1, dir.resolve("b-vanished.eml"));   // listed, then removed before it was read
    StringWriter buffer = new StringWriter();

    new NdrBatch(BounceAnalyzer.withDefaults(), 2).run(files, new PrintWriter(buffer));

    List<JsonNode> out = NdrCommandTest.lines(buffer.toString());
    assertThat(out).extracting(n -> n.path("file").asText()).containsExactly("a.eml", "b-vanished.eml", "c.eml");
    assertThat(NdrCommandTest.fields(out.get(1))).containsExactly("error", "file");
    assertThat(out.get(1).path("error").asText()).isEqualTo("no such file");
    assertThat(out.get(0).has("error")).isFalse();
    assertThat(out.get(2).path("kind").asText()).isEqualTo("not-a-bounce");
  }

  @Test
  void filesReadAheadInRunsGiveTheLinesOfFilesAnalysedOneByOne(@TempDir Path dir) throws Exception {
    List<String> expected = new ArrayList<>();
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    for (int i = 0; i < 100; i++) {
      String fixture = FIXTURES.get(i % FIXTURES.size());
      Path file = dir.resolve(String.format("m%03d.eml", i));
      copy(fixture, file);
      if (i == 37) {
        Files.delete(file);   // listed, then gone: an error line among the run's lines
        expected.add(Json.line(io.maildiag.examples.render.NdrJson.error(file.getFileName().toString(), "no such file")));
      } else {
        expected.add(Json.line(io.maildiag.examples.render.NdrJson.analysis(file.getFileName().toString(),
            analyzer.analyzeEach(Files.readAllBytes(file)))));
      }
    }
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      files.add(dir.resolve(String.format("m%03d.eml", i)));
    }
    StringWriter buffer = new StringWriter();

    new NdrBatch(analyzer, 1).run(files, new PrintWriter(buffer));

    assertThat(buffer.toString().split(System.lineSeparator())).containsExactlyElementsOf(expected);
    assertThat(NdrBatch.runLength(files.size(), 1)).isGreaterThan(1);
  }

  @Test
  void aFileOfTheInputLimitIsWholeAndOneByteMoreIsTooLarge(@TempDir Path dir) throws Exception {
    byte[] message = Files.readAllBytes(Path.of(NdrCommandTest.fixture("dsn-user-unknown.eml")));
    BounceAnalyzer analyzer = BounceAnalyzer.builder()
        .limits(io.maildiag.core.Limits.builder().maxInputBytes(message.length).build()).build();
    Path exact = Files.write(dir.resolve("exact.eml"), message);
    byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
    longer[message.length] = '\n';
    Path over = Files.write(dir.resolve("over.eml"), longer);

    assertThat(NdrBatch.analyze(analyzer, exact.toString()).get(0).diagnostics())
        .extracting(d -> d.code()).doesNotContain(BounceAnalyzer.INPUT_TOO_LARGE);
    assertThat(NdrBatch.analyze(analyzer, over.toString()).get(0).diagnostics())
        .extracting(d -> d.code()).contains(BounceAnalyzer.INPUT_TOO_LARGE);
    assertThat(NdrBatch.analyze(analyzer, over.toString())).isEqualTo(analyzer.analyzeEach(over));
  }

  @Test
  void filesThatGrewSinceTheListingAreStillReadAndAnalysedInOrder(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Path file = dir.resolve("m" + i + ".eml");
      copy("dsn-user-unknown.eml", file);
      files.add(file);
    }
    List<NdrBatch.Run> runs = NdrBatch.runs(files, 6);   // one run, listed small
    assertThat(runs).hasSize(1);
    byte[] grown = new byte[600_000];   // two of them pass a MiB: the run is read in parts
    java.util.Arrays.fill(grown, (byte) 'x');
    for (Path file : files) {
      Files.write(file, grown, java.nio.file.StandardOpenOption.APPEND);
    }
    StringWriter buffer = new StringWriter();

    new NdrBatch(BounceAnalyzer.withDefaults(), 1).run(files, new PrintWriter(buffer));

    List<JsonNode> out = NdrCommandTest.lines(buffer.toString());
    assertThat(out).extracting(n -> n.path("file").asText())
        .containsExactly("m0.eml", "m1.eml", "m2.eml", "m3.eml", "m4.eml", "m5.eml");
    assertThat(out).allSatisfy(n -> assertThat(n.has("error")).isFalse());
  }

  @Test
  void aLinkToAFileOfProcIsAnErrorNotARead(@TempDir Path dir) throws Exception {
    Path status = Path.of("/proc/self/status");   // a stand-in for /proc/kmsg, whose read blocks
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(status), "no /proc");
    copy("dsn-user-unknown.eml", dir.resolve("a.eml"));
    Files.createSymbolicLink(dir.resolve("b.eml"), status);
    Files.createFile(dir.resolve("c.eml"));   // empty, but no file of the kernel's: read
    StringWriter buffer = new StringWriter();

    new NdrBatch(BounceAnalyzer.withDefaults(), 2).run(NdrBatch.list(dir.toString()), new PrintWriter(buffer));

    List<JsonNode> out = NdrCommandTest.lines(buffer.toString());
    assertThat(out).extracting(n -> n.path("file").asText()).containsExactly("a.eml", "b.eml", "c.eml");
    assertThat(out.get(1).path("error").asText()).isEqualTo(NdrBatch.KERNEL_FILE);
    assertThat(out.get(2).has("error")).isFalse();
    assertThat(out.get(2).path("kind").asText()).isEqualTo("not-a-bounce");
  }

  @Test
  void aReadErrorIsReportedNotAnalysed() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };

    assertThatThrownBy(() -> NdrBatch.analyze(BounceAnalyzer.withDefaults(), failing, "standard input"))
        .isInstanceOf(InputException.class)
        .hasMessage("standard input: read error: disk on fire");
  }

  @Test
  void anEmptyDirectoryPrintsNothing(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("ndr", "--batch", dir.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMissingDirectoryOrAFileExitsOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("file.eml"), "Subject: x\n\nx\n");

    CliRunner.Result missing = CliRunner.run("ndr", "--batch", dir.resolve("nope").toString());
    CliRunner.Result notADirectory = CliRunner.run("ndr", "--batch", file.toString());

    missing.assertOneLineError();
    assertThat(missing.err()).isEqualTo("mail-diag: error: " + dir.resolve("nope") + ": no such directory"
        + System.lineSeparator());
    notADirectory.assertOneLineError();
    assertThat(notADirectory.err()).startsWith("mail-diag: error: " + file + ": not a directory");
  }

  @Test
  void aRunWeighsOneUnitPerStartedMebibyte(@TempDir Path dir) throws IOException {
    Path small = Files.write(dir.resolve("small.eml"), new byte[100]);
    Path large = Files.write(dir.resolve("large.mbox"), new byte[(int) (2.5 * NdrBatch.WEIGHT_UNIT)]);
    assertThat(NdrBatch.runs(List.of(small, small), 2)).singleElement().extracting(NdrBatch.Run::weight).isEqualTo(1);
    assertThat(NdrBatch.weight(Files.size(small) + Files.size(large))).isEqualTo(3);
    assertThat(NdrBatch.runs(List.of(dir.resolve("missing.eml")), 1)).singleElement()
        .extracting(NdrBatch.Run::weight).isEqualTo(1);
  }

  @Test
  void theWindowBoundsTheFilesInFlight() {
    assertThat(new NdrBatch(BounceAnalyzer.withDefaults(), 3).window()).isEqualTo(3 * 4 * NdrBatch.MAX_RUN);
    assertThat(NdrBatch.runLength(0, 2)).isEqualTo(1);
    assertThat(NdrBatch.runLength(10, 2)).isEqualTo(1);
    assertThat(NdrBatch.runLength(100, 2)).isEqualTo(12);
    assertThat(NdrBatch.runLength(100_000, 2)).isEqualTo(NdrBatch.MAX_RUN);
    assertThat(NdrBatch.defaultThreads()).isBetween(2, 16);
    assertThatThrownBy(() -> new NdrBatch(BounceAnalyzer.withDefaults(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLargeFileIsARunOfItsOwn(@TempDir Path dir) throws IOException {
    Path a = Files.write(dir.resolve("a.eml"), new byte[100]);
    Path b = Files.write(dir.resolve("b.eml"), new byte[100]);
    Path big = Files.write(dir.resolve("c.mbox"), new byte[(int) NdrBatch.WEIGHT_UNIT]);
    Path d = Files.write(dir.resolve("d.eml"), new byte[100]);
    Path e = Files.write(dir.resolve("e.eml"), new byte[100]);
    Path f = Files.write(dir.resolve("f.eml"), new byte[100]);

    assertThat(NdrBatch.runs(List.of(a, b, big, d, e, f), 2)).extracting(NdrBatch.Run::files)
        .containsExactly(List.of(a, b), List.of(big), List.of(d, e), List.of(f));
    assertThat(NdrBatch.runs(List.of(), 4)).isEmpty();
  }

  @Test
  void aFileTooLargeForTheHeapIsReportedOnItsOwnLineAndTheBatchGoesOn() throws InputException {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    new OrderedBatch<String>("test", 2, 4).run(OrderedBatch.Source.of(List.of("a", "huge", "b")), item -> {
      if (item.equals("huge")) {
        throw new OutOfMemoryError("Java heap space");
      }
      return item;
    }, (item, e) -> item + ": " + ErrorHandlers.message(e), out);
    out.flush();

    assertThat(text.toString().split(System.lineSeparator())).containsExactly("a",
        "huge: not enough memory for this input (the JVM's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB; give it more with java -Xmx...)", "b");
  }

  @Test
  void aListedFileReplacedByAFifoIsAnErrorNotAHang(@TempDir Path dir) throws Exception {
    copy("dsn-user-unknown.eml", dir.resolve("a.eml"));
    Path fifo = dir.resolve("b.eml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "no mkfifo");
    List<Path> files = List.of(dir.resolve("a.eml"), fifo);   // as listed before b.eml became a FIFO
    StringWriter buffer = new StringWriter();

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> new NdrBatch(BounceAnalyzer.withDefaults(), 2).run(files, new PrintWriter(buffer)));

    List<JsonNode> out = NdrCommandTest.lines(buffer.toString());
    assertThat(out).extracting(n -> n.path("file").asText()).containsExactly("a.eml", "b.eml");
    assertThat(out.get(1).path("error").asText()).isEqualTo(NdrBatch.NOT_REGULAR);
  }
}
