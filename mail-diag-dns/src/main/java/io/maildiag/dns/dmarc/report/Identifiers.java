package io.maildiag.dns.dmarc.report;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import java.util.Optional;

/**
 * The identifiers of the messages of a record ({@code record/identifiers}, RFC 7489 appendix C).
 * Values that are empty, missing or not valid domain names are empty here; a missing or invalid
 * {@code header_from} has a diagnostic.
 *
 * @param headerFrom the RFC 5322 From domain
 * @param envelopeFrom the RFC 5321 MAIL FROM domain, if reported
 * @param envelopeTo the RFC 5321 RCPT TO domain, if reported
 * @since 0.1
 */
public record Identifiers(
    Optional<DomainName> headerFrom, Optional<DomainName> envelopeFrom, Optional<DomainName> envelopeTo) {

  /** Checks that no component is null. */
  public Identifiers {
    Objects.requireNonNull(headerFrom, "headerFrom");
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(envelopeTo, "envelopeTo");
  }
}
