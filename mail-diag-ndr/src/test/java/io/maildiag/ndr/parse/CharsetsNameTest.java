package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Charsets#asciiReadsAsItself} against the lower-cased name it reads without making. */
class CharsetsNameTest {

  @Property(tries = 5000)
  void sameAsTheLowerCasedName(@ForAll("names") String declared) {
    String name = declared.trim().toLowerCase(Locale.ROOT);
    boolean plain = !name.contains("utf-7") && !name.contains("utf-16") && !name.contains("utf-32")
        && !name.startsWith("unicode");
    assertThat(Charsets.asciiReadsAsItself(declared)).isEqualTo(plain);
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> piece = Arbitraries.of("utf", "UTF", "-", "7", "8", "16", "32", "1", "6", "3", "2", "unicode",
        "UNICODE", "Uni", "code", "\u0130", "\u0131", "\u212a", "\u017f", " ", "\t", "\u0000", "\"", "x-", "iso-8859-1",
        "u", "U", "nicode", "ut", "f-7");
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
