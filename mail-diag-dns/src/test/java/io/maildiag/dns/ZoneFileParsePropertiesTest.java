package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of {@link ZoneFileResolver#parse}: total on any text, and faithful on its own output. */
class ZoneFileParsePropertiesTest {

  /** Checks what every parse result must satisfy, whatever the input. */
  private static void checkWellFormed(String text, ParseResult<ZoneFileResolver> r) {
    assertThat(r).isNotNull();
    if (!r.isSuccess()) {
      assertThat(r.hasErrors()).isTrue();
    }
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.code()).isNotNull();
      if (d.span().isPresent()) {
        SourceSpan s = d.span().get();
        assertThat(s.offset()).isBetween(0, text.length());
        assertThat(s.end()).isBetween(s.offset(), text.length());
        assertThat(s.line()).isPositive();
        assertThat(s.column()).isPositive();
        // the span's line agrees with its offset
        assertThat(SourceSpan.of(text, s.offset(), 0).line()).isEqualTo(s.line());
      }
    }
    r.value().ifPresent(zone -> {
      for (DnsRecord rec : zone.records()) {
        assertThat(rec.name()).isNotNull();
        assertThat(zone.lookup(rec.name(), rec.type()).isAnswer()
            || zone.lookup(rec.name(), rec.type()).isFailure()).isTrue();
      }
    });
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll("anyText") String text) {
    checkWellFormed(text, ZoneFileResolver.parse(text));
  }

  @Property(tries = 300)
  void neverThrowsOnZoneLikeTokenSoup(@ForAll("tokenSoup") String text) {
    checkWellFormed(text, ZoneFileResolver.parse(text));
  }

  @Property(tries = 100)
  void neverThrowsOnBinaryGarbageDecodedAsUtf8(@ForAll byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    checkWellFormed(text, ZoneFileResolver.parse(text));
  }

  @Property(tries = 100)
  void neverThrowsOnBinaryGarbageDecodedAsLatin1(@ForAll byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    checkWellFormed(text, ZoneFileResolver.parse(text));
  }

  @Property(tries = 30)
  void neverThrowsOnLongLines(@ForAll("longLine") String line, @ForAll @IntRange(min = 0, max = 3) int before) {
    String text = "example.com. A 192.0.2.1\n".repeat(before) + line + "\nexample.com. A 192.0.2.2\n";
    checkWellFormed(text, ZoneFileResolver.parse(text));
  }

  @Property(tries = 100)
  void neverThrowsWithTinyLimits(@ForAll("tokenSoup") String text,
      @ForAll @IntRange(min = 0, max = 200) int maxBytes, @ForAll @IntRange(min = 0, max = 2) int maxDiagnostics) {
    Limits limits = Limits.builder().maxInputBytes(maxBytes).maxDiagnostics(maxDiagnostics).build();
    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text, limits);
    checkWellFormed(text, r);
    if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DnsCodes.ZONE_TOO_LARGE);
    }
    assertThat(r.diagnostics().stream().filter(d -> !d.isError()).count()).isLessThanOrEqualTo(maxDiagnostics);
  }

  @Property(tries = 200)
  void txtRecordsSurviveAPrintAndParseRoundTrip(@ForAll("txtStrings") List<String> strings) {
    TxtRecord original = TxtRecord.of(DomainName.of("rt.example"), 300, strings.toArray(String[]::new));

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(original + "\n");

    assertThat(r.isSuccess()).as("%s -> %s", original, r.diagnostics()).isTrue();
    assertThat(r.value().orElseThrow().records()).containsExactly(original);
  }

  @Property(tries = 100)
  void caaRecordsSurviveAPrintAndParseRoundTrip(@ForAll("caaValues") String value,
      @ForAll @IntRange(min = 0, max = 255) int flags) {
    CaaRecord original = new CaaRecord(DomainName.of("rt.example"), 300, flags, "issue", value);

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(original + "\n");

    assertThat(r.isSuccess()).as("%s -> %s", original, r.diagnostics()).isTrue();
    assertThat(r.value().orElseThrow().records()).containsExactly(original);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> longLine() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(2_000).ofMaxLength(20_000),
        Arbitraries.strings().withChars("a. \"\\();$").ofMinLength(2_000).ofMaxLength(20_000),
        Arbitraries.strings().withChars("a").ofMinLength(2_000).ofMaxLength(20_000).map(s -> "x.example. TXT \"" + s),
        Arbitraries.strings().withChars("a.").ofMinLength(2_000).ofMaxLength(20_000).map(s -> s + " A 192.0.2.1"));
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("example.com.", "example.com", "@", "*", "*.example.com.", "www", "a\\032b", "_dmarc",
            "xn--bcher-kva.example.", "b\u00fccher.example.", ".", "..", "a..b", "-", "\u00e9"),
        Arbitraries.of("IN", "CH", "A", "AAAA", "MX", "TXT", "SPF", "TYPE99", "CNAME", "NS", "PTR", "SOA", "SRV",
            "TLSA", "CAA", "DS", "HINFO", "NAPTR", "TYPE65534", "\\#", "CLASS1"),
        Arbitraries.of("$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE", "$FOO", "$"),
        Arbitraries.of("(", ")", "\"", "\\", ";", "\"quoted string\"", "\"\\\"\"", "\\065", "\\999", "${0,3,d}",
            "${-1}", "$$", "1-3", "0-2/1", "h$"),
        Arbitraries.of("192.0.2.1", "2001:db8::1", "300", "0", "4294967295", "99999999999", "1h", "1w2d", "-1",
            "ABCDEF", "abc", "0 issue", "10"),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8));
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", "\t", "\n", "\r\n", "\r", " ;c\n");
    Arbitrary<String> pair = Combinators.combine(token, sep).as((t, s) -> t + s);
    return pair.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> txtStrings() {
    Arbitrary<String> s = Arbitraries.oneOf(
            Arbitraries.strings().ascii().ofMaxLength(60),
            Arbitraries.strings().withChars("\"\\; ()$@\t\n\u007f\u0000").ofMaxLength(20),
            Arbitraries.strings().withCharRange('\u00a0', '\u07ff').ofMaxLength(60),
            Arbitraries.strings().all().ofMaxLength(40))
        .filter(ZoneFileParsePropertiesTest::isEncodable)
        .filter(x -> x.getBytes(StandardCharsets.UTF_8).length <= 255);
    return s.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> caaValues() {
    return Arbitraries.oneOf(
            Arbitraries.strings().ascii().ofMaxLength(60),
            Arbitraries.strings().withChars("\"\\; abc\u00e9").ofMaxLength(20))
        .filter(x -> x.getBytes(StandardCharsets.UTF_8).length <= 255);
  }

  /** Whether the string is valid UTF-16 (no lone surrogates), so UTF-8 can hold it. */
  private static boolean isEncodable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
