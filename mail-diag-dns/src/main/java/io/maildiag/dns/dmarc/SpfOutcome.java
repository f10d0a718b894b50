package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.spf.SpfResult;
import java.util.Objects;

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
}
