package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** {@link InputForm#plain} answers yes only for input that {@link InputForm#of} leaves as it is. */
class InputFormPlainTest {

  @Property(tries = 3000)
  void plainInputIsLeftAsItIs(@ForAll @Size(max = 12) byte[] bytes) {
    List<Diagnostic> early = List.of();
    InputForm.Prepared p = InputForm.of(bytes, bytes.length, early, 1 << 20);
    if (InputForm.plain(bytes, bytes.length)) {
      assertThat(p.bytes()).isSameAs(bytes);
      assertThat(p.length()).isEqualTo(bytes.length);
      assertThat(p.early()).isSameAs(early);
      assertThat(p.foreign()).isNull();
    }
  }

  @Property(tries = 500)
  void aHeaderFieldIsPlain(@ForAll("names") String name) {
    byte[] b = (name + ": x\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(InputForm.plain(b, b.length)).isEqualTo(name.charAt(0) != 'P' && name.charAt(0) != 'B');
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> names() {
    return net.jqwik.api.Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').ofMinLength(1)
        .ofMaxLength(10);
  }
}
