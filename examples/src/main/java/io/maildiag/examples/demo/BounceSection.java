package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.maildiag.examples.render.NdrJson;
import io.maildiag.examples.render.NdrText;
import io.maildiag.examples.render.Text;
import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.CodeExplanation;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.NdrCode;
import io.maildiag.ndr.code.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounce reading with {@code BounceAnalyzer}: four messages that came back to Tidepool, bundled in
 * the jar ({@value #DIRECTORY}): a delivery status notification from its own Postfix relay with two
 * failed recipients, a Microsoft 365-style rejection for DMARC (5.7.509), a Gmail-style bounce for
 * a full mailbox, and an automatic reply that is not a bounce at all; then {@code NdrCode} on the
 * provider-specific code. Asks no DNS questions.
 */
final class BounceSection implements DemoSection {

  /** Where the sample messages are, next to {@link DemoContext}. */
  static final String DIRECTORY = "bounces/";

  /** The sample messages, in the order shown. */
  static final List<String> MESSAGES = List.of(
      "1-postfix-dsn.eml", "2-microsoft365-dmarc.eml", "3-gmail-mailbox-full.eml", "4-auto-reply.eml");

  @Override
  public String id() {
    return "bounces";
  }

  @Override
  public String title() {
    return "Bounces: what came back, and what to do about it (BounceAnalyzer, NdrCode)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    BounceAnalyzer analyzer = BounceAnalyzer.withDefaults();
    ArrayNode messages = report.json().putArray("messages");

    BounceAnalysis relay = analyze(analyzer, MESSAGES.get(0), report, messages);
    report.note("Tidepool's own relay wrote an RFC 3464 report (format " + relay.format() + ") for "
        + Text.count(relay.recipients().size(), "recipient") + ": " + reasons(relay)
        + ". An unknown user means: stop mailing the address; a message too large means: send it"
        + " smaller, then retry.");

    BounceAnalysis dmarc = analyze(analyzer, MESSAGES.get(1), report, messages);
    report.note("The Microsoft 365-style rejection carries " + firstStatus(dmarc) + ", a code the IANA"
        + " registry does not list; the provider's meaning decides (" + firstRule(dmarc) + "): "
        + firstReason(dmarc) + ", and tidepool.example.com's mail administrator must fix SPF/DKIM"
        + " alignment before anything is resent.");

    BounceAnalysis full = analyze(analyzer, MESSAGES.get(2), report, messages);
    report.note("The Gmail-style bounce is prose only, without a delivery-status part; the "
        + full.format() + " reader still finds the recipient, " + firstStatus(full) + " and the reason, "
        + firstReason(full) + ": only the recipient can make room.");

    BounceAnalysis autoReply = analyze(analyzer, MESSAGES.get(3), report, messages);
    report.note("The last message is " + autoReply.kind().jsonName() + " (" + autoReply.format()
        + "), not a bounce: it must not count against the address.");

    CodeExplanation code = NdrCode.explain(EnhancedStatusCode.of("5.7.509"));
    report.json().set("code", NdrJson.code(code));
    List<String> lines = new ArrayList<>();
    lines.add("? what does " + code.code() + " mean (NdrCode.explain)");
    lines.add("  -> registry: " + code.title());
    code.providerMeaning(Provider.MICROSOFT).ifPresent(p -> lines.add("     microsoft: " + p.title()));
    lines.add("     default verdict: " + code.defaultClassification().reason().jsonName() + ", "
        + code.defaultClassification().retry().jsonName());
    report.show(lines);
    report.note("Try it on your own messages: mail-diag ndr FILE, mail-diag ndr --batch DIR, and"
        + " mail-diag ndr --code 5.7.26.");
  }

  /** Analyses one bundled message, shows it, and adds it to {@code messages} in JSON. */
  private static BounceAnalysis analyze(BounceAnalyzer analyzer, String name, SectionReport report,
      ArrayNode messages) {
    BounceAnalysis a = analyzer.analyze(read(name));
    messages.add(NdrJson.analysis(DIRECTORY + name, a));
    report.show(summary(DIRECTORY + name, a));
    return a;
  }

  /** Returns the lines showing one analysed message: kind, recipients with their verdicts, original. */
  private static List<String> summary(String name, BounceAnalysis a) {
    List<String> lines = new ArrayList<>();
    lines.add("? " + name);
    lines.add("  -> " + a.kind().jsonName() + " (format " + a.format()
        + a.reportingMta().map(m -> ", reported by " + Text.printable(m)).orElse("") + "), "
        + Text.count(a.recipients().size(), "recipient"));
    for (RecipientResult r : a.recipients()) {
      lines.add("     " + Text.printable(r.recipient()) + ": "
          + r.status().map(Object::toString).orElse("no status") + " / "
          + r.replyCode().map(Object::toString).orElse("no reply code")
          + " -> " + r.reason().jsonName() + ", " + (r.permanent() ? "permanent" : "not permanent")
          + ", " + r.classification().retry().jsonName() + " (" + NdrText.actor(r.classification().actor()) + ")");
    }
    a.original().subject().ifPresent(s -> lines.add("     original: " + Text.quoted(s)
        + a.original().messageId().map(id -> " <" + Text.printable(id) + ">").orElse("")));
    return lines;
  }

  private static String reasons(BounceAnalysis a) {
    List<String> parts = new ArrayList<>();
    for (RecipientResult r : a.recipients()) {
      parts.add(r.reason().jsonName() + " (" + r.classification().retry().jsonName() + ")");
    }
    return String.join(" and ", parts);
  }

  private static String firstStatus(BounceAnalysis a) {
    return a.recipients().stream().findFirst().flatMap(RecipientResult::status).map(Object::toString)
        .orElse("no status code");
  }

  private static String firstReason(BounceAnalysis a) {
    return a.recipients().stream().findFirst().map(r -> r.reason().jsonName()).orElse("no recipient found");
  }

  private static String firstRule(BounceAnalysis a) {
    return a.recipients().stream().findFirst().map(r -> r.classification().rule()).orElse("no rule");
  }

  /**
   * Returns the bytes of a bundled message. The messages ship in the jar and are tested, so a
   * missing one is a packaging bug, not bad input.
   */
  static byte[] read(String name) {
    try (InputStream in = DemoContext.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DIRECTORY + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
