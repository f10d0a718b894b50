package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link MacroString#lookupName}: RFC 7208 section 7.3's truncation of a long expansion, label by
 * label from the left, as a plain loop that copies the rest after each label does it.
 */
class MacroLookupNameTest {

  @Property(tries = 3000)
  void asTheLabelByLabelLoop(@ForAll("expansions") String expanded) {
    assertThat(MacroString.lookupName(expanded)).isEqualTo(reference(expanded));
  }

  @Test
  void examples() {
    assertThat(MacroString.lookupName("a.example.com.")).isEqualTo("a.example.com");
    String label = "x".repeat(60) + ".";
    String name = label.repeat(5) + "example.com";
    assertThat(MacroString.lookupName(name)).hasSizeLessThanOrEqualTo(DomainName.MAX_NAME_LENGTH).endsWith("example.com");
    // tens of thousands of short labels: dropped by moving an index
    assertThat(MacroString.lookupName("a.".repeat(200_000) + "example.com"))
        .isEqualTo("a.".repeat((DomainName.MAX_NAME_LENGTH - 11) / 2) + "example.com");
    assertThat(MacroString.lookupName("y".repeat(300))).hasSize(300); // no dot: left as it is
  }

  @Provide
  Arbitrary<String> expansions() {
    Arbitrary<String> piece = Arbitraries.of("a", "b.", ".", "..", "x".repeat(63), "y".repeat(100) + ".", "example.com",
        "c.d.", "");
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  private static String reference(String expanded) {
    String s = expanded.endsWith(".") ? expanded.substring(0, expanded.length() - 1) : expanded;
    while (s.length() > DomainName.MAX_NAME_LENGTH && s.indexOf('.') >= 0) {
      s = s.substring(s.indexOf('.') + 1);
    }
    return s;
  }
}
