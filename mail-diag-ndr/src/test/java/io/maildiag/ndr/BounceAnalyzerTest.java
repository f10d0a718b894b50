package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildiag.core.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public front door: builder, the three inputs, failures as diagnostics, sharing across threads. */
class BounceAnalyzerTest {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = BounceAnalyzerTest.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void builderDefaultsAndValidation() {
    assertThat(BounceAnalyzer.builder().build().limits()).isEqualTo(Limits.defaults());
    Limits small = Limits.builder().maxInputBytes(1000).build();
    assertThat(BounceAnalyzer.builder().limits(small).build().limits()).isEqualTo(small);
    assertThatThrownBy(() -> BounceAnalyzer.builder().limits(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> BounceAnalyzer.builder().limits(small).limits(small))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
  }

  @Test
  void bytesStreamAndPathAgree(@TempDir Path dir) throws IOException {
    byte[] msg = fixture("postfix-dsn-two-recipients.eml");
    Path file = dir.resolve("bounce.eml");
    Files.write(file, msg);
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    BounceAnalysis a = analyzer.analyze(msg);
    assertThat(analyzer.analyze(new ByteArrayInputStream(msg))).isEqualTo(a);
    assertThat(analyzer.analyze(file)).isEqualTo(a);
    assertThat(a.isBounce()).isTrue();
    assertThat(a.recipients()).hasSize(2);
  }

  @Test
  void streamsThatMisstateTheirLengthAreReadWhole() throws IOException {
    byte[] msg = fixture("postfix-dsn-two-recipients.eml");
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    BounceAnalysis a = analyzer.analyze(msg);
    for (int announced : new int[] {0, 1, msg.length - 1, msg.length, msg.length + 1, Integer.MAX_VALUE, -1}) {
      assertThat(analyzer.analyze(announcing(msg, announced))).as("announced %d", announced).isEqualTo(a);
    }
    InputStream throwing = new ByteArrayInputStream(msg) {
      @Override
      public synchronized int available() {
        throw new IllegalStateException("no idea");
      }
    };
    assertThat(analyzer.analyze(throwing)).isEqualTo(a);

    BounceAnalyzer small = BounceAnalyzer.builder().limits(Limits.builder().maxInputBytes(1000).build()).build();
    BounceAnalysis cut = small.analyze(announcing(msg, Integer.MAX_VALUE));
    assertThat(cut).isEqualTo(small.analyze(msg));
    assertThat(cut.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_TOO_LARGE));
  }

  @Test
  void filesAreReadWholeWhateverTheirLength(@TempDir Path dir) throws IOException {
    byte[] msg = fixture("postfix-dsn-two-recipients.eml");
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();

    Path empty = Files.write(dir.resolve("empty.eml"), new byte[0]);
    assertThat(analyzer.analyze(empty)).isEqualTo(analyzer.analyze(new byte[0]));

    // longer than the limit: read as a stream, cut at the limit, as the bytes are
    BounceAnalyzer small = BounceAnalyzer.builder().limits(Limits.builder().maxInputBytes(1000).build()).build();
    Path file = Files.write(dir.resolve("bounce.eml"), msg);
    BounceAnalysis cut = small.analyze(file);
    assertThat(cut).isEqualTo(small.analyze(msg));
    assertThat(cut.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_TOO_LARGE));

