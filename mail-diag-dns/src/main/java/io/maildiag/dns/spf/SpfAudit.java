package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpNetwork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link SpfAuditor} found about a domain's SPF policy (RFC 7208): the record, the findings,
 * the include/redirect tree with its lookup counts, and the flattened networks.
 *
 * <pre>{@code
 * SpfAudit a = auditor.audit(DomainName.of("example.com"));
 * a.findings().forEach(System.out::println);          // error SPF_TOO_MANY_LOOKUPS: ...
 * System.out.print(a.tree().render());                // the include tree with lookup counts
 * a.flatteningSuggestion().ifPresent(System.out::println);
 * }</pre>
 *
 * <p>Findings come errors first, then warnings, then infos; within a severity, in the order the
 * audit met them. Each has a stable {@link Diagnostic#code() code} (mostly from {@link SpfCodes}),
 * evidence (the record or term text), a remediation and an RFC 7208 reference. Findings about a
 * term or a syntax error of the audited record carry its {@linkplain Diagnostic#span() span} in
 * {@link #recordText()}; syntax errors of other records carry their span in that record, which is
 * then the evidence. Findings about records reached through the tree name the domain in their
 * message.
 *
 * <p>Immutable and safe for concurrent use.
 *
 * @param domain the audited domain
 * @param source whether the published record or a proposed one was audited
 * @param recordText the audited record text (the strings joined), when there was exactly one
 * @param record the parsed record, when it parsed
 * @param findings what the audit found, errors first
 * @param tree the include/redirect tree
 * @param worstCaseLookups the DNS-querying terms an evaluation spends when no term matches: the
 *     tree's root total (RFC 7208 section 4.6.4 allows {@code 10})
 * @param voidLookups the distinct lookups seen that returned NXDOMAIN or NODATA (RFC 7208 section
 *     4.6.4 allows {@code 2})
 * @param flattening the networks the policy authorises, when the record parsed
 * @param flatteningSuggestion replacement records with the includes flattened, when the worst case
 *     exceeds the lookup limit
 * @since 0.1
 */
public record SpfAudit(
    DomainName domain,
    Source source,
    Optional<String> recordText,
    Optional<SpfRecord> record,
    List<Diagnostic> findings,
    SpfIncludeTree tree,
    int worstCaseLookups,
    int voidLookups,
    Optional<SpfFlattening> flattening,
    Optional<String> flatteningSuggestion) {

  /**
   * Where the audited record came from.
   *
   * @since 0.1
   */
  public enum Source {
    /** The record published in DNS. */
    PUBLISHED,
    /** A proposed record passed to {@link SpfAuditor#auditProposed}. */
    PROPOSED
  }

  /**
   * Validates the audit.
   *
   * @throws IllegalArgumentException if a count is negative or {@code worstCaseLookups} differs
   *     from the tree's
   */
  public SpfAudit {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(recordText, "recordText");
    Objects.requireNonNull(record, "record");
    findings = List.copyOf(findings);
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(flattening, "flattening");
    Objects.requireNonNull(flatteningSuggestion, "flatteningSuggestion");
    if (worstCaseLookups != tree.worstCaseLookups()) {
      throw new IllegalArgumentException(
          "worstCaseLookups " + worstCaseLookups + " differs from the tree's " + tree.worstCaseLookups());
    }
    if (voidLookups < 0) {
      throw new IllegalArgumentException("voidLookups must be >= 0, was " + voidLookups);
    }
  }

  /** Returns the flattened networks, when the record parsed (see {@link SpfFlattening} for the rule). */
  public Optional<List<IpNetwork>> flattenedNetworks() {
    return flattening.map(SpfFlattening::networks);
  }

  /** Returns the findings with the given code, in order. */
  public List<Diagnostic> findings(DiagnosticCode code) {
    return findings.stream().filter(d -> d.code().equals(code)).toList();
  }

  /** Returns whether there is a finding with the given code. */
  public boolean has(DiagnosticCode code) {
    return findings.stream().anyMatch(d -> d.code().equals(code));
  }

  /** Returns the findings of the given severity, in order. */
  public List<Diagnostic> findings(Severity severity) {
    return findings.stream().filter(d -> d.severity() == severity).toList();
  }

  /** Returns whether any finding is an error: the policy is broken or dangerous. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Diagnostic::isError);
  }
}
