package io.maildiag.examples.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.Diagnostic;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.OriginalMessage;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.CodeExplanation;
import io.maildiag.ndr.code.ProviderCode;
import io.maildiag.ndr.code.ReplyCode;
import io.maildiag.ndr.code.StatusCodeRegistry;
import java.util.List;

/**
 * Renders bounce analyses and status-code explanations as JSON: the {@code --json} output of
 * {@code mail-diag ndr}, one object per message or code.
 */
public final class NdrJson {

  private NdrJson() {}

  /**
   * Returns the object for one analysed message: {@code file}, {@code kind}, {@code format},
   * {@code reportingMta}, {@code recipients}, {@code original}, {@code feedbackType} and {@code
   * diagnostics}. Absent values are JSON {@code null}, never missing.
   *
   * @param file what to write as {@code file}: the path as given, or a file name in a batch
   */
  public static ObjectNode analysis(String file, BounceAnalysis a) {
    ObjectNode node = Json.object();
    node.put("file", file);
    head(node, a, a.kind());
    ArrayNode recipients = node.putArray("recipients");
    for (RecipientResult r : a.recipients()) {
      recipients.add(recipient(r));
    }
    tail(node, a);
    return node;
  }

  /** Puts the fields of {@link #analysis(String, BounceAnalysis)} before {@code recipients}, {@code kind} as the kind. */
  private static void head(ObjectNode node, BounceAnalysis a, MessageKind kind) {
    node.put("kind", kind.jsonName());
    node.put("format", a.format());
    node.put("reportingMta", a.reportingMta().orElse(null));
  }

  /** Puts the fields of {@link #analysis(String, BounceAnalysis)} after {@code recipients}. */
  private static void tail(ObjectNode node, BounceAnalysis a) {
    node.set("original", original(a.original()));
    node.put("feedbackType", a.feedbackType().orElse(null));
    node.set("diagnostics", diagnostics(a.diagnostics()));
  }

  /**
   * Returns the object for one file: {@link #analysis(String, BounceAnalysis)} of its message. For
   * an mbox file of several messages, {@code recipients} lists the recipients of all of them in
   * file order, each with {@code message} (the number of its message, from 1); {@code kind} is
   * {@code bounce} if any message is one, else {@code delay} if any is one, else the first
   * message's kind; {@code format}, {@code reportingMta}, {@code original}, {@code feedbackType}
   * and {@code diagnostics} are the first message's (whose diagnostics hold those of the whole
   * file); and {@code messages} lists each message's own object: its {@code message} number, then
   * the fields of {@link #analysis(String, BounceAnalysis)} but {@code file} and {@code recipients}
   * (which the file's own {@code recipients} list).
   *
   * @param file what to write as {@code file}: the path as given, or a file name in a batch
   * @param analyses the analyses of the file's messages, in file order
   * @return the object
   * @throws IllegalArgumentException if {@code analyses} is empty
   */
  public static ObjectNode analysis(String file, List<BounceAnalysis> analyses) {
    if (analyses.isEmpty()) {
      throw new IllegalArgumentException("no analysis of " + file);
    }
    if (analyses.size() == 1) {
      return analysis(file, analyses.get(0));
    }
    BounceAnalysis first = analyses.get(0);
    ObjectNode node = Json.object();
    node.put("file", file);
    head(node, first, fileKind(analyses));
    ArrayNode recipients = node.putArray("recipients");
    tail(node, first);
    ArrayNode messages = node.putArray("messages");
    int number = 0;
    for (BounceAnalysis a : analyses) {
      number++;
      for (RecipientResult r : a.recipients()) {
        recipients.add(recipient(r).put("message", number));
      }
      ObjectNode one = messages.addObject();
      one.put("message", number);
      head(one, a, a.kind());
      tail(one, a);
    }
    return node;
  }

  /** The kind of a file of several messages: a bounce if one is, else a delay if one is, else the first's. */
  static MessageKind fileKind(List<BounceAnalysis> analyses) {
    MessageKind kind = analyses.get(0).kind();
    for (BounceAnalysis a : analyses) {
      if (a.kind() == MessageKind.BOUNCE) {
        return MessageKind.BOUNCE;
      }
      if (a.kind() == MessageKind.DELAY) {
        kind = MessageKind.DELAY;
      }
    }
    return kind;
  }

  /** Returns the object for one recipient, with its verdict and evidence. */
  public static ObjectNode recipient(RecipientResult r) {
    Classification c = r.classification();
    ObjectNode node = Json.object();
    node.put("recipient", r.recipient());
    node.put("originalRecipient", r.originalRecipient().orElse(null));
    node.put("action", r.action());
    node.put("status", r.status().map(Object::toString).orElse(null));
    if (r.replyCode().isPresent()) {
      node.put("replyCode", r.replyCode().get().value());
    } else {
      node.putNull("replyCode");
    }
    node.put("reason", c.reason().jsonName());
    node.put("reasonDescription", c.reason().description());
    node.put("permanent", c.permanent());
    node.put("retry", c.retry().jsonName());
    node.put("actor", c.actor().jsonName());
    node.put("remediation", c.remediation());
    node.put("diagnosticText", r.diagnosticText());
    node.put("remoteMta", r.remoteMta().orElse(null));
    node.put("lastAttempt", r.lastAttempt().map(Object::toString).orElse(null));
    node.put("rule", c.rule());
    node.putObject("evidence")
        .put("part", r.evidence().part())
        .put("parser", r.evidence().parser())
        .put("excerpt", r.evidence().excerpt());
    return node;
  }