    // exactly at the limit: read in one piece, nothing cut
    BounceAnalyzer exact = BounceAnalyzer.builder().limits(Limits.builder().maxInputBytes(msg.length).build()).build();
    BounceAnalysis whole = exact.analyze(file);
    assertThat(whole).isEqualTo(exact.analyze(msg));
    assertThat(whole.diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.INPUT_TOO_LARGE));
  }

  @Test
  void aFileThatDoesNotTellItsLengthIsReadAsAStream() throws IOException {
    Path proc = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(proc) && Files.size(proc) == 0, "needs a file of unknown length (Linux /proc)");
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(proc);
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.INPUT_UNREADABLE))
        .noneMatch(d -> d.code().equals(BounceAnalyzer.NOT_A_MESSAGE) && d.message().contains("empty"));
  }

  @Test
  void aDirectoryIsUnreadableInput(@TempDir Path dir) {
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(dir);
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.recipients()).isEmpty();
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_UNREADABLE));
  }

  /** A stream of {@code bytes} whose {@code available()} always says {@code announced}. */
  private static InputStream announcing(byte[] bytes, int announced) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int available() {
        return announced;
      }
    };
  }

  @Test
  void unreadableInputBecomesADiagnostic(@TempDir Path dir) {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    BounceAnalysis missing = analyzer.analyze(dir.resolve("missing.eml"));
    assertThat(missing.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(missing.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_UNREADABLE));

    InputStream failing = new InputStream() {
      private int n;

      @Override
      public int read() throws IOException {
        if (n++ < 10) {
          return 'x';
        }
        throw new IOException("disk on fire");
      }
    };
    BounceAnalysis partial = analyzer.analyze(failing);
    assertThat(partial.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_UNREADABLE));
  }

  @Test
  void emptyInputIsNotAMessage() {
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(new byte[0]);
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.recipients()).isEmpty();
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.NOT_A_MESSAGE));
  }

  @Test
  void aBouncesBodyWithoutHeadersIsReadWhole() {
    String body = "This is the mail system at host mx.example.net.\n\n"
        + "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
        + "<ann@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <ann@example.org>:\n"
        + "    Recipient address rejected: User unknown in local recipient table (in reply\n    to RCPT TO command)\n";
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(body.getBytes(StandardCharsets.US_ASCII));
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.NOT_A_MESSAGE));
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.format()).isEqualTo("postfix");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("ann@example.org");
      assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
    });
    // text without a header section that is no bounce stays no bounce
    BounceAnalysis note = BounceAnalyzer.withDefaults().analyze(
        "Hello Ann,\n\nsee you on Friday at ann@example.org.\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(note.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(note.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.NOT_A_MESSAGE));
  }

  @Test
  void aDamagedFirstHeaderLineLeavesTheOtherFieldsRead() {
    String msg = "Return-Pa\u0000h <>\nFrom: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\n\n"
        + "<ann@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n";
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(msg.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.NOT_A_MESSAGE));
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).extracting(r -> r.recipient()).containsExactly("ann@example.org");
  }

  @Test
  void nullInputIsAProgrammingError() {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    assertThatThrownBy(() -> analyzer.analyze((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> analyzer.analyze((InputStream) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> analyzer.analyze((Path) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> analyzer.analyzeEach((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> analyzer.analyzeEach((InputStream) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> analyzer.analyzeEach((Path) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void mboxWithSeveralMessagesAnalysesTheFirstAndSaysSo() throws IOException {
    byte[] first = fixture("postfix-dsn-two-recipients.eml");
    byte[] second = fixture("exim-text.eml");
    byte[] third = fixture("qmail-text.eml");
    java.io.ByteArrayOutputStream mbox = new java.io.ByteArrayOutputStream();
    for (byte[] m : new byte[][] {first, second, third}) {
      mbox.write("From MAILER-DAEMON  Thu May 16 11:20:01 2024\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      mbox.write(m);
      mbox.write("\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    BounceAnalysis a = analyzer.analyze(mbox.toByteArray());
    BounceAnalysis alone = analyzer.analyze(first);
    assertThat(a.recipients()).isEqualTo(alone.recipients());
    assertThat(a.original()).isEqualTo(alone.original());
    assertThat(a.diagnostics()).filteredOn(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("3 messages"));
    // CRLF mbox files split the same way
    String crlf = mbox.toString(java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
    BounceAnalysis b = analyzer.analyze(crlf.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(b.recipients()).extracting(RecipientResult::recipient)
        .isEqualTo(alone.recipients().stream().map(RecipientResult::recipient).toList());
    assertThat(b.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
  }

  @Test
  void analyzeEachAnalysesEveryMessageOfAnMbox(@TempDir Path dir) throws IOException {
    byte[][] messages = {fixture("postfix-dsn-two-recipients.eml"), fixture("exim-text.eml"), fixture("qmail-text.eml")};
    java.io.ByteArrayOutputStream mbox = new java.io.ByteArrayOutputStream();
    for (byte[] m : messages) {
      mbox.write("From MAILER-DAEMON  Thu May 16 11:20:01 2024\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      mbox.write(m);
      mbox.write("\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    List<BounceAnalysis> each = analyzer.analyzeEach(mbox.toByteArray());
    assertThat(each).hasSize(3);
    for (int i = 0; i < 3; i++) {
      BounceAnalysis alone = analyzer.analyze(messages[i]);
      assertThat(each.get(i).recipients()).as("message %d", i + 1).isEqualTo(alone.recipients());
      assertThat(each.get(i).kind()).isEqualTo(alone.kind());
      assertThat(each.get(i).diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
    }
    Path file = Files.write(dir.resolve("bounces.mbox"), mbox.toByteArray());
    assertThat(analyzer.analyzeEach(file)).isEqualTo(each);
    assertThat(analyzer.analyzeEach(new java.io.ByteArrayInputStream(mbox.toByteArray()))).isEqualTo(each);
    // one message: one analysis, the same as analyze
    assertThat(analyzer.analyzeEach(messages[1])).containsExactly(analyzer.analyze(messages[1]));
    assertThat(analyzer.analyzeEach(dir.resolve("missing.eml"))).singleElement()
        .satisfies(a -> assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_UNREADABLE)));
  }

  @Test
  void analyzeEachPutsWhatConcernsTheFileOnTheFirstAnalysis() throws IOException {
    String from = "From MAILER-DAEMON  Thu May 16 11:20:01 2024\n";
    byte[] two = (from + new String(fixture("exim-text.eml"), java.nio.charset.StandardCharsets.ISO_8859_1) + "\n"
        + from + new String(fixture("qmail-text.eml"), java.nio.charset.StandardCharsets.ISO_8859_1) + "\n" + from)
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    BounceAnalyzer cut = BounceAnalyzer.builder()
        .limits(Limits.builder().maxInputBytes(two.length - 40).build()).build();
    List<BounceAnalysis> each = cut.analyzeEach(two);
    assertThat(each).hasSize(2);
    assertThat(each.get(0).diagnostics()).anyMatch(d -> d.code().equals(BounceAnalyzer.INPUT_TOO_LARGE));
    assertThat(each.get(1).diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.INPUT_TOO_LARGE));
    // the last From_ line has nothing after it: no message
    assertThat(BounceAnalyzer.withDefaults().analyzeEach(two)).hasSize(2);
    assertThat(BounceAnalyzer.withDefaults().analyzeEach((from + "\n" + from).getBytes(
        java.nio.charset.StandardCharsets.US_ASCII))).as("nothing but From_ lines: the input, once").hasSize(1);
    // one time budget for the whole file: once it is spent, the rest are left out, and the first says so
    BounceAnalyzer hurried = BounceAnalyzer.builder()
        .limits(Limits.builder().totalTimeBudget(java.time.Duration.ofNanos(1)).build()).build();
    List<BounceAnalysis> late = hurried.analyzeEach(two);
    assertThat(late).hasSize(1);
    assertThat(late.get(0).diagnostics()).filteredOn(d -> d.code().equals(BounceAnalyzer.TIME_BUDGET_EXCEEDED))
        .anyMatch(d -> d.message().contains("after 1 messages of the mbox file"));
  }

  @Test
  void analyzeEachStopsAtTheMostMessagesAndSaysSo() {
    String one = "From a@example.org Thu May 16 11:20:01 2024\nSubject: x\n\nx\n\n";
    byte[] mbox = one.repeat(BounceAnalyzer.MAX_MBOX_MESSAGES + 2).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    List<BounceAnalysis> each = BounceAnalyzer.withDefaults().analyzeEach(mbox);
    assertThat(each).hasSize(BounceAnalyzer.MAX_MBOX_MESSAGES);
    assertThat(each.get(0).diagnostics()).filteredOn(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("more than " + BounceAnalyzer.MAX_MBOX_MESSAGES));
    assertThat(each.get(each.size() - 1).diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
  }

  @Test
  void singleMboxMessageAndBodyLinesStartingWithFromAreNotSplit() throws IOException {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    byte[] msg = fixture("qmail-text.eml");
    String one = "From MAILER-DAEMON  Sat May 18 02:00:01 2024\n"
        + new String(msg, java.nio.charset.StandardCharsets.ISO_8859_1);
    BounceAnalysis a = analyzer.analyze(one.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
    assertThat(a.recipients()).isEqualTo(analyzer.analyze(msg).recipients());
    // a body line that starts with "From " but is no From_ line (no date), after a blank line
    String prose = one + "\nFrom the desk of Alice: see you at the picnic\n";
    assertThat(analyzer.analyze(prose.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).diagnostics())
        .noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
    // a From_ line that does not follow a blank line is not a separator either
    String glued = one.stripTrailing() + "\nFrom alice@example.net Sat May 18 02:00:00 2024\nmore\n";
    assertThat(analyzer.analyze(glued.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).diagnostics())
        .noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
    // input that does not start with a From_ line is one message, whatever it contains
    String notMbox = new String(msg, java.nio.charset.StandardCharsets.ISO_8859_1)
        + "\nFrom alice@example.net Sat May 18 02:00:00 2024\n";
    assertThat(analyzer.analyze(notMbox.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).diagnostics())
        .noneMatch(d -> d.code().equals(BounceAnalyzer.MORE_MESSAGES));
  }

  @Test
  void everyRecipientIsClassified() throws IOException {
    BounceAnalysis a = BounceAnalyzer.withDefaults().analyze(fixture("exim-text.eml"));
    for (RecipientResult r : a.recipients()) {
      assertThat(r.classification()).isNotNull();
      assertThat(r.classification().rule()).isNotBlank();
    }
  }

  @Test
  void oneAnalyzerIsSafeToShare() throws Exception {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    String[] files = {"postfix-dsn-two-recipients.eml", "exim-text.eml", "gmail-text.eml", "arf-abuse.eml",
        "rfc6533-global.eml", "qmail-text.eml"};
    List<BounceAnalysis> expected = new ArrayList<>();
    java.io.ByteArrayOutputStream mbox = new java.io.ByteArrayOutputStream();
    for (String f : files) {
      expected.add(analyzer.analyze(fixture(f)));
      mbox.write("From MAILER-DAEMON  Thu May 16 11:20:01 2024\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      mbox.write(fixture(f));
      mbox.write('\n');
    }
    byte[] all = mbox.toByteArray();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < files.length; i++) {
          int k = i;
          byte[] msg = fixture(files[k]);
          results.add(pool.submit(() -> analyzer.analyze(msg).equals(expected.get(k))));
        }
        // every message of an mbox file, each as it is alone (recipients and kind)
        results.add(pool.submit(() -> {
          List<BounceAnalysis> each = analyzer.analyzeEach(all);
          boolean same = each.size() == files.length;
          for (int i = 0; same && i < files.length; i++) {
            same = each.get(i).recipients().equals(expected.get(i).recipients())
                && each.get(i).kind() == expected.get(i).kind();
          }
          return same;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
