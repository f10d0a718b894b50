package io.maildiag.headers.received;

/**
 * Where on the path a delay was spent, as {@link ReceivedTimeline} attributes it.
 *
 * @since 0.1
 */
public enum DelayStage {
  /** Between the {@code Date} field and the first hop: the sender's client or its outbox queue. */
  SENDER_QUEUE,
  /**
   * Before the message entered the receiving organisation: the sender's servers and any relays
   * (the delay of a hop is spent at the host that received the hop before).
   */
  RELAY,
  /** Inside the receiving organisation: its gateways, filtering and internal hops. */
  RECEIVING_SYSTEM
}
