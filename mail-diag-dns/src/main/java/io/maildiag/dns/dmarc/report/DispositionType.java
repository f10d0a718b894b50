package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * The disposition a receiver applied to the messages of a row ({@code policy_evaluated/disposition},
 * RFC 7489 appendix C; RFC 9990 adds {@code pass}).
 *
 * @since 0.1
 */
public enum DispositionType {
  /** {@code none}: no action taken. */
  NONE,
  /** {@code pass}: DMARC passed (RFC 9990 only). */
  PASS,
  /** {@code quarantine}: the message was quarantined. */
  QUARANTINE,
  /** {@code reject}: the message was rejected. */
  REJECT;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
