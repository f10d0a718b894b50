package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What DMARC evaluates: the author domain and the authentication results of the message. SPF and
 * DKIM are computed elsewhere (the SPF checker, a DKIM verifier, or an Authentication-Results
 * header) and passed in.
 *
 * @param fromDomain the RFC5322.From domain, see {@link AuthorDomain#fromHeaders}
 * @param spf the SPF outcome, if SPF was checked
 * @param dkim the outcome of each DKIM signature, in any order
 * @since 0.1
 */
public record DmarcInput(DomainName fromDomain, Optional<SpfOutcome> spf, List<DkimOutcome> dkim) {
  /** Checks for null and copies the list. */
  public DmarcInput {
    Objects.requireNonNull(fromDomain, "fromDomain");
    Objects.requireNonNull(spf, "spf");
    dkim = List.copyOf(dkim);
  }

  /** Returns an input with the given outcomes. */
  public static DmarcInput of(DomainName fromDomain, SpfOutcome spf, DkimOutcome... dkim) {
    return new DmarcInput(fromDomain, Optional.of(spf), List.of(dkim));
  }

  /** Returns an input without SPF. */
  public static DmarcInput ofDkim(DomainName fromDomain, DkimOutcome... dkim) {
    return new DmarcInput(fromDomain, Optional.empty(), List.of(dkim));
  }
}
