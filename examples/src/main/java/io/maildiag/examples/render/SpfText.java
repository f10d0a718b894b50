package io.maildiag.examples.render;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.spf.SpfAudit;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfFlattening;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.dns.spf.SpfTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders SPF evaluations and audits as human-readable lines: the default output of {@code
 * mail-diag spf}.
 */
public final class SpfText {

  private SpfText() {}

  /**
   * Returns the lines describing one evaluation: the result first and prominently, then the
   * request, the deciding term, the explanation, the lookups spent, the trace, the DNS questions
   * and the problems.
   *
   * @param resolver where the answers came from, for people ({@code zone file x.zone})
   * @param limits the limits the evaluation ran under, to show what was spent of them
   */
  public static List<String> evaluation(SpfEvaluation e, String resolver, Limits limits) {
    List<String> lines = new ArrayList<>();
    lines.add("result       " + headline(e));
    lines.add("identity     " + identity(e.request()));
    lines.add("domain       " + Text.printable(e.request().domain().isEmpty() ? "(none)" : e.request().domain()));
    lines.add("ip           " + e.request().ip());
    lines.add("resolver     " + resolver);
    lines.add("deciding     " + e.decidingTerm()
        .map(d -> "'" + Text.printable(d.term()) + "' in the record of " + d.domain())
        .orElseGet(() -> undecided(e.result())));
    e.explanation().ifPresent(x -> lines.add("explanation  " + Text.quoted(x)));
    SpfTrace trace = e.trace();
    lines.add("lookups      " + trace.dnsLookups() + " of " + limits.maxDnsLookups() + " DNS-querying terms, "
        + trace.voidLookups() + " of " + limits.maxVoidLookups() + " void lookups, "
        + Text.count(trace.queries().size(), "DNS question") + " asked");
    if (!trace.steps().isEmpty()) {
      lines.add("");
      lines.add("trace");
      lines.addAll(trace(trace.steps(), "  "));
    }
    if (!trace.queries().isEmpty()) {
      lines.add("");
      lines.add("dns questions");
      for (SpfTrace.Query q : trace.queries()) {
        lines.add("  " + q.query().name() + " " + q.query().type() + " -> " + q.outcome().kind().jsonName()
            + (q.countedVoid() ? " (void)" : ""));
      }
    }
    if (!e.problems().isEmpty()) {
      lines.add("");
      lines.add("problems");
      lines.addAll(problems(e.problems(), "  "));
    }
    return lines;
  }

  /** Returns why no term decided a result. */
  private static String undecided(SpfResult result) {
    return switch (result) {
      case NONE -> "(none: there is no record to evaluate)";
      case TEMPERROR, PERMERROR -> "(none: the evaluation stopped at an error)";
      default -> "(no term matched: the default result applies)";
    };
  }

  /**
   * Returns the result in capitals with its meaning: {@code FAIL: 192.0.2.9 is not authorised to
   * send mail for example.com}.
   */
  public static String headline(SpfEvaluation e) {
    return e.result().name() + ": " + meaning(e.result(), e.request());
  }

  /** Returns what a result means for this request, after RFC 7208 section 2.6. */
  public static String meaning(SpfResult result, SpfRequest request) {
    String ip = request.ip().toString();
    String domain = Text.printable(request.domain());
    return switch (result) {
      case PASS -> ip + " is authorised to send mail for " + domain;
      case FAIL -> ip + " is not authorised to send mail for " + domain;
      case SOFTFAIL -> ip + " is probably not authorised to send mail for " + domain + " (accept, but mark)";
      case NEUTRAL -> domain + " makes no assertion about " + ip;
      case NONE -> domain.isEmpty() ? "no domain to check" : "no SPF record for " + domain + ", or it cannot be checked";
      case TEMPERROR -> "a temporary DNS error; a later retry may succeed";
      case PERMERROR -> "the SPF records of " + domain + " cannot be interpreted";
    };
  }

