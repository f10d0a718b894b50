package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One synthetic fixture per format family: kind, family, recipients in order, status and reply code. */
class FormatFixturesTest {

  /** Expected facts of one recipient: address, status ("" for none), reply ("" for none), action. */
  record R(String recipient, String status, String reply, String action) {}

  static R r(String recipient, String status, String reply) {
    return new R(recipient, status, reply, "failed");
  }

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("postfix-dsn-two-recipients.eml", MessageKind.BOUNCE, "postfix",
            List.of(r("bob@example.com", "5.1.1", "550"), r("carol@example.org", "5.2.2", "552"))),
        Arguments.of("postfix-text-only.eml", MessageKind.BOUNCE, "postfix",
            List.of(r("dave@example.com", "", "550"))),
        Arguments.of("exim-text.eml", MessageKind.BOUNCE, "exim",
            List.of(r("bob@example.com", "5.1.1", "550"), r("erin@example.org", "5.7.1", "554"))),
        Arguments.of("sendmail-dsn.eml", MessageKind.BOUNCE, "sendmail",
            List.of(r("frank@example.com", "5.7.26", "550"))),
        Arguments.of("qmail-text.eml", MessageKind.BOUNCE, "qmail",
            List.of(r("grace@example.com", "5.1.1", "550"), r("heidi@example.org", "5.1.2", ""),
                r("ivan@example.net", "", ""))),
        Arguments.of("courier-dsn.eml", MessageKind.BOUNCE, "courier",
            List.of(r("judy@example.com", "5.1.1", "550"))),
        // the notice stands before the first boundary: read from there, the report has no diagnostic
        Arguments.of("courier-notice-in-preamble.eml", MessageKind.DELAY, "courier",
            List.of(new R("kim@example.com", "4.7.1", "451", "delayed"))),
        Arguments.of("exchange2003-text.eml", MessageKind.BOUNCE, "exchange",
            List.of(r("mallory@corp.example.com", "", ""))),
        Arguments.of("exchange2010-text.eml", MessageKind.BOUNCE, "exchange",
            List.of(r("oscar@corp.example.org", "5.1.1", "550"), r("peggy@corp.example.org", "5.2.2", "550"))),
        Arguments.of("microsoft365-text.eml", MessageKind.BOUNCE, "microsoft365",
            List.of(r("trent@example.com", "5.1.10", "550"))),
        Arguments.of("gmail-text.eml", MessageKind.BOUNCE, "gmail",
            List.of(r("victor@example.com", "5.2.2", "552"))),
        Arguments.of("gmail-modern-no-dsn.eml", MessageKind.BOUNCE, "gmail",
            List.of(r("walter@example.org", "5.1.1", "550"))),
        Arguments.of("yahoo-text.eml", MessageKind.BOUNCE, "yahoo",
            List.of(r("xena@example.com", "5.1.1", "550"))),
        Arguments.of("amazonses-dsn.eml", MessageKind.BOUNCE, "amazonses",
            List.of(r("yuri@example.com", "5.2.1", "550"))),
        Arguments.of("amazonses-json-bounce.eml", MessageKind.BOUNCE, "amazonses",
            List.of(r("zoe@example.com", "5.1.1", "550"), r("quinn@example.org", "5.4.4", "550"))),
        Arguments.of("sendgrid-dsn.eml", MessageKind.BOUNCE, "sendgrid",
            List.of(r("ursula@example.com", "5.1.1", "550"))),
        Arguments.of("mailgun-dsn.eml", MessageKind.BOUNCE, "mailgun",
            List.of(r("sybil@example.com", "5.7.1", "550"))),
        Arguments.of("opensmtpd-text.eml", MessageKind.BOUNCE, "unknown",
            List.of(r("uma@example.com", "5.2.2", "550"), r("vera@example.org", "5.1.1", "550"))),
        Arguments.of("rfc6533-global.eml", MessageKind.BOUNCE, "rfc3464",
            List.of(r("用户@例子.example.com", "5.1.1", "550"), r("jörg@example.com", "5.2.2", "552"))),
        Arguments.of("dsn-base64-generic-status.eml", MessageKind.BOUNCE, "postfix",
            List.of(r("rupert@example.com", "5.7.1", "550"))),
        Arguments.of("dsn-quoted-printable.eml", MessageKind.BOUNCE, "postfix",
            List.of(r("sam@example.org", "5.2.1", "550"))),
        Arguments.of("loose-dsn-broken-multipart.eml", MessageKind.BOUNCE, "sendmail",
            List.of(r("tina@example.com", "5.5.0", "554"))),
        Arguments.of("dsn-delivered.eml", MessageKind.DELIVERY_REPORT, "postfix",
            List.of(new R("beth@example.com", "2.0.0", "250", "relayed"))),
        Arguments.of("dsn-delayed.eml", MessageKind.DELAY, "postfix",
            List.of(new R("chris@example.org", "4.4.1", "", "delayed"))),
        Arguments.of("autoreply-rfc3834.eml", MessageKind.AUTO_REPLY, "rfc3834",
            List.of(new R("wendy@example.com", "", "", "auto-replied"))),
        Arguments.of("autoreply-outlook.eml", MessageKind.AUTO_REPLY, "rfc3834",
            List.of(new R("xavier@example.org", "", "", "auto-replied"))),
        Arguments.of("arf-abuse.eml", MessageKind.FEEDBACK_REPORT, "arf",
            List.of(new R("zack@isp.example.com", "", "", "feedback"), new R("yann@isp.example.com", "", "", "feedback"))),
        Arguments.of("amazonses-json-complaint.eml", MessageKind.FEEDBACK_REPORT, "amazonses",
            List.of(new R("zoe@example.com", "", "", "feedback"))),
        Arguments.of("exchange2007-ja.eml", MessageKind.BOUNCE, "exchange",
            List.of(r("ken@corp.example.org", "5.1.1", "550"))),
        Arguments.of("domino-text.eml", MessageKind.BOUNCE, "unknown", List.of(r("kenji@example.com", "", ""))),
        Arguments.of("kddi-text.eml", MessageKind.BOUNCE, "unknown", List.of(r("kenji@mobile.example.com", "", ""))),
        Arguments.of("biglobe-text.eml", MessageKind.BOUNCE, "sendmail", List.of(r("kenji@example.org", "", ""))),
        Arguments.of("imail-text.eml", MessageKind.BOUNCE, "unknown", List.of(r("kenji@imail.example.com", "", ""))),
        Arguments.of("quoted-bounce-forward.eml", MessageKind.QUOTED_BOUNCE, "unknown", List.of()),
        Arguments.of("quoted-bounce-reply.eml", MessageKind.QUOTED_BOUNCE, "unknown", List.of()),
        Arguments.of("mdn-read-receipt.eml", MessageKind.NOT_A_BOUNCE, "unknown", List.of()),
        Arguments.of("forwarded-newsletter.eml", MessageKind.NOT_A_BOUNCE, "unknown", List.of()),
        Arguments.of("quoted-bounce-attached.eml", MessageKind.QUOTED_BOUNCE, "unknown", List.of()),
        Arguments.of("newsletter.eml", MessageKind.NOT_A_BOUNCE, "unknown", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void readsFixture(String file, MessageKind kind, String format, List<R> expected) {
    BounceAnalysis a = Fixtures.analyze(file);
    assertThat(a.kind()).as("kind").isEqualTo(kind);
    assertThat(a.format()).as("format").isEqualTo(format);
    assertThat(a.recipients()).extracting(RecipientResult::recipient)
        .containsExactlyElementsOf(expected.stream().map(R::recipient).toList());
    for (int i = 0; i < expected.size(); i++) {
      R want = expected.get(i);
      RecipientResult got = a.recipients().get(i);
      assertThat(got.status().map(EnhancedStatusCode::toString)).as("status of " + want.recipient)
          .isEqualTo(want.status.isEmpty() ? Optional.empty() : Optional.of(want.status));
      assertThat(got.replyCode().map(ReplyCode::toString)).as("reply of " + want.recipient)
          .isEqualTo(want.reply.isEmpty() ? Optional.empty() : Optional.of(want.reply));
      assertThat(got.action()).as("action of " + want.recipient).isEqualTo(want.action);
      assertThat(got.evidence().excerpt().length()).isLessThanOrEqualTo(300);
      assertThat(got.diagnosticText().length()).isLessThanOrEqualTo(Smtp.MAX_TEXT);
    }
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
  }
}
