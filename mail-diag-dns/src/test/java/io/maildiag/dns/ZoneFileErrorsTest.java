package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.lookup;
import static io.maildiag.dns.DnsTestSupport.onlyError;
import static io.maildiag.dns.DnsTestSupport.parseOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ZoneFileResolver}: errors, warnings and limits. */
class ZoneFileErrorsTest {

  @Test
  void malformedRecordIsZoneSyntaxOnItsLine() {
    String text = """
        ; header
        example.com. 300 IN A 192.0.2.1
        example.com. 300 IN A not-an-address
        example.com. 300 IN A 192.0.2.2
        """;

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text);
    Diagnostic d = onlyError(r);

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).contains("not-an-address").doesNotContain("<none>");
    SourceSpan span = d.span().orElseThrow();
    assertThat(span.line()).isEqualTo(3);
    assertThat(text.substring(span.offset(), span.end())).isEqualTo("example.com. 300 IN A not-an-address");
    assertThat(d.toString()).contains("ZONE_SYNTAX at 3:1: ");
  }

  @Test
  void unknownTypeIsZoneSyntaxOnItsLine() {
    Diagnostic d = onlyError(ZoneFileResolver.parse("a.example. A 192.0.2.1\n\na.example. BOGUS x\n"));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.span().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void aHugeTokenIsQuotedOnlyInPart() {
    // dnsjava quotes the token it cannot read: a line of one megabyte must not make a message as long
    String token = "x".repeat(1_000_000);
    Diagnostic d = onlyError(ZoneFileResolver.parse("example.com. 300 IN " + token + " 192.0.2.1\n"));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.message()).hasSizeLessThan(300).startsWith("invalid zone file: ").contains("xxxx")
        .endsWith(" chars in all)");
    assertThat(d.span().orElseThrow().line()).isEqualTo(1);
  }

  @Test
  void mxPreferenceOutOfRangeIsZoneSyntax() {
    Diagnostic d = onlyError(ZoneFileResolver.parse("example.com. MX 70000 mail.example.com.\n"));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.span().orElseThrow().line()).isEqualTo(1);
  }

  @Test
  void unbalancedParenthesisIsZoneSyntax() {
    Diagnostic d = onlyError(ZoneFileResolver.parse("example.com. A 192.0.2.1 )\n"));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.span()).isPresent();
  }

  @Test
  void lineNumbersCountCrlfAndCrLikeLf() {
    String text = "a.example. A 192.0.2.1\r\nb.example. A 192.0.2.2\rc.example. A bad\r\n";

    Diagnostic d = onlyError(ZoneFileResolver.parse(text));

    SourceSpan span = d.span().orElseThrow();
    assertThat(span.line()).isEqualTo(3);
    assertThat(text.substring(span.offset(), span.end())).isEqualTo("c.example. A bad");
  }

  @Test
  void includeIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws IOException {
    Path included = dir.resolve("secret.zone");
    Files.writeString(included, "secret.example. A 192.0.2.66\n");
    String text = "example.com. A 192.0.2.1\n$INCLUDE " + included + "\nexample.com. A 192.0.2.2\n";

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text);
    Diagnostic d = onlyError(r);

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_INCLUDE_REFUSED);
    assertThat(d.span().orElseThrow().line()).isEqualTo(2);
    assertThat(r.value()).isEmpty();
    assertThat(r.diagnostics()).noneMatch(x -> x.toString().contains("192.0.2.66")
        || x.evidence().orElse("").contains("secret.example"));
  }

  @Test
  void relativeIncludeAndIncludeOfAMissingFileAreRefusedToo() {
    assertThat(onlyError(ZoneFileResolver.parse("$INCLUDE other.zone\n")).code())
        .isEqualTo(DnsCodes.ZONE_INCLUDE_REFUSED);
    assertThat(onlyError(ZoneFileResolver.parse("$include /nonexistent/x.zone example.com.\n")).code())
        .isEqualTo(DnsCodes.ZONE_INCLUDE_REFUSED);
  }

  @Test
  void theWordIncludeInAnotherErrorIsNotAnIncludeRefusal() {
    Diagnostic d = onlyError(ZoneFileResolver.parse("example.com. $INCLUDE x\n"));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
  }

  @Test
  void unsupportedTypesAreSkippedWithAWarning() {
    String text = """
        example.com. HINFO "PC" "Linux"
        example.com. DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
        example.com. A 192.0.2.1
        """;

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text);

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(2).allSatisfy(d -> {
      assertThat(d.code()).isEqualTo(DnsCodes.ZONE_UNSUPPORTED_TYPE);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(r.diagnostics().get(0).message()).contains("HINFO");
    assertThat(r.diagnostics().get(1).message()).contains("DS");
    assertThat(r.value().orElseThrow().records()).hasSize(1);
    assertThat(lookup(r.value().orElseThrow(), "example.com", RecordType.A).isAnswer()).isTrue();
  }

  @Test
  void recordsWithNamesOrValuesMailDiagCannotHoldAreSkippedWithAWarning() {
    String text = """
        b\\195\\188cher.example.com. A 192.0.2.1
        b\u00fccher.example.net. A 192.0.2.1
        ctl\\001.example.com. A 192.0.2.1
        example.com. CAA 0 is-sue "ca.example"
        ok.example. A 192.0.2.2
        """;

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text);

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(4).allSatisfy(d -> {
      assertThat(d.code()).isEqualTo(DnsCodes.ZONE_RECORD_SKIPPED);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(r.diagnostics().get(3).message()).contains("CAA");
    assertThat(r.value().orElseThrow().records()).extracting(x -> x.name().toString()).containsExactly("ok.example");
  }

  @Test
  void namesWithEscapedPrintableCharactersAreReadAsThoseCharacters() {
    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse("a\\032b.example.com. A 192.0.2.1\nq\\\"t.example. A 192.0.2.2\n");

    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.value().orElseThrow().records()).extracting(x -> x.name().toString())
        .containsExactlyInAnyOrder("a b.example.com", "q\"t.example");
    assertThat(r.value().orElseThrow().records()).extracting(DnsRecord::toString)
        .containsExactlyInAnyOrder("a\\032b.example.com. 3600 IN A 192.0.2.1", "q\\\"t.example. 3600 IN A 192.0.2.2");
  }

  @Test
  void warningsStopAtMaxDiagnostics() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("h").append(i).append(".example. HINFO \"a\" \"b\"\n");
    }
    Limits limits = Limits.builder().maxDiagnostics(3).build();

    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text.toString(), limits);

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(3);
  }

  @Test
  void missingFileIsUnreadable(@TempDir Path dir) {
    ParseResult<ZoneFileResolver> r = ZoneFileResolver.load(dir.resolve("missing.zone"));

    Diagnostic d = onlyError(r);
    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_UNREADABLE);
    assertThat(d.message()).contains("missing.zone");
  }

  @Test
  void directoryIsUnreadable(@TempDir Path dir) {
    assertThat(onlyError(ZoneFileResolver.load(dir)).code()).isEqualTo(DnsCodes.ZONE_UNREADABLE);
  }

  @Test
  void oversizedTextIsTooLarge() {
    Limits limits = Limits.builder().maxInputBytes(40).build();
    String fits = "example.com. A 192.0.2.1\n";
    String tooBig = fits + fits;

    assertThat(ZoneFileResolver.parse(fits, limits).isSuccess()).isTrue();
    assertThat(onlyError(ZoneFileResolver.parse(tooBig, limits)).code()).isEqualTo(DnsCodes.ZONE_TOO_LARGE);
  }

  @Test
  void sizeLimitCountsUtf8Bytes() {
    // 20 characters, 40 bytes in UTF-8.
    String text = "; " + "\u00e9".repeat(18);
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(38);

    assertThat(ZoneFileResolver.parse(text, Limits.builder().maxInputBytes(38).build()).isSuccess()).isTrue();
    assertThat(onlyError(ZoneFileResolver.parse(text, Limits.builder().maxInputBytes(37).build())).code())
        .isEqualTo(DnsCodes.ZONE_TOO_LARGE);
  }

  @Test
  void oversizedFileIsTooLarge(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.zone");
    Files.writeString(file, "example.com. A 192.0.2.1\n".repeat(10));
    Limits limits = Limits.builder().maxInputBytes(100).build();

    Diagnostic d = onlyError(ZoneFileResolver.load(file, limits));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_TOO_LARGE);
    assertThat(ZoneFileResolver.load(file, Limits.builder().maxInputBytes(250).build()).isSuccess()).isTrue();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void hugeGenerateRangeIsRefusedInsteadOfExhaustingMemory() {
    ParseResult<ZoneFileResolver> r =
        ZoneFileResolver.parse("$ORIGIN example.com.\n$GENERATE 0-4294967295 h$ A 192.0.2.1\n");

    assertThat(onlyError(r).code()).isEqualTo(DnsCodes.ZONE_TOO_LARGE);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void hugeGenerateWidthIsRefused() {
    String text = "$ORIGIN example.com.\n$GENERATE 1-2 h${0,2000000000,d} A 192.0.2.1\n";

    Diagnostic d = onlyError(ZoneFileResolver.parse(text));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.span().orElseThrow().line()).isEqualTo(2);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void hugeGenerateWidthIsRefusedAfterAByteOrderMarkAndInLowerCase() {
    String bom = "\uFEFF$GENERATE 1-2 h${0,2000000000,d}.example.com. A 192.0.2.1\n";
    String lower = "$ORIGIN example.com.\n$generate 1-2 h$ A 192.0.${0,999999999}\n";

    assertThat(onlyError(ZoneFileResolver.parse(bom)).code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(onlyError(ZoneFileResolver.parse(lower)).code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
  }

  @Test
  void generateOfAFewThousandRecordsIsFine() {
    ZoneFileResolver zone = parseOk("$ORIGIN example.com.\n$GENERATE 1-3000 h$ A 192.0.2.1\n");

    assertThat(zone.records()).hasSize(3000);
  }

  @Test
  void modestGenerateWidthIsFine() {
    ZoneFileResolver zone = parseOk("$ORIGIN example.com.\n$GENERATE 1-2 h${0,3,d} A 192.0.2.1\n");

    assertThat(lookup(zone, "h001.example.com", RecordType.A).isAnswer()).isTrue();
  }
}
