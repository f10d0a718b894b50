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

/** {@link Charsets#strict} for ISO-2022-JP, with its table-driven path, against the JDK's strict decoder. */
class CharsetsIso2022JpTest {
  private static final Charset JP = Charset.forName("ISO-2022-JP");

  @Property(tries = 8000)
  void sameAsTheJdkDecoder(@ForAll("jis") byte[] b) {
    assertThat(Charsets.strict(b, JP)).isEqualTo(jdk(b));
  }

  @Test
  void everyPairAsTheJdkDecodesIt() {
    byte[] b = {0x1B, '$', 'B', 0, 0, 0x1B, '(', 'B'};
    for (int x = 0x21; x <= 0x7E; x++) {
      for (int y = 0x20; y <= 0x7F; y++) {
        b[3] = (byte) x;
        b[4] = (byte) y;
        assertThat(Charsets.strict(b, JP)).as("%x %x", x, y).isEqualTo(jdk(b));
      }
    }
  }

  @Provide
  Arbitrary<byte[]> jis() {
    Arbitrary<String> piece = Arbitraries.of("\u001b$B", "\u001b(B", "\u001b(J", "\u001b$@", "\u001b(I", "\u001b$", "\u001b",
        "$3", "$l", "$O", "F|", "K\\", "!!", "t&", "~~", "\"/", "-!", "y!", "\u007f!", "abc", " ", "\n", "\r\n", "\u000e",
        "\u000f", "\u0080", "\u00a4", "\u0000", "~", "\\", "!");
    return piece.list().ofMaxSize(12).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String jdk(byte[] b) {
    try {
      return JP.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
