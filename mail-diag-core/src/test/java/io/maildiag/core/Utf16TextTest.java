package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class Utf16TextTest {

  private static byte[] marked(int first, int second, byte[] rest) {
    byte[] out = new byte[rest.length + 2];
    out[0] = (byte) first;
    out[1] = (byte) second;
    System.arraycopy(rest, 0, out, 2, rest.length);
    return out;
  }

  @Test
  void theMarkNamesTheByteOrder() {
    byte[] little = marked(0xFF, 0xFE, "Hé".getBytes(StandardCharsets.UTF_16LE));
    byte[] big = marked(0xFE, 0xFF, "Hé".getBytes(StandardCharsets.UTF_16BE));

    assertThat(Utf16Text.byteOrder(little, little.length)).contains("little-endian");
    assertThat(Utf16Text.byteOrder(big, big.length)).contains("big-endian");
    assertThat(Utf16Text.toUtf8(little, little.length)).hasValueSatisfying(b ->
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Hé"));
    assertThat(Utf16Text.toUtf8(big, big.length)).hasValueSatisfying(b ->
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Hé"));
  }

  @Test
  void withoutAMarkAtTheStartNothingIsRead() {
    byte[] plain = "From: a@example.org".getBytes(StandardCharsets.US_ASCII);
    byte[] later = {' ', (byte) 0xFF, (byte) 0xFE, 'x'};
    byte[] one = {(byte) 0xFF};

    for (byte[] b : new byte[][] {plain, later, one, new byte[0]}) {
      assertThat(Utf16Text.byteOrder(b, b.length)).isEmpty();
      assertThat(Utf16Text.toUtf8(b, b.length)).isEmpty();
    }
    // only the first length bytes count
    byte[] little = marked(0xFF, 0xFE, new byte[] {'A', 0});
    assertThat(Utf16Text.byteOrder(little, 1)).isEmpty();
  }

  @Test
  void anOddLastByteAndALoneSurrogateBecomeReplacementChars() {
    byte[] odd = {(byte) 0xFF, (byte) 0xFE, 'A', 0, 'B'};
    byte[] lone = {(byte) 0xFE, (byte) 0xFF, 0, 'C', (byte) 0xD8, 0x00};

    assertThat(new String(Utf16Text.toUtf8(odd, odd.length).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("A\ufffd");
    assertThat(new String(Utf16Text.toUtf8(lone, lone.length).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("C\ufffd");
  }

  @Property(tries = 200)
  void anyTextComesBackAsItsUtf8(@ForAll @StringLength(max = 300) @CharRange(from = '\u0000', to = '\ud7ff') String text,
      @ForAll boolean littleEndian) {
    byte[] input = littleEndian ? marked(0xFF, 0xFE, text.getBytes(StandardCharsets.UTF_16LE))
        : marked(0xFE, 0xFF, text.getBytes(StandardCharsets.UTF_16BE));

    assertThat(Utf16Text.toUtf8(input, input.length)).hasValueSatisfying(b ->
        assertThat(b).isEqualTo(text.getBytes(StandardCharsets.UTF_8)));
  }
}
