package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcPolicyTest {

  private static DmarcPolicy ok(String text) {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    assertThat(r.value()).as("%s -> %s", text, r.diagnostics()).isPresent();
    return r.value().get();
  }

  private static List<DiagnosticCode> codes(String text) {
    return DmarcPolicy.parse(text).diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void parsesTheRfc7489ExampleRecordWithDefaults() {
    DmarcPolicy p = ok("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com");
    assertThat(p.p()).contains(DmarcDisposition.NONE);
    assertThat(p.sp()).isEmpty();
    assertThat(p.effectiveAdkim()).isEqualTo(AlignmentMode.RELAXED);
    assertThat(p.effectiveAspf()).isEqualTo(AlignmentMode.RELAXED);
    assertThat(p.effectivePsd()).isEqualTo(PsdFlag.U);
    assertThat(p.isTesting()).isFalse();
    assertThat(p.rua()).containsExactly(new DmarcUri("mailto:dmarc-feedback@example.com", Optional.empty()));
    assertThat(DmarcPolicy.parse("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com").diagnostics()).isEmpty();
  }

  @Test
  void parsesEveryTagCaseInsensitively() {
    DmarcPolicy p = ok("V = DMARC1 ; P=Reject; SP=quarantine; np=REJECT; adkim=s; aspf=S; fo=0:1:d:s;"
        + " rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com; psd=N; t=Y");
    assertThat(p.p()).contains(DmarcDisposition.REJECT);
    assertThat(p.sp()).contains(DmarcDisposition.QUARANTINE);
    assertThat(p.np()).contains(DmarcDisposition.REJECT);
    assertThat(p.adkim()).contains(AlignmentMode.STRICT);
    assertThat(p.aspf()).contains(AlignmentMode.STRICT);
    assertThat(p.fo()).containsExactly("0", "1", "d", "s");
    assertThat(p.rua()).hasSize(2);
    assertThat(p.ruf()).hasSize(1);
    assertThat(p.psd()).contains(PsdFlag.N);
    assertThat(p.isTesting()).isTrue();
  }

  @Test
  void versionMustComeFirstAndMatchExactly() {
    assertThat(codes("p=none; v=DMARC1")).containsExactly(DmarcCodes.DMARC_NOT_DMARC1);
    assertThat(DmarcPolicy.parse("v=dmarc1; p=none").isSuccess()).isFalse();
    assertThat(DmarcPolicy.parse("v=DMARC2; p=none").isSuccess()).isFalse();
    assertThat(DmarcPolicy.parse("").isSuccess()).isFalse();
    assertThat(DmarcPolicy.parse("v=spf1 -all").errors().get(0).span().orElseThrow().offset()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=DMARC1; p=none|true",
      "v=DMARC1|true",
      "V=DMARC1;p=none|true",
      "v = DMARC1 ;p=none|true",
      "v=DMARC1 |true",
      "' v=DMARC1; p=none'|false",
      "v=dmarc1; p=none|false",
      "v=DMARC10; p=none|false",
      "v=DMARC1p=none|false",
      "v=spf1 -all|false"})
  void recognisesDmarcRecordsStrictly(String text, boolean expected) {
    assertThat(DmarcPolicy.isDmarcRecord(text)).isEqualTo(expected);
  }

  @Test
  void leadingWhitespaceParsesWithAWarning() {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse("  v=DMARC1; p=none");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(DmarcCodes.DMARC_LEADING_WHITESPACE);
  }

  @Test
  void badValuesArePositionedErrorsAndKeptAsInvalid() {
    String text = "v=DMARC1; p=bogus; adkim=x";
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    assertThat(r.errors()).hasSize(2);
    Diagnostic first = r.errors().get(0);
    assertThat(first.code()).isEqualTo(DmarcCodes.DMARC_INVALID_VALUE);
    assertThat(text.substring(first.span().get().offset(), first.span().get().end())).isEqualTo("bogus");
    DmarcPolicy p = r.value().orElseThrow();
    assertThat(p.p()).isEmpty();
    assertThat(p.invalidTags()).containsExactly(new DmarcTag("p", "bogus"), new DmarcTag("adkim", "x"));
    assertThat(p.isUsable()).isFalse();
    assertThat(p.toString()).isEqualTo("v=DMARC1; p=bogus; adkim=x");
  }

  @Test
  void duplicateTagIsAnErrorAndTheFirstWins() {
    String text = "v=DMARC1; p=reject; p=none";
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DmarcCodes.DMARC_DUPLICATE_TAG);
    assertThat(r.errors().get(0).span().get().offset()).isEqualTo(text.lastIndexOf("p=none"));
    assertThat(r.value().get().p()).contains(DmarcDisposition.REJECT);
  }

  @Test
  void tagWithoutEqualsOrBadNameIsAnError() {
    assertThat(codes("v=DMARC1; p=none; junk")).contains(DmarcCodes.DMARC_INVALID_TAG);
    assertThat(codes("v=DMARC1; p=none; 9x=1")).contains(DmarcCodes.DMARC_INVALID_TAG);
  }

  @Test
  void unknownTagsAreKeptWithAnInfo() {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse("v=DMARC1; p=none; foo=bar");
    assertThat(r.value().get().unknownTags()).containsExactly(new DmarcTag("foo", "bar"));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(DmarcCodes.DMARC_UNKNOWN_TAG);
      assertThat(d.severity()).isEqualTo(Severity.INFO);
    });
  }

  @Test
  void removedTagsAreUnderstoodAndFlagged() {
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse("v=DMARC1; p=reject; pct=20; rf=afrf; ri=3600");
    DmarcPolicy p = r.value().orElseThrow();
    assertThat(p.pct()).hasValue(20);
    assertThat(p.rf()).contains("afrf");
    assertThat(p.ri()).hasValue(3600);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsOnly(DmarcCodes.DMARC_REMOVED_TAG);
    assertThat(r.diagnostics()).extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING, Severity.INFO, Severity.INFO);
    assertThat(DmarcPolicy.parse("v=DMARC1; p=none; pct=101").value().get().invalidTags())
        .containsExactly(new DmarcTag("pct", "101"));
  }

  @Test
  void uriSizeSuffixIsParsedAndFlagged() {
    String text = "v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:b@example.com";
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    DmarcPolicy p = r.value().orElseThrow();
    assertThat(p.rua()).containsExactly(new DmarcUri("mailto:a@example.com", Optional.of("10m")),
        new DmarcUri("mailto:b@example.com", Optional.empty()));
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(DmarcCodes.DMARC_OBSOLETE_URI_SIZE);
    assertThat(text.substring(d.span().get().offset(), d.span().get().end())).isEqualTo("!10m");
  }

  @Test
  void badUriIsAPositionedError() {
    String text = "v=DMARC1; p=none; rua=mailto:a@example.com,not a uri";
    ParseResult<DmarcPolicy> r = DmarcPolicy.parse(text);
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(DmarcCodes.DMARC_INVALID_URI);
    assertThat(text.substring(d.span().get().offset(), d.span().get().end())).isEqualTo("not a uri");
    assertThat(r.value().get().hasValidRua()).isTrue();
    assertThat(codes("v=DMARC1; p=none; rua=mailto:nobody")).contains(DmarcCodes.DMARC_INVALID_URI);
    assertThat(codes("v=DMARC1; p=none; rua=https://example.com/r")).contains(DmarcCodes.DMARC_URI_SCHEME);
  }

  @Test
  void missingPFollowsTheRuaRule() {
    DmarcPolicy withRua = ok("v=DMARC1; rua=mailto:a@example.com");
    assertThat(codes("v=DMARC1; rua=mailto:a@example.com")).contains(DmarcCodes.DMARC_MISSING_P);
    assertThat(withRua.isUsable()).isTrue();
    assertThat(withRua.effectiveP()).contains(DmarcDisposition.NONE);
    DmarcPolicy bare = ok("v=DMARC1; sp=reject");
    assertThat(bare.isUsable()).isFalse();
    assertThat(bare.effectiveP()).isEmpty();
    assertThat(ok("v=DMARC1; p=reject; sp=bogus").isUsable()).isFalse();
  }

  @Test
  void pNotSecondIsInfo() {
    assertThat(codes("v=DMARC1; rua=mailto:a@example.com; p=none")).containsExactly(DmarcCodes.DMARC_P_NOT_SECOND);
  }

  @Test
  void canonicalFormRoundTrips() {
    String text = "v=DMARC1;p=quarantine;pct=50;t=y;psd=y;fo=1;ruf=mailto:f@example.com!1k;rua=mailto:a@example.com;"
        + "aspf=s;adkim=r;np=reject;sp=none;zz=top;rf=bogus value";
    DmarcPolicy p = ok(text);
    String canonical = p.toString();
    assertThat(canonical).isEqualTo("v=DMARC1; p=quarantine; sp=none; np=reject; adkim=r; aspf=s; fo=1;"
        + " rua=mailto:a@example.com; ruf=mailto:f@example.com!1k; psd=y; t=y; pct=50; zz=top; rf=bogus value");
    assertThat(ok(canonical)).isEqualTo(p);
    assertThat(DmarcPolicy.of(DmarcDisposition.REJECT).toString()).isEqualTo("v=DMARC1; p=reject");
  }

  @Test
  void emptyTagsBetweenSeparatorsWarnButTrailingSemicolonIsFine() {
    assertThat(codes("v=DMARC1; p=none;")).isEmpty();
    assertThat(codes("v=DMARC1;; p=none")).containsExactly(DmarcCodes.DMARC_EMPTY_TAG);
  }
}
