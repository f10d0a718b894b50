package io.maildiag.examples.render;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRequest;
import io.maildiag.dns.spf.SpfResult;
import io.maildiag.dns.spf.SpfTrace;
import java.util.ArrayList;
import java.util.List;

/** Renders SPF evaluations as human-readable lines: the default output of {@code mail-diag spf}. */
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
}
