package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The word-at-a-time searches of {@link Bytes} against plain byte loops, at every offset. */
class BytesTest {

  @Property(tries = 3000)
  void searchesAgreeWithByteLoops(@ForAll("bytes") byte[] b, @ForAll @IntRange(min = 0, max = 20) int from,
      @ForAll @IntRange(min = 0, max = 20) int cut) {
    int f = Math.min(from, b.length);
    int t = Math.max(f, b.length - cut);
    int lineBreak = t;
    int cr = t;
    int eq = t;
    int pair = t;
    for (int i = t - 1; i >= f; i--) {
      if (i + 1 < t && b[i] == '\n' && b[i + 1] == '\n') {
        pair = i;
      }
      if (b[i] == '\n' || b[i] == '\r') {
        lineBreak = i;
      }
      if (b[i] == '\r') {
        cr = i;
      }
      if (b[i] == '=') {
        eq = i;
      }
    }
    assertThat(Bytes.lineBreak(b, f, t)).isEqualTo(lineBreak);
    assertThat(Bytes.indexOf(b, Bytes.CR, f, t)).isEqualTo(cr);
    assertThat(Bytes.indexOf(b, Bytes.EQUALS, f, t)).isEqualTo(eq);
    assertThat(Bytes.indexOfPair(b, Bytes.LF, f, t)).isEqualTo(pair);
  }

  @Property(tries = 3000)
  void controlTestHasNoFalseNegatives(@ForAll("bytes") byte[] b) {
    for (int i = 0; i + 8 <= b.length; i++) {
      boolean control = false;
      for (int k = i; k < i + 8; k++) {
        control |= b[k] >= 0 && b[k] < 0x0E;
      }
      if (control) {
        assertThat(Bytes.hasControl(Bytes.word(b, i))).isTrue();
      }
    }
  }

  @Property(tries = 100)
  void headerLikeText(@ForAll("text") String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    int lf = s.indexOf('\n');
    assertThat(Bytes.lineBreak(b, 0, b.length)).isEqualTo(lf < 0 ? b.length : lf);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<Byte> b = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
        Tuple.of(2, Arbitraries.just((byte) '\n')), // runs of LFs: empty lines
        Tuple.of(3, Arbitraries.of((byte) '\n', (byte) '\r', (byte) '=', (byte) '\t', (byte) 0x0E, (byte) 0x0C,
            (byte) 0x8A, (byte) 0x8D, (byte) 0xBD, (byte) 0x00, (byte) 0xFF, (byte) 0x0B, (byte) 0x1A)));
    return b.array(byte[].class).ofMaxSize(60);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab: \t\n=-").ofMaxLength(50);
  }
}
