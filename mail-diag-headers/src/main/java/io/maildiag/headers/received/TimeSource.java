package io.maildiag.headers.received;

/**
 * The header field a {@link TimePoint} of the timeline comes from.
 *
 * @since 0.1
 */
public enum TimeSource {
  /** The {@code Date} field: when the author's client says the message was written (RFC 5322 section 3.6.1). */
  DATE,
  /** A {@code Received} hop. */
  RECEIVED,
  /** Google's {@code X-Received}: an internal hop inside Gmail. */
  X_RECEIVED,
  /** The {@code t=} signing time of a {@code DKIM-Signature} (RFC 6376 section 3.5). */
  DKIM_SIGNATURE,
  /** The {@code t=} time of an {@code ARC-Seal} (RFC 8617 section 4.1.3). */
  ARC_SEAL,
  /** Microsoft's {@code X-OriginalArrivalTime} or {@code X-MS-Exchange-*-OriginalArrivalTime}. */
  ORIGINAL_ARRIVAL_TIME
}
