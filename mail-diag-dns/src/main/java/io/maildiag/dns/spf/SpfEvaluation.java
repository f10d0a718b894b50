package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of one SPF check: the result, why, and how it was reached.
 *
 * <p>{@link #explain()} renders the trace for people; {@link #trace()} gives it as values for
 * tools. {@link #problems()} holds the diagnostics behind a {@code permerror} or {@code temperror}
 * (and warnings met on the way).
 *
 * @param request what was checked
 * @param result the RFC 7208 result
 * @param explanation the domain's explanation for a {@code fail} ({@code exp=}), if it published one
 * @param decidingTerm the term that decided the result and the domain whose record holds it, if a
 *     term matched
 * @param problems diagnostics explaining errors and noteworthy conditions
 * @param trace the evaluation trace
 * @since 0.1
 */
public record SpfEvaluation(
    SpfRequest request,
    SpfResult result,
    Optional<String> explanation,
    Optional<DecidingTerm> decidingTerm,
    List<Diagnostic> problems,
    SpfTrace trace) {

  /**
   * The term that decided a result.
   *
   * @param domain the domain whose record holds the term
   * @param term the term, canonically rendered
   */
  public record DecidingTerm(String domain, String term) {
    /** Checks for null. */
    public DecidingTerm {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(term, "term");
    }
  }

  /** Checks for null and copies the list. */
  public SpfEvaluation {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(decidingTerm, "decidingTerm");
    problems = List.copyOf(problems);
    Objects.requireNonNull(trace, "trace");
  }

  /**
   * Returns the trace as indented text for people: each record, each term tried and its outcome,
   * the result and the limits spent.
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("SPF check of ").append(request.ip()).append(" for ")
        .append(request.identity() == SpfRequest.Identity.HELO ? "HELO " + request.helo()
            : "MAIL FROM <" + request.sender() + ">" + (request.helo().isEmpty() ? "" : " (HELO " + request.helo() + ")"))
        .append('\n');
    for (SpfTrace.Step s : trace.steps()) {
      sb.append("  ".repeat(s.depth() + 1));
      switch (s.kind()) {
        case CHECK -> sb.append("check_host(").append(s.domain()).append(")");
        case RECORD -> sb.append(s.domain()).append(": ").append(s.subject().isEmpty() ? s.outcome()
            : "\"" + s.subject() + "\"" + (s.outcome().isEmpty() ? "" : " (" + s.outcome() + ")"));
        case TERM -> sb.append(s.subject()).append(" -> ").append(s.outcome());
        case RESULT -> sb.append("=> ").append(s.domain()).append(": ").append(s.outcome());
        case EXPLANATION -> sb.append("explanation: ").append(s.outcome());
        case ERROR -> sb.append("error: ").append(s.outcome());
      }
      sb.append('\n');
    }
    sb.append("Result: ").append(result.rfcName());
    decidingTerm.ifPresent(d -> sb.append(" (decided by '").append(d.term()).append("' in the record of ")
        .append(d.domain()).append(')'));
    sb.append('\n');
    explanation.ifPresent(e -> sb.append("Explanation: ").append(e).append('\n'));
    for (Diagnostic d : problems) {
      sb.append(d.severity().jsonName()).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
    }
    sb.append("DNS: ").append(trace.dnsLookups()).append(" lookup(s) counted, ").append(trace.voidLookups())
        .append(" void, ").append(trace.queries().size()).append(" question(s) asked\n");
    return sb.toString();
  }
}