  /** Returns {@code {messageId, from, to, subject, date}}, null where the bounce does not say. */
  public static ObjectNode original(OriginalMessage o) {
    ObjectNode node = Json.object();
    node.put("messageId", o.messageId().orElse(null));
    node.put("from", o.from().orElse(null));
    node.put("to", o.to().orElse(null));
    node.put("subject", o.subject().orElse(null));
    node.put("date", o.date().orElse(null));
    return node;
  }

  /**
   * Returns diagnostics as an array of {@code {code, severity, message, reference?, evidence?,
   * remediation?, line?, column?}}, as everywhere in the CLI.
   */
  public static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
    return SpfJson.problems(diagnostics);
  }

  /** Returns the object of a batch entry that could not be analysed: {@code {file, error}}. */
  public static ObjectNode error(String file, String message) {
    ObjectNode node = Json.object();
    node.put("file", file);
    node.put("error", message);
    return node;
  }

  /**
   * Returns the explanation of an enhanced status code: {@code code}, {@code type}, {@code class},
   * {@code title}, {@code description}, {@code registered}, {@code subject}, {@code references},
   * {@code associatedReplyCodes}, {@code relatedStatusCodes} (empty), {@code permanent}, the
   * default verdict ({@code defaultReason}, {@code retry}, {@code actor}, {@code remediation},
   * {@code rule}) and {@code providers}.
   */
  public static ObjectNode code(CodeExplanation e) {
    ObjectNode node = Json.object();
    node.put("code", e.code().toString());
    node.put("type", "enhanced-status-code");
    node.put("class", e.statusClass().jsonName());
    node.put("title", e.title());
    node.put("description", e.registryEntry().map(StatusCodeRegistry.Entry::description).orElse(null));
    node.put("registered", e.registered());
    node.put("classRegistered", e.classRegistered());
    if (e.subject().isPresent()) {
      node.putObject("subject")
          .put("number", e.subject().get().number())
          .put("title", e.subject().get().title())
          .put("description", e.subject().get().description());
    } else {
      node.putNull("subject");
    }
    ArrayNode references = node.putArray("references");
    e.registryEntry().ifPresent(entry -> entry.references().forEach(references::add));
    node.put("associatedReplyCodes", e.registryEntry().map(StatusCodeRegistry.Entry::associatedReplyCodes).orElse(null));
    node.putArray("relatedStatusCodes");
    node.put("permanent", e.permanent());
    verdict(node, e.defaultClassification());
    ArrayNode providers = node.putArray("providers");
    for (ProviderCode p : e.providerMeanings()) {
      providers.addObject()
          .put("provider", p.provider().jsonName())
          .put("code", p.code().toString())
          .put("title", p.title())
          .put("cause", p.cause())
          .put("remediation", p.remediation())
          .put("actor", p.actor().jsonName())
          .put("reason", p.reason().jsonName())
          .put("retry", p.retry().jsonName())
          .put("source", p.source());
    }
    return node;
  }

  /**
   * Returns the explanation of a basic SMTP reply code, in the shape of {@link #code(CodeExplanation)}:
   * {@code subject} is null, {@code providers} empty (providers give meanings to enhanced codes),
   * and {@code relatedStatusCodes} lists the registered enhanced codes associated with it.
   *
   * @param verdict the verdict the reply code alone supports
   */
  public static ObjectNode replyCode(ReplyCode code, Classification verdict) {
    ObjectNode node = Json.object();
    node.put("code", code.toString());
    node.put("type", "reply-code");
    node.put("class", replyClass(code));
    node.put("title", code.meaning().orElse(NdrText.undocumentedReply(code)));
    node.put("description", code.meaning().orElse(null));
    node.put("registered", code.isDocumented());
    node.put("classRegistered", true);
    node.putNull("subject");
    ArrayNode references = node.putArray("references");
    code.reference().ifPresent(references::add);
    node.putNull("associatedReplyCodes");
    ArrayNode related = node.putArray("relatedStatusCodes");
    relatedStatusCodes(code).forEach(entry -> related.add(entry.key()));
    node.put("permanent", code.isPermanent());
    verdict(node, verdict);
    node.putArray("providers");
    return node;
  }

  /** Returns the class of a reply code in the vocabulary of enhanced codes' classes. */
  static String replyClass(ReplyCode code) {
    return switch (code.value() / 100) {
      case 2 -> "success";
      case 3 -> "intermediate";
      case 4 -> "transient-failure";
      default -> "permanent-failure";
    };
  }

  /** Returns the registry entries whose associated reply codes name {@code code}. */
  public static List<StatusCodeRegistry.Entry> relatedStatusCodes(ReplyCode code) {
    return StatusCodeRegistry.entries().stream().filter(e -> e.replyCodes().contains(code)).toList();
  }

  private static void verdict(ObjectNode node, Classification c) {
    node.put("defaultReason", c.reason().jsonName());
    node.put("defaultReasonDescription", c.reason().description());
    node.put("retry", c.retry().jsonName());
    node.put("actor", c.actor().jsonName());
    node.put("remediation", c.remediation());
    node.put("rule", c.rule());
  }
}
