package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link AutoReply#subjectSaysAutoReply}, which skips the pattern for an ASCII subject without any
 * of its words, against the pattern itself.
 */
class AutoReplySubjectPrefilterTest {

  @Property(tries = 20_000)
  void sameAsThePattern(@ForAll("subjects") String subject) {
    assertThat(AutoReply.subjectSaysAutoReply(subject))
        .isEqualTo(AutoReply.subjectMatches(subject, Engine.afterTags(subject)));
  }

  @Test
  void everySpellingTheCorpusOfAutoRepliesUsesStillMatches() {
    for (String s : List.of("Automatic reply: hello", "AutoReply: x", "Out of Office: back Monday", "OOO until 5/1",
        "Abwesenheitsnotiz: Re: Test", "On vacation", "Away from the office", "I am currently out of the office",
        "Reponse automatique : test", "Respuesta automatica: x", "Risposta automatica", "Automatisch antwoord: x",
        "Automaattinen vastaus: x", "Absence", "Fuera de la oficina", "Hors du bureau", "Automatiskt svar: x",
        "Arpus biroja: x", "Samodejni odgovor: x", "[EXTERNAL] Automatic reply: Offer",
        "Jane Doe/MAIL/ORG is out of the office", "AUTO: Smith, Jane is out of the office.",
        "R\u00e9ponse automatique", "\u81ea\u52d5\u5fdc\u7b54: x")) {
      assertThat(AutoReply.subjectSaysAutoReply(s)).as(s).isTrue();
    }
    for (String s : List.of("Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
        "Returned mail: see transcript for details", "Mail delivery failed: returning message to sender", "")) {
      assertThat(AutoReply.subjectSaysAutoReply(s)).as(s).isFalse();
    }
  }

  @Provide
  Arbitrary<String> subjects() {
    Arbitrary<String> piece = Arbitraries.of("auto", "AUTO", "Auto", "matic", "matique", " ", "-", ":", "re", "RE:",
        "Fwd:", "[EXT] ", "reply", "response", "out of", "OUT OF", "out  of", "the ", "office", "ooo", "OOO", "oooh",
        "is ", "i am ", "currently ", "away from", "vacation", "absence", "abwesenheit", "notiz", "fuera de la oficina",
        "hors du bureau", "rpus biroja", "\u0101rpus biroja", "samodejni", "odgovor", "r\u00e9ponse", "automatique",
        "undelivered", "mail", "delivery", "failure", "\u81ea\u52d5\u5fdc\u7b54", "\u00e9", "x", "\t", "\n",
        "Jane Doe/ORG ", "otomatik yan\u0131t", "\u212a");
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
