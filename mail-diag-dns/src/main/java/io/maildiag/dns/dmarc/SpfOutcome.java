package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The SPF result DMARC consumes: the result for the RFC5321.MailFrom domain (or the HELO domain
 * when MAIL FROM was empty, RFC 9989 section 4.4.2) and that domain.
 *
 * @param result the SPF result
 * @param domain the domain SPF checked
 * @since 0.1
 */
public record SpfOutcome(SpfResult result, DomainName domain) {
  /** Checks for null. */
  public SpfOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(domain, "domain");
  }

  /**
   * Returns the outcome of an SPF evaluation made by {@link io.maildiag.dns.spf.SpfChecker}: its
   * result and the domain it checked. Empty when the checked domain was not a valid domain name
   * (the evaluation's result is then {@code none}, which DMARC treats as not aligned anyway).
   */
  public static Optional<SpfOutcome> from(SpfEvaluation evaluation) {
    return DomainName.parse(evaluation.request().domain()).value()
        .map(d -> new SpfOutcome(evaluation.result(), d));
  }
}
