package io.maildiag.examples.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.spf.SpfAudit;
import io.maildiag.dns.spf.SpfAuditor;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfCodes;
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
 * trace; then an audit with {@code SpfAuditor} of a policy with problems, with its findings and
 * include tree.
 */
final class SpfSection implements DemoSection {

  @Override
  public String id() {
    return "spf";
  }

  @Override
  public String title() {
    return "SPF: who may send for the domain, and why (SpfChecker, SpfAuditor)";
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

    SpfAudit audit = audit(context, report);
    report.note(context.name("legacy") + ", an old marketing domain, is audited with SpfAuditor, which"
        + " follows the whole include tree without a client address: " + audit.worstCaseLookups()
        + " DNS-querying terms in the worst case where receivers allow 10 (" + code(audit, SpfCodes.SPF_TOO_MANY_LOOKUPS)
        + "), an include of a name that no longer exists (" + code(audit, SpfCodes.SPF_TARGET_WITHOUT_RECORD)
        + "), ptr (" + code(audit, SpfCodes.SPF_PTR_DEPRECATED) + ") and ?all (" + code(audit, SpfCodes.SPF_NEUTRAL_ALL)
        + "). " + (audit.flatteningSuggestion().isPresent()
            ? "It also suggests a flattened record. " : "")
        + "Run 'mail-diag spf DOMAIN' for the full audit, or add --record 'v=spf1 ...' to audit a proposal.");
  }

  /** Audits the legacy domain, shows its summary, findings and tree, and adds it to the JSON. */
  private static SpfAudit audit(DemoContext context, SectionReport report) {
    Limits limits = Limits.defaults();
    RecordingDnsResolver recorder = RecordingDnsResolver.wrap(report.dns());
    SpfAudit audit = SpfAuditor.builder().resolver(recorder).limits(limits).build().audit(context.name("legacy"));
    report.json().set("audit", SpfJson.audit(audit, limits, recorder.queryCount()));
    List<String> lines = new ArrayList<>();
    lines.add("? audit of the SPF policy of " + audit.domain());
    audit.recordText().ifPresent(r -> lines.add("  record " + Text.quoted(r)));
    lines.add("  " + SpfText.summary(audit, limits));
    for (Diagnostic d : audit.findings()) {
      lines.add("  " + d.severity().jsonName() + " " + d.code() + ": " + Text.printable(d.message()));
    }
    lines.add("  include tree:");
    audit.tree().render().lines().forEach(l -> lines.add("     " + Text.printable(l)));
    audit.flatteningSuggestion().ifPresent(s -> s.lines().findFirst()
        .ifPresent(first -> lines.add("  suggestion: " + Text.printable(first))));
    report.show(lines);
    return audit;
  }

  /** Returns the code if the audit found it, or says that it did not (the demo data changed). */
  private static String code(SpfAudit audit, io.maildiag.core.DiagnosticCode code) {
    return audit.has(code) ? code.value() : "not found: " + code.value();
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
