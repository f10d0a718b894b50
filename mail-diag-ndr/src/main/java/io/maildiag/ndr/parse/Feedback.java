package io.maildiag.ndr.parse;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.Provider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Feedback reports: RFC 5965 ARF ({@code multipart/report; report-type=feedback-report} with a
 * {@code message/feedback-report} part) and Microsoft's JMRP complaints (a message from
 * staff@hotmail.com carrying the reported message, or in an older form the reported message itself
 * returned with the envelope sender staff@hotmail.com). One recipient per reported recipient
 * ({@code Original-Rcpt-To}, {@code Removal-Recipient}, or the reported message's recipient); a
 * report that names none has one entry whose recipient is "" (unknown).
 * A mail client's unsubscribe request (RFC 2369) is an opt-out feedback from its sender.
 */
final class Feedback {
  private Feedback() {}

  static BounceAnalysis analyze(Engine.Message msg, Engine engine) {
    MimePart report = null;
    for (MimePart p : msg.own) {
      if (p.type.mimeType().equals("message/feedback-report")) {
        report = p;
        break;
      }
    }
    // the type and subject are searched as lower-cased, without lower-cased copies
    boolean arfType = Formats.lowerContains(msg.root.headers.get("Content-Type").orElse(""), "feedback-report");
    boolean jmrp = msg.fromAddress.equalsIgnoreCase("staff@hotmail.com")
        || Formats.lowerStartsWith(msg.subject, "complaint about message from");
    Headers fields = Headers.EMPTY;
    if (report != null) {
      fields = Headers.parse(report.text(msg.diags).stripLeading(), 200).headers();
    } else if (arfType) {
      // a feedback report whose part type was lost: look for its fields in the text
      String t = msg.notificationText();
      int i = LowerCase.root(t).indexOf("feedback-type:");
      if (i >= 0) {
        int lineStart = t.lastIndexOf('\n', i) + 1;
        fields = Headers.parse(t.substring(lineStart), 200).headers();
      }
    }
    if (report == null && !arfType && !jmrp && inlineJmrp(msg.root.headers)) {
      return inlineJmrp(msg, engine);
    }
    if (report == null && !arfType && !jmrp && unsubscribeRequest(msg.root.headers)) {
      return unsubscribe(msg, engine);
    }
    if (report == null && !(arfType && fields.has("Feedback-Type")) && !jmrp) {
      return null;
    }
    if (report == null && jmrp && !hasEmbedded(msg)) {
      return null;
    }
    String type = LowerCase.root(fields.get("Feedback-Type").orElse("abuse")).trim();
    if (type.isEmpty()) {
      type = "abuse";
    }
    Set<String> recipients = new LinkedHashSet<>();
    for (String v : fields.all("Original-Rcpt-To")) {
      recipients.addAll(Addresses.all(v));
    }
    if (recipients.isEmpty()) {
      for (String v : fields.all("Removal-Recipient")) {
        recipients.addAll(Addresses.all(v));
      }
    }
    Headers orig = msg.originalHeaders("");
    if (recipients.isEmpty()) {
      for (String v : orig.all("X-HmXmrOriginalRecipient")) {
        recipients.addAll(Addresses.all(v));
      }
    }
    if (recipients.isEmpty()) {
      for (String v : orig.all("To")) {
        List<String> all = Addresses.all(v);
        if (!all.isEmpty()) {
          recipients.add(all.get(0));
          break;
        }
      }
    }
    if (recipients.isEmpty()) {
      // the complaint stands without its complainant's address ("To: <Undisclosed Recipients>"): one
      // entry, whose recipient is "" (unknown), so that the report is not lost
      recipients.add("");
    }
    String reporting = DsnParser.host(fields.get("Reporting-MTA").orElse(null));
    if (reporting.isEmpty()) {
      reporting = Addresses.domain(msg.fromAddress);
    }
    StringBuilder diag = new StringBuilder("Feedback-Type: " + type);
    appendField(diag, "User-Agent", fields.get("User-Agent"));
    appendField(diag, "Source-IP", fields.get("Source-IP"));
    appendField(diag, "Reported-Domain", fields.get("Reported-Domain"));
    String text = Engine.summary(msg.notificationText());
    if (!text.isEmpty()) {
      diag.append(". ").append(text);
    }
    String label = report != null ? report.label() : msg.textPart != null ? msg.textPart.label() : "message body";
    List<RecipientResult> results = new ArrayList<>();
    for (String r : recipients) {
      Rcpt x = new Rcpt();
      x.recipient = r;
      x.action = "feedback";
      x.diagnostic = Smtp.bound(diag.toString());
      x.part = label;
      x.parser = jmrp && report == null ? "jmrp" : "arf";
      x.excerpt = Smtp.excerpt(diag.toString());
      Provider provider = jmrp ? Provider.MICROSOFT : Formats.reporter("", msg.fromRaw, reporting);
      results.add(engine.result(x, provider, Reason.FEEDBACK));
    }
    return new BounceAnalysis(MessageKind.FEEDBACK_REPORT, "arf",
        reporting.isEmpty() ? Optional.empty() : Optional.of(reporting), results, msg.original(""),
        Optional.of(type), msg.diags.toList());
  }

  /**
   * Whether the message is an older JMRP complaint: the reported message itself, sent back by
   * Hotmail with its envelope sender {@code staff@hotmail.com} and the {@code X-HmXmrOriginalRecipient}
   * field Hotmail wrote when it delivered the message to the complaining user.
   */
  static boolean inlineJmrp(Headers h) {
    if (!h.has("X-HmXmrOriginalRecipient")) {
      return false;
    }
    for (String v : h.all("Return-Path")) {
      for (String a : Addresses.all(v)) {
        if (a.equalsIgnoreCase("staff@hotmail.com")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * An {@link #inlineJmrp} complaint as an abuse feedback report: its recipients are the ones named
   * by {@code X-HmXmrOriginalRecipient}, and the reported message is the message itself.
   */
  private static BounceAnalysis inlineJmrp(Engine.Message msg, Engine engine) {
    Headers top = msg.root.headers;
    Set<String> recipients = new LinkedHashSet<>();
    for (String v : top.all("X-HmXmrOriginalRecipient")) {
      recipients.addAll(Addresses.all(v));
    }
    String diag = "Feedback-Type: abuse. A Hotmail user reported the message as junk (JMRP)";
    List<RecipientResult> results = new ArrayList<>();
    for (String r : recipients) {
      Rcpt x = new Rcpt();
      x.recipient = r;
      x.action = "feedback";
      x.diagnostic = diag;
      x.part = "message headers";
      x.parser = "jmrp";
      x.excerpt = "X-HmXmrOriginalRecipient: " + r;
      results.add(engine.result(x, Provider.MICROSOFT, Reason.FEEDBACK));
    }
    return new BounceAnalysis(MessageKind.FEEDBACK_REPORT, "arf", Optional.of("hotmail.com"), results,
        Engine.Message.originalOf(top), Optional.of("abuse"), msg.diags.toList());
  }

  /**
   * Whether the message is a mail client's unsubscribe request: the message a client sends to the
   * {@code mailto:} address of a {@code List-Unsubscribe} field (RFC 2369) when its user asks to
   * unsubscribe. Apple Mail marks the ones it sends with {@code X-Apple-Unsubscribe: true}.
   */
  static boolean unsubscribeRequest(Headers h) {
    Optional<String> v = h.get("X-Apple-Unsubscribe");
    return v.isPresent() && v.get().trim().equalsIgnoreCase("true");
  }

  /**
   * An unsubscribe request as an opt-out feedback (the RFC 5965 type for it): its one recipient is its
   * sender, the person who received the list's mail and asks for no more.
   */
  private static BounceAnalysis unsubscribe(Engine.Message msg, Engine engine) {
    String type = "opt-out";
    StringBuilder diag = new StringBuilder("Feedback-Type: " + type + "; an unsubscribe request (List-Unsubscribe)");
    String text = Engine.summary(msg.notificationText());
    if (!text.isEmpty()) {
      diag.append(". ").append(text);
    }
    String reporting = Addresses.domain(msg.fromAddress);
    List<RecipientResult> results = new ArrayList<>();
    if (!msg.fromAddress.isEmpty()) {
      Rcpt x = new Rcpt();
      x.recipient = msg.fromAddress;
      x.action = "feedback";
      x.diagnostic = Smtp.bound(diag.toString());
      x.part = msg.textPart != null ? msg.textPart.label() : "message body";
      x.parser = "list-unsubscribe";
      x.excerpt = Smtp.excerpt(x.diagnostic);
      results.add(engine.result(x, Formats.reporter("", msg.fromRaw, reporting), Reason.FEEDBACK));
    }
    return new BounceAnalysis(MessageKind.FEEDBACK_REPORT, "arf",
        reporting.isEmpty() ? Optional.empty() : Optional.of(reporting), results, OriginalMessage.none(),
        Optional.of(type), msg.diags.toList());
  }

  private static boolean hasEmbedded(Engine.Message msg) {
    for (MimePart p : msg.own) {
      if ((p.type.isEmbeddedMessage() && !p.children.isEmpty()) || p.type.isHeadersOnly()) {
        return true;
      }
    }
    return false;
  }

  /** Appends {@code "; NAME: value"} for a field that is present. */
  private static void appendField(StringBuilder diag, String name, Optional<String> value) {
    if (value.isPresent()) {
      diag.append("; ").append(name).append(": ").append(value.get());
    }
  }
}
