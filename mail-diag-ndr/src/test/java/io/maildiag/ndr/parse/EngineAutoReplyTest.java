package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

/** {@link AutoReply#isAutoReply} reads its fields in one pass as the lookups one by one would. */
class EngineAutoReplyTest {
  private static final String[] NAMES = {"Auto-Submitted", "AUTO-SUBMITTED", "Precedence", "X-Apple-Action",
      "X-Autoreply", "x-autorespond", "X-Autoresponder", "X-Vacation", "X-AutoReply-From", "X-Mail-Autoreply",
      "Subject", "Received", "X-Auto", "Auto-Submitte"};
  private static final String[] VALUES = {"auto-replied", " Auto-Replied ", "auto-generated", "no", "",
      "bulk auto_reply", "AUTO_REPLY", "vacation", "Vacation", "x", "auto-replie"};

  @Test
  void answersAsTheFieldLookups() {
    Random random = new Random(37);
    for (int i = 0; i < 20_000; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      int n = random.nextInt(5);
      for (int k = 0; k < n; k++) {
        fields.add(new Headers.Field(NAMES[random.nextInt(NAMES.length)], VALUES[random.nextInt(VALUES.length)]));
      }
      fields.add(new Headers.Field("Subject", random.nextInt(4) == 0 ? "Out of office" : "hello"));
      Headers h = new Headers(fields);
      MimePart root = new MimePart("", 0, h, ContentType.TEXT_PLAIN, new byte[0], true);
      Engine.Message msg = new Engine.Message(root, new Diags(10));
      assertThat(AutoReply.isAutoReply(msg)).as("%s", fields).isEqualTo(plain(h, msg.subject));
    }
  }

  @Test
  void notesOutOfOfficeSubjects() {
    assertThat(AutoReply.subjectSaysAutoReply("AUTO: Smith, Jane is out of the office. (returning 05/01/2026)")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("Auto: Jane Doe is out of office")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("Auto: your car insurance renewal")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("Fwd: AUTO: Jane is out of the office")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("Jane Doe/MAIL/ORG is out of the office")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("Fwd: Jane Doe is out of the office")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("Jane is out of officers")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("x".repeat(50_000) + " is out of")).isFalse();
    // bounded on a long subject without the words
    assertThat(AutoReply.subjectSaysAutoReply("AUTO:" + " out of".repeat(20_000))).isFalse();
  }

  @Test
  void aGatewaysTagsBeforeTheSubjectAreSkipped() {
    assertThat(AutoReply.subjectSaysAutoReply("[EXTERNAL] Automatic reply: Offer")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("***SPAM*** Out of Office: Offer")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("[SPAM] [External] RE: Automatic reply: Offer")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("[EXTERNAL] AUTO: Jane Doe is out of the office")).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("[EXTERNAL] Fwd: Automatic reply: Offer")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("[EXTERNAL] Quarterly figures")).isFalse();
    // bounded on many tags, and on a tag that never closes
    assertThat(AutoReply.subjectSaysAutoReply("[x] ".repeat(20_000) + "hello")).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("[" + "x".repeat(50_000))).isFalse();
    assertThat(AutoReply.subjectSaysAutoReply("*".repeat(50_000) + "x")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Automatiskt svar: Status", "Odpowied\u017a automatyczna: Status",
      "Automatick\u00e1 odpov\u011b\u010f: Status", "Automatikus v\u00e1lasz: Status", "Otomatik yan\u0131t: Status",
      "Autom\u0101tisk\u0101 atbilde: Status", "Arpus biroja atrasanas automatiska atbilde: Status",
      "Automatinis atsakymas: Status", "Automaatne vastus: Status", "R\u0103spuns automat: Status",
      "Automatski odgovor: Status", "Resposta autom\u00e1tica: Status",
      "\u0410\u0432\u0442\u043e\u043c\u0430\u0442\u0438\u0447\u0435\u0441\u043a\u0438\u0439 \u043e\u0442\u0432\u0435\u0442: Status",
      "\u81ea\u52a8\u56de\u590d: Status", "\u81ea\u52d5\u5fdc\u7b54: Status", "\uc790\ub3d9 \ud68c\uc2e0: Status"})
  void outlooksAutomaticReplySubjectsInOtherLanguages(String subject) {
    assertThat(AutoReply.subjectSaysAutoReply(subject)).isTrue();
    assertThat(AutoReply.subjectSaysAutoReply("Fwd: " + subject)).isFalse();
  }

  /** The checks as field lookups, one after the other. */
  private static boolean plain(Headers h, String subject) {
    if (h.get("Auto-Submitted").orElse("").toLowerCase(Locale.ROOT).startsWith("auto-replied")) {
      return true;
    }
    if (h.has("X-Autoreply") || h.has("X-Autorespond") || h.has("X-Autoresponder") || h.has("X-Vacation")
        || h.has("X-AutoReply-From") || h.has("X-Mail-Autoreply")) {
      return true;
    }
    if (h.get("Precedence").orElse("").toLowerCase(Locale.ROOT).contains("auto_reply")) {
      return true;
    }
    if (h.get("X-Apple-Action").orElse("").toUpperCase(Locale.ROOT).contains("VACATION")) {
      return true;
    }
    return AutoReply.subjectSaysAutoReply(subject);
  }
}
