package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiagnosticCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"A", "SPF_TOO_MANY_LOOKUPS", "X1", "A_", "Z9_9"})
  void acceptsWellFormedCodes(String value) {
    DiagnosticCode code = DiagnosticCode.of(value);
    assertThat(code.value()).isEqualTo(value);
    assertThat(code).hasToString(value);
  }

  @Test
  void acceptsExactly64Characters() {
    String value = "A".repeat(64);
    assertThat(DiagnosticCode.of(value).value()).hasSize(64);
    assertThatThrownBy(() -> DiagnosticCode.of(value + "B"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "lower_case", "1ABC", "_ABC", "AB-C", "AB C", "ABÄ", "AB.C", " AB"})
  void rejectsMalformedCodes(String value) {
    assertThatThrownBy(() -> new DiagnosticCode(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a diagnostic code");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> DiagnosticCode.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void equalityAndOrderFollowTheText() {
    assertThat(DiagnosticCode.of("ABC")).isEqualTo(new DiagnosticCode("ABC"));
    assertThat(DiagnosticCode.of("ABC")).hasSameHashCodeAs(DiagnosticCode.of("ABC"));
    assertThat(DiagnosticCode.of("ABC")).isNotEqualTo(DiagnosticCode.of("ABD"));
    assertThat(DiagnosticCode.of("ABC")).isLessThan(DiagnosticCode.of("ABD"));
    assertThat(DiagnosticCode.of("B")).isGreaterThan(DiagnosticCode.of("A_LONGER"));
  }
}
