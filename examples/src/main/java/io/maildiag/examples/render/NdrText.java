package io.maildiag.examples.render;

import io.maildiag.core.Diagnostic;
import io.maildiag.ndr.Actor;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.RetryAdvice;
import io.maildiag.ndr.code.CodeExplanation;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ProviderCode;
import io.maildiag.ndr.code.ReplyCode;
import io.maildiag.ndr.code.StatusCodeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders bounce analyses and status-code explanations as human-readable lines: the default output
 * of {@code mail-diag ndr}. Every text that came from the message is made {@linkplain
 * Text#printable printable}.
 */
public final class NdrText {

  private NdrText() {}

  /**
   * Returns the lines describing one analysed message: what kind it is and who reported it, then
   * each recipient with its status, verdict and evidence, the original message, and the
   * diagnostics.
   *
   * @param file the file name to show
   */
  public static List<String> analysis(String file, BounceAnalysis a) {
    List<String> lines = new ArrayList<>();
    lines.add("file         " + Text.printable(file));
    lines.add("kind         " + a.kind().jsonName() + ": " + kind(a.kind()));
    lines.add("format       " + Text.printable(a.format()));
    lines.add("reporter     " + a.reportingMta().map(Text::printable).orElse("(not stated)"));
    a.feedbackType().ifPresent(t -> lines.add("feedback     " + Text.printable(t)));
    lines.add("recipients   " + (a.recipients().isEmpty() ? "none" : Integer.toString(a.recipients().size())));
    int n = 0;
    for (RecipientResult r : a.recipients()) {
      n++;
      lines.add("");
      lines.addAll(recipient(n, r, ""));
    }
    lines.add("");
    lines.addAll(original(a.original(), ""));
    if (!a.diagnostics().isEmpty()) {
      lines.add("");
      lines.add("diagnostics");
      lines.addAll(diagnostics(a.diagnostics(), "  "));
    }
    return lines;
  }

  /**
   * Returns the lines of one file: {@link #analysis(String, BounceAnalysis)} of its message, or for
   * an mbox file of several messages, the number of messages and then each message's lines under
   * a {@code message N of M} heading.
   *
   * @param file the file as given
   * @param analyses the analyses of the file's messages, in file order
   * @return the lines
   * @throws IllegalArgumentException if {@code analyses} is empty
   */
  public static List<String> analysis(String file, List<BounceAnalysis> analyses) {
    if (analyses.isEmpty()) {
      throw new IllegalArgumentException("no analysis of " + file);
    }
    if (analyses.size() == 1) {
      return analysis(file, analyses.get(0));
    }
    List<String> lines = new ArrayList<>();
    lines.add("file         " + Text.printable(file));
    lines.add("messages     " + analyses.size() + " (an mbox file)");
    int number = 0;
    for (BounceAnalysis a : analyses) {
      number++;
      lines.add("");
      lines.add("message " + number + " of " + analyses.size());
      List<String> one = analysis(file, a);
      lines.addAll(one.subList(1, one.size())); // without its "file" line
    }
    return lines;
  }

  /** Returns the lines of one recipient: its heading, then its facts indented by two more. */
  public static List<String> recipient(int number, RecipientResult r, String indent) {
    Classification c = r.classification();
    String in = indent + "  ";
    List<String> lines = new ArrayList<>();
    lines.add(indent + "recipient " + number + "  " + Text.printable(r.recipient()));
    r.originalRecipient().filter(o -> !o.equalsIgnoreCase(r.recipient()))
        .ifPresent(o -> lines.add(in + "original     " + Text.printable(o)));
    lines.add(in + "action       " + Text.printable(r.action()));
    lines.add(in + "status       " + r.status().map(NdrText::status).orElse("(none stated)"));
    lines.add(in + "reply code   " + r.replyCode().map(NdrText::reply).orElse("(none stated)"));
    lines.add(in + "reason       " + c.reason().jsonName() + ": " + c.reason().description());
    lines.add(in + "permanent    " + (c.permanent() ? "yes: sending it again as it is will fail" : "no"));
    lines.add(in + "retry        " + c.retry().jsonName() + ": " + retry(c.retry()));
    lines.add(in + "who acts     " + c.actor().jsonName() + ": " + actor(c.actor()));
    lines.add(in + "remediation  " + Text.printable(c.remediation()));
    lines.add(in + "diagnostic   " + (r.diagnosticText().isEmpty() ? "(none)" : Text.quoted(r.diagnosticText())));
    r.remoteMta().ifPresent(m -> lines.add(in + "remote mta   " + Text.printable(m)));
    r.lastAttempt().ifPresent(t -> lines.add(in + "last attempt " + t));
    lines.add(in + "rule         " + Text.printable(c.rule()));
    lines.add(in + "evidence     " + Text.printable(r.evidence().part()) + ", read by the "
        + Text.printable(r.evidence().parser()) + " parser");
    if (!r.evidence().excerpt().isBlank()) {
      lines.add(in + "             " + Text.quoted(r.evidence().excerpt()));
    }
    return lines;
  }

  /** Returns the lines about the original message, or one line saying that nothing was returned. */
  public static List<String> original(OriginalMessage o, String indent) {
    List<String> lines = new ArrayList<>();
    if (o.messageId().isEmpty() && o.from().isEmpty() && o.to().isEmpty() && o.subject().isEmpty()
        && o.date().isEmpty()) {
      lines.add(indent + "original message  (nothing of it was returned)");
      return lines;
    }
    String in = indent + "  ";
    lines.add(indent + "original message");
    lines.add(in + "message-id   " + shown(o.messageId()));
    lines.add(in + "from         " + shown(o.from()));
    o.to().ifPresent(t -> lines.add(in + "to           " + Text.printable(t)));
    lines.add(in + "subject      " + shown(o.subject()));
    o.date().ifPresent(d -> lines.add(in + "date         " + Text.printable(d)));
    return lines;
  }

  /** Returns one line per diagnostic: {@code warning CODE: message}. */
  public static List<String> diagnostics(List<Diagnostic> diagnostics, String indent) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      lines.add(indent + d.severity().jsonName() + " " + d.code() + ": " + Text.printable(d.message()));
    }
    return lines;
  }

  /** Returns an enhanced status code with its registered title: {@code 5.1.1 (Bad destination mailbox address)}. */
  public static String status(EnhancedStatusCode code) {
    return code + StatusCodeRegistry.lookup(code).map(e -> " (" + e.title() + ")").orElse(" (not in the IANA registry)");
  }

  /** Returns a reply code with its documented meaning, if it has one. */
  public static String reply(ReplyCode code) {
    return code + code.meaning().map(m -> " (" + m + ")").orElse("");
  }

  /**
   * Returns the lines explaining an enhanced status code: class, title, registry description,
   * subject, references, the default verdict, and what each provider means by it.
   */
  public static List<String> code(CodeExplanation e) {
    List<String> lines = new ArrayList<>();
    lines.add("code         " + e.code() + ": enhanced status code (RFC 3463)");
    lines.add("class        " + e.code().statusClass() + ": " + e.statusClass().title()
        + (e.classRegistered() ? "" : " (the registry does not list the code with this class)"));
    lines.add("title        " + e.title());
    e.registryEntry().ifPresent(entry -> lines.add("description  " + entry.description()));
    lines.add("subject      " + e.subject().map(s -> s.registryKey() + " " + s.title() + ": " + s.description())
        .orElse(e.subjectDescription()));
    e.registryEntry().ifPresent(entry -> {
      lines.add("reply codes  " + entry.associatedReplyCodes() + " (associated in the registry)");
      lines.add("references   " + String.join(", ", entry.references())
          + (entry.deprecated() ? " (deprecated)" : ""));
    });
    if (e.registryEntry().isEmpty()) {
      lines.add("registry     not registered: providers use it with a meaning of their own");
    }
    lines.addAll(verdict(e.defaultClassification(), "code alone"));
    lines.add("");
    if (e.providerMeanings().isEmpty()) {
      lines.add("provider meanings  none recorded for " + e.code());
    } else {
      lines.add("provider meanings (" + e.providerMeanings().size() + ")");
      for (ProviderCode p : e.providerMeanings()) {
        lines.add("  " + p.provider().jsonName() + ": " + p.title());
        lines.add("    cause        " + p.cause());
        lines.add("    remediation  " + p.remediation());
        lines.add("    verdict      " + p.reason().jsonName() + ", " + p.retry().jsonName() + ", "
            + p.actor().jsonName() + " acts");
        lines.add("    source       " + p.source());
      }
    }
    return lines;
  }

  /**
   * Returns the lines explaining a basic SMTP reply code: class, documented meaning, the verdict
   * the code alone supports, and the registered enhanced codes associated with it.
   */
  public static List<String> replyCode(ReplyCode code, Classification verdict) {
    List<String> lines = new ArrayList<>();
    lines.add("code         " + code + ": SMTP reply code (RFC 5321)");
    lines.add("class        " + code.value() / 100 + "xx: " + replyClass(code));
    lines.add("meaning      " + code.meaning().orElse(undocumentedReply(code)));
    code.reference().ifPresent(r -> lines.add("references   " + r));
    lines.addAll(verdict(verdict, "code alone"));
    List<StatusCodeRegistry.Entry> related = NdrJson.relatedStatusCodes(code);
    if (!related.isEmpty()) {
      lines.add("");
      lines.add("enhanced status codes registered with " + code + " (" + related.size() + "):");
      for (StatusCodeRegistry.Entry entry : related) {
        lines.add("  " + entry.key() + "  " + entry.title());
      }
      lines.add("A reply code alone says little; the enhanced status code in the same reply says more");
      lines.add("(mail-diag ndr --code " + code.value() / 100 + ".X.Y).");
    }
    return lines;
  }

  /** Returns the title of a reply code the standards do not list. */
  public static String undocumentedReply(ReplyCode code) {
    return "not documented in RFC 5321; a " + replyClass(code);
  }

  private static String replyClass(ReplyCode code) {
    return switch (code.value() / 100) {
      case 2 -> "positive completion reply";
      case 3 -> "positive intermediate reply";
      case 4 -> "transient negative reply: the same command may succeed later";
      default -> "permanent negative reply: the same command will fail again";
    };
  }

  private static List<String> verdict(Classification c, String what) {
    List<String> lines = new ArrayList<>();
    lines.add("verdict      " + c.reason().jsonName() + ": " + c.reason().description() + " (from the " + what + ")");
    lines.add("  permanent  " + (c.permanent() ? "yes" : "no"));
    lines.add("  retry      " + c.retry().jsonName() + ": " + retry(c.retry()));
    lines.add("  who acts   " + c.actor().jsonName() + ": " + actor(c.actor()));
    lines.add("  remedy     " + c.remediation());
    lines.add("  rule       " + c.rule());
    return lines;
  }

  /** Returns what a kind of message is, for people. */
  public static String kind(MessageKind kind) {
    return switch (kind) {
      case BOUNCE -> "a non-delivery report; delivery failed for at least one recipient";
      case DELAY -> "a delay notice; delivery is still being retried";
      case DELIVERY_REPORT -> "a success notice; the message was delivered or relayed";
      case AUTO_REPLY -> "an automatic reply (vacation, out of office), not a bounce";
      case FEEDBACK_REPORT -> "a feedback report (ARF), such as a spam complaint, not a bounce";
      case QUOTED_BOUNCE -> "an ordinary message that quotes or forwards a bounce";
      case NOT_A_BOUNCE -> "not a bounce or report of any kind";
    };
  }

  /** Returns what retry advice asks of the sender, for people. */
  public static String retry(RetryAdvice retry) {
    return switch (retry) {
      case RETRY_LATER -> "the condition is temporary; sending again later may succeed";
      case DO_NOT_RETRY -> "sending this message again will not change the outcome";
      case FIX_THEN_RETRY -> "fix the cause first; retrying alone will not help";
      case SUPPRESS_ADDRESS -> "stop sending to this address";
    };
  }

  /** Returns who must act, for people. */
  public static String actor(Actor actor) {
    return switch (actor) {
      case SENDER -> "the sender of the message";
      case SENDER_ADMIN -> "the sender's mail administrator";
      case RECIPIENT -> "the recipient of the message";
      case RECIPIENT_ADMIN -> "the recipient's mail administrator";
      case PROVIDER -> "the receiving provider";
      case NONE -> "nobody needs to act";
    };
  }

  private static String shown(Optional<String> value) {
    return value.map(Text::printable).orElse("(not returned)");
  }
}
