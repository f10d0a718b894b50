package io.maildiag.examples.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.dns.dmarc.AlignmentCheck;
import io.maildiag.dns.dmarc.DiscoveryMode;
import io.maildiag.dns.dmarc.DmarcAudit;
import io.maildiag.dns.dmarc.DmarcPolicy;
import io.maildiag.dns.dmarc.DmarcUri;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.OrganizationalDomain;
import java.util.List;
import java.util.Locale;

/** JSON forms of DMARC audits and verdicts, shared by {@code mail-diag dmarc} and the demo. */
public final class DmarcJson {

  private DmarcJson() {}

  /** Returns {@code "tree-walk"} or {@code "psl"}. */
  public static String mode(DiscoveryMode mode) {
    return mode == DiscoveryMode.PSL ? "psl" : "tree-walk";
  }

  /** Returns how an organizational domain was found, lower case with hyphens: {@code "fewest-labels"}. */
  public static String basis(OrganizationalDomain org) {
    return org.basis().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns an audit: {@code domain}, {@code mode}, {@code record} (or null), {@code recordDomain}
   * (or null), {@code policy} (the parsed tags, or null), {@code organizationalDomain}, {@code
   * organizationalDomainSource}, {@code modesCompared}, {@code modesDisagree}, {@code
   * modeDifferences}, {@code queries} (the {@code _dmarc} names of discovery), {@code dnsQuestions}
   * and {@code findings} (see {@link SpfJson#problems}).
   */
  public static ObjectNode audit(DmarcAudit a, int dnsQuestions) {
    ObjectNode node = Json.object();
    node.put("domain", a.domain().toString());
    node.put("mode", mode(a.mode()));
    node.put("record", a.recordText().orElse(null));
    node.put("recordDomain", a.recordDomain().map(Object::toString).orElse(null));
    if (a.record().isPresent()) {
      node.set("policy", policy(a.record().get()));
    } else {
      node.putNull("policy");
    }
    node.put("organizationalDomain", a.organizationalDomain().organizationalDomain().toString());
    node.put("organizationalDomainSource", basis(a.organizationalDomain()));
    node.put("modesCompared", a.modeComparison().isPresent());
    node.put("modesDisagree", a.modesDisagree());
    ArrayNode diffs = node.putArray("modeDifferences");
    a.modeComparison().ifPresent(c -> c.differences().forEach(diffs::add));
    ArrayNode queries = node.putArray("queries");
    a.discovery().queries().forEach(q -> queries.add(q.toString()));
    node.put("dnsQuestions", dnsQuestions);
    node.set("findings", SpfJson.problems(a.findings()));
    return node;
  }

  /** Returns the tags of a record: {@code p}, {@code sp}, {@code np}, {@code adkim}, {@code aspf}, {@code rua}, {@code ruf}, {@code testing} (absent tags are null). */
  public static ObjectNode policy(DmarcPolicy p) {
    ObjectNode node = Json.object();
    node.put("p", p.p().map(d -> d.tagValue()).orElse(null));
    node.put("sp", p.sp().map(d -> d.tagValue()).orElse(null));
    node.put("np", p.np().map(d -> d.tagValue()).orElse(null));
    node.put("adkim", p.effectiveAdkim().name().toLowerCase(Locale.ROOT));
    node.put("aspf", p.effectiveAspf().name().toLowerCase(Locale.ROOT));
    node.set("rua", uris(p.rua()));
    node.set("ruf", uris(p.ruf()));
    node.put("testing", p.isTesting());
    return node;
  }

  private static ArrayNode uris(List<DmarcUri> uris) {
    ArrayNode a = Json.array();
    uris.forEach(u -> a.add(u.toString()));
    return a;
  }

  /**
   * Returns a verdict: {@code domain}, {@code mode}, {@code result}, {@code policy} (or null),
   * {@code policySource} ({@code "p"}, {@code "sp"}, {@code "np"} or null), {@code disposition},
   * {@code spfAligned}, {@code dkimAligned}, {@code organizationalDomain}, {@code
   * organizationalDomainSource}, {@code record} and {@code recordDomain} (or null), {@code
   * alignments}, {@code reasons}, {@code dnsQuestions} and {@code findings}.
   */
  public static ObjectNode verdict(DmarcVerdict v) {
    ObjectNode node = Json.object();
    node.put("domain", v.discovery().authorDomain().toString());
    node.put("mode", mode(v.discovery().mode()));
    node.put("result", v.result().rfcName());
    node.put("policy", v.policy().map(d -> d.tagValue()).orElse(null));
    node.put("policySource", v.policySource().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null));
    node.put("disposition", v.disposition().tagValue());
    node.put("spfAligned", v.spfAligned());
    node.put("dkimAligned", v.dkimAligned());
    node.put("organizationalDomain", v.organizationalDomain().organizationalDomain().toString());
    node.put("organizationalDomainSource", basis(v.organizationalDomain()));
    node.put("record", v.discovery().policyDomain().flatMap(pd -> v.discovery().lookups().stream()
        .filter(l -> l.domain().equals(pd)).findFirst().flatMap(l -> l.recordText()))
        .orElse(v.discovery().policy().map(DmarcPolicy::toString).orElse(null)));
    node.put("recordDomain", v.discovery().policyDomain().map(Object::toString).orElse(null));
    ArrayNode checks = node.putArray("alignments");
    for (AlignmentCheck c : v.alignments()) {
      checks.addObject()
          .put("identifier", c.identifier().name().toLowerCase(Locale.ROOT))
          .put("domain", c.domain().toString())
          .put("authResult", c.authResult())
          .put("mode", c.mode().name().toLowerCase(Locale.ROOT))
          .put("status", c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .put("reason", c.reason());
    }
    ArrayNode reasons = node.putArray("reasons");
    v.reasons().forEach(reasons::add);
    node.put("dnsQuestions", v.dnsQueries().size());
    node.set("findings", SpfJson.problems(v.findings()));
    return node;
  }
}
