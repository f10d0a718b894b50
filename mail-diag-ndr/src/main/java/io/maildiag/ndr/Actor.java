package io.maildiag.ndr;

import java.util.Locale;

/**
 * Who must act to fix a delivery failure.
 *
 * @since 0.1
 */
public enum Actor {
  /** The person who sent the message (wrong address, message too large). */
  SENDER,
  /** The administrator of the sending domain or system (SPF, DKIM, DMARC, reputation, PTR). */
  SENDER_ADMIN,
  /** The recipient (full mailbox). */
  RECIPIENT,
  /** The administrator of the recipient's domain or system (mailbox, filters, connectors). */
  RECIPIENT_ADMIN,
  /** The mail provider itself (outage, internal error). */
  PROVIDER,
  /** Nobody: the failure is transient and resolves by retrying. */
  NONE;

  /** Returns the JSON name, {@code sender-admin}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
