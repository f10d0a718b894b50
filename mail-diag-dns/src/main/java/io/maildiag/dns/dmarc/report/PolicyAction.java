package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * The action a domain owner asks for in {@code p}, {@code sp} or {@code np} of the published
 * policy (RFC 7489 appendix C {@code DispositionType}; RFC 9990).
 *
 * @since 0.1
 */
public enum PolicyAction {
  /** {@code none}: monitor only. */
  NONE,
  /** {@code quarantine}: treat as suspicious. */
  QUARANTINE,
  /** {@code reject}: refuse the message. */
  REJECT;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