  /**
   * Returns the identity checked for people: {@code MAIL FROM <a@example.com> (HELO
   * mail.example.com)}, {@code MAIL FROM <> (null reverse-path: postmaster@mail.example.com)} or
   * {@code HELO mail.example.com}.
   */
  public static String identity(SpfRequest request) {
    String helo = request.helo().isEmpty() ? "" : " (HELO " + Text.printable(request.helo()) + ")";
    if (request.identity() == SpfRequest.Identity.HELO) {
      return "HELO " + Text.printable(request.helo());
    }
    if (request.sender().isEmpty()) {
      return request.helo().isEmpty()
          ? "MAIL FROM <> (null reverse-path, and no HELO name to check it as)"
          : "MAIL FROM <> (null reverse-path: checked as " + Text.printable(request.effectiveSender()) + ")";
    }
    return "MAIL FROM <" + Text.printable(request.sender()) + ">" + helo;
  }

  /** Returns the trace steps, indented by depth under {@code indent}. */
  public static List<String> trace(List<SpfTrace.Step> steps, String indent) {
    List<String> lines = new ArrayList<>();
    for (SpfTrace.Step s : steps) {
      String pad = indent + "  ".repeat(s.depth());
      String text = switch (s.kind()) {
        case CHECK -> "check_host(" + s.domain() + ")";
        case RECORD -> s.subject().isEmpty()
            ? "  " + s.outcome()
            : "  record " + Text.quoted(s.subject()) + (s.outcome().isEmpty() ? "" : " (" + s.outcome() + ")");
        case TERM -> "  " + s.subject() + " -> " + s.outcome();
        case EXPLANATION -> "  " + s.subject() + " -> " + (s.outcome().startsWith("ignored:")
            ? s.outcome() : Text.quoted(s.outcome()));
        case RESULT -> "  => " + s.outcome();
        case ERROR -> "  error: " + s.outcome();
      };
      lines.add(pad + Text.printable(text));
    }
    return lines;
  }

