package io.maildiag.dns.dmarc.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a receiver gave for deviating from the published policy ({@code
 * policy_evaluated/reason}, RFC 7489 appendix C).
 *
 * @param type the kind of override
 * @param comment the receiver's free-text comment, if any
 * @since 0.1
 */
public record PolicyOverrideReason(PolicyOverrideType type, Optional<String> comment) {

  /** Checks that no component is null. */
  public PolicyOverrideReason {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(comment, "comment");
  }
}
