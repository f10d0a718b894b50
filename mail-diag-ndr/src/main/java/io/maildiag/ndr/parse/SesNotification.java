package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon SES event notifications delivered by mail (SNS e-mail subscriptions): the JSON object
 * with {@code notificationType} (or {@code eventType}) Bounce, Complaint or Delivery, possibly
 * wrapped in an SNS envelope whose {@code Message} is the JSON as a string.
 */
final class SesNotification {
  private SesNotification() {}

  static BounceAnalysis analyze(Engine.Message msg, Engine engine) {
    String text = msg.notificationText();
    int open = text.indexOf('{');
    // the forward searches first: most texts are ruled out before the backward one
    if (open < 0 || !(text.contains("notificationType") || text.contains("eventType"))) {
      return null;
    }
    int close = text.lastIndexOf('}');
    if (close < open) {
      return null;
    }
    Object parsed = MiniJson.parse(text.substring(open, close + 1));
    Map<String, Object> root = MiniJson.obj(parsed);
    if (root.containsKey("Message") && root.get("Message") instanceof String inner) {
      root = MiniJson.obj(MiniJson.parse(inner));
    }
    String type = MiniJson.str(root.getOrDefault("notificationType", root.getOrDefault("eventType", "")));
    if (type.isEmpty()) {
      return null;
    }
    Map<String, Object> mail = MiniJson.obj(root.get("mail"));
    Map<String, Object> common = MiniJson.obj(mail.get("commonHeaders"));
    OriginalMessage original = new OriginalMessage(
        opt(MiniJson.str(common.getOrDefault("messageId", mail.getOrDefault("messageId", "")))),
        opt(String.join(", ", strings(common.get("from")))), opt(String.join(", ", strings(common.get("to")))),
        opt(MiniJson.str(common.get("subject"))), opt(MiniJson.str(common.get("date"))));
    List<RecipientResult> results = new ArrayList<>();
    String label = msg.textPart == null ? "message body" : msg.textPart.label();
    String reporting = "";
    MessageKind kind;
    Optional<String> feedbackType = Optional.empty();
    switch (LowerCase.root(type)) {
      case "bounce": {
        Map<String, Object> b = MiniJson.obj(root.get("bounce"));
        reporting = DsnParser.host(MiniJson.str(b.get("reportingMTA")));
        String bounceType = MiniJson.str(b.get("bounceType"));
        for (Object o : MiniJson.list(b.get("bouncedRecipients"))) {
          Map<String, Object> r = MiniJson.obj(o);
          Rcpt x = base(MiniJson.str(r.get("emailAddress")), label);
          String diag = DsnParser.diagnostic(MiniJson.str(r.get("diagnosticCode"))).text();
          x.diagnostic = Smtp.clean(diag.isBlank() ? "SES " + bounceType + " bounce: "
              + MiniJson.str(b.get("bounceSubType")) : diag);
          Smtp.Facts f = Smtp.facts(diag);
          x.reply = f.reply();
          x.status = Smtp.statusField(MiniJson.str(r.get("status"))).or(f::status);
          x.action = LowerCase.root(MiniJson.str(r.get("action")));
          if (x.action.isEmpty()) {
            x.action = "failed";
          }
          x.remoteMta = reporting;
          x.excerpt = excerpt(r);
          if (!x.recipient.isEmpty()) {
            results.add(engine.result(x, Formats.forRecipient(Provider.AMAZON_SES, "", x.diagnostic), null));
          }
        }
        kind = Engine.kindOf(results);
        break;
      }
      case "complaint": {
        Map<String, Object> c = MiniJson.obj(root.get("complaint"));
        String ft = LowerCase.root(MiniJson.str(c.get("complaintFeedbackType")));
        feedbackType = Optional.of(ft.isEmpty() ? "abuse" : ft);
        for (Object o : MiniJson.list(c.get("complainedRecipients"))) {
          Map<String, Object> r = MiniJson.obj(o);
          Rcpt x = base(MiniJson.str(r.get("emailAddress")), label);
          x.action = "feedback";
          x.diagnostic = "Amazon SES complaint, feedback type " + feedbackType.get();
          x.excerpt = excerpt(r);
          if (!x.recipient.isEmpty()) {
            results.add(engine.result(x, Provider.AMAZON_SES, Reason.FEEDBACK));
          }
        }
        kind = MessageKind.FEEDBACK_REPORT;
        break;
      }
      case "delivery": {
        Map<String, Object> d = MiniJson.obj(root.get("delivery"));
        reporting = MiniJson.str(d.get("reportingMTA"));
        String response = MiniJson.str(d.get("smtpResponse"));
        for (String r : strings(d.get("recipients"))) {
          Rcpt x = base(r, label);
          x.action = "delivered";
          x.diagnostic = Smtp.clean(response);
          x.reply = Smtp.positiveReply(response);
          x.status = Smtp.statusCode(response, x.reply);
          x.excerpt = Smtp.bound("recipient " + r + "; smtpResponse " + response);
          x.remoteMta = reporting;
          results.add(engine.result(x, Provider.AMAZON_SES, Reason.DELIVERED));
        }
        kind = MessageKind.DELIVERY_REPORT;
        break;
      }
      default:
        return null;
    }
    return new BounceAnalysis(kind, Formats.AMAZONSES, reporting.isEmpty() ? Optional.empty() : Optional.of(reporting),
        results, original, feedbackType, msg.diags.toList());
  }

  private static Rcpt base(String address, String label) {
    Rcpt x = new Rcpt();
    x.recipient = address.trim();
    x.part = label;
    x.parser = "amazonses-json";
    return x;
  }

  private static String excerpt(Map<String, Object> r) {
    String s = r.toString();
    return Smtp.excerpt(s);
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : MiniJson.list(o)) {
      if (x instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  private static Optional<String> opt(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
