package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reply code meanings from RFC 5321 and RFC 7504. */
class ReplyCodeTest {

  @Test
  void documentsTheRfc5321AndRfc7504Codes() {
    assertThat(ReplyCode.documented().stream().map(ReplyCode::value).toList()).isEqualTo(List.of(
        211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 521, 550, 551,
        552, 553, 554, 555, 556));
    assertThat(ReplyCode.documented()).allSatisfy(c -> {
      assertThat(c.meaning()).isPresent();
      assertThat(c.reference()).isPresent();
      assertThat(c.isDocumented()).isTrue();
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "550|Requested action not taken: mailbox unavailable|RFC 5321 section 4.2.3",
    "421|Service not available, closing transmission channel|RFC 5321 section 4.2.3",
    "552|exceeded storage allocation|RFC 5321 section 4.2.3",
    "555|MAIL FROM/RCPT TO parameters not recognized or not implemented|RFC 5321 section 4.2.3",
    "521|Host does not accept mail|RFC 7504 section 3",
    "556|Domain does not accept mail|RFC 7504 section 3",
  })
  void meanings(int value, String meaningPart, String reference) {
    ReplyCode code = ReplyCode.of(value);
    assertThat(code.meaning()).get().asString().contains(meaningPart);
    assertThat(code.reference()).contains(reference);
  }

  @Test
  void transientAndPermanent() {
    assertThat(ReplyCode.of(450).isTransient()).isTrue();
    assertThat(ReplyCode.of(421).isTransient()).isTrue();
    assertThat(ReplyCode.of(556).isPermanent()).isTrue();
    assertThat(ReplyCode.of(354).isPositive()).isTrue();
    assertThat(ReplyCode.of(250).isPermanent()).isFalse();
  }

  @Test
  void undocumentedCodesHaveNoMeaning() {
    assertThat(ReplyCode.of(530).meaning()).isEmpty();
    assertThat(ReplyCode.of(530).reference()).isEmpty();
    assertThat(ReplyCode.of(530).isDocumented()).isFalse();
  }

  @Test
  void parseRejectsNonCodes() {
    assertThat(ReplyCode.parse("550").value()).contains(ReplyCode.of(550));
    assertThat(ReplyCode.parse("5500").isSuccess()).isFalse();
    assertThat(ReplyCode.parse("560").isSuccess()).isFalse();
    assertThat(ReplyCode.parse("abc").errors()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(ReplyCode.REPLY_CODE_INVALID));
  }
}
