package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceSpanTest {

  @Test
  void constructorRejectsOutOfRangeValues() {
    assertThatThrownBy(() -> new SourceSpan(-1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset=-1");
    assertThatThrownBy(() -> new SourceSpan(0, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length=-1");
    assertThatThrownBy(() -> new SourceSpan(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line=0");
    assertThatThrownBy(() -> new SourceSpan(0, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column=0");
  }

  @Test
  void endAndToString() {
    SourceSpan span = new SourceSpan(4, 3, 2, 5);
    assertThat(span.end()).isEqualTo(7);
    assertThat(span).hasToString("2:5");
  }

  @Test
  void ofOnSingleLine() {
    SourceSpan span = SourceSpan.of("hello world", 6, 5);
    assertThat(span).isEqualTo(new SourceSpan(6, 5, 1, 7));
  }

  @Test
  void ofAtStartIsLineOneColumnOne() {
    assertThat(SourceSpan.of("abc", 0, 0)).isEqualTo(new SourceSpan(0, 0, 1, 1));
    assertThat(SourceSpan.of("", 0, 0)).isEqualTo(new SourceSpan(0, 0, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void ofCountsLinesForEveryLineBreakStyle(String style) {
    String nl = switch (style) {
      case "LF" -> "\n";
      case "CRLF" -> "\r\n";
      default -> "\r";
    };
    String input = "ab" + nl + "cd" + nl + "ef";
    int c = input.indexOf('c');
    int f = input.indexOf('f');
    assertThat(SourceSpan.of(input, c, 2)).isEqualTo(new SourceSpan(c, 2, 2, 1));
    assertThat(SourceSpan.of(input, c + 1, 1)).isEqualTo(new SourceSpan(c + 1, 1, 2, 2));
    assertThat(SourceSpan.of(input, f, 1)).isEqualTo(new SourceSpan(f, 1, 3, 2));
    // The line break itself belongs to the line it ends.
    assertThat(SourceSpan.of(input, 2, 1).line()).isEqualTo(1);
  }

  @Test
  void ofTreatsCrLfAsOneBreakAndMixedBreaksIndividually() {
    String input = "a\r\n\nb\r\rc";
    // lines: "a" (CRLF), "" (LF), "b" (CR), "" (CR), "c"
    assertThat(SourceSpan.of(input, input.indexOf('b'), 1)).isEqualTo(new SourceSpan(4, 1, 3, 1));
    assertThat(SourceSpan.of(input, input.indexOf('c'), 1)).isEqualTo(new SourceSpan(7, 1, 5, 1));
  }

  @Test
  void ofAtEndAfterTrailingBreakIsStartOfNextLine() {
    assertThat(SourceSpan.of("ab\n", 3, 0)).isEqualTo(new SourceSpan(3, 0, 2, 1));
    assertThat(SourceSpan.of("ab\r", 3, 0)).isEqualTo(new SourceSpan(3, 0, 2, 1));
    assertThat(SourceSpan.of("ab\r\n", 4, 0)).isEqualTo(new SourceSpan(4, 0, 2, 1));
  }

  @Test
  void ofClampsBeyondTheInput() {
    assertThat(SourceSpan.of("abc", 10, 5)).isEqualTo(new SourceSpan(3, 0, 1, 4));
    assertThat(SourceSpan.of("abc", 1, 100)).isEqualTo(new SourceSpan(1, 2, 1, 2));
    assertThat(SourceSpan.of("abc", 0, Integer.MAX_VALUE).length()).isEqualTo(3);
  }

  @Test
  void ofRejectsNegativeArguments() {
    assertThatThrownBy(() -> SourceSpan.of("abc", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceSpan.of("abc", 0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void ofLineCoversTheLineWithoutItsBreak(String style) {
    String nl = switch (style) {
      case "LF" -> "\n";
      case "CRLF" -> "\r\n";
      default -> "\r";
    };
    String input = "first" + nl + "second" + nl + "third";
    assertThat(SourceSpan.ofLine(input, 1)).isEqualTo(new SourceSpan(0, 5, 1, 1));
    int second = input.indexOf("second");
    assertThat(SourceSpan.ofLine(input, 2)).isEqualTo(new SourceSpan(second, 6, 2, 1));
    int third = input.indexOf("third");
    assertThat(SourceSpan.ofLine(input, 3)).isEqualTo(new SourceSpan(third, 5, 3, 1));
    assertThat(input.substring(third, SourceSpan.ofLine(input, 3).end())).isEqualTo("third");
  }

  @Test
  void ofLineAgreesWithOf() {
    String input = "a\r\nbb\rccc\n\ndddd";
    for (int line = 1; line <= 5; line++) {
      SourceSpan span = SourceSpan.ofLine(input, line);
      SourceSpan viaOf = SourceSpan.of(input, span.offset(), span.length());
      assertThat(viaOf).as("line %d", line).isEqualTo(span);
    }
    assertThat(SourceSpan.ofLine(input, 4).length()).isZero();
  }

  @Test
  void ofLinePastTheEndIsEmptySpanAtEnd() {
    assertThat(SourceSpan.ofLine("ab\ncd", 7)).isEqualTo(new SourceSpan(5, 0, 2, 3));
    assertThat(SourceSpan.ofLine("", 2)).isEqualTo(new SourceSpan(0, 0, 1, 1));
    // An empty last line after a trailing break exists.
    assertThat(SourceSpan.ofLine("ab\n", 2)).isEqualTo(new SourceSpan(3, 0, 2, 1));
  }

  @Test
  void ofLineRejectsLineBelowOne() {
    assertThatThrownBy(() -> SourceSpan.ofLine("abc", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line");
  }
}
