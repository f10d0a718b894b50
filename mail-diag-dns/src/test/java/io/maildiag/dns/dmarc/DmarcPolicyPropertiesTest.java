package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Properties of the DMARC record parser: robust on any input, spans inside it, canonical round trip. */
class DmarcPolicyPropertiesTest {

  @Property(tries = 300)
  void neverThrowsAndSpansLieInsideTheInput(@ForAll("anyText") String text) {
    check(text);
  }

  @Property(tries = 200)
  void mutatedRecordsNeverThrow(@ForAll("records") String record, @ForAll("anyText") String noise) {
    int at = Math.abs(noise.hashCode()) % (record.length() + 1);
    check(record.substring(0, at) + noise + record.substring(at));
  }

  @Property(tries = 200)
  void canonicalFormParsesBackEqualAndIsStable(@ForAll("records") String record) {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(record);
    DmarcPolicy p = r.value().orElseThrow();
    DmarcPolicy again = DmarcPolicy.parse(p.toString()).value().orElseThrow();
    assertThat(again).isEqualTo(p);
    assertThat(again.toString()).isEqualTo(p.toString());
  }

  /**
   * A record of the most a TXT answer holds, all empty or broken tags: each kept diagnostic is
   * located once, and none past the limit (locating one reads the record up to it).
   */
  @Test
  void aRecordOfTensOfThousandsOfBrokenTags() {
    for (String unit : new String[] {";", "; ", "x;", "=;", "rua=;"}) {
      String text = "v=DMARC1; p=none" + unit.repeat(65_000 / unit.length());
      check(text);
      assertThat(DmarcPolicy.parse(text).diagnostics()).hasSize(DmarcPolicy.MAX_DIAGNOSTICS + 1);
    }
  }

  static void check(String text) {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    assertThat(r.diagnostics().size()).isLessThanOrEqualTo(DmarcPolicy.MAX_DIAGNOSTICS + 1);
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.span()).isPresent();
      assertThat(d.span().get().end()).isLessThanOrEqualTo(text.length());
    }
    r.value().ifPresent(p -> assertThat(DmarcPolicy.parse(p.toString()).value()).contains(p));
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> alphabet = Arbitraries.strings().withChars("v=DMARC1;pspnrua:mailto@,!kqyr \t\r\n-x.").ofMaxLength(60);
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), alphabet, alphabet.map(s -> "v=DMARC1;" + s));
  }

  @Provide
  Arbitrary<String> records() {
    Arbitrary<String> disp = Arbitraries.of("none", "quarantine", "reject", "Reject", "bogus");
    Arbitrary<String> tag = Arbitraries.oneOf(
        disp.map(d -> "p=" + d), disp.map(d -> "sp=" + d), disp.map(d -> "np=" + d),
        Arbitraries.of("r", "s", "x").map(v -> "adkim=" + v), Arbitraries.of("r", "s").map(v -> "aspf=" + v),
        Arbitraries.of("0", "1:d", "s", "0:2").map(v -> "fo=" + v),
        Arbitraries.of("mailto:a@example.com", "mailto:a@example.com!10m,mailto:b@example.net", "bad uri", "")
            .map(v -> "rua=" + v),
        Arbitraries.of("mailto:f@example.com").map(v -> "ruf=" + v),
        Arbitraries.of("y", "n", "u", "q").map(v -> "psd=" + v), Arbitraries.of("y", "n").map(v -> "t=" + v),
        Arbitraries.integers().between(0, 120).map(v -> "pct=" + v), Arbitraries.of("afrf", "iodef").map(v -> "rf=" + v),
        Arbitraries.of("86400", "x").map(v -> "ri=" + v), Arbitraries.of("foo=bar", "x1=y=z").map(v -> v));
    Arbitrary<List<String>> tags = tag.list().ofMaxSize(8);
    Arbitrary<String> sep = Arbitraries.of(";", "; ", " ;", ";\t");
    return Combinators.combine(tags, sep).as((t, s) -> {
      List<String> all = new ArrayList<>();
      all.add("v=DMARC1");
      all.addAll(t);
      return String.join(s, all);
    });
  }
}
