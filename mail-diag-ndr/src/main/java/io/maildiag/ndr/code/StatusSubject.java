package io.maildiag.ndr.code;

import java.util.Objects;
import java.util.Optional;

/**
 * The subject of an enhanced status code (RFC 3463 section 3, the IANA "Subject Sub-Codes"
 * registry): which part of the mail system the status is about.
 *
 * <p>Every subject carries a description, so a code with an unregistered detail (such as a
 * provider's {@code 5.7.509}) still gets an explanation of its subject.
 *
 * @since 0.1
 */
public enum StatusSubject {
  /** {@code X.0.YYY}: no further subject information is available. */
  OTHER(0, "Other or Undefined Status", "There is no additional subject information available."),
  /** {@code X.1.YYY}: the originator or destination address (syntax or validity). */
  ADDRESSING(1, "Addressing Status",
      "The status is about the originator or destination address, its syntax or validity; the sender"
          + " can generally correct it and retry."),
  /** {@code X.2.YYY}: the recipient's mailbox. */
  MAILBOX(2, "Mailbox Status",
      "Something about the destination mailbox caused the status; mailbox issues are generally under"
          + " the control of the recipient."),
  /** {@code X.3.YYY}: the destination mail system. */
  MAIL_SYSTEM(3, "Mail System Status",
      "Something about the destination system caused the status; system issues are generally under"
          + " the control of the destination system's administrator."),
  /** {@code X.4.YYY}: the network and routing infrastructure, including directory services (DNS). */
  NETWORK_ROUTING(4, "Network and Routing Status",
      "The status is about the delivery infrastructure: network, routing and directory services such"
          + " as DNS, under the control of the destination or an intermediate system's administrator."),
  /** {@code X.5.YYY}: the mail delivery protocol (SMTP). */
  MAIL_DELIVERY_PROTOCOL(5, "Mail Delivery Protocol Status",
      "The status is about the message delivery protocol: implementation errors or an unreliable"
          + " connection."),
  /** {@code X.6.YYY}: the content or media of the message. */
  MESSAGE_CONTENT(6, "Message Content or Media Status",
      "The status is about the message content: translation, transcoding or unsupported media;"
          + " sender and receiver must share a supported set of content types."),
  /** {@code X.7.YYY}: security or policy (filtering, authentication, cryptography). */
  SECURITY_POLICY(7, "Security or Policy Status",
      "The status is about policy (per-recipient or per-host filtering, authentication) or"
          + " cryptographic operations; sender and recipient must both permit the exchange.");

  private final int number;
  private final String title;
  private final String description;

  StatusSubject(int number, String title, String description) {
    this.number = number;
    this.title = title;
    this.description = description;
  }

  /** Returns the subject number, 0 to 7. */
  public int number() {
    return number;
  }

  /** Returns the registry's summary, such as {@code Security or Policy Status}. */
  public String title() {
    return title;
  }

  /** Returns one or two sentences describing the subject, condensed from RFC 3463. */
  public String description() {
    return description;
  }

  /** Returns the registry key of the subject, such as {@code X.7.YYY}. */
  public String registryKey() {
    return "X." + number + ".YYY";
  }

  /** Returns the subject with the given number, or empty for an unregistered subject (8 to 999). */
  public static Optional<StatusSubject> of(int number) {
    for (StatusSubject s : values()) {
      if (s.number == number) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns the subject of {@code code}, or empty if its subject is not registered. */
  public static Optional<StatusSubject> of(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    return of(code.subject());
  }
}
