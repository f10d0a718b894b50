package io.maildiag.headers.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The fields people look at first, decoded for display (RFC 2047 encoded-words decoded; {@code
 * Date} and {@code Message-ID} as written, unfolded). Each is the first field of its name.
 *
 * @param subject the Subject
 * @param from the From
 * @param to the To
 * @param date the Date
 * @param messageId the Message-ID
 * @since 0.1
 */
public record HeaderSummary(
    Optional<String> subject, Optional<String> from, Optional<String> to, Optional<String> date,
    Optional<String> messageId) {

  /** Checks for nulls. */
  public HeaderSummary {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(messageId, "messageId");
  }
}
