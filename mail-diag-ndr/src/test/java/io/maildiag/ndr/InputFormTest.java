package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Assume;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Inputs that are not a message's bytes as mail carries them: gzip-compressed messages are
 * decompressed and read, other kinds of file are named and not read as text.
 */
class InputFormTest {

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDefaults();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = InputFormTest.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<Object> codes(BounceAnalysis a) {
    return a.diagnostics().stream().map(d -> (Object) d.code()).toList();
  }

  /** Asserts that {@code packed} was read as {@code plain} is, after the diagnostics {@code first}. */
  private static void readAs(BounceAnalysis packed, BounceAnalysis plain, Object... first) {
    assertThat(packed.kind()).isEqualTo(plain.kind());
    assertThat(packed.format()).isEqualTo(plain.format());
    assertThat(packed.recipients()).isEqualTo(plain.recipients());
    assertThat(packed.original()).isEqualTo(plain.original());
    assertThat(codes(packed).subList(0, first.length)).containsExactly(first);
    assertThat(packed.diagnostics().subList(first.length, packed.diagnostics().size())).isEqualTo(plain.diagnostics());
  }

  @Test
  void aGzipCompressedBounceIsDecompressedAndRead() throws IOException {
    byte[] plain = fixture("postfix-dsn-two-recipients.eml");
    BounceAnalysis packed = ANALYZER.analyze(gzip(plain));

    readAs(packed, ANALYZER.analyze(plain), BounceAnalyzer.COMPRESSED_INPUT);
    assertThat(packed.recipients()).hasSize(2);
    assertThat(packed.diagnostics().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(ANALYZER.analyzeEach(gzip(plain))).containsExactly(packed);
  }

  @Test
  void compressedUtf16TextIsReadToo() throws IOException {
    byte[] plain = fixture("postfix-dsn-two-recipients.eml");
    byte[] utf16 = new String(plain, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16); // big-endian, marked

    readAs(ANALYZER.analyze(gzip(utf16)), ANALYZER.analyze(plain), BounceAnalyzer.COMPRESSED_INPUT,
        BounceAnalyzer.BYTE_ORDER_MARK);
  }

  @Test
  void decompressionStopsAtTheInputLimit() {
    // a gzip bomb: 64 MB of zeros in about 64 KB
    byte[] bomb = gzip(new byte[64 << 20]);
    assertThat(bomb.length).isLessThan(100_000);
    BounceAnalyzer small = BounceAnalyzer.builder().limits(Limits.builder().maxInputBytes(1 << 20).build()).build();

    BounceAnalysis a = small.analyze(bomb);

    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(codes(a)).startsWith(BounceAnalyzer.COMPRESSED_INPUT, BounceAnalyzer.INPUT_TOO_LARGE);
    assertThat(a.diagnostics().get(1).message()).contains("larger than 1048576 bytes");
  }

  @Test
  void brokenGzipDataGivesWhatWasDecompressed() throws IOException {
    byte[] plain = fixture("postfix-dsn-two-recipients.eml");
    byte[] packed = gzip(plain);
    byte[] cut = Arrays.copyOf(packed, packed.length - 20); // the end of the data and its checksum lost

    BounceAnalysis a = ANALYZER.analyze(cut);

    assertThat(codes(a)).startsWith(BounceAnalyzer.COMPRESSED_INPUT, BounceAnalyzer.INPUT_UNREADABLE);
    assertThat(a.diagnostics().get(1).message()).contains("the gzip data is broken");
    // a gzip header alone, and a header with garbage after it
    for (byte[] input : List.of(new byte[] {0x1F, (byte) 0x8B}, new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3})) {
      assertThat(codes(ANALYZER.analyze(input))).contains(BounceAnalyzer.COMPRESSED_INPUT, BounceAnalyzer.INPUT_UNREADABLE);
    }
  }

