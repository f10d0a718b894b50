package io.maildiag.headers.received;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link ReceivedTimeline#of(io.maildiag.headers.HeaderSection, TimelineOptions)}.
 *
 * @param limits the limits; {@link Limits#maxReceivedHops()} bounds the hops analysed
 * @param longDelay a delay at or above this is reported as {@link ReceivedCodes#HEADERS_LONG_DELAY}
 * @param skewTolerance negative delays and a Date later than the first hop up to this much are
 *     tolerated as clock jitter (reported as information only)
 * @param receivingDomains the domains of the receiving organisation; when empty (the default) the
 *     organisation is guessed from the newest hop, see {@link ReceivedTimeline}
 * @since 0.1
 */
public record TimelineOptions(
    Limits limits, Duration longDelay, Duration skewTolerance, Set<DomainName> receivingDomains) {

  /** Default {@link #longDelay()}: {@value} minutes. */
  public static final int DEFAULT_LONG_DELAY_MINUTES = 5;
  /** Default {@link #skewTolerance()}: {@value} seconds. */
  public static final int DEFAULT_SKEW_TOLERANCE_SECONDS = 60;

  private static final TimelineOptions DEFAULTS = new TimelineOptions(
      Limits.defaults(), Duration.ofMinutes(DEFAULT_LONG_DELAY_MINUTES),
      Duration.ofSeconds(DEFAULT_SKEW_TOLERANCE_SECONDS), Set.of());

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if a duration is negative or {@code longDelay} is zero
   */
  public TimelineOptions {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(longDelay, "longDelay");
    Objects.requireNonNull(skewTolerance, "skewTolerance");
    receivingDomains = Set.copyOf(receivingDomains);
    if (longDelay.isNegative() || longDelay.isZero()) {
      throw new IllegalArgumentException("longDelay must be positive, was " + longDelay);
    }
    if (skewTolerance.isNegative()) {
      throw new IllegalArgumentException("skewTolerance must be >= 0, was " + skewTolerance);
    }
  }

  /** Returns the defaults: {@link Limits#defaults()}, 5 minutes, 60 seconds, guessed organisation. */
  public static TimelineOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with other limits. */
  public TimelineOptions withLimits(Limits value) {
    return new TimelineOptions(value, longDelay, skewTolerance, receivingDomains);
  }

  /** Returns a copy with another long-delay threshold. */
  public TimelineOptions withLongDelay(Duration value) {
    return new TimelineOptions(limits, value, skewTolerance, receivingDomains);
  }

  /** Returns a copy with another skew tolerance. */
  public TimelineOptions withSkewTolerance(Duration value) {
    return new TimelineOptions(limits, longDelay, value, receivingDomains);
  }

  /** Returns a copy that names the receiving organisation's domains instead of guessing them. */
  public TimelineOptions withReceivingDomains(Set<DomainName> value) {
    return new TimelineOptions(limits, longDelay, skewTolerance, value);
  }
}
