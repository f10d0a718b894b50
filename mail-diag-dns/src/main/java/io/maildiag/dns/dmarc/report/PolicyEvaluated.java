package io.maildiag.dns.dmarc.report;

import java.util.List;
import java.util.Objects;

/**
 * What the receiver concluded for the messages of a row ({@code row/policy_evaluated}, RFC 7489
 * appendix C): the disposition applied and the DMARC-aligned DKIM and SPF outcomes.
 *
 * <p>A missing or unrecognised {@code dkim} or {@code spf} is read as {@link DmarcResultType#FAIL}
 * and a missing disposition as {@link DispositionType#NONE}, each with a diagnostic.
 *
 * @param disposition the action taken
 * @param dkim the aligned DKIM outcome
 * @param spf the aligned SPF outcome
 * @param reasons the override reasons given, in order
 * @since 0.1
 */
public record PolicyEvaluated(
    DispositionType disposition, DmarcResultType dkim, DmarcResultType spf, List<PolicyOverrideReason> reasons) {

  /** Checks that no component is null and copies the list. */
  public PolicyEvaluated {
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(dkim, "dkim");
    Objects.requireNonNull(spf, "spf");
    reasons = List.copyOf(reasons);
  }

  /** Returns whether DMARC passed: aligned DKIM or aligned SPF passed (RFC 7489 section 4.2). */
  public boolean dmarcPass() {
    return dkim == DmarcResultType.PASS || spf == DmarcResultType.PASS;
  }
}
