package io.maildiag.ndr.parse;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.code.Provider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Automatic replies (RFC 3834): vacation notices and out-of-office replies, recognised by
 * {@code Auto-Submitted: auto-replied}, the de-facto headers autoresponders add ({@code
 * X-Autoreply}, {@code X-Autorespond}, {@code Precedence: auto_reply}, Apple's {@code
 * X-Apple-Action: VACATION}) and the subjects they use in many languages. The one entry is the
 * person who replied, with reason {@link Reason#AUTO_REPLY}.
 */
final class AutoReply {
  private static final Pattern ANGLE_ID = Pattern.compile("^\\s*<|>.*$");
  private AutoReply() {}

  private static final Pattern SUBJECT = Pattern.compile(
      // matched from the subject's own words on, after a list's or gateway's tags (see subjectSaysAutoReply)
      "(?i)^\\s*+(?:(?:re|aw|sv|antw)\\s*+:\\s*+)?(?:auto(?:matic|matische|matisk|matique)?[ -]?(?:reply|response|"
          + "antwort|answer|svar|risposta|respuesta|r[\u00e9e]ponse|antwoord)|autoreply|autoresponse|out of (?:the )?office|"
          + "ooo" + WordBoundary.AFTER + "|abwesenheit|vacation|on vacation|away from (?:the )?office|i am (?:currently )?out of|"
          + "r[\u00e9e]ponse automatique|respuesta autom[\u00e1a]tica|risposta automatica|automatisch antwoord|"
          + "automaattinen vastaus|absence|abwesenheitsnotiz|fuera de la oficina|hors du bureau|"
          // Outlook's "Automatic reply:" in other languages, as Outlook writes them (ASCII case only is
          // folded; a capital past ASCII is given in both cases where the word may start a subject), and
          // Latvian written without its accents
          + "automatiskt svar|odpowied\u017a automatyczna|automatick\u00e1 odpov\u011b\u010f|"
          + "automatick\u00e1 odpove\u010f|automatikus v\u00e1lasz|otomatik yan\u0131t|"
          + "autom[\u0101a]tisk[\u0101a] atbilde|[\u0100\u0101a]rpus biroja|automatinis atsakymas|"
          + "automaatne vastus|r[\u0103a]spuns automat|automatski odgovor|samodejni odgovor|"
          + "resposta autom[\u00e1a]tica|[\u0410\u0430]\u0432\u0442\u043e\u043c\u0430\u0442\u0438\u0447\u0435\u0441\u043a\u0438\u0439 \u043e\u0442\u0432\u0435\u0442|[\u0410\u0430]\u0432\u0442\u043e\u043c\u0430\u0442\u0438\u0447\u043d\u0430 \u0432\u0456\u0434\u043f\u043e\u0432\u0456\u0434\u044c|"
          + "[\u0410\u0430]\u0432\u0442\u043e\u043c\u0430\u0442\u0438\u0447\u0435\u043d \u043e\u0442\u0433\u043e\u0432\u043e\u0440|[\u0391\u03b1]\u03c5\u03c4\u03cc\u03bc\u03b1\u03c4\u03b7 \u03b1\u03c0\u03ac\u03bd\u03c4\u03b7\u03c3\u03b7|\u81ea\u52d5\u5fdc\u7b54|"
          + "\u81ea\u52a8\u56de\u590d|\u81ea\u52d5\u56de\u8986|\uc790\ub3d9 \ud68c\uc2e0|"
          // IBM Notes: "AUTO: Jane Doe is out of the office (returning 05/01/2010)", and older releases
          // without the "AUTO:" ("Jane Doe/SITE/ORG is out of the office"; no colon, so no "Fwd:" before it)
          + "auto\\s*:[^\\r\\n]*?" + WordBoundary.BEFORE + "out of (?:the )?office|[^:\\r\\n]*?" + WordBoundary.BEFORE + "is out of (?:the )?office" + WordBoundary.AFTER + ")");

  /**
   * Words of which every ASCII text that {@link #SUBJECT} finds holds one, ASCII case aside: each of
   * its alternatives written in ASCII holds one ("automatique", "automatisch" and the like hold
   * "auto"; IBM Notes' lines hold "out of"). The alternatives with a char past ASCII in every
   * spelling need no word here: a text with such a char is always given to the pattern.
   */
  private static final Keywords SUBJECT_WORDS = new Keywords("auto", "out of", "ooo", "abwesenheit", "vacation",
      "away from", "absence", "fuera de la oficina", "hors du bureau", "rpus biroja", "samodejni");

  /** Whether {@code subject} says it is an automatic reply, after its tags ({@link Engine#afterTags}). */
  static boolean subjectSaysAutoReply(String subject) {
    int from = Engine.afterTags(subject);
    if (ascii(subject, from) && SUBJECT_WORDS.next(subject, from) < 0) {
      return false; // most subjects (a bounce's) hold none of the words: the pattern is not run
    }
    return subjectMatches(subject, from);
  }

  /** What {@link #SUBJECT} finds in {@code subject} from {@code from} on. */
  static boolean subjectMatches(String subject, int from) {
    return SUBJECT.matcher(subject).region(from, subject.length()).find();
  }

  /** Whether {@code s} from {@code from} on is ASCII. */
  private static boolean ascii(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  static boolean isAutoReply(Engine.Message msg) {
    // the fields asked for, read in one pass over the header (the first value of each, as get gives it)
    String autoSubmitted = null;
    String precedence = null;
    String appleAction = null;
    boolean marked = false;
    List<Headers.Field> fields = msg.root.headers.fields();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).name();
      if (autoSubmitted == null && Headers.sameName(name, "Auto-Submitted")) {
        autoSubmitted = fields.get(i).value();
      } else if (precedence == null && Headers.sameName(name, "Precedence")) {
        precedence = fields.get(i).value();
      } else if (appleAction == null && Headers.sameName(name, "X-Apple-Action")) {
        appleAction = fields.get(i).value();
      } else if (!marked && autoReplyField(name)) {
        marked = true;
      }
    }
    if (autoSubmitted != null && Formats.lowerStartsWith(autoSubmitted.trim(), "auto-replied")) {
      return true;
    }
    if (marked) {
      return true;
    }
    if (precedence != null && Formats.lowerContains(precedence, "auto_reply")) {
      return true;
    }
    if (appleAction != null && containsIgnoreCase(appleAction, "VACATION")) {
      return true;
    }
    return subjectSaysAutoReply(msg.subject);
  }

  /**
   * Whether {@code s} holds {@code word} in either case, char by char as {@link
   * String#regionMatches(boolean, int, String, int, int)} compares them: in time linear in {@code s}
   * for a short word (upper-casing a long value takes time quadratic in its count of chars such as
   * {@code \u00df} that upper-case to two).
   */
  static boolean containsIgnoreCase(String s, String word) {
    for (int i = 0; i + word.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a field of this name marks an automatic reply by being there. */
  private static boolean autoReplyField(String name) {
    return Headers.sameName(name, "X-Autoreply") || Headers.sameName(name, "X-Autorespond")
        || Headers.sameName(name, "X-Autoresponder") || Headers.sameName(name, "X-Vacation")
        || Headers.sameName(name, "X-AutoReply-From") || Headers.sameName(name, "X-Mail-Autoreply");
  }

  static BounceAnalysis analyze(Engine.Message msg, Engine engine) {
    if (!msg.autoReply() || msg.fromAddress.indexOf('@') < 0) {
      return null;
    }
    Rcpt x = new Rcpt();
    x.recipient = msg.fromAddress;
    x.action = "auto-replied";
    String text = msg.notificationText();
    x.diagnostic = Smtp.bound(Smtp.clean(text.length() > 4000 ? text.substring(0, 4000) : text));
    x.part = msg.textPart == null ? "message body" : msg.textPart.label();
    x.parser = "rfc3834";
    String ex = msg.subject.isEmpty() ? x.diagnostic : "Subject: " + msg.subject;
    x.excerpt = Smtp.excerpt(ex);
    Optional<String> inReplyTo = Optional.empty();
    Optional<String> inReplyToField = msg.root.headers.get("In-Reply-To");
    if (inReplyToField.isPresent()) {
      String id = ANGLE_ID.matcher(inReplyToField.get()).replaceAll("").trim();
      if (!id.isEmpty()) {
        inReplyTo = Optional.of(id);
      }
    }
    OriginalMessage original = inReplyTo.isPresent()
        ? new OriginalMessage(inReplyTo, Optional.empty(), Optional.of(msg.fromRaw), Optional.empty(), Optional.empty())
        : OriginalMessage.none();
    return new BounceAnalysis(MessageKind.AUTO_REPLY, "rfc3834", Optional.empty(),
        List.of(engine.result(x, Provider.OTHER, Reason.AUTO_REPLY)), original, Optional.empty(), msg.diags.toList());
  }
}
