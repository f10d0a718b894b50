package io.maildiag.ndr.parse;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.code.Provider;
import java.util.List;
import java.util.Locale;
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
      "(?i)^\\s*(?:(?:re|aw|sv|antw)\\s*:\\s*)?(?:auto(?:matic|matische|matisk|matique)?[ -]?(?:reply|response|"
          + "antwort|answer|svar|risposta|respuesta|r[ée]ponse|antwoord)|autoreply|autoresponse|out of (?:the )?office|"
          + "ooo\\b|abwesenheit|vacation|on vacation|away from (?:the )?office|i am (?:currently )?out of|"
          + "r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|automatisch antwoord|"
          + "automaattinen vastaus|absence|abwesenheitsnotiz|fuera de la oficina|hors du bureau)");

  static boolean subjectSaysAutoReply(String subject) {
    return SUBJECT.matcher(subject).find();
  }

  static boolean isAutoReply(Engine.Message msg) {
    Headers h = msg.root.headers;
    String as = h.get("Auto-Submitted").orElse("").toLowerCase(Locale.ROOT);
    if (as.startsWith("auto-replied")) {
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
    return SUBJECT.matcher(msg.subject).find();
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
    x.excerpt = ex.length() > 300 ? ex.substring(0, 297) + "..." : ex;
    Optional<String> inReplyTo = msg.root.headers.get("In-Reply-To")
        .map(v -> ANGLE_ID.matcher(v).replaceAll("").trim()).filter(v -> !v.isEmpty());
    OriginalMessage original = inReplyTo.isPresent()
        ? new OriginalMessage(inReplyTo, Optional.empty(), Optional.of(msg.fromRaw), Optional.empty(), Optional.empty())
        : OriginalMessage.none();
    return new BounceAnalysis(MessageKind.AUTO_REPLY, "rfc3834", Optional.empty(),
        List.of(engine.result(x, Provider.OTHER, Reason.AUTO_REPLY)), original, Optional.empty(), msg.diags.toList());
  }
}
