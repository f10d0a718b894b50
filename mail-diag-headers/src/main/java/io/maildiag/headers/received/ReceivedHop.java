package io.maildiag.headers.received;

import io.maildiag.headers.HeaderField;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One hop of a {@link ReceivedTimeline}: a parsed {@code Received} field and its place in the
 * delivery path.
 *
 * @param number the hop number, 1 for the oldest (the bottom-most Received field)
 * @param field the header field
 * @param received the parsed field
 * @param delay this hop's time minus the time of the nearest earlier hop that has one; empty for
 *     the first timed hop and for hops without a time
 * @param stage where the time before this hop was spent: {@link DelayStage#SENDER_QUEUE} for hop 1
 * @param insideReceivingOrganisation whether the host that wrote this hop ({@code by}) belongs to
 *     the receiving organisation
 * @since 0.1
 */
public record ReceivedHop(
    int number, HeaderField field, ReceivedHeader received, Optional<Duration> delay, DelayStage stage,
    boolean insideReceivingOrganisation) {

  /** Checks that no component is null. */
  public ReceivedHop {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(stage, "stage");
  }

  /** Returns the hop's time, if its date could be read. */
  public Optional<Instant> instant() {
    return received.instant();
  }

  /** Returns a short description: {@code hop 2 by mx.example.net}. */
  public String label() {
    return "hop " + number + received.by().map(b -> " by " + b).orElse("");
  }
}
