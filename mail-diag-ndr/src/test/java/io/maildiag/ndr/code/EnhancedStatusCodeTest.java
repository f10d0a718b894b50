package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of enhanced status codes, with error positions. */
class EnhancedStatusCodeTest {

  @ParameterizedTest
  @CsvSource({"5.1.1,5,1,1", "4.7.500,4,7,500", "2.0.0,2,0,0", "5.999.999,5,999,999", "4.4.7,4,4,7"})
  void parsesValidCodes(String text, int cls, int subject, int detail) {
    ParseResult<EnhancedStatusCode> r = EnhancedStatusCode.parse(text);
    assertThat(r.value()).contains(new EnhancedStatusCode(cls, subject, detail));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.value().orElseThrow().toString()).isEqualTo(text);
  }

  /** Each row: input, offset and length of the reported span. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "5.01.1|2|2",     // leading zero in the subject
    "6.1.1|0|1",      // class 6 does not exist
    "5.1000.1|2|4",   // subject longer than three digits
    "5.1.01|4|2",     // leading zero in the detail
    "55.1.1|0|2",     // class of two digits
    "5..1|2|1",       // empty subject
    "5.1|3|0",        // missing detail: points at the end
    "'5.1.1 '|5|1",   // trailing text (quoted: CsvSource trims)
    "5.1.1x|5|1",
    "x5.1.1|0|1",
    "5,1,1|1|1",
  })
  void reportsTheErrorPosition(String text, int offset, int length) {
    ParseResult<EnhancedStatusCode> r = EnhancedStatusCode.parse(text);
    assertThat(r.isSuccess()).isFalse();
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(EnhancedStatusCode.STATUS_CODE_INVALID);
    assertThat(d.reference()).contains("RFC 3463 section 2");
    SourceSpan span = d.span().orElseThrow();
    assertThat(span.offset()).isEqualTo(offset);
    assertThat(span.length()).isEqualTo(length);
    assertThat(span.column()).isEqualTo(offset + 1);
  }

  @Test
  void emptyInputIsAnErrorAtZero() {
    ParseResult<EnhancedStatusCode> r = EnhancedStatusCode.parse("");
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errors().get(0).span().orElseThrow().offset()).isZero();
  }

  @Test
  void ofThrowsTheDiagnosticsForBadConstants() {
    assertThat(EnhancedStatusCode.of("5.7.26")).isEqualTo(new EnhancedStatusCode(5, 7, 26));
    assertThatThrownBy(() -> EnhancedStatusCode.of("5.01.1")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new EnhancedStatusCode(3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnhancedStatusCode(5, 1000, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classAndKey() {
    EnhancedStatusCode c = EnhancedStatusCode.of("4.2.2");
    assertThat(c.isTransient()).isTrue();
    assertThat(c.registryKey()).isEqualTo("X.2.2");
    assertThat(StatusClass.of(c)).isEqualTo(StatusClass.TRANSIENT_FAILURE);
    assertThat(StatusClass.of(EnhancedStatusCode.of("2.1.5"))).isEqualTo(StatusClass.SUCCESS);
    assertThat(StatusClass.PERMANENT_FAILURE.jsonName()).isEqualTo("permanent-failure");
    assertThat(EnhancedStatusCode.of("5.1.1")).isLessThan(EnhancedStatusCode.of("5.1.10"));
  }
}
