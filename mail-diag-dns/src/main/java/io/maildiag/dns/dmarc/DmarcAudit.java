package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DmarcAuditor} found about a domain's DMARC set-up, for its owner: the record that
 * applies, where it was found, the organizational domain and how it was determined, and findings.
 *
 * <p>Findings come errors first, then warnings, then infos; within a severity, in the order the
 * audit met them. Each has a stable {@link Diagnostic#code() code} from {@link DmarcCodes}, a
 * message, and where it applies evidence, a remediation and an RFC reference. Syntax findings of
 * the record carry their {@linkplain Diagnostic#span() span} in {@link #recordText()}.
 *
 * @param domain the audited domain
 * @param mode the discovery mode used
 * @param discovery the discovery in that mode
 * @param recordText the text of the record that applies, when one was found
 * @param record the parsed record that applies, when one was found
 * @param recordDomain the domain whose {@code _dmarc} record applies, when one was found
 * @param organizationalDomain the organizational domain of {@link #domain()} and how it was found
 * @param modeComparison tree walk versus public suffix list, when a list was configured
 * @param findings what the audit found, errors first
 * @since 0.1
 */
public record DmarcAudit(
    DomainName domain,
    DiscoveryMode mode,
    DmarcDiscoveryResult discovery,
    Optional<String> recordText,
    Optional<DmarcPolicy> record,
    Optional<DomainName> recordDomain,
    OrganizationalDomain organizationalDomain,
    Optional<DmarcModeComparison> modeComparison,
    List<Diagnostic> findings) {

  /** Checks for null and copies the list. */
  public DmarcAudit {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(recordText, "recordText");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(recordDomain, "recordDomain");
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    Objects.requireNonNull(modeComparison, "modeComparison");
    findings = List.copyOf(findings);
  }

  /** Returns whether the modes were compared and disagree. */
  public boolean modesDisagree() {
    return modeComparison.map(DmarcModeComparison::disagree).orElse(false);
  }

  /** Returns the findings with the given code, in order. */
  public List<Diagnostic> findings(DiagnosticCode code) {
    return findings.stream().filter(d -> d.code().equals(code)).toList();
  }

  /** Returns the findings of the given severity, in order. */
  public List<Diagnostic> findings(Severity severity) {
    return findings.stream().filter(d -> d.severity() == severity).toList();
  }

  /** Returns whether there is a finding with the given code. */
  public boolean has(DiagnosticCode code) {
    return findings.stream().anyMatch(d -> d.code().equals(code));
  }

  /** Returns whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Diagnostic::isError);
  }
}
