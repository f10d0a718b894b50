package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Charsets#strict}, which reads the decoder's results instead of catching its exception,
 * against {@link java.nio.charset.CharsetDecoder#decode(ByteBuffer)} with errors reported: the same
 * text where that decodes, null where it throws.
 */
class CharsetsStrictTest {

  @Property(tries = 4000)
  void sameAsTheJdksStrictDecode(@ForAll("bytes") byte[] b, @ForAll("charsets") String name) {
    Charset cs = Charset.forName(name);
    assertThat(Charsets.strict(b, cs)).isEqualTo(jdk(b, cs));
  }

  @Property(tries = 1000)
  void aRangeDecodesAsItsCopy(@ForAll("bytes") byte[] b, @ForAll("charsets") String name) {
    Charset cs = Charset.forName(name);
    byte[] padded = new byte[b.length + 4];
    padded[0] = padded[1] = padded[padded.length - 2] = padded[padded.length - 1] = (byte) 0x8E;
    System.arraycopy(b, 0, padded, 2, b.length);
    assertThat(Charsets.strict(padded, 2, b.length, cs)).isEqualTo(jdk(b, cs));
  }

  @Test
  void invalidBytesGiveNull() {
    assertThat(Charsets.strict(new byte[] {'a', (byte) 0x81, 'b'}, Charset.forName("windows-1252"))).isNull();
    assertThat(Charsets.strict(new byte[] {(byte) 0xA4}, Charset.forName("EUC-JP"))).isNull(); // a lead byte alone
    assertThat(Charsets.strict(new byte[] {(byte) 0x82, (byte) 0xA0}, Charset.forName("Shift_JIS"))).isEqualTo("\u3042");
    assertThat(Charsets.strict(new byte[0], Charset.forName("GB18030"))).isEmpty();
  }

  @Test
  void longTextGrowsTheBuffer() {
    // UTF-16 reads two bytes per char on average, so a text of surrogate pairs makes the decoder ask
    // for more room than its first guess more than once
    String text = "\uD83D\uDE00".repeat(5000) + "end";
    Charset cs = StandardCharsets.UTF_16BE;
    assertThat(Charsets.strict(text.getBytes(cs), cs)).isEqualTo(text);
  }

  private static String jdk(byte[] b, Charset cs) {
    try {
      return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Provide
  Arbitrary<String> charsets() {
    return Arbitraries.of("windows-1252", "EUC-JP", "Shift_JIS", "GB18030", "Big5", "EUC-KR", "KOI8-R",
        "UTF-16", "UTF-16LE", "UTF-32", "ISO-2022-KR", "ISO-2022-CN", "x-UTF-16LE-BOM", "windows-1250", "UTF-7")
        .filter(Charset::isSupported);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> texts = Arbitraries.of("user unknown", "\u3042\u3044\u3046", "\u00e9t\u00e9", "\u4e2d\u6587",
        "\u041f\u0440\u0438\u0432\u0435\u0442", "\uD83D\uDE00").list().ofMaxSize(6)
        .map(l -> String.join(" ", l).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(anyBytes, texts);
  }
}