  /**
   * Returns problems as {@code error SPF_LOOP: message [RFC 7208 section 4.6.4]}, each followed by
   * its evidence and remediation when it has them.
   */
  public static List<String> problems(List<Diagnostic> problems, String indent) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : problems) {
      lines.add(indent + d.severity().jsonName() + " " + d.code() + ": " + Text.printable(d.message())
          + d.span().map(s -> " (at " + s + ")").orElse("")
          + d.reference().map(r -> " [" + r + "]").orElse(""));
      d.evidence().ifPresent(ev -> lines.add(indent + "    evidence: " + Text.quoted(ev)));
      d.remediation().ifPresent(r -> lines.add(indent + "    fix: " + Text.printable(r)));
    }
    return lines;
  }

  /**
   * Returns the lines describing one audit: the domain, the record, a summary (worst-case lookups,
   * void lookups, findings by severity), the findings grouped by severity, the include tree, the
   * flattened networks and the flattening suggestion when there is one.
   *
   * @param resolver where the answers came from, for people ({@code zone file x.zone})
   * @param limits the limits the audit ran under
   * @param dnsQuestions the DNS questions the audit asked
   */
  public static List<String> audit(SpfAudit a, String resolver, Limits limits, int dnsQuestions) {
    List<String> lines = new ArrayList<>();
    lines.add("domain       " + a.domain());
    lines.add("source       " + (a.source() == SpfAudit.Source.PROPOSED
        ? "proposed record (--record), not the published one" : "published TXT records"));
    lines.add("resolver     " + resolver);
    lines.add("record       " + a.recordText().map(Text::quoted)
        .orElseGet(() -> "(none" + a.tree().root().detail().map(d -> ": " + Text.printable(d)).orElse("") + ")"));
    lines.add("summary      " + summary(a, limits));
    lines.add("dns          " + Text.count(dnsQuestions, "DNS question") + " asked");
    for (Severity severity : Severity.values()) {
      List<Diagnostic> group = a.findings(severity);
      if (group.isEmpty()) {
        continue;
      }
      lines.add("");
      lines.add(plural(severity) + " (" + group.size() + ")");
      lines.addAll(findings(group, "  "));
    }
    lines.add("");
    lines.add("include tree" + (a.tree().complete() ? "" : " (incomplete: the lookup count is a lower bound)"));
    a.tree().render().lines().forEach(l -> lines.add("  " + Text.printable(l)));
    if (a.flattening().isPresent()) {
      lines.add("");
      lines.addAll(flattening(a.flattening().get(), "  "));
    }
    a.flatteningSuggestion().ifPresent(suggestion -> {
      lines.add("");
      lines.add("flattening suggestion");
      suggestion.lines().forEach(l -> lines.add("  " + Text.printable(l)));
    });
    return lines;
  }

  /**
   * Returns the one-line summary of an audit: {@code worst case 12 of 10 DNS-querying terms (over
   * the limit), 1 of 2 void lookups; 2 errors, 1 warning, 0 infos}.
   */
  public static String summary(SpfAudit a, Limits limits) {
    int worst = a.worstCaseLookups();
    String over = worst > limits.maxDnsLookups() ? " (over the limit)" : "";
    String lowerBound = a.tree().complete() ? "" : " at least";
    String voidOver = a.voidLookups() > limits.maxVoidLookups() ? " (over the limit)" : "";
    return "worst case" + lowerBound + " " + worst + " of " + limits.maxDnsLookups() + " DNS-querying terms" + over
        + ", " + a.voidLookups() + " of " + limits.maxVoidLookups() + " void lookups" + voidOver + "; "
        + Text.count(a.findings(Severity.ERROR).size(), "error") + ", "
        + Text.count(a.findings(Severity.WARNING).size(), "warning") + ", "
        + Text.count(a.findings(Severity.INFO).size(), "info");
  }

  private static String plural(Severity severity) {
    return severity.jsonName() + "s";
  }

  /**
   * Returns audit findings as {@code CODE: message (at 1:17)}, each followed by its evidence, fix
   * and RFC reference when it has them. Evidence of several lines (several records) is shown one
   * line each.
   */
  public static List<String> findings(List<Diagnostic> findings, String indent) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : findings) {
      lines.add(indent + d.code() + ": " + Text.printable(d.message())
          + d.span().map(s -> " (at " + s + ")").orElse(""));
      d.evidence().ifPresent(ev -> {
        List<String> evLines = ev.lines().toList();
        if (evLines.size() <= 1) {
          boolean quoted = ev.length() >= 2 && ev.startsWith("\"") && ev.endsWith("\"");
          lines.add(indent + "    evidence:  " + (quoted ? Text.printable(ev) : Text.quoted(ev)));
        } else {
          lines.add(indent + "    evidence:");
          evLines.forEach(l -> lines.add(indent + "      " + Text.printable(l)));
        }
      });
      d.remediation().ifPresent(r -> lines.add(indent + "    fix:       " + Text.printable(r)));
      d.reference().ifPresent(r -> lines.add(indent + "    reference: " + Text.printable(r)));
    }
    return lines;
  }

  /**
   * Returns the flattened networks under a {@code flattened networks (complete)} or {@code
   * (partial)} heading, followed by why the set is partial.
   */
  public static List<String> flattening(SpfFlattening f, String indent) {
    List<String> lines = new ArrayList<>();
    lines.add("flattened networks (" + (f.isComplete() ? "complete" : "partial") + ", "
        + Text.count(f.networks().size(), "network") + ")");
    if (f.networks().isEmpty()) {
      lines.add(indent + "(none: the policy authorises no address)");
    }
    for (IpNetwork n : f.networks()) {
      lines.add(indent + n);
    }
    if (!f.isComplete()) {
      lines.add(indent + "partial because:");
      f.reasons().forEach(r -> lines.add(indent + "- " + Text.printable(r)));
    }
    return lines;
  }
}
