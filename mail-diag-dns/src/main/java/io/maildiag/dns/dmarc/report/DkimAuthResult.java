package io.maildiag.dns.dmarc.report;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import java.util.Optional;

/**
 * One DKIM signature's raw result ({@code auth_results/dkim}, RFC 7489 appendix C), before
 * alignment.
 *
 * @param domain the signing domain ({@code d=}); empty if missing or invalid
 * @param selector the selector ({@code s=}), if reported
 * @param result the verification result
 * @param humanResult the receiver's free-text explanation, if any
 * @since 0.1
 */
public record DkimAuthResult(
    Optional<DomainName> domain, Optional<String> selector, DkimResultType result, Optional<String> humanResult) {

  /** Checks that no component is null. */
  public DkimAuthResult {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(humanResult, "humanResult");
  }
}
