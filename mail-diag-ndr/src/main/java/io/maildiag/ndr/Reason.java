package io.maildiag.ndr;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a message was not delivered: the stable reason taxonomy of mail-diag.
 *
 * <p>The constants are stable: names are never reused for another meaning. In JSON a reason is
 * written by {@link #jsonName()}: lower-case words joined by hyphens ({@code user-unknown}). The
 * last three constants describe messages that are not bounces.
 *
 * @since 0.1
 */
public enum Reason {
  /** The recipient's mailbox does not exist (RFC 3463 X.1.1; X.1.3, an address that cannot be one). */
  USER_UNKNOWN("The recipient address does not exist."),
  /** The recipient's domain does not exist or has no mail server (X.1.2, X.4.4). */
  HOST_UNKNOWN("The recipient domain does not exist or cannot receive mail."),
  /** The recipient's mailbox is full (X.2.2). */
  MAILBOX_FULL("The recipient's mailbox is full."),
  /** The recipient's mailbox is disabled or suspended (X.2.1). */
  SUSPENDED("The recipient's mailbox is disabled or suspended."),
  /** The recipient has moved and left no forwarding (X.1.6). */
  HAS_MOVED("The recipient has moved to another address."),
  /** The recipient domain accepts no mail at all: a null MX (RFC 7505, X.1.10). */
  NOT_ACCEPTING("The recipient domain does not accept mail (null MX)."),
  /** A recipient-side filter or rule refused the message. */
  FILTERED("A filter or rule at the recipient refused the message."),
  /** The sender address or sender domain was refused. */
  REJECTED("The sender (envelope or From address) was refused."),
  /** The sending client's IP address or host is blocked (blocklist, connection refused). */
  BLOCKED("The sending server's IP address or host name is blocked."),
  /** The sender's reputation (IP or domain) is too poor. */
  BAD_REPUTATION("The sending IP or domain has a poor reputation."),
  /** The sending client has no or a mismatching reverse DNS (PTR) record. */
  REQUIRE_PTR("The sending server has no valid reverse DNS (PTR) record."),
  /** SPF, DKIM or DMARC authentication failed (X.7.23 to X.7.27, and provider codes). */
  AUTH_FAILURE("SPF, DKIM or DMARC authentication failed."),
  /** The message does not comply with the mail standards (RFC 5322 and friends). */
  NOT_RFC_COMPLIANT("The message does not comply with the mail format standards."),
  /** A policy of the receiving system refused the message. */
  POLICY_VIOLATION("The message violates a policy of the receiving system."),
  /** The message was judged to be spam. */
  SPAM_DETECTED("The message was classified as spam."),
  /** The message carried a virus or malware. */
  VIRUS_DETECTED("A virus or malware was detected in the message."),
  /** A security requirement was not met (X.7.x: encryption, authentication of the session). */
  SECURITY_ERROR("A security requirement of the receiving system was not met."),
  /** The server does not relay for this recipient or sender (X.7.1 relaying denied). */
  NO_RELAYING("The server refused to relay the message."),
  /** The content (encoding, attachment type, headers) was refused. */
  CONTENT_ERROR("The content of the message was refused."),
  /** The message is larger than the receiver accepts (X.3.4). */
  EMAIL_TOO_LARGE("The message is larger than the receiver accepts."),
  /** A limit was exceeded: recipients per message, messages per day, sending quota. */
  EXCEEDED_LIMIT("A sending or receiving limit was exceeded."),
  /** Too many connections or messages in a short time: rate limiting, throttling, greylisting. */
  RATE_LIMITED("The receiver is rate-limiting the sender."),
  /** The receiving system is out of storage (X.3.1). */
  SYSTEM_FULL("The receiving system is out of storage."),
  /** The receiving system failed (X.3.0, X.3.5). */
  SYSTEM_ERROR("The receiving system had an internal error."),
  /**
   * The recipient's local delivery program failed: a pipe, procmail, a script run for the mailbox
   * (the {@code X-Unix} diagnostic type of RFC 3464, or the program's own message).
   */
  MAILER_ERROR("The local delivery program at the recipient (a pipe, procmail, a script) failed."),
  /** A network, routing or DNS failure prevented delivery (X.4.x). */
  NETWORK_ERROR("A network, routing or DNS problem prevented delivery."),
  /** Delivery was retried until the message expired in the queue (X.4.7). */
  EXPIRED("Delivery attempts timed out and the message expired in the queue."),
  /** A syntax error in an SMTP command or its parameters (X.5.2). */
  SYNTAX_ERROR("A command or address had a syntax error."),
  /** STARTTLS failed or was required and not offered (X.7.10, X.7.29). */
  FAILED_STARTTLS("TLS could not be negotiated, or was required and not used."),
  /** The sending service suppressed the address after earlier bounces or complaints. */
  SUPPRESSED("The sending service suppressed the address after earlier failures."),
  /** The message is held: quarantine or manual review. */
  ON_HOLD("The message is held for review or in quarantine."),
  /** No reason could be determined. */
  UNDEFINED("The reason could not be determined."),
  /** Not a bounce: a delivery success notification. */
  DELIVERED("Not a bounce: the message was delivered."),
  /** Not a bounce: an automatic reply such as a vacation notice (RFC 3834). */
  AUTO_REPLY("Not a bounce: an automatic reply (vacation or out of office)."),
  /** Not a bounce: a feedback report, such as a spam complaint (ARF, RFC 5965). */
  FEEDBACK("Not a bounce: a feedback report (ARF).");

  private final String description;

  Reason(String description) {
    this.description = description;
  }

  /** Returns one sentence describing the reason, for people. */
  public String description() {
    return description;
  }

  /** Returns the JSON name: lower-case words joined by hyphens, {@code user-unknown}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the reason with the given JSON name ({@code "mailbox-full"}), if any.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public static Optional<Reason> fromJsonName(String name) {
    Objects.requireNonNull(name, "name");
    for (Reason r : values()) {
      if (r.jsonName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Returns whether this reason describes a failed delivery (false for the three not-bounce reasons). */
  public boolean isFailure() {
    return this != DELIVERED && this != AUTO_REPLY && this != FEEDBACK;
  }
}
