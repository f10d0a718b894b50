package io.maildiag.ndr;

import java.util.Objects;

/**
 * The verdict on one failed (or delayed, or delivered) recipient: why, whether it is permanent,
 * what to do, who must act, and which rule decided.
 *
 * @param reason the reason from the taxonomy
 * @param permanent whether the failure is permanent (false for transient failures and not-bounces)
 * @param retry what the sender should do next
 * @param actor who must act
 * @param remediation a concrete next step, for people
 * @param rule the rule that produced the verdict, such as {@code status:5.1.1} or
 *     {@code text:"mailbox is full"}
 * @since 0.1
 */
public record Classification(
    Reason reason, boolean permanent, RetryAdvice retry, Actor actor, String remediation, String rule) {

  /** Checks for null. */
  public Classification {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(rule, "rule");
  }
}
