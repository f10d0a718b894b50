package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.util.Optional;

/** TXT records keep their character-strings apart: SPF, DMARC and a DKIM key. */
final class TxtStringsSection implements DemoSection {

  @Override
  public String id() {
    return "txt";
  }

  @Override
  public String title() {
    return "TXT records: character-strings kept apart (SPF, DMARC, DKIM)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DnsOutcome apex = report.ask(context.domain(), RecordType.TXT);
    Optional<TxtRecord> spf = apex.records(TxtRecord.class).stream()
        .filter(r -> r.text().startsWith("v=spf1"))
        .findFirst();
    spf.ifPresent(r -> {
      report.note("The SPF record is published as " + r.strings().size() + " strings, and the first"
          + " ends with a space. SPF joins the strings with no separator (RFC 7208 section 3.3);"
          + " the SDK keeps them apart (TxtRecord.strings()) and text() joins them.");
      report.json().set("spf", strings(r));
    });

    DnsOutcome dkim = report.ask(context.name("s2026._domainkey"), RecordType.TXT);
    dkim.records(TxtRecord.class).stream().findFirst().ifPresent(r -> {
      report.note("The DKIM key needs " + r.strings().size() + " strings: one character-string holds"
          + " at most 255 octets, and the key record is " + r.text().length() + " characters long.");
      report.json().set("dkim", strings(r));
    });

    DnsOutcome dmarc = report.ask(context.name("_dmarc"), RecordType.TXT);
    dmarc.records(TxtRecord.class).stream().findFirst().ifPresent(r -> report.json().set("dmarc", strings(r)));
  }

  private static ObjectNode strings(TxtRecord r) {
    ObjectNode node = io.maildiag.examples.render.Json.object();
    node.put("name", r.name().toString());
    ArrayNode strings = node.putArray("strings");
    r.strings().forEach(strings::add);
    node.put("text", r.text());
    return node;
  }
}
