package io.maildiag.headers.dkim;

import java.util.Objects;

/**
 * Why a signature did not pass: the rule, and a sentence with the particulars ("expired at
 * 2024-05-01T00:00:00Z, 3 days ago").
 *
 * @param reason the rule
 * @param message one sentence for people
 * @since 0.1
 */
public record DkimFailure(DkimFailureReason reason, String message) {
  /** Checks for null. */
  public DkimFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return reason + ": " + message;
  }
}
