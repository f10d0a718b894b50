package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.SourceSpan;
import org.junit.jupiter.api.Test;

class InputExceptionTest {

  private static final DiagnosticCode CODE = DiagnosticCode.of("TEST_CODE");

  @Test
  void fileDiagnosticWithSpanNamesFileLineAndColumn() {
    Diagnostic d = Diagnostic.error(CODE, "invalid zone file: expected an integer")
        .at(SourceSpan.ofLine("a\nb\nexample.com. IN MX ten x.\n", 3));

    assertThat(InputException.forFile("my.zone", d).getMessage())
        .isEqualTo("my.zone:3:1: invalid zone file: expected an integer");
  }

  @Test
  void fileDiagnosticWithoutSpanNamesTheFileOnce() {
    assertThat(InputException.forFile("my.zone", Diagnostic.error(CODE, "cannot read zone file my.zone: no such file"))
        .getMessage()).isEqualTo("cannot read zone file my.zone: no such file");
    assertThat(InputException.forFile("my.zone", Diagnostic.error(CODE, "too large")).getMessage())
        .isEqualTo("my.zone: too large");
  }

  @Test
  void argumentDiagnosticNamesTheArgumentAndColumn() {
    Diagnostic d = Diagnostic.error(CODE, "empty label").at("a..b", 2, 0);

    assertThat(InputException.forArgument("domain name", "a..b", d).getMessage())
        .isEqualTo("invalid domain name 'a..b' at 1:3: empty label");
  }

  @Test
  void messagesAreOneLine() {
    Diagnostic d = Diagnostic.error(CODE, "first\r\nsecond\tthird\u001b[31m");

    String message = InputException.forArgument("thing", "x\ny", d).getMessage();

    assertThat(message).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b")
        .contains("first second third");
  }
}
