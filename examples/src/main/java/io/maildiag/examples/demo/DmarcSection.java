package io.maildiag.examples.demo;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.dmarc.DkimOutcome;
import io.maildiag.dns.dmarc.DkimResult;
import io.maildiag.dns.dmarc.DmarcAudit;
import io.maildiag.dns.dmarc.DmarcAuditor;
import io.maildiag.dns.dmarc.DmarcCodes;
import io.maildiag.dns.dmarc.DmarcEvaluator;
import io.maildiag.dns.dmarc.DmarcInput;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.examples.render.DmarcJson;
import io.maildiag.examples.render.DmarcText;
import io.maildiag.examples.render.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * DMARC with {@code DmarcAuditor} and {@code DmarcEvaluator}: an audit of Tidepool's DMARC set-up
 * (quarantine, an outside report destination that has not authorised the reports), an audit of a
 * subdomain that inherits the policy, and the verdict for a message that passes SPF and DKIM only
 * for the provider's domain.
 */
final class DmarcSection implements DemoSection {

  @Override
  public String id() {
    return "dmarc";
  }

  @Override
  public String title() {
    return "DMARC: the domain's policy, its problems, and a verdict (DmarcAuditor, DmarcEvaluator)";
  }

  @Override
  public void run(DemoContext context, SectionReport report) {
    DmarcAudit audit = audit(report, context.domain(), "audit");
    report.note("Tidepool publishes p=quarantine at _dmarc." + context.domain() + ". Its aggregate reports also"
        + " go to an outside service, reports.example.org, which has not published "
        + context.domain() + "._report._dmarc.reports.example.org, so receivers will not send reports there ("
        + code(audit, DmarcCodes.DMARC_EXTERNAL_REPORT_UNAUTHORIZED) + "). DKIM keys cannot be found without a"
        + " selector (" + code(audit, DmarcCodes.DMARC_DKIM_UNVERIFIABLE) + "; try --selector s2026).");

    DmarcAudit news = audit(report, context.name("news"), "subdomainAudit");
    report.note(news.domain() + " has no record of its own: the record of " + news.recordDomain()
        .map(Object::toString).orElse("(none)") + " applies (organizational domain "
        + news.organizationalDomain().organizationalDomain() + ", found by the RFC 9989 tree walk), and it"
        + " publishes no SPF record, so mail with a MAIL FROM there can never pass SPF alignment ("
        + code(news, DmarcCodes.DMARC_SPF_ALIGNMENT_IMPOSSIBLE) + ").");

    DmarcEvaluator evaluator = DmarcEvaluator.builder().resolver(report.dns()).build();
    DmarcVerdict v = evaluator.evaluate(DmarcInput.of(context.domain(),
        new SpfOutcome(SpfResult.PASS, io.maildiag.core.domain.DomainName.of("bounces.example.net")),
        new DkimOutcome(DkimResult.PASS, io.maildiag.core.domain.DomainName.of("example.net"))));
    report.json().set("verdict", DmarcJson.verdict(v));
    List<String> lines = new ArrayList<>();
    lines.add("? a message From: " + context.domain() + " with spf=pass for bounces.example.net and dkim=pass"
        + " for d=example.net");
    lines.add("  -> " + DmarcText.headline(v));
    v.alignments().forEach(c -> lines.add("     " + c.identifier() + " " + c.domain() + ": " + Text.printable(c.reason())));
    report.show(lines);
    report.note("A newsletter sent through the provider without a custom MAIL FROM or a DKIM key for Tidepool:"
        + " both SPF and DKIM pass, but for example.net, which does not align with " + context.domain()
        + ", so DMARC is " + v.result().rfcName() + " and receivers apply " + v.disposition().tagValue()
        + ". Run 'mail-diag dmarc DOMAIN' for an audit, or add --spf RESULT:DOMAIN --dkim RESULT:DOMAIN for a verdict.");
  }

  private static DmarcAudit audit(SectionReport report, io.maildiag.core.domain.DomainName domain, String key) {
    RecordingDnsResolver recorder = RecordingDnsResolver.wrap(report.dns());
    DmarcAudit a = DmarcAuditor.builder().resolver(recorder).build().audit(domain);
    report.json().set(key, DmarcJson.audit(a, recorder.queryCount()));
    List<String> lines = new ArrayList<>();
    lines.add("? audit of the DMARC set-up of " + a.domain());
    lines.add("  record " + a.recordText().map(Text::quoted).orElse("(none)")
        + a.recordDomain().map(d -> " at _dmarc." + d).orElse(""));
    lines.add("  organizational domain " + DmarcText.organizational(a.organizationalDomain()));
    for (Diagnostic d : a.findings()) {
      lines.add("  " + d.severity().jsonName() + " " + d.code() + ": " + Text.printable(d.message()));
    }
    report.show(lines);
    return a;
  }

  private static String code(DmarcAudit audit, DiagnosticCode code) {
    return audit.has(code) ? code.value() : "not found: " + code.value();
  }
}
