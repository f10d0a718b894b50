package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

  private static final DiagnosticCode CODE = DiagnosticCode.of("TEST_CODE");

  @Test
  void aLongMessageIsCutWithTheCountOfItsChars() {
    String exactly = "m".repeat(Diagnostic.MAX_MESSAGE_CHARS);
    assertThat(Diagnostic.error(CODE, exactly).message()).isEqualTo(exactly);

    Diagnostic d = Diagnostic.error(CODE, "invalid type '" + "x".repeat(1_000_000) + "'");
    assertThat(d.message()).hasSize(Diagnostic.MAX_MESSAGE_CHARS).startsWith("invalid type 'xxx")
        .endsWith("... (1000015 chars in all)");
    // kept whole through every copy, and never a lone half of a surrogate pair
    assertThat(d.withEvidence("e").at(SourceSpan.ofLine("a", 1)).message()).isEqualTo(d.message());
    String pairs = "\ud83d\udce7".repeat(1000);
    String cut = Diagnostic.warning(CODE, pairs).message();
    assertThat(cut).hasSizeLessThanOrEqualTo(Diagnostic.MAX_MESSAGE_CHARS).endsWith("... (2000 chars in all)");
    assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf("... (") - 1))).isFalse();
  }

  @Test
  void factoriesSetSeverityAndNothingElse() {
    Diagnostic e = Diagnostic.error(CODE, "bad");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.isError()).isTrue();
    assertThat(e.code()).isEqualTo(CODE);
    assertThat(e.message()).isEqualTo("bad");
    assertThat(e.evidence()).isEmpty();
    assertThat(e.remediation()).isEmpty();
    assertThat(e.reference()).isEmpty();
    assertThat(e.span()).isEmpty();

    assertThat(Diagnostic.warning(CODE, "w").severity()).isEqualTo(Severity.WARNING);
    assertThat(Diagnostic.warning(CODE, "w").isError()).isFalse();
    assertThat(Diagnostic.info(CODE, "i").severity()).isEqualTo(Severity.INFO);
    assertThat(Diagnostic.of(CODE, Severity.INFO, "i")).isEqualTo(Diagnostic.info(CODE, "i"));
  }

  @Test
  void withMethodsReturnCopies() {
    Diagnostic base = Diagnostic.error(CODE, "bad");
    Diagnostic full = base.withEvidence("v=spf1 all")
        .withRemediation("fix it")
        .withReference("RFC 7208 section 4.6.4")
        .at("v=spf1 all", 7, 3);
    assertThat(base.evidence()).isEmpty();
    assertThat(full.evidence()).contains("v=spf1 all");
    assertThat(full.remediation()).contains("fix it");
    assertThat(full.reference()).contains("RFC 7208 section 4.6.4");
    assertThat(full.span()).contains(new SourceSpan(7, 3, 1, 8));
    Diagnostic warning = full.withSeverity(Severity.WARNING);
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.evidence()).isEqualTo(full.evidence());
    assertThat(warning.span()).isEqualTo(full.span());
    assertThat(full.at(new SourceSpan(0, 1, 1, 1)).span()).contains(new SourceSpan(0, 1, 1, 1));
  }

  @Test
  void toStringShowsSeverityCodePositionAndMessage() {
    assertThat(Diagnostic.error(CODE, "bad thing")).hasToString("error TEST_CODE: bad thing");
    assertThat(Diagnostic.warning(CODE, "hm").at("ab\ncdef", 5, 1)).hasToString("warning TEST_CODE at 2:3: hm");
  }

  @Test
  void rejectsNullComponents() {
    assertThatThrownBy(() -> Diagnostic.error(null, "m")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Diagnostic.error(CODE, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Diagnostic.of(CODE, null, "m")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Diagnostic(CODE, Severity.ERROR, "m", null, Optional.empty(),
        Optional.empty(), Optional.empty())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Diagnostic(CODE, Severity.ERROR, "m", Optional.empty(), Optional.empty(),
        Optional.empty(), null)).isInstanceOf(NullPointerException.class);
  }
}
