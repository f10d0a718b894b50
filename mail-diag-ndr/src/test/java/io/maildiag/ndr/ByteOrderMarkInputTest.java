package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * A message saved with a byte order mark is read as the same text in UTF-8 without it, with a
 * warning for UTF-16 text and an info for a UTF-8 mark: its recipients, reasons and original
 * message are those of the message's own bytes.
 */
class ByteOrderMarkInputTest {

  private static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDefaults();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ByteOrderMarkInputTest.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    }
  }

  /** {@code text} in {@code charset}, after the byte order mark {@code mark}. */
  private static byte[] marked(String text, Charset charset, int... mark) {
    byte[] body = text.getBytes(charset);
    byte[] out = new byte[mark.length + body.length];
    for (int i = 0; i < mark.length; i++) {
      out[i] = (byte) mark[i];
    }
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  /** Asserts that {@code utf16} was read as {@code utf8} is, with the UTF-16 warning first. */
  private static void readAsTheSameText(BounceAnalysis utf16, BounceAnalysis utf8) {
    assertThat(utf16.kind()).isEqualTo(utf8.kind());
    assertThat(utf16.format()).isEqualTo(utf8.format());
    assertThat(utf16.reportingMta()).isEqualTo(utf8.reportingMta());
    assertThat(utf16.recipients()).isEqualTo(utf8.recipients());
    assertThat(utf16.original()).isEqualTo(utf8.original());
    assertThat(utf16.diagnostics()).isNotEmpty();
    Diagnostic first = utf16.diagnostics().get(0);
    assertThat(first.code()).isEqualTo(BounceAnalyzer.BYTE_ORDER_MARK);
    assertThat(first.severity()).isEqualTo(Severity.WARNING);
    assertThat(utf16.diagnostics().subList(1, utf16.diagnostics().size())).isEqualTo(utf8.diagnostics());
  }

  @Test
  void aBounceSavedAsUtf16IsReadAsItsText() throws IOException {
    String text = new String(fixture("postfix-dsn-two-recipients.eml"), StandardCharsets.UTF_8);
    BounceAnalysis utf8 = ANALYZER.analyze(text.getBytes(StandardCharsets.UTF_8));
    assertThat(utf8.recipients()).hasSize(2);

    BounceAnalysis little = ANALYZER.analyze(marked(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE));
    BounceAnalysis big = ANALYZER.analyze(marked(text, StandardCharsets.UTF_16BE, 0xFE, 0xFF));

    readAsTheSameText(little, utf8);
    readAsTheSameText(big, utf8);
    assertThat(little.diagnostics().get(0).message()).contains("UTF-16LE text");
    assertThat(big.diagnostics().get(0).message()).contains("UTF-16BE text");
    assertThat(ANALYZER.analyzeEach(marked(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE))).containsExactly(little);
  }

  @Test
  void aUtf8MarkIsLeftOutAndItsFirstFieldKept() throws IOException {
    byte[] plain = fixture("postfix-dsn-two-recipients.eml");
    BounceAnalysis utf8 = ANALYZER.analyze(plain);

    BounceAnalysis a = ANALYZER.analyze(marked(new String(plain, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
        0xEF, 0xBB, 0xBF));

    assertThat(a.recipients()).isEqualTo(utf8.recipients());
    assertThat(a.original()).isEqualTo(utf8.original());
    assertThat(a.diagnostics().get(0).code()).isEqualTo(BounceAnalyzer.BYTE_ORDER_MARK);
    assertThat(a.diagnostics().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(a.diagnostics().subList(1, a.diagnostics().size())).isEqualTo(utf8.diagnostics());
  }

  @Test
  void withoutTheMarkNothingChanges() throws IOException {
    // UTF-16 bytes without a mark are not guessed at: they are no message, and are read as such
    String text = new String(fixture("postfix-dsn-two-recipients.eml"), StandardCharsets.UTF_8);
    BounceAnalysis unmarked = ANALYZER.analyze(text.getBytes(StandardCharsets.UTF_16LE));
    assertThat(unmarked.diagnostics()).extracting(Diagnostic::code).doesNotContain(BounceAnalyzer.BYTE_ORDER_MARK);
    // nor is a mark that is not at the start
    byte[] later = marked("x", StandardCharsets.UTF_8, 0xFF, 0xFE);
    byte[] shifted = new byte[later.length + 1];
    shifted[0] = ' ';
    System.arraycopy(later, 0, shifted, 1, later.length);
    assertThat(ANALYZER.analyze(shifted).diagnostics()).extracting(Diagnostic::code)
        .doesNotContain(BounceAnalyzer.BYTE_ORDER_MARK);
  }

  @Test
  void anOddLastByteAndAMarkAloneAreStillRead() {
    for (byte[] input : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xFE, (byte) 0xFF, 'A'},
        new byte[] {(byte) 0xFF, (byte) 0xFE, 'F', 0, 'r'})) {
      BounceAnalysis a = ANALYZER.analyze(input);
      assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
      assertThat(a.diagnostics()).extracting(Diagnostic::code).startsWith(BounceAnalyzer.BYTE_ORDER_MARK);
    }
  }

  @Property(tries = 60)
  void anyTextReadsAlikeInUtf16AndUtf8(@ForAll @StringLength(max = 1500) @CharRange(from = '\u0000', to = '\ud7ff')
      String body) {
    String text = "From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
        + "<kijitora@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\n" + body;
    BounceAnalysis utf8 = ANALYZER.analyze(text.getBytes(StandardCharsets.UTF_8));
    List<BounceAnalysis> each = new ArrayList<>(ANALYZER.analyzeEach(marked(text, StandardCharsets.UTF_16BE, 0xFE, 0xFF)));

    readAsTheSameText(ANALYZER.analyze(marked(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE)), utf8);
    assertThat(each).hasSize(ANALYZER.analyzeEach(text.getBytes(StandardCharsets.UTF_8)).size());
    readAsTheSameText(each.get(0), ANALYZER.analyzeEach(text.getBytes(StandardCharsets.UTF_8)).get(0));
  }
}
