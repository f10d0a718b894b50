package io.maildiag.dns;

import java.time.Duration;

/**
 * Observes the questions a resolver is asked and what they come to, for tracing, metrics and
 * "this evaluation made N queries" reports. Attach one with {@link DnsResolver#withListener}.
 *
 * <p>Methods do nothing by default; override those you need. They may be called from any thread,
 * concurrently, so implementations must be thread-safe, and they should return quickly. An
 * exception thrown by a listener is caught and ignored by the resolver.
 *
 * @since 0.1
 */
public abstract class DnsListener {

  /** A listener that does nothing. */
  public static final DnsListener NONE = new DnsListener() {};

  /** Creates a listener. */
  protected DnsListener() {}

  /** Called when a question is about to be resolved. */
  public void queryStart(DnsQuery query) {}

  /** Called when a question has been resolved, with its outcome and how long it took. */
  public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration elapsed) {}
}
