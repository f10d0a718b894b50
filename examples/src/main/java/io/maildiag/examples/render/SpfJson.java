package io.maildiag.examples.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.spf.SpfAudit;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfFlattening;
import io.maildiag.dns.spf.SpfIncludeTree;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.dns.spf.SpfTrace;
import java.util.List;
import java.util.Locale;

/**
 * Renders SPF evaluations and audits as JSON trees: the shapes of {@code mail-diag spf --json}, of
 * each line of {@code mail-diag spf --batch} and of {@code mail-diag spf DOMAIN --json}, documented
 * in the README.
 *
 * <p>Unlike {@link DnsJson}, absent values that belong to the result ({@code explanation}, {@code
 * decidingTerm}, an unknown {@code helo}) are written as {@code null}, so that every object has the
 * same keys; absent parts of a problem ({@code reference}, {@code evidence}) are left out.
 */
public final class SpfJson {

  private SpfJson() {}

  /**
   * Returns the full object of one evaluation: {@code result}, {@code explanation}, {@code
   * identity}, {@code ip}, {@code sender}, {@code helo}, {@code domain}, {@code decidingTerm},
   * {@code problems}, {@code lookups}, {@code trace} and {@code queries}, in that order.
   */
  public static ObjectNode evaluation(SpfEvaluation e) {
    return evaluation(Json.object(), e);
  }

  /** Adds the fields of {@link #evaluation(SpfEvaluation)} to {@code node} and returns it. */
  public static ObjectNode evaluation(ObjectNode node, SpfEvaluation e) {
    SpfRequest request = e.request();
    node.put("result", e.result().rfcName());
    node.put("explanation", e.explanation().orElse(null));
    node.put("identity", identity(request));
    node.put("ip", request.ip().toString());
    if (request.identity() == SpfRequest.Identity.HELO) {
      node.putNull("sender");
    } else {
      node.put("sender", request.sender());
    }
    node.put("helo", request.helo().isEmpty() ? null : request.helo());
    node.put("domain", request.domain());
    if (e.decidingTerm().isPresent()) {
      node.putObject("decidingTerm")
          .put("domain", e.decidingTerm().get().domain())
          .put("term", e.decidingTerm().get().term());
    } else {
      node.putNull("decidingTerm");
    }
    node.set("problems", problems(e.problems()));
    SpfTrace trace = e.trace();
    node.putObject("lookups")
        .put("dns", trace.dnsLookups())
        .put("void", trace.voidLookups())
        .put("queries", trace.queries().size());
    node.set("trace", steps(trace.steps()));
    node.set("queries", queries(trace.queries()));
    return node;
  }

  /**
   * Returns the object of one audit: {@code domain}, {@code source} ({@code "published"} or {@code
   * "proposed"}), {@code record} (the audited text or null), {@code findings} (the {@link
   * #problems} shape), {@code worstCaseLookups}, {@code voidLookups}, {@code limits} ({@code
   * dnsLookups}, {@code voidLookups}), {@code treeComplete}, {@code dnsQuestions}, {@code tree}
   * (nested {@link #node nodes}), {@code flattening} ({@code complete}, {@code networks}, {@code
   * reasons}, or null when the record did not parse) and {@code flatteningSuggestion} (or null).
   *
   * @param limits the limits the audit ran under
   * @param dnsQuestions the DNS questions the audit asked
   */
  public static ObjectNode audit(SpfAudit a, Limits limits, int dnsQuestions) {
    ObjectNode node = Json.object();
    node.put("domain", a.domain().toString());
    node.put("source", a.source().name().toLowerCase(Locale.ROOT));
    node.put("record", a.recordText().orElse(null));
    node.set("findings", problems(a.findings()));
    node.put("worstCaseLookups", a.worstCaseLookups());
    node.put("voidLookups", a.voidLookups());
    node.putObject("limits")
        .put("dnsLookups", limits.maxDnsLookups())
        .put("voidLookups", limits.maxVoidLookups());
    node.put("treeComplete", a.tree().complete());
    node.put("dnsQuestions", dnsQuestions);
    node.set("tree", node(a.tree().root()));
    if (a.flattening().isPresent()) {
      node.set("flattening", flattening(a.flattening().get()));
    } else {
      node.putNull("flattening");
    }
    node.put("flatteningSuggestion", a.flatteningSuggestion().orElse(null));
    return node;
  }

