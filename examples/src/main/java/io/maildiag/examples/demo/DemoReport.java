package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.examples.render.Json;
import io.maildiag.examples.render.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of running demo sections: the same report as text lines and as one JSON object.
 *
 * @param lines the human-readable report
 * @param json the JSON report: {@code demo}, {@code zone}, {@code domain}, {@code sections} (each
 *     with {@code id}, {@code title}, {@code questions}, {@code notes} and its own fields), {@code
 *     queryCount} and {@code queries}
 */
public record DemoReport(List<String> lines, ObjectNode json) {

  /** Checks for null. */
  public DemoReport {
    lines = List.copyOf(lines);
    Objects.requireNonNull(json, "json");
  }

  /** Runs {@code sections} in order on {@code context} and builds the report. */
  public static DemoReport run(DemoContext context, List<DemoSection> sections) {
    List<String> lines = new ArrayList<>();
    ObjectNode json = Json.object();
    json.put("demo", "mail-diag");
    json.put("zone", DemoContext.ZONE_RESOURCE);
    json.put("domain", context.domain().toString());
    lines.add("mail-diag demo: runs offline on the zone bundled in the jar (" + DemoContext.ZONE_RESOURCE
        + ", " + Text.count(context.zone().records().size(), "record") + "),");
    lines.add("for " + context.domain() + ", the fictional Tidepool Tea Co., its mail provider on"
        + " example.net and its shop on example.org.");
    ArrayNode sectionsJson = json.putArray("sections");
    int number = 0;
    for (DemoSection section : sections) {
      number++;
      int before = context.recorder().queryCount();
      SectionReport report = new SectionReport(section, context);
      section.run(context, report);
      int asked = context.recorder().queryCount() - before;
      report.json().put("queryCount", asked);
      sectionsJson.add(report.json());
      lines.add("");
      lines.add(number + ". " + section.title());
      lines.addAll(report.lines());
    }

    RecordingDnsResolver recorder = context.recorder();
    Map<DnsOutcome.Kind, Integer> byKind = new EnumMap<>(DnsOutcome.Kind.class);
    ArrayNode queries = json.putArray("queries");
    for (RecordingDnsResolver.Exchange e : recorder.exchanges()) {
      byKind.merge(e.outcome().kind(), 1, Integer::sum);
      queries.addObject()
          .put("name", e.query().name().toString())
          .put("type", e.query().type().name())
          .put("outcome", e.outcome().kind().jsonName());
    }
    json.put("queryCount", recorder.queryCount());
    lines.add("");
    lines.add("Summary");
    lines.add("  RecordingDnsResolver counted " + Text.count(recorder.queryCount(), "DNS question")
        + " (" + recorder.queryCount(RecordType.TXT) + " TXT, " + recorder.queryCount(RecordType.MX) + " MX, "
        + (recorder.queryCount(RecordType.A) + recorder.queryCount(RecordType.AAAA)) + " A/AAAA).");
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((k, n) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(n).append(' ').append(k.jsonName()));
    lines.add("  Outcomes: " + kinds + ".");
    lines.add("  Try it on your own data: mail-diag dns NAME TYPE --zone FILE (or --server HOST, or live DNS),");
    lines.add("  mail-diag spf --ip IP --sender ADDR --zone FILE, mail-diag spf DOMAIN --zone FILE,");
    lines.add("  mail-diag dmarc DOMAIN --zone FILE, and mail-diag ndr FILE for a bounce.");
    return new DemoReport(lines, json);
  }
}
