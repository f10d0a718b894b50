package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParseResultTest {

  private static final DiagnosticCode CODE = DiagnosticCode.of("TEST");
  private static final Diagnostic ERROR = Diagnostic.error(CODE, "broken");
  private static final Diagnostic WARNING = Diagnostic.warning(CODE, "risky");
  private static final Diagnostic INFO = Diagnostic.info(CODE, "note");

  @Test
  void successWithoutDiagnostics() {
    ParseResult<String> r = ParseResult.success("x");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.value()).contains("x");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.errors()).isEmpty();
    assertThat(r.orElseThrow()).isEqualTo("x");
  }

  @Test
  void successMayCarryWarningsAndRecoveredErrors() {
    ParseResult<String> r = ParseResult.success("x", List.of(WARNING, ERROR));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.errors()).containsExactly(ERROR);
    assertThat(r.diagnostics()).containsExactly(WARNING, ERROR);
    assertThat(r.orElseThrow()).isEqualTo("x");
  }

  @Test
  void failureNeedsAnError() {
    assertThatThrownBy(() -> ParseResult.failure(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error");
    assertThatThrownBy(() -> ParseResult.failure(List.of(WARNING, INFO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParseResult.failure(WARNING)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParseResult<>(Optional.empty(), List.of(INFO)))
        .isInstanceOf(IllegalArgumentException.class);
    ParseResult<String> ok = ParseResult.failure(List.of(WARNING, ERROR));
    assertThat(ok.isSuccess()).isFalse();
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> new ParseResult<String>(null, List.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ParseResult<>(Optional.of("x"), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void diagnosticsAreCopiedAndImmutable() {
    List<Diagnostic> list = new ArrayList<>(List.of(ERROR));
    ParseResult<String> r = ParseResult.failure(list);
    list.add(WARNING);
    assertThat(r.diagnostics()).containsExactly(ERROR);
    assertThatThrownBy(() -> r.diagnostics().add(WARNING)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void orElseThrowCarriesTheDiagnostics() {
    ParseResult<String> r = ParseResult.failure(List.of(WARNING, ERROR));
    assertThatThrownBy(r::orElseThrow)
        .isInstanceOf(InvalidInputException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(ERROR.toString())
        .asInstanceOf(type(InvalidInputException.class))
        .extracting(InvalidInputException::diagnostics)
        .isEqualTo(List.of(WARNING, ERROR));
  }

  @Test
  void mapKeepsDiagnostics() {
    ParseResult<String> r = ParseResult.success("abc", List.of(WARNING));
    ParseResult<Integer> mapped = r.map(String::length);
    assertThat(mapped.value()).contains(3);
    assertThat(mapped.diagnostics()).containsExactly(WARNING);

    ParseResult<String> failed = ParseResult.failure(List.of(ERROR, WARNING));
    ParseResult<Integer> mappedFailure = failed.map(s -> {
      throw new AssertionError("must not be called");
    });
    assertThat(mappedFailure.isSuccess()).isFalse();
    assertThat(mappedFailure.diagnostics()).containsExactly(ERROR, WARNING);
  }

  @Test
  void mapRejectsNullFromTheMapperClearly() {
    ParseResult<String> r = ParseResult.success("abc", List.of(WARNING));
    assertThatThrownBy(() -> r.map(s -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mapper");
  }

  @Test
  void flatMapConcatenatesDiagnosticsInOrder() {
    ParseResult<String> first = ParseResult.success("abc", List.of(WARNING));
    ParseResult<Integer> ok = first.flatMap(s -> ParseResult.success(s.length(), List.of(INFO)));
    assertThat(ok.value()).contains(3);
    assertThat(ok.diagnostics()).containsExactly(WARNING, INFO);

    ParseResult<Integer> failed = first.flatMap(s -> ParseResult.failure(ERROR));
    assertThat(failed.isSuccess()).isFalse();
    assertThat(failed.diagnostics()).containsExactly(WARNING, ERROR);
  }

  @Test
  void flatMapOnFailureSkipsTheMapper() {
    ParseResult<String> failed = ParseResult.failure(ERROR);
    ParseResult<Integer> r = failed.flatMap(s -> {
      throw new AssertionError("must not be called");
    });
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.diagnostics()).containsExactly(ERROR);
  }

  @Test
  void flatMapRefusesANullMapperAndANullResult() {
    ParseResult<String> ok = ParseResult.success("abc", List.of());
    assertThatThrownBy(() -> ok.flatMap(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("mapper");
    assertThatThrownBy(() -> ok.flatMap(s -> null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mapper returned null");
  }
}
