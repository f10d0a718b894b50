package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Engine#bounceSubject} finds what {@link Engine.Spec#BOUNCE_SUBJECT} finds. */
class EngineBounceSubjectTest {

  /** The pattern's alternatives, {@code non[- ]?deliver} spelled out. */
  private static List<String> alternatives() {
    String p = Engine.Spec.BOUNCE_SUBJECT.pattern();
    assertThat(p).startsWith("(?i)(").endsWith(")");
    List<String> out = new ArrayList<>();
    for (String a : p.substring(5, p.length() - 1).split("\\|")) {
      if (a.equals("non[- ]?deliver")) {
        out.add("non-deliver");
        out.add("non deliver");
        out.add("nondeliver");
      } else {
        assertThat(a).doesNotContain("[", "?", "(", "\\");
        out.add(a);
      }
    }
    return out;
  }

  /** The alternatives past ASCII are listed for the search by their chars, and only they. */
  @Test
  void theWideAlternativesAreThePatterns() {
    List<String> wide = new ArrayList<>();
    for (String a : alternatives()) {
      if (a.chars().anyMatch(c -> c >= 128)) {
        wide.add(a);
      }
    }
    assertThat(Engine.BOUNCE_SUBJECT_WIDE).containsExactlyInAnyOrderElementsOf(wide);
  }

  @Test
  void everyAlternativeInAnyCaseIsFound() {
    for (String a : alternatives()) {
      for (String s : new String[] {a, a.toUpperCase(Locale.ROOT), "Re: " + a + "!", "x" + a.toUpperCase(Locale.ROOT)}) {
        assertThat(Engine.bounceSubject(s)).as(s).isEqualTo(Engine.Spec.BOUNCE_SUBJECT.matcher(s).find());
      }
      assertThat(Engine.bounceSubject(a)).as(a).isTrue();
    }
  }

  @Test
  void randomSubjectsAsByThePattern() {
    List<String> pieces = new ArrayList<>();
    for (String a : alternatives()) {
      pieces.add(a);
      pieces.add(a.toUpperCase(Locale.ROOT));
      int cut = a.length() / 2;
      pieces.add(a.substring(0, cut));
      pieces.add(a.substring(cut));
    }
    pieces.addAll(List.of(" ", "-", ":", "\u0130", "\u212a", "\u017f", "\u00e9", "Re: ", "Fwd: ", "e", "n", "\t",
        "N\u00e3O", "\u00e3", "\u00c3", "\u9000", "\ud83d\ude00"));
    String[] all = pieces.toArray(new String[0]);
    Random random = new Random(31);
    for (int i = 0; i < 30_000; i++) {
      String s = EngineGatesTest.noise(random, all, random.nextInt(5));
      assertThat(Engine.bounceSubject(s)).as(s).isEqualTo(Engine.Spec.BOUNCE_SUBJECT.matcher(s).find());
    }
  }

  @Test
  void eximsNoticeOfAMessageWithoutRecipientsIsABounceThatNamesNone() {
    String message = """
        Auto-Submitted: auto-replied
        From: Mail Delivery System <Mailer-Daemon@mail.example.net>
        To: alice@example.net
        Subject: Mail failure - no recipient addresses

        A message that you sent contained no recipient addresses, and therefore no
        delivery could be attempted.

        ------ This is a copy of your message, including all the headers. ------

        From: alice@example.net
        To:
        Subject: hello
        """;
    BounceAnalysis a = Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).isEmpty();
    assertThat(a.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo(Codes.NO_RECIPIENT_FOUND));
  }

  @Test
  void aBouncesLookOnAListPostingThatNamesNoRecipientIsNoBounce() {
    String lure = """
        From: Mail Delivery System <mailer-daemon@host.example.com>
        To: team@lists.example.org
        Subject: [Team] Undeliverable: Outgoing mail failed
        %sContent-Type: text/html

        <p>You have 3 pending messages. <a href="https://example.com/x">Click to review</a></p>
        """;
    BounceAnalysis listed = Fixtures.ANALYZER.analyze(
        lure.formatted("List-Id: <team.lists.example.org>\n").getBytes(StandardCharsets.UTF_8));
    assertThat(listed.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    BounceAnalysis direct = Fixtures.ANALYZER.analyze(lure.formatted("").getBytes(StandardCharsets.UTF_8));
    assertThat(direct.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(direct.recipients()).isEmpty();
  }
}
