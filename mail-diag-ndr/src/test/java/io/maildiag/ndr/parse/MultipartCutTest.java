package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link MultipartCut} against Jakarta Mail itself: the parts it counts are the parts Jakarta
 * reads, and Jakarta reads the same first parts from the cut content.
 */
class MultipartCutTest {

  @Property(tries = 4000)
  void countsThePartsJakartaReads(@ForAll("contents") String content, @ForAll("boundaries") String boundary)
      throws Exception {
    byte[] b = content.getBytes(StandardCharsets.ISO_8859_1);
    List<String> parts = parts(b, b.length, boundary);
    if (parts != null) {
      assertThat(MultipartCut.countParts(b, b.length, boundary)).isEqualTo(parts.size());
    }
  }

  @Property(tries = 4000)
  void jakartaReadsTheSameFirstPartsFromTheCut(@ForAll("contents") String content,
      @ForAll("boundaries") String boundary, @ForAll @IntRange(min = 1, max = 6) int keep) throws Exception {
    byte[] b = content.getBytes(StandardCharsets.ISO_8859_1);
    List<String> whole = parts(b, b.length, boundary);
    int cut = MultipartCut.cut(b, b.length, boundary, keep);
    if (cut == MultipartCut.NONE) {
      if (whole != null) {
        assertThat(whole.size()).isLessThanOrEqualTo(keep);
      }
      return;
    }
    List<String> kept = parts(b, cut, boundary);
    if (whole == null) {
      // a part Jakarta fails on: if it is among the kept ones, Jakarta fails on the cut content too
      assertThat(kept == null || kept.size() == keep).isTrue();
      return;
    }
    assertThat(whole.size()).isGreaterThan(keep);
    assertThat(kept).hasSize(keep);
    assertThat(kept.subList(0, keep - 1)).isEqualTo(whole.subList(0, keep - 1));
  }

  @Test
  void examples() throws Exception {
    String many = "preamble\n" + "--b\n\npart\n".repeat(10) + "--b--\nepilogue\n";
    byte[] b = many.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MultipartCut.countParts(b, b.length, "b")).isEqualTo(10);
    int cut = MultipartCut.cut(b, b.length, "b", 3);
    assertThat(many.substring(cut)).startsWith("--b\n\npart\n--b\n\npart\n");
    assertThat(many.substring(0, cut)).isEqualTo("preamble\n" + "--b\n\npart\n".repeat(3));
    assertThat(MultipartCut.cut(b, b.length, "b", 10)).isEqualTo(MultipartCut.NONE);
    // without a boundary parameter, the first boundary-like line is the boundary
    byte[] nop = "-----\n--x \n\n1\n--x\r\n\r\n2\r--x\r\r\n3\n--x--".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MultipartCut.countParts(nop, nop.length, null)).isEqualTo(3);
    assertThat(MultipartCut.countParts(nop, nop.length, "")).isEqualTo(3);
    // a boundary line in a header section does not start a part
    byte[] inHeader = "--b\n--b\n\n--b\n\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MultipartCut.countParts(inHeader, inHeader.length, "b")).isEqualTo(parts(inHeader, inHeader.length, "b").size());
    // boundaries this search does not follow
    assertThat(MultipartCut.countParts(b, b.length, "\u0100")).isEqualTo(-1);
    assertThat(MultipartCut.cut(b, b.length, "a\nb", 1)).isEqualTo(MultipartCut.NONE);
  }

  @Provide
  Arbitrary<String> contents() {
    Arbitrary<String> piece = Arbitraries.of("--b", "--b--", "--bb", "--x", "-----", "\n", "\r", "\r\n", "\r\r\n",
        " ", "\t", "-", "a", "H: v", "");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> boundaries() {
    return Arbitraries.of("b", "", "x", "bb");
  }

  /**
   * The parts Jakarta Mail reads from {@code b[0, length)}, each as its header lines and raw content;
   * none when it finds no first boundary line (it then fails: "Missing start boundary"); null when
   * it fails on a part (a header section that starts with a folded line).
   */
  private static @Nullable List<String> parts(byte[] b, int length, String boundary) throws Exception {
    String ct = boundary.isEmpty() ? "multipart/mixed" : "multipart/mixed; boundary=\"" + boundary + "\"";
    MimeMultipart mm = new MimeMultipart(new Source(b, length, ct));
    int count;
    try {
      count = mm.getCount();
    } catch (MessagingException e) {
      assertThat(e.getMessage()).contains("Missing start boundary");
      return List.of();
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BodyPart p = mm.getBodyPart(i);
      String raw;
      try (InputStream in = ((MimeBodyPart) p).getRawInputStream()) {
        raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      out.add(Collections.list(((MimeBodyPart) p).getAllHeaderLines()) + "|" + raw);
    }
    return out;
  }

  private record Source(byte[] bytes, int length, String contentType) implements DataSource {
    @Override
    public InputStream getInputStream() {
      return new SharedByteArrayInputStream(bytes, 0, length);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getName() {
      return "content";
    }
  }
}