  @Test
  void otherKindsOfFileAreNamedNotReadAsText() {
    String[][] cases = {
        {"\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1", "Outlook item (.msg)"},
        {"PK\u0003\u0004", "zip archive"},
        {"BZh9", "bzip2"},
        {"\u00fd7zXZ\u0000", "xz"},
        {"\u0028\u00b5\u002f\u00fd", "zstd"}};
    for (String[] c : cases) {
      byte[] input = (c[0] + "From: MAILER-DAEMON@example.org\r\n\r\n550 5.1.1 <a@example.org> user unknown\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
      BounceAnalysis a = ANALYZER.analyze(input);
      assertThat(a.kind()).as(c[1]).isEqualTo(MessageKind.NOT_A_BOUNCE);
      assertThat(a.recipients()).isEmpty();
      assertThat(a.diagnostics()).hasSize(1);
      Diagnostic d = a.diagnostics().get(0);
      assertThat(d.code()).isEqualTo(BounceAnalyzer.NOT_A_MESSAGE);
      assertThat(d.message()).startsWith("the input is not a mail message but ").contains(c[1]);
      assertThat(ANALYZER.analyzeEach(input)).containsExactly(a);
    }
    // a header field that happens to start like one of them is a header field
    byte[] field = "BZh: x\r\nFrom: MAILER-DAEMON@example.org\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(codes(ANALYZER.analyze(field))).doesNotContain(BounceAnalyzer.NOT_A_MESSAGE);
  }

  @Property(tries = 80)
  void emptyLinesBeforeTheHeaderSectionAreLeftOut(@ForAll @IntRange(min = 0, max = 5) int fixture,
      @ForAll @StringLength(min = 1, max = 6) @Chars({'\n', '\r', ' ', '\t'}) String lead) throws IOException {
    Assume.that(lead.indexOf('\n') >= 0 || lead.indexOf('\r') >= 0);
    String[] names = {"postfix-dsn-two-recipients.eml", "exim-text.eml", "qmail-text.eml", "sendmail-dsn.eml",
        "gmail-text.eml", "microsoft365-text.eml"};
    byte[] plain = fixture(names[fixture]);
    // the lead ends with a line break: white space after the last one would join the first field
    String withBreak = lead.endsWith("\n") || lead.endsWith("\r") ? lead : lead + "\n";
    byte[] head = withBreak.getBytes(StandardCharsets.US_ASCII);
    byte[] led = new byte[head.length + plain.length];
    System.arraycopy(head, 0, led, 0, head.length);
    System.arraycopy(plain, 0, led, head.length, plain.length);

    readAs(ANALYZER.analyze(led), ANALYZER.analyze(plain), BounceAnalyzer.LEADING_EMPTY_LINES);
  }

  @Test
  void textAfterEmptyLinesKeepsThem() {
    // no header field after the empty lines: the input is text, read as before, lines and all
    byte[] text = "\n\nThis is the mail system at host mx.example.org.\n\n<a@example.org>: user unknown\n"
        .getBytes(StandardCharsets.US_ASCII);
    BounceAnalysis a = ANALYZER.analyze(text);
    assertThat(codes(a)).doesNotContain(BounceAnalyzer.LEADING_EMPTY_LINES).contains(BounceAnalyzer.NOT_A_MESSAGE);
    // an mbox From_ line after them starts the message
    byte[] mbox = "\nFrom MAILER-DAEMON Thu Jan  1 00:00:00 2026\nFrom: MAILER-DAEMON@example.org\n\nhello\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(codes(ANALYZER.analyze(mbox))).startsWith(BounceAnalyzer.LEADING_EMPTY_LINES)
        .doesNotContain(BounceAnalyzer.NOT_A_MESSAGE);
  }

  @Property(tries = 60)
  void anyTextReadsAlikeCompressedOrNot(@ForAll @StringLength(max = 3000) String body) {
    byte[] plain = ("From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
        + "<kijitora@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\n" + body)
        .getBytes(StandardCharsets.UTF_8);

    readAs(ANALYZER.analyze(gzip(plain)), ANALYZER.analyze(plain), BounceAnalyzer.COMPRESSED_INPUT);
  }
}
