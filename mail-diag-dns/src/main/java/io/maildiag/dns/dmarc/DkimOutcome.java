package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * The result of one DKIM signature as DMARC consumes it: the result and the signing domain ({@code
 * d=}).
 *
 * @param result the verification result
 * @param domain the {@code d=} domain
 * @since 0.1
 */
public record DkimOutcome(DkimResult result, DomainName domain) {
  /** Checks for null. */
  public DkimOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(domain, "domain");
  }
}
