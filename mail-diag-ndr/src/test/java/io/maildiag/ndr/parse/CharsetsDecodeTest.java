package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Charsets#decode} with its one-pass path for UTF-8, US-ASCII, ISO-8859-1 and undeclared
 * text against the plain decision it shortcuts: same text and same diagnostics.
 */
class CharsetsDecodeTest {

  @Property(tries = 5000)
  void sameAsThePlainDecision(@ForAll("bytes") byte[] b, @ForAll("charsets") String declared) {
    Diags fast = new Diags(10);
    Diags plain = new Diags(10);
    assertThat(Charsets.decode(b, declared, fast)).isEqualTo(reference(b, declared, plain));
    assertThat(messages(fast)).isEqualTo(messages(plain));
  }

  @Property(tries = 3000)
  void aRangeReadsAsItsCopy(@ForAll("bytes") byte[] b, @ForAll("charsets") String declared,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4) int cut) {
    int from = Math.min(cut, b.length);
    int to = Math.max(from, b.length - cut);
    byte[] padded = new byte[b.length + 2];
    padded[0] = (byte) 0xC3; // bytes outside the range must not change the text
    System.arraycopy(b, 0, padded, 1, b.length);
    padded[padded.length - 1] = (byte) 0xA9;
    Diags inPlace = new Diags(10);
    Diags copied = new Diags(10);
    assertThat(Charsets.decode(padded, from + 1, to - from, declared, inPlace))
        .isEqualTo(Charsets.decode(java.util.Arrays.copyOfRange(b, from, to), declared, copied));
    assertThat(messages(inPlace)).isEqualTo(messages(copied));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> piece = Arbitraries.of(
        "abc ", "\u001b$B", "\u001b(B", "\u00e9", "\u00c3\u00a9", "\u00ef\u00bf\u00bd", "\u00e2\u0082", "\u00ff",
        "\u0080", "+AGE-", "\n", "\u0000", "\u00f0\u009f\u0098\u0080", "\u00ed\u00a0\u0080", "$B$3")
        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    return piece.list().ofMaxSize(12).map(l -> {
      int n = 0;
      for (byte[] p : l) {
        n += p.length;
      }
      byte[] out = new byte[n];
      int o = 0;
      for (byte[] p : l) {
        System.arraycopy(p, 0, out, o, p.length);
        o += p.length;
      }
      return out;
    });
  }

  @Provide
  Arbitrary<String> charsets() {
    return Arbitraries.of("utf-8", "UTF-8", " utf8 ", "us-ascii", "ascii", "iso-8859-1", "ISO-8859-1", "latin1",
        "iso-2022-jp", "windows-1252", "utf-16", "unicode-1-1-utf-7", "utf-7", "x-unknown", "", "  ", "\"utf-8\"",
        "uft-8", "shift_jis", "utf-32", "iso-8859-15", "euc-kr", "gb2312", "cp037", "UTF-16LE", "ucs-2", "koi8-r")
        .injectNull(0.15);
  }

  /** The decision before the one-pass path, kept as the reference. */
  private static String reference(byte[] bytes, String declared, Diags diags) {
    if (bytes.length == 0) {
      return "";
    }
    if (Charsets.isAscii(bytes)) {
      String name = declared == null ? "" : declared.trim().toLowerCase(Locale.ROOT);
      if (!name.contains("utf-7") && !name.contains("utf-16") && !name.contains("utf-32")
          && !name.startsWith("unicode")) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    }
    Charset cs = Charsets.lookup(declared);
    if (cs == null || cs.equals(StandardCharsets.US_ASCII)) {
      String utf8 = Charsets.strict(bytes, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return utf8;
      }
      if (cs == null && declared != null && !declared.isBlank()) {
        diags.once(Diagnostic.info(Codes.CHARSET_FALLBACK, "unknown charset"));
      }
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    String s = Charsets.strict(bytes, cs);
    if (s != null) {
      return s;
    }
    if (!cs.equals(StandardCharsets.UTF_8)) {
      String utf8 = Charsets.strict(bytes, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return utf8;
      }
    }
    diags.once(Diagnostic.info(Codes.CHARSET_FALLBACK, "text is not valid " + cs.name()));
    return new String(bytes, cs);
  }

  private static List<String> messages(Diags d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.toList()) {
      out.add(x.code().value() + " " + x.message().substring(0, Math.min(12, x.message().length())));
    }
    return out;
  }
}
