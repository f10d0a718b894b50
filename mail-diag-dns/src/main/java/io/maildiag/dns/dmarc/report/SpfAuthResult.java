package io.maildiag.dns.dmarc.report;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import java.util.Optional;

/**
 * One SPF check's raw result ({@code auth_results/spf}, RFC 7489 appendix C), before alignment.
 *
 * @param domain the domain checked; empty if missing or invalid
 * @param scope which identity was checked, if reported
 * @param result the SPF result
 * @param humanResult the receiver's free-text explanation (RFC 9990), if any
 * @since 0.1
 */
public record SpfAuthResult(
    Optional<DomainName> domain, Optional<SpfDomainScope> scope, SpfResultType result, Optional<String> humanResult) {

  /** Checks that no component is null. */
  public SpfAuthResult {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(humanResult, "humanResult");
  }
}
