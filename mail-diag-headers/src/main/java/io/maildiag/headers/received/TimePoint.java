package io.maildiag.headers.received;

import io.maildiag.core.SourceSpan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of time evidence in a message's header: a hop, the Date field, a signature time.
 *
 * @param source the kind of field it comes from
 * @param instant the moment
 * @param dateTime the moment with the offset as written, when the field wrote one (not for
 *     epoch-second {@code t=} tags)
 * @param fieldName the header field's name as written
 * @param span where the field lies in {@link io.maildiag.headers.HeaderSection#text()}
 * @param label a short human description, such as {@code hop 2 by mx.example.net}
 * @since 0.1
 */
public record TimePoint(
    TimeSource source, Instant instant, Optional<OffsetDateTime> dateTime, String fieldName, SourceSpan span,
    String label) {

  /** Checks that no component is null. */
  public TimePoint {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(label, "label");
  }
}
