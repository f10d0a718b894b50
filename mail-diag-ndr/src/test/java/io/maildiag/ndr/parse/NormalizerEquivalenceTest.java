package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The line-at-a-time {@link Normalizer} against the byte-at-a-time reference it replaced: same
 * output and same diagnostics for inputs full of line breaks, long lines and large headers.
 */
class NormalizerEquivalenceTest {

  @Property(tries = 3000)
  void sameAsTheReference(@ForAll("mail") byte[] in, @ForAll @IntRange(min = 1, max = 40) int maxLine,
      @ForAll @IntRange(min = 1, max = 80) int maxHeader, @ForAll @IntRange(min = 0, max = 8) int cut) {
    int length = Math.max(0, in.length - cut);
    Diags a = new Diags(10);
    Diags b = new Diags(10);
    assertThat(Normalizer.normalize(in, length, maxLine, maxHeader, a))
        .isEqualTo(reference(in, length, maxLine, maxHeader, b));
    assertThat(messages(a)).isEqualTo(messages(b));
    sameWithText(in, length, maxLine, maxHeader);
  }

  /** {@link Normalizer#normalizeMessage}: the same bytes and diagnostics, no CR, and the text of those bytes when given. */
  private static void sameWithText(byte[] in, int length, int maxLine, int maxHeader) {
    Diags a = new Diags(10);
    Diags b = new Diags(10);
    Normalizer.Normalized n = Normalizer.normalizeMessage(in, length, maxLine, maxHeader, a);
    assertThat(n.bytes()).isEqualTo(reference(in, length, maxLine, maxHeader, b));
    assertThat(messages(a)).isEqualTo(messages(b));
    for (byte x : n.bytes()) {
      assertThat(x).isNotEqualTo((byte) '\r');
    }
    if (n.latin1() != null) {
      assertThat(n.latin1()).isEqualTo(new String(n.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  /** Limits no shorter than the input: the path that only rewrites line breaks, next to the full one. */
  @Property(tries = 3000)
  void sameAsTheReferenceWithRoomyLimits(@ForAll("mail") byte[] in, @ForAll @IntRange(min = 0, max = 8) int slack,
      @ForAll @IntRange(min = 0, max = 8) int cut, @ForAll boolean lineLimitTight) {
    int length = Math.max(0, in.length - cut);
    int roomy = Math.max(1, length + slack - 4);
    int maxLine = lineLimitTight ? Math.max(1, length / 3) : roomy;
    Diags a = new Diags(10);
    Diags b = new Diags(10);
    assertThat(Normalizer.normalize(in, length, maxLine, roomy, a))
        .isEqualTo(reference(in, length, maxLine, roomy, b));
    assertThat(messages(a)).isEqualTo(messages(b));
    sameWithText(in, length, maxLine, roomy);
  }

  /**
   * Longer lines and limits: a body copied eight bytes at a time, with CRs at every offset within a
   * word, and lines a little shorter or longer than the limit (the look for a long line reads the body
   * in steps of the limit).
   */
  @Property(tries = 2000)
  void sameAsTheReferenceForLongerLines(@ForAll("longMail") byte[] in, @ForAll @IntRange(min = 1, max = 300) int maxLine,
      @ForAll @IntRange(min = 1, max = 400) int maxHeader) {
    Diags a = new Diags(10);
    Diags b = new Diags(10);
    assertThat(Normalizer.normalize(in, in.length, maxLine, maxHeader, a))
        .isEqualTo(reference(in, in.length, maxLine, maxHeader, b));
    assertThat(messages(a)).isEqualTo(messages(b));
    sameWithText(in, in.length, maxLine, maxHeader);
  }

  @Provide
  Arbitrary<byte[]> longMail() {
    Arbitrary<String> run = Arbitraries.strings().withChars("ab\u00e9 :").ofMinLength(0).ofMaxLength(120);
    Arbitrary<String> piece = Arbitraries.oneOf(run, Arbitraries.of("\r", "\n", "\r\n", "\r\r\n", "\n\n", "\r\n\r\n",
        "\r\r", "A: b\r\n", "x".repeat(299), "y".repeat(301)));
    return piece.list().ofMaxSize(30).map(l -> String.join("", l).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Provide
  Arbitrary<byte[]> mail() {
    Arbitrary<String> piece = Arbitraries.of("\r", "\n", "\r\n", "\r\r\n", "\n\n", "From x\n", "A: b",
        " c", "xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\u00e9", "-", "");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private static List<String> messages(Diags d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.toList()) {
      out.add(x.code().value() + " " + x.message());
    }
    return out;
  }

  /** The byte-at-a-time implementation this class's Normalizer replaced. */
    private static byte[] reference(byte[] in, int length, int maxLineLength, int maxHeaderBytes, Diags diags) {
      byte[] out = new byte[length]; // the output is never longer than the input
      int o = 0;
      int lineLen = 0;
      boolean inHeader = true;
      boolean lineEmpty = true;
      boolean lineCut = false;
      boolean headerCut = false;
      int headerBytes = 0;
      long cutLines = 0;
      int i = 0;
      if (length > 5 && in[0] == 'F' && in[1] == 'r' && in[2] == 'o' && in[3] == 'm' && in[4] == ' ') {
        // an mbox "From " separator line is not a header field
        while (i < length && in[i] != '\n' && in[i] != '\r') {
          i++;
        }
        while (i < length && (in[i] == '\n' || in[i] == '\r')) {
          i++;
        }
      }
      while (i < length) {
        byte b = in[i];
        if (b == '\r' || b == '\n') {
          // a run of CRs followed by LF is one line break; bare CRs are each a break
          int j = i;
          while (j < length && in[j] == '\r') {
            j++;
          }
          int breaks;
          if (j < length && in[j] == '\n') {
            breaks = 1;
            j++;
          } else {
            breaks = j - i;
            if (breaks == 0) { // a lone LF
              breaks = 1;
              j = i + 1;
            }
          }
          for (int k = 0; k < breaks; k++) {
            if (inHeader && lineEmpty) {
              inHeader = false; // the blank line that ends the header section
              headerCut = false;
            }
            if (!(inHeader && headerCut)) {
              out[o++] = '\n';
            }
            lineLen = 0;
            lineEmpty = true;
            lineCut = false;
          }
          i = j;
          continue;
        }
        if (inHeader) {
          headerBytes++;
          if (headerBytes > maxHeaderBytes && !headerCut && lineEmpty) {
            headerCut = true;
            diags.once(Diagnostic.warning(Codes.HEADER_TOO_LARGE,
                "the header section is larger than " + maxHeaderBytes + " bytes; the rest of it was ignored"));
          }
        }
        lineEmpty = false;
        if (inHeader && headerCut) {
          i++;
          continue;
        }
        if (lineLen >= maxLineLength) {
          if (!lineCut) {
            lineCut = true;
            cutLines++;
          }
          i++;
          continue;
        }
        out[o++] = b;
        lineLen++;
        i++;
      }
      if (cutLines > 0) {
        diags.once(Diagnostic.warning(Codes.LINE_TOO_LONG,
            cutLines + " line(s) longer than " + maxLineLength + " characters were cut"));
      }
      return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

}
