package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.RecipientResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rewritings that leave a message's meaning alone leave its analysis alone: every fixture, with
 * its header field names in lower case, its subject as an encoded word or behind a gateway's tag,
 * every blank line written as a space, a relay's trace field on top, (a single text part) its body in base64 or
 * quoted-printable, or the whole saved as an editor saves it or compressed, names the same recipients
 * with the same action, codes, reason and permanence, and is the same kind of message in the same
 * format.
 */
class RewrittenFixturesTest {

  /** What a rewriting must not change. */
  private record Essentials(MessageKind kind, String format, List<List<Object>> recipients) {}

  private static Essentials essentials(BounceAnalysis a) {
    List<List<Object>> rs = new ArrayList<>();
    for (RecipientResult r : a.recipients()) {
      rs.add(List.of(r.recipient(), r.action(), r.status().map(Object::toString).orElse("-"),
          r.replyCode().map(Object::toString).orElse("-"), r.reason(), r.permanent()));
    }
    return new Essentials(a.kind(), a.format(), rs);
  }

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(Fixtures.class.getResource("/bounces").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList().stream();
    }
  }

  /** The fixture as text, one char per byte, so that rewriting its ASCII keeps every other byte. */
  private static String latin1(String name) {
    return new String(Fixtures.bytes(name), StandardCharsets.ISO_8859_1);
  }

  private static Essentials analyzed(String latin1) {
    return essentials(Fixtures.ANALYZER.analyze(latin1.getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** Where the header section ends: the index of the empty line's LF. */
  private static int headerEnd(String m) {
    int end = m.indexOf("\n\n");
    assertThat(end).as("a header section").isPositive();
    return end + 1;
  }

  /** Where the header section's Subject field starts; the test is skipped when there is none. */
  private static int subjectAt(String m) {
    int at = m.startsWith("Subject:") ? 0 : m.indexOf("\nSubject:") + 1;
    assumeTrue(at == 0 && m.startsWith("Subject:") || at > 0 && at < headerEnd(m), "the fixture has a subject");
    return at;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fieldNamesInLowerCase(String name) {
    String m = latin1(name);
    int end = headerEnd(m);
    StringBuilder sb = new StringBuilder();
    for (String line : m.substring(0, end).split("\n", -1)) {
      int colon = line.indexOf(':');
      boolean field = colon > 0 && line.chars().limit(colon).allMatch(c -> c > ' ' && c < 127);
      sb.append(field ? line.substring(0, colon).toLowerCase(Locale.ROOT) + line.substring(colon) : line).append('\n');
    }
    String rewritten = sb.substring(0, sb.length() - 1) + m.substring(end);
    assertThat(analyzed(rewritten)).isEqualTo(analyzed(m));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void subjectAsAnEncodedWord(String name) {
    String m = latin1(name);
    int at = subjectAt(m);
    int valueEnd = at;
    do {
      valueEnd = m.indexOf('\n', valueEnd + 1);
    } while (m.charAt(valueEnd + 1) == ' ' || m.charAt(valueEnd + 1) == '\t');
    String value = m.substring(at + "Subject:".length(), valueEnd).replaceAll("\n[ \t]+", " ").strip();
    assumeTrue(!value.contains("=?"), "the subject is not encoded already");
    String word = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.ISO_8859_1)) + "?=";
    String rewritten = m.substring(0, at) + "Subject: " + word + m.substring(valueEnd);
    assertThat(analyzed(rewritten)).isEqualTo(analyzed(m));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aGatewaysTagBeforeTheSubject(String name) {
    String m = latin1(name);
    int at = subjectAt(m);
    for (String tag : new String[] {"[EXTERNAL] ", "***SPAM*** "}) {
      String rewritten = m.substring(0, at) + "Subject: " + tag + m.substring(at + "Subject:".length()).stripLeading();
      assertThat(analyzed(rewritten)).as(tag).isEqualTo(analyzed(m));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyBlankLineWrittenAsASpace(String name) {
    String m = latin1(name).replace("\r\n", "\n");
    assumeTrue(!m.contains("\n \n") && !m.contains("\n\t\n"), "no line of white space to begin with");
    String rewritten = m.replace("\n\n", "\n \n").replace("\n\n", "\n \n");
    assertThat(analyzed(rewritten)).isEqualTo(analyzed(m));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aRelaysTraceFieldOnTop(String name) {
    String m = latin1(name);
    String rewritten = "Received: from mx.example.net (mx.example.net [192.0.2.9])\n\tby in.example.com with ESMTPS id"
        + " 4Xyz; Mon, 20 May 2024 10:00:00 +0000\n" + m;
    assertThat(analyzed(rewritten)).isEqualTo(analyzed(m));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aSingleTextPartInBase64OrQuotedPrintable(String name) throws Exception {
    String m = latin1(name);
    int end = headerEnd(m);
    String header = m.substring(0, end);
    String lower = header.toLowerCase(Locale.ROOT);
    int type = lower.indexOf("\ncontent-type:");
    assumeTrue(type < 0 || lower.startsWith("text/plain", type + "\ncontent-type:".length() + 1)
        || lower.startsWith("text/plain", type + "\ncontent-type:".length()), "a single text part");
    int encoding = lower.indexOf("\ncontent-transfer-encoding:");
    if (encoding >= 0) {
      int lineEnd = header.indexOf('\n', encoding + 1);
      String value = lower.substring(encoding + "\ncontent-transfer-encoding:".length(), lineEnd).strip();
      assumeTrue(value.equals("7bit") || value.equals("8bit"), "a body not encoded yet");
      header = header.substring(0, encoding) + header.substring(lineEnd);
    }
    byte[] body = m.substring(end + 1).getBytes(StandardCharsets.ISO_8859_1);
    Essentials before = analyzed(m);
    String base64 = new String(Base64.getMimeEncoder(76, new byte[] {'\n'}).encode(body), StandardCharsets.US_ASCII);
    String withBase64 = header + "Content-Transfer-Encoding: base64\n\n" + base64 + "\n";
    assertThat(analyzed(withBase64)).as("base64").isEqualTo(before);
    ByteArrayOutputStream qp = new ByteArrayOutputStream();
    try (OutputStream out = jakarta.mail.internet.MimeUtility.encode(qp, "quoted-printable")) {
      out.write(body);
    } catch (jakarta.mail.MessagingException e) {
      throw new UncheckedIOException(new IOException(e));
    }
    String withQp = header + "Content-Transfer-Encoding: quoted-printable\n\n"
        + qp.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
    assertThat(analyzed(withQp)).as("quoted-printable").isEqualTo(before);
  }

  /** {@code head} and then {@code body}. */
  private static byte[] join(byte[] head, byte[] body) {
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void savedByAnEditorOrCompressed(String name) throws IOException {
    byte[] m = Fixtures.bytes(name);
    Essentials before = essentials(Fixtures.ANALYZER.analyze(m));
    // empty lines first, as a message pasted into a file often has them
    assertThat(essentials(Fixtures.ANALYZER.analyze(join(new byte[] {'\r', '\n', ' ', '\n'}, m))))
        .as("empty lines first").isEqualTo(before);
    // Notepad's UTF-8 byte order mark
    assertThat(essentials(Fixtures.ANALYZER.analyze(join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, m))))
        .as("a UTF-8 mark").isEqualTo(before);
    // gzip, as a mailbox its server compresses or an archived .eml.gz
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(m);
    }
    assertThat(essentials(Fixtures.ANALYZER.analyze(gz.toByteArray()))).as("gzip").isEqualTo(before);
    // "save as Unicode text": UTF-16 of the message's text, which only UTF-8 (or ASCII) text survives
    String text = new String(m, StandardCharsets.UTF_8);
    if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), m)) {
      byte[] utf16 = join(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      assertThat(essentials(Fixtures.ANALYZER.analyze(utf16))).as("UTF-16").isEqualTo(before);
    }
  }
}
