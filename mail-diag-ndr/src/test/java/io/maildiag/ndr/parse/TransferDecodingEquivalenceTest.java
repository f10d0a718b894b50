package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link TransferDecoding} against the straightforward decoders it replaced, whole arrays and ranges. */
class TransferDecodingEquivalenceTest {

  @Property(tries = 3000)
  void sameAsTheReference(@ForAll("encoded") byte[] in, @ForAll @IntRange(min = 0, max = 5) int cut) {
    assertThat(TransferDecoding.quotedPrintable(in)).isEqualTo(refQuotedPrintable(in));
    assertThat(TransferDecoding.base64(in)).isEqualTo(refBase64(in));
    int from = Math.min(cut, in.length);
    int to = Math.max(from, in.length - cut);
    byte[] range = java.util.Arrays.copyOfRange(in, from, to);
    assertThat(TransferDecoding.decode(in, from, to, " Quoted-Printable")).isEqualTo(refQuotedPrintable(range));
    assertThat(TransferDecoding.decode(in, from, to, "BASE64 ")).isEqualTo(refBase64(range));
    assertThat(TransferDecoding.decode(in, from, to, "8bit")).isEqualTo(range);
    assertThat(TransferDecoding.decode(in, from, to, null)).isEqualTo(range);
    for (String cte : new String[] {" Quoted-Printable", "BASE64 ", "8bit", null}) {
      TransferDecoding.Decoded d = TransferDecoding.decodeSized(in, from, to, cte);
      assertThat(java.util.Arrays.copyOf(d.bytes, d.length)).isEqualTo(TransferDecoding.decode(in, from, to, cte));
      // a part's text read from the decoder's array in place, before and after its body is cut to size
      MimePart p = new MimePart("1", 1, Headers.EMPTY, ContentType.TEXT_PLAIN, in, from, to, cte, false);
      MimePart q = new MimePart("1", 1, Headers.EMPTY, ContentType.TEXT_PLAIN, in, from, to, cte, false);
      byte[] body = q.body();
      assertThat(p.text(new Diags(50))).isEqualTo(Charsets.decode(body, null, new Diags(50)));
      assertThat(p.body()).isEqualTo(body);
      assertThat(q.text(new Diags(50))).isEqualTo(p.text(new Diags(50)));
    }
  }

  @Property(tries = 3000)
  void encodingNamesCompareAsTheirRootLowerCase(@ForAll("names") String name) {
    for (String known : new String[] {"base64", "quoted-printable", "7bit", "8bit", "binary"}) {
      assertThat(TransferDecoding.named(name, known)).isEqualTo(name.toLowerCase(java.util.Locale.ROOT).equals(known));
    }
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> piece = Arbitraries.of("base64", "BASE64", "Base", "64", "quoted", "-", "Printable", "PRİNTABLE",
        "\u0130", "\u0131", "\u212a", "\u017f", "7", "8", "BIT", "bİt", "binary", "BİNARY", "b", "i", "I", "nary");
    return piece.list().ofMaxSize(4).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<byte[]> encoded() {
    Arbitrary<String> piece = Arbitraries.of("=", "=3D", "=3d", "=ZZ", "=\n", "= \t\r\n", "=\r", "= ", "\r\n",
        "\n", "aGVsbG8=", "QUJD", "-_+/", "==", "\u00e9", "\u00ff", "x", " ", "=4", "=A\u00e9",
        "plain text run", "0123456789abcdefghij", "<p style=3D\"x\">");
    return piece.list().ofMaxSize(30).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
  }

  // ---- the decoders TransferDecoding replaced

  /** Base64 ignoring every non-alphabet byte and stopping at padding. */
  static byte[] refBase64(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
    int acc = 0;
    int bits = 0;
    for (byte b : in) {
      int v = value(b);
      if (v < 0) {
        continue;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((acc >> bits) & 0xFF);
      }
    }
    return out.toByteArray();
  }

  private static int value(byte b) {
    if (b >= 'A' && b <= 'Z') {
      return b - 'A';
    }
    if (b >= 'a' && b <= 'z') {
      return b - 'a' + 26;
    }
    if (b >= '0' && b <= '9') {
      return b - '0' + 52;
    }
    if (b == '+' || b == '-') {
      return 62;
    }
    if (b == '/' || b == '_') {
      return 63;
    }
    return -1;
  }

  /** Quoted-printable: soft breaks ({@code =} at end of line) are removed, bad escapes kept as written. */
  static byte[] refQuotedPrintable(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    int n = in.length;
    for (int i = 0; i < n; i++) {
      byte b = in[i];
      if (b != '=') {
        out.write(b);
        continue;
      }
      // soft line break: '=' followed by optional spaces/tabs then LF (or CRLF)
      int j = i + 1;
      while (j < n && (in[j] == ' ' || in[j] == '\t')) {
        j++;
      }
      if (j < n && in[j] == '\r') {
        j++;
      }
      if (j < n && in[j] == '\n') {
        i = j;
        continue;
      }
      if (j >= n) {
        break; // a soft line break at the very end
      }
      if (i + 2 < n) {
        int hi = Character.digit(in[i + 1], 16);
        int lo = Character.digit(in[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(b);
    }
    return out.toByteArray();
  }
}
