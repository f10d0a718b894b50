package io.maildiag.examples.render;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Severity;
import io.maildiag.dns.dmarc.AlignmentCheck;
import io.maildiag.dns.dmarc.DmarcAudit;
import io.maildiag.dns.dmarc.DmarcVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text forms of DMARC audits and verdicts, shared by {@code mail-diag dmarc} and the demo. */
public final class DmarcText {

  private DmarcText() {}

  /** Returns the organizational domain and how it was found: {@code example.com (fewest-labels, tree-walk)}. */
  public static String organizational(io.maildiag.dns.dmarc.OrganizationalDomain org) {
    return org.organizationalDomain() + " (" + DmarcJson.basis(org) + ", " + DmarcJson.mode(org.mode()) + ")";
  }

  /** Returns the lines of an audit. */
  public static List<String> audit(DmarcAudit a, String resolver, int dnsQuestions) {
    List<String> lines = new ArrayList<>();
    lines.add("domain         " + a.domain());
    lines.add("mode           " + DmarcJson.mode(a.mode()));
    lines.add("resolver       " + resolver);
    lines.add("record         " + a.recordText().map(Text::quoted).orElse("(none)"));
    lines.add("record domain  " + a.recordDomain().map(Object::toString).orElse("(none)"));
    lines.add("organizational " + organizational(a.organizationalDomain()));
    a.modeComparison().ifPresent(c -> lines.add("modes          "
        + (c.disagree() ? "tree walk and PSL disagree: " + String.join("; ", c.differences()) : "tree walk and PSL agree")));
    lines.add("dns            " + Text.count(dnsQuestions, "DNS question") + " asked");
    lines.add("summary        " + Text.count(a.findings(Severity.ERROR).size(), "error") + ", "
        + Text.count(a.findings(Severity.WARNING).size(), "warning") + ", "
        + Text.count(a.findings(Severity.INFO).size(), "info"));
    for (Severity severity : Severity.values()) {
      List<Diagnostic> group = a.findings(severity);
      if (!group.isEmpty()) {
        lines.add("");
        lines.add(severity.jsonName() + "s (" + group.size() + ")");
        lines.addAll(SpfText.findings(group, "  "));
      }
    }
    return lines;
  }

  /** Returns the one-line headline of a verdict: {@code dmarc=fail policy=quarantine (p) disposition=quarantine}. */
  public static String headline(DmarcVerdict v) {
    return "dmarc=" + v.result().rfcName()
        + " policy=" + v.policy().map(d -> d.tagValue()).orElse("-")
        + v.policySource().map(s -> " (" + s.name().toLowerCase(Locale.ROOT) + ")").orElse("")
        + " disposition=" + v.disposition().tagValue()
        + " spf-aligned=" + v.spfAligned() + " dkim-aligned=" + v.dkimAligned();
  }

  /** Returns the lines of a verdict. */
  public static List<String> verdict(DmarcVerdict v, String resolver) {
    List<String> lines = new ArrayList<>();
    lines.add("domain         " + v.discovery().authorDomain());
    lines.add("resolver       " + resolver);
    lines.add("result         " + headline(v));
    lines.add("record         " + v.discovery().policy().map(p -> Text.quoted(p.toString())
        + " at _dmarc." + v.discovery().policyDomain().orElseThrow()).orElse("(none)"));
    lines.add("organizational " + organizational(v.organizationalDomain()));
    for (AlignmentCheck c : v.alignments()) {
      lines.add("  " + c.identifier() + " " + c.domain() + ": " + c.status().name().toLowerCase(Locale.ROOT)
          + " (" + Text.printable(c.reason()) + ")");
    }
    lines.add("reasons");
    v.reasons().forEach(r -> lines.add("  " + Text.printable(r)));
    if (!v.findings().isEmpty()) {
      lines.add("problems");
      lines.addAll(SpfText.findings(v.findings(), "  "));
    }
    return lines;
  }
}
