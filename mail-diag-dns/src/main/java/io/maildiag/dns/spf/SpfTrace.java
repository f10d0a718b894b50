package io.maildiag.dns.spf;

import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import java.util.List;
import java.util.Objects;

/**
 * How an SPF evaluation reached its result: every record fetched, every term tried with its
 * outcome, every DNS question with its outcome, and the limits spent.
 *
 * @param steps the evaluation steps in order
 * @param queries the DNS questions asked, in order (each asked once per evaluation)
 * @param dnsLookups the DNS-querying terms counted against {@link io.maildiag.core.Limits#maxDnsLookups()}
 * @param voidLookups the void lookups counted against {@link io.maildiag.core.Limits#maxVoidLookups()}
 * @since 0.1
 */
public record SpfTrace(List<Step> steps, List<Query> queries, int dnsLookups, int voidLookups) {

  /** Copies the lists. */
  public SpfTrace {
    steps = List.copyOf(steps);
    queries = List.copyOf(queries);
  }

  /** What a step is about. */
  public enum StepKind {
    /** Start of {@code check_host()} for a domain. */
    CHECK,
    /** The SPF record selected for a domain (or its absence). */
    RECORD,
    /** A term evaluated. */
    TERM,
    /** The result of {@code check_host()} for a domain. */
    RESULT,
    /** The explanation fetched for a fail result. */
    EXPLANATION,
    /** A limit was exceeded or an error ended the evaluation. */
    ERROR
  }

  /**
   * One step of the evaluation.
   *
   * @param depth the nesting level: 0 for the checked domain, +1 per include or redirect
   * @param kind what the step is about
   * @param domain the domain whose record is being evaluated
   * @param subject the term or record text the step is about
   * @param outcome what happened, such as {@code match}, {@code no match}, {@code pass}
   */
  public record Step(int depth, StepKind kind, String domain, String subject, String outcome) {
    /** Checks for null. */
    public Step {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * One DNS question asked during the evaluation.
   *
   * @param query the question
   * @param outcome what it came to
   * @param countedVoid whether its answer was counted as a void lookup; a question is listed once,
   *     but each term that meets its void answer counts one void lookup (at most one per term), so
   *     {@link SpfTrace#voidLookups()} may exceed the number of questions marked here
   */
  public record Query(DnsQuery query, DnsOutcome outcome, boolean countedVoid) {
    /** Checks for null. */
    public Query {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
