package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsListener;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.RecordType;
import io.maildiag.examples.render.DnsJson;
import io.maildiag.examples.render.DnsText;
import io.maildiag.examples.render.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link DemoSection} writes: human-readable lines and a JSON object, built side by side
 * so that {@code mail-diag demo} and {@code mail-diag demo --json} show the same things.
 */
public final class SectionReport {

  private final DemoContext context;
  private final List<String> lines = new ArrayList<>();
  private final ObjectNode json = Json.object();
  private final ArrayNode questions;
  private final ArrayNode notes;

  SectionReport(DemoSection section, DemoContext context) {
    this.context = context;
    json.put("id", section.id());
    json.put("title", section.title());
    questions = json.putArray("questions");
    notes = json.putArray("notes");
  }

  /**
   * Asks one DNS question through the demo's recording resolver, shows the question, its outcome
   * and any CNAME chain and records, and adds the outcome to the section's {@code questions} in
   * JSON.
   */
  public DnsOutcome ask(DomainName name, RecordType type) {
    DnsQuery query = DnsQuery.of(name, type);
    long start = System.nanoTime();
    DnsOutcome outcome = context.dns().resolveBlocking(query);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    questions.add(DnsJson.outcome(outcome, elapsed));
    lines.add("  ? " + name + " " + type);
    lines.add("    -> " + DnsText.headline(outcome));
    outcome.cnameChain().forEach(c -> lines.add("       cname " + c.name() + " -> " + c.target()));
    DnsText.soa(outcome).ifPresent(soa -> lines.add("       soa minimum " + soa.minimum()
        + " s: resolvers cache this negative answer that long (RFC 2308)"));
    for (DnsRecord r : outcome.records()) {
      DnsText.record(r, "       ").forEach(lines::add);
    }
    return outcome;
  }

  /**
   * Returns a resolver for analyses that ask DNS themselves (an SPF check): it goes through the
   * demo's recording resolver, so every question is counted, and adds each question and its
   * outcome to the section's {@code questions} in JSON. Unlike {@link #ask}, it writes no text: the
   * section shows what the analysis found instead.
   */
  public DnsResolver dns() {
    return context.dns().withListener(new DnsListener() {
      @Override
      public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration elapsed) {
        synchronized (questions) {
          questions.add(DnsJson.outcome(outcome, elapsed));
        }
      }
    });
  }

  /**
   * Adds lines of text only, indented under the heading, for output whose JSON form the section
   * adds to {@link #json()} itself.
   */
  public void show(List<String> text) {
    text.forEach(line -> lines.add(line.isEmpty() ? "" : "  " + line));
  }

  /** Adds an explanation: a text line, and an entry of {@code notes} in JSON. */
  public void note(String text) {
    lines.add("  " + text);
    notes.add(text);
  }

  /** Returns the section's JSON object, for structured findings beyond questions and notes. */
  public ObjectNode json() {
    return json;
  }

  /** Returns the text lines written so far, without the heading. */
  List<String> lines() {
    return List.copyOf(lines);
  }
}
