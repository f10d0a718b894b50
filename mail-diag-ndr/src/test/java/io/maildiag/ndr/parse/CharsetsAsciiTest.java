package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time {@link Charsets#isAscii} and {@link Charsets#asciiText} against the plain byte loop. */
class CharsetsAsciiTest {

  @Property(tries = 3000)
  void sameAsTheByteLoop(@ForAll("bytes") byte[] b) {
    boolean want = true;
    for (byte x : b) {
      if (x < 0 || x == 0x1B) {
        want = false;
        break;
      }
    }
    assertThat(Charsets.isAscii(b)).isEqualTo(want);
    assertThat(Charsets.asciiText(b)).isEqualTo(want ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) : null);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    // mostly plain ASCII, with the bytes next to ESC and the high bit now and then
    Arbitrary<Byte> b = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(60, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) 0x1B, (byte) 0x1A, (byte) 0x1C, (byte) 0x9B, (byte) 0x80,
            (byte) 0xFF, (byte) 0x00, (byte) 0x7F, (byte) 0x3B, (byte) 0x0B)));
    return b.array(byte[].class).ofMaxSize(40);
  }
}
