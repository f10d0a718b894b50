package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

  private static final DiagnosticCode CODE = DiagnosticCode.of("TEST");

  @Test
  void messageIsTheFirstError() {
    Diagnostic warning = Diagnostic.warning(CODE, "first but only a warning");
    Diagnostic error = Diagnostic.error(CODE, "the real problem").at("abc", 1, 1);
    InvalidInputException e = new InvalidInputException(List.of(warning, error));
    assertThat(e).hasMessage("error TEST at 1:2: the real problem");
    assertThat(e.diagnostics()).containsExactly(warning, error);
  }

  @Test
  void messageFallsBackToFirstDiagnosticThenGenericText() {
    Diagnostic warning = Diagnostic.warning(CODE, "only a warning");
    assertThat(new InvalidInputException(List.of(warning))).hasMessage("warning TEST: only a warning");
    assertThat(new InvalidInputException(List.of())).hasMessage("invalid input");
  }

  @Test
  void diagnosticsAreACopy() {
    List<Diagnostic> list = new ArrayList<>(List.of(Diagnostic.error(CODE, "x")));
    InvalidInputException e = new InvalidInputException(list);
    list.clear();
    assertThat(e.diagnostics()).hasSize(1);
    assertThatThrownBy(() -> e.diagnostics().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSerializedCopyKeepsTheMessageAndHasNoDiagnostics() throws Exception {
    InvalidInputException e = new InvalidInputException(List.of(Diagnostic.error(CODE, "bad")));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    InvalidInputException copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (InvalidInputException) in.readObject();
    }
    assertThat(copy).hasMessage(e.getMessage());
    assertThat(copy.diagnostics()).isEmpty();
  }
}
