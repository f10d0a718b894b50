package io.maildiag.ndr;

import java.util.Objects;
import java.util.Optional;

/**
 * What a bounce says about the message that could not be delivered, read from the returned message
 * or its headers.
 *
 * @param messageId the original Message-ID, without angle brackets
 * @param from the original From header
 * @param to the original To header
 * @param subject the original Subject, decoded
 * @param date the original Date header
 * @since 0.1
 */
public record OriginalMessage(
    Optional<String> messageId, Optional<String> from, Optional<String> to, Optional<String> subject,
    Optional<String> date) {

  /** Checks for null. */
  public OriginalMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(date, "date");
  }

  /** Returns an empty value: the bounce returned nothing of the original. */
  public static OriginalMessage none() {
    return new OriginalMessage(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
