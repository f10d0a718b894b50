package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.ndr.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextRulesTest {

  static TextRules rules(String... lines) {
    return TextRules.parse(List.of(lines));
  }

  static List<TextMatch> match(TextRules r, String text) {
    return r.matches(TextNormalizer.normalize(text));
  }

  @Test
  void standardRulesLoadAndCoverEveryFailureReason() {
    TextRules std = TextRules.standard();
    Map<Reason, Map<Tier, Integer>> counts = std.counts();
    Set<Reason> uncovered = EnumSet.noneOf(Reason.class);
    for (Reason r : Reason.values()) {
      if (r != Reason.UNDEFINED && r != Reason.DELIVERED && !counts.containsKey(r)) {
        uncovered.add(r);
      }
    }
    assertThat(uncovered).isEmpty();
    assertThat(std.size()).isGreaterThan(500);
  }

  @Test
  void wholeWordsOnly() {
    TextRules r = rules("@SPAM_DETECTED strong", "spam");
    assertThat(match(r, "listed by Spamhaus")).isEmpty();
    assertThat(match(r, "looks like SPAM.")).hasSize(1);
    assertThat(match(r, "antispam gateway")).isEmpty();
  }

  @Test
  void openEnds() {
    TextRules r = rules("@BLOCKED strong", "blacklist*", "*quotaexceeded");
    assertThat(match(r, "IP blacklisted")).extracting(TextMatch::phrase).containsExactly("blacklist*");
    assertThat(match(r, "MapiExceptionShutoffQuotaExceeded")).extracting(TextMatch::phrase).containsExactly("*quotaexceeded");
  }

  @Test
  void gapsAreBounded() {
    TextRules r = rules("@MAILBOX_FULL strong", "mailbox ~ full");
    assertThat(match(r, "the mailbox of this user is currently full")).hasSize(1);
    assertThat(match(r, "mailbox " + "x ".repeat(40) + "full")).isEmpty();
    assertThat(match(r, "full mailbox")).isEmpty();
  }

  @Test
  void exclusions() {
    TextRules r = rules("@MAILBOX_FULL strong", "quota ~ exceeded !! sending !! send");
    assertThat(match(r, "Quota exceeded")).hasSize(1);
    assertThat(match(r, "Daily sending quota exceeded")).isEmpty();
  }

  @Test
  void matchesReportTheEarliestStart() {
    TextRules r = rules("@USER_UNKNOWN strong", "user unknown");
    List<TextMatch> m = match(r, "x user unknown y user unknown");
    assertThat(m).singleElement().extracting(TextMatch::start).isEqualTo(2);
    assertThat(m.get(0).ruleName()).isEqualTo("text:\"user unknown\"");
  }

  @Test
  void stages() {
    TextRules std = TextRules.standard();
    assertThat(std.stages(TextNormalizer.normalize("550 Access denied (in reply to MAIL FROM command)")))
        .containsExactly(Stage.MAIL_FROM);
    assertThat(std.stages(TextNormalizer.normalize("host x said: 550 (in reply to end of DATA command)")))
        .containsExactly(Stage.DATA);
    assertThat(std.stages(TextNormalizer.normalize("SMTP error from remote mail server after RCPT TO:<a@b>")))
        .containsExactly(Stage.RCPT_TO);
    assertThat(std.stages("")).isEmpty();
  }

  @Test
  void newStageContextsAreRead() {
    TextRules std = TextRules.standard();
    assertThat(std.stages(TextNormalizer.normalize("Connected to 192.0.2.1 but my name was rejected.")))
        .containsExactly(Stage.CONNECT);
    assertThat(std.stages(TextNormalizer.normalize("501 Invalid HELO name (in reply to HELO command)")))
        .containsExactly(Stage.CONNECT);
    assertThat(std.stages(TextNormalizer.normalize("Connected to 192.0.2.1 but sender was rejected.")))
        .containsExactly(Stage.MAIL_FROM);
    assertThat(std.stages(TextNormalizer.normalize("SMTP error from remote server after RCPT command:")))
        .containsExactly(Stage.RCPT_TO);
    assertThat(std.stages(TextNormalizer.normalize("255 (X-Unix)"))).containsExactly(Stage.LOCAL);
    TextRules r = rules("@context connect", "after initial connection", "@context local", "x unix");
    assertThat(r.stages("after initial connection")).containsExactly(Stage.CONNECT);
  }

  @Test
  void stageMarkersDoNotCompleteReasonPhrases() {
    TextRules std = TextRules.standard();
    String exim = TextNormalizer.normalize(
        "SMTP error from remote mail server after MAIL FROM:<a@example.net> SIZE=1830: 554 Client host rejected");
    assertThat(std.matches(exim)).extracting(TextMatch::phrase).doesNotContain("mail from ~ rejected");
    assertThat(std.mask(exim)).hasSameSizeAs(exim).doesNotContain("after mail from").contains("client host rejected");
    // the same words outside a stage marker still count
    assertThat(std.matches(TextNormalizer.normalize("550 Mail from <a@example.net> rejected by policy")))
        .extracting(TextMatch::phrase).contains("mail from ~ rejected");
    // a marker that is a rule itself stays visible
    assertThat(std.matches(TextNormalizer.normalize("Connected to 192.0.2.1 but sender was rejected.")))
        .extracting(TextMatch::phrase).contains("sender was rejected");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> rules("phrase before group")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> rules("@NO_SUCH_REASON strong")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> rules("@SPAM_DETECTED maybe")).hasMessageContaining("unknown reason or tier");
    assertThatThrownBy(() -> rules("@SPAM_DETECTED strong", "spam", "SPAM")).hasMessageContaining("line 3: repeated");
    assertThatThrownBy(() -> rules("@SPAM_DETECTED strong", "550 ~ spam")).hasMessageContaining("no words");
    assertThatThrownBy(() -> rules("@context nowhere")).hasMessageContaining("unknown context");
  }

  @Test
  void groupsFlaggedAtOnceMarkTheirRules() {
    TextRules r = rules("@NETWORK_ERROR strong at-once", "mail loop", "@NETWORK_ERROR strong", "connection refused");
    assertThat(r.foundAtOnce(match(r, "mail loop detected").get(0))).isTrue();
    assertThat(r.foundAtOnce(match(r, "connection refused").get(0))).isFalse();
    assertThat(TextRules.standard().foundAtOnce(match(TextRules.standard(), "too many hops").get(0))).isTrue();
    assertThatThrownBy(() -> rules("@NETWORK_ERROR strong at-twice", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rules("@context data at-once", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    TextRules r = rules("# comment", "", "@SPAM_DETECTED weak", "  # indented comment", "bulk", "");
    assertThat(r.size()).isEqualTo(1);
    assertThat(match(r, "bulk mail")).singleElement().extracting(TextMatch::tier).isEqualTo(Tier.WEAK);
  }

  @Test
  void linesEndAsBufferedReaderEndsThem() throws java.io.IOException {
    for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb", "a\r\r\nb\n\n", "\n\nx", "é ~ ü\r", "宛先\n\u00e9\r\nx")) {
      List<String> expected = new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList();
      assertThat(TextRules.lines(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(text).isEqualTo(expected);
    }
  }

  @Test
  void splitGivesWhatStringSplitGives() {
    for (String s : List.of("", "a", "a~b", "~a", "a~", "~~", "~", "a~~b", "a ~ b ~ c", "!!", "a !! b !! c", "a!!!b", "!!a!!")) {
      for (String mark : List.of("~", "!!")) {
        assertThat(TextRules.split(s, mark)).as(s + " on " + mark).containsExactly(s.split(java.util.regex.Pattern.quote(mark)));
      }
    }
  }
}
