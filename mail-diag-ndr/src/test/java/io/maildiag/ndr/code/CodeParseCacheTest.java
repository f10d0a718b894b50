package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * The parse results {@link EnhancedStatusCode} and {@link ReplyCode} keep for the usual codes are
 * what parsing built before: the same value, no diagnostics, the same text back.
 */
class CodeParseCacheTest {

  @Test
  void everyUsualStatusCodeParsesAsBuilt() {
    for (int c : new int[] {2, 4, 5}) {
      for (int subject = 0; subject < 12; subject++) {
        for (int detail = 0; detail < 120; detail += (detail < 101 ? 1 : 7)) {
          String text = c + "." + subject + "." + detail;
          ParseResult<EnhancedStatusCode> expected =
              ParseResult.success(new EnhancedStatusCode(c, subject, detail));
          ParseResult<EnhancedStatusCode> first = EnhancedStatusCode.parse(text);
          ParseResult<EnhancedStatusCode> second = EnhancedStatusCode.parse(new StringBuilder(text));
          assertThat(first).isEqualTo(expected);
          assertThat(second).isEqualTo(expected);
          assertThat(first.orElseThrow().toString()).isEqualTo(text);
          assertThat(first.diagnostics()).isEmpty();
        }
      }
    }
    // leading zeros and other spellings are still refused
    assertThat(EnhancedStatusCode.parse("5.01.1").isSuccess()).isFalse();
    assertThat(EnhancedStatusCode.parse("5.1.01").isSuccess()).isFalse();
    assertThat(EnhancedStatusCode.parse("3.1.1").isSuccess()).isFalse();
  }

  @Test
  void everyReplyCodeParsesAsBuilt() {
    for (int v = 0; v < 1000; v++) {
      String text = String.format("%03d", v);
      boolean valid = v >= 200 && v <= 599 && (v / 10) % 10 <= 5;
      ParseResult<ReplyCode> r = ReplyCode.parse(text);
      assertThat(r.isSuccess()).as(text).isEqualTo(valid);
      if (valid) {
        assertThat(r).isEqualTo(ParseResult.success(new ReplyCode(v)));
        assertThat(ReplyCode.of(v)).isEqualTo(new ReplyCode(v));
        assertThat(ReplyCode.of(v).toString()).isEqualTo(text);
      } else {
        assertThat(r.diagnostics()).hasSize(1);
        int value = v;
        assertThatThrownBy(() -> ReplyCode.of(value)).isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThatThrownBy(() -> ReplyCode.of(1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplyCode.of(-250)).isInstanceOf(IllegalArgumentException.class);
  }
}