  /**
   * Returns one node of the include tree and, nested, its children: {@code name}, {@code domain}
   * (null when the name is not a plain domain, such as a target with macros), {@code reach} ({@code
   * "root"}, {@code "include"} or {@code "redirect"}), {@code term}, {@code record} (or null),
   * {@code status} ({@code "OK"}, {@code "NO_RECORD"}, ...), {@code detail} (or null), {@code
   * ownLookups}, {@code totalLookups} and {@code children}.
   */
  public static ObjectNode node(SpfIncludeTree.Node n) {
    ObjectNode node = Json.object();
    node.put("name", n.name());
    node.put("domain", n.domain().map(Object::toString).orElse(null));
    node.put("reach", n.reach().name().toLowerCase(Locale.ROOT));
    node.put("term", n.term());
    node.put("record", n.recordText().orElse(null));
    node.put("status", n.status().name());
    node.put("detail", n.detail().orElse(null));
    node.put("ownLookups", n.ownLookups());
    node.put("totalLookups", n.totalLookups());
    ArrayNode children = node.putArray("children");
    for (SpfIncludeTree.Node c : n.children()) {
      children.add(node(c));
    }
    return node;
  }

  /** Returns {@code {complete, networks, reasons}}; networks in CIDR notation. */
  public static ObjectNode flattening(SpfFlattening f) {
    ObjectNode node = Json.object();
    node.put("complete", f.isComplete());
    ArrayNode networks = node.putArray("networks");
    for (IpNetwork n : f.networks()) {
      networks.add(n.toString());
    }
    ArrayNode reasons = node.putArray("reasons");
    f.reasons().forEach(reasons::add);
    return node;
  }

  /**
   * Returns the identity checked as named in the {@code identity} key of {@code Received-SPF} (RFC
   * 7208 section 9.1): {@code "mailfrom"} or {@code "helo"}.
   */
  public static String identity(SpfRequest request) {
    return request.identity() == SpfRequest.Identity.HELO ? "helo" : "mailfrom";
  }

  /**
   * Returns diagnostics as an array of {@code {code, severity, message, reference?, evidence?,
   * remediation?, line?, column?}}.
   */
  public static ArrayNode problems(List<Diagnostic> problems) {
    ArrayNode array = Json.array();
    for (Diagnostic d : problems) {
      ObjectNode p = array.addObject();
      p.put("code", d.code().value());
      p.put("severity", d.severity().jsonName());
      p.put("message", d.message());
      d.reference().ifPresent(r -> p.put("reference", r));
      d.evidence().ifPresent(ev -> p.put("evidence", ev));
      d.remediation().ifPresent(r -> p.put("remediation", r));
      d.span().ifPresent(s -> p.put("line", s.line()).put("column", s.column()));
    }
    return array;
  }

  /** Returns the trace steps as an array of {@code {depth, kind, domain, subject, outcome}}. */
  public static ArrayNode steps(List<SpfTrace.Step> steps) {
    ArrayNode array = Json.array();
    for (SpfTrace.Step s : steps) {
      array.addObject()
          .put("depth", s.depth())
          .put("kind", s.kind().name().toLowerCase(Locale.ROOT))
          .put("domain", s.domain())
          .put("subject", s.subject())
          .put("outcome", s.outcome());
    }
    return array;
  }

  /**
   * Returns the DNS questions as an array of {@code {name, type, outcome, void}}; {@code outcome}
   * is the outcome kind as in {@code dns --json} ({@code "NXDOMAIN"}), {@code void} whether it was
   * counted against the void-lookup limit.
   */
  public static ArrayNode queries(List<SpfTrace.Query> queries) {
    ArrayNode array = Json.array();
    for (SpfTrace.Query q : queries) {
      array.addObject()
          .put("name", q.query().name().toString())
          .put("type", q.query().type().name())
          .put("outcome", q.outcome().kind().jsonName())
          .put("void", q.countedVoid());
    }
    return array;
  }
}
