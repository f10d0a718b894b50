package io.maildiag.dns.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * A Domain Owner Assessment Policy and the handling a receiver applies: the values of the {@code
 * p}, {@code sp} and {@code np} tags (RFC 9989 section 4.7, RFC 7489 section 6.3).
 *
 * @since 0.1
 */
public enum DmarcDisposition {
  /** No specific action requested. */
  NONE,
  /** Treat failing mail as suspicious (spam folder). */
  QUARANTINE,
  /** Reject failing mail during the SMTP transaction. */
  REJECT;

  /** Returns the tag value, {@code "quarantine"}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the next less strict disposition ({@code reject} to {@code quarantine}); {@code none} stays. */
  public DmarcDisposition lessStrict() {
    return this == REJECT ? QUARANTINE : NONE;
  }

  /** Parses a tag value, case-insensitively. */
  public static Optional<DmarcDisposition> fromTagValue(String value) {
    for (DmarcDisposition d : values()) {
      if (d.tagValue().equalsIgnoreCase(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
