package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.examples.render.SpfJson;
import io.maildiag.examples.render.SpfText;
import io.maildiag.examples.render.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * SPF evaluation with {@code SpfChecker}: a pass through an include, a fail that carries the
 * domain's explanation, and a permerror for a record with a typo, each with its deciding term and
 * trace.
 */
final class SpfSection implements DemoSection {

  @Override
  public String id() {
    return "spf";
  }

  @Override
  public String title() {
    return "SPF: who may send for the domain, and why (SpfChecker)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    SpfChecker spf = SpfChecker.builder().resolver(report.dns()).build();
    ArrayNode evaluations = report.json().putArray("evaluations");

    SpfEvaluation pass = check(spf, report, evaluations, SpfRequest.mailFrom(
        IpAddress.of("198.51.100.25"), "newsletter@" + context.domain(), "mx2.example.net"));
    report.note("The newsletter leaves through the provider's mx2.example.net. Tidepool's own ip4 and"
        + " ip6 terms do not match it, but include:_spf.example.net does: the provider's record passes"
        + " the address, so the include matches and the result is " + pass.result().rfcName() + ".");

    SpfEvaluation fail = check(spf, report, evaluations, SpfRequest.mailFrom(
        IpAddress.of("203.0.113.66"), "invoices@" + context.name("billing"), "invoice-update.example.org"));
    report.note("A forged invoice from 203.0.113.66: billing." + context.domain() + " allows only"
        + " smtp.example.net, so -all decides " + fail.result().rfcName() + ", and the record's exp="
        + " modifier supplies the explanation a receiver may quote in its rejection"
        + (fail.explanation().isPresent() ? "." : " (none was found)."));

    SpfEvaluation broken = check(spf, report, evaluations, SpfRequest.mailFrom(
        IpAddress.of("198.51.100.25"), "offers@" + context.name("promo"), "mx2.example.net"));
    report.note("promo." + context.domain() + " misspells include as \"inclde\": the record cannot be"
        + " interpreted, so every check is " + broken.result().rfcName() + " (RFC 7208 section 4.6),"
        + " and the problem points at the column of the typo.");
  }

  /** Evaluates one request, shows its result, deciding term and trace, and adds it to the JSON. */
  private static SpfEvaluation check(SpfChecker spf, SectionReport report, ArrayNode evaluations,
      SpfRequest request) {
    SpfEvaluation e = spf.check(request);
    evaluations.add(SpfJson.evaluation(e));
    List<String> lines = new ArrayList<>();
    lines.add("? " + SpfText.identity(request) + " from " + request.ip());
    lines.add("  -> " + SpfText.headline(e));
    e.decidingTerm().ifPresent(d -> lines.add("     decided by '" + d.term() + "' in the record of " + d.domain()));
    e.explanation().ifPresent(x -> lines.add("     explanation: " + Text.quoted(x)));
    lines.addAll(SpfText.trace(e.trace().steps(), "     "));
    lines.addAll(SpfText.problems(e.problems(), "     "));
    report.show(lines);
    return e;
  }
}
