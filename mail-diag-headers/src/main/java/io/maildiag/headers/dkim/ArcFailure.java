package io.maildiag.headers.dkim;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why an ARC chain failed: the rule, the instance where it broke, and for signature failures the
 * underlying {@link DkimFailure}.
 *
 * @param reason the rule
 * @param instance the failing instance, when one is to blame
 * @param message one sentence for people
 * @param cause the signature failure behind {@link ArcFailureReason#SEAL_FAILED} and {@link
 *     ArcFailureReason#MESSAGE_SIGNATURE_FAILED}
 * @since 0.1
 */
public record ArcFailure(ArcFailureReason reason, OptionalInt instance, String message, Optional<DkimFailure> cause) {
  /** Checks for null. */
  public ArcFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(cause, "cause");
  }

  @Override
  public String toString() {
    return reason + (instance.isPresent() ? " at i=" + instance.getAsInt() : "") + ": " + message;
  }
}
