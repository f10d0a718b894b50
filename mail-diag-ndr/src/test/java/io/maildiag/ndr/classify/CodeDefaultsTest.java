package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.Reason;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import org.junit.jupiter.api.Test;

class CodeDefaultsTest {

  static CodeDefaults.StatusMeaning meaning(String code) {
    return CodeDefaults.status(EnhancedStatusCode.of(code)).orElseThrow();
  }

  @Test
  void specificCodes() {
    assertThat(meaning("5.1.1").reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(meaning("5.1.1").specific()).isTrue();
    assertThat(meaning("4.2.2").reason()).isEqualTo(Reason.MAILBOX_FULL);
    assertThat(meaning("4.2.2").specific()).isTrue();
    assertThat(meaning("5.7.26").reason()).isEqualTo(Reason.AUTH_FAILURE);
    assertThat(meaning("5.7.25").reason()).isEqualTo(Reason.REQUIRE_PTR);
    assertThat(meaning("5.4.7").reason()).isEqualTo(Reason.EXPIRED);
    assertThat(meaning("5.3.4").remediation()).isNotBlank();
  }

  @Test
  void genericCodes() {
    assertThat(meaning("5.7.1").specific()).isFalse();
    assertThat(meaning("5.2.1").specific()).isFalse();
    assertThat(meaning("4.4.1").specific()).isFalse();
  }

  @Test
  void codesWithoutCause() {
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("5.0.0"))).isEmpty();
    assertThat(CodeDefaults.status(EnhancedStatusCode.of("2.0.0"))).isEmpty();
  }

  @Test
  void replyCodes() {
    assertThat(CodeDefaults.reply(ReplyCode.of(552))).contains(Reason.MAILBOX_FULL);
    assertThat(CodeDefaults.reply(ReplyCode.of(556))).contains(Reason.NOT_ACCEPTING);
    assertThat(CodeDefaults.reply(ReplyCode.of(535))).contains(Reason.SECURITY_ERROR);
    assertThat(CodeDefaults.reply(ReplyCode.of(550))).isEmpty();
    assertThat(CodeDefaults.reply(ReplyCode.of(554))).isEmpty();
  }
}
