package io.maildiag.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ByteOrderMarkTest {

  private static final int[][] MARKS = {{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}};
  private static final String[] ENCODINGS = {"UTF-8", "UTF-16LE", "UTF-16BE"};

  private static byte[] marked(int[] mark, byte[] rest) {
    byte[] out = new byte[rest.length + mark.length];
    for (int i = 0; i < mark.length; i++) {
      out[i] = (byte) mark[i];
    }
    System.arraycopy(rest, 0, out, mark.length, rest.length);
    return out;
  }

  private static byte[] marked(int which, String text) {
    return marked(MARKS[which], text.getBytes(java.nio.charset.Charset.forName(ENCODINGS[which])));
  }

  @Test
  void theMarkNamesTheEncoding() {
    for (int k = 0; k < MARKS.length; k++) {
      byte[] b = marked(k, "Hé");
      assertThat(ByteOrderMark.encoding(b, b.length)).contains(ENCODINGS[k]);
      assertThat(ByteOrderMark.toUtf8(b, b.length)).hasValueSatisfying(u ->
          assertThat(new String(u, StandardCharsets.UTF_8)).isEqualTo("Hé"));
    }
    assertThat(ByteOrderMark.describe("UTF-8")).contains("the mark was left out");
    assertThat(ByteOrderMark.describe("UTF-16LE")).contains("UTF-16LE text").contains("read as that text");
  }

  @Test
  void withoutAMarkAtTheStartNothingIsRead() {
    byte[] plain = "From: a@example.org".getBytes(StandardCharsets.US_ASCII);
    byte[] later = {' ', (byte) 0xFF, (byte) 0xFE, 'x'};
    byte[] one = {(byte) 0xFF};
    byte[] halfUtf8 = {(byte) 0xEF, (byte) 0xBB};

    for (byte[] b : new byte[][] {plain, later, one, halfUtf8, new byte[0]}) {
      assertThat(ByteOrderMark.encoding(b, b.length)).isEmpty();
      assertThat(ByteOrderMark.toUtf8(b, b.length)).isEmpty();
    }
    // only the first length bytes count
    byte[] utf8 = marked(0, "A");
    assertThat(ByteOrderMark.encoding(utf8, 2)).isEmpty();
    assertThat(ByteOrderMark.toUtf8(utf8, 3)).hasValueSatisfying(u -> assertThat(u).isEmpty());
  }

  @Test
  void anOddLastByteAndALoneSurrogateBecomeReplacementChars() {
    byte[] odd = {(byte) 0xFF, (byte) 0xFE, 'A', 0, 'B'};
    byte[] lone = {(byte) 0xFE, (byte) 0xFF, 0, 'C', (byte) 0xD8, 0x00};

    assertThat(new String(ByteOrderMark.toUtf8(odd, odd.length).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("A\ufffd");
    assertThat(new String(ByteOrderMark.toUtf8(lone, lone.length).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("C\ufffd");
  }

  @Property(tries = 300)
  void anyTextComesBackAsItsUtf8(@ForAll @StringLength(max = 300) @CharRange(from = '\u0000', to = '\ud7ff') String text,
      @ForAll @IntRange(min = 0, max = 2) int which) {
    byte[] input = marked(which, text);

    assertThat(ByteOrderMark.toUtf8(input, input.length)).hasValueSatisfying(b ->
        assertThat(b).isEqualTo(text.getBytes(StandardCharsets.UTF_8)));
  }
  @Test
  void aLengthPastTheArrayIsRefused() {
    assertThatThrownBy(() -> ByteOrderMark.encoding(new byte[] {(byte) 0xEF}, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ByteOrderMark.toUtf8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ByteOrderMark.encoding(new byte[3], -1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
