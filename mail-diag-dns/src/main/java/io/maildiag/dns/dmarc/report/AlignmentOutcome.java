package io.maildiag.dns.dmarc.report;

/**
 * How the messages of one report row fared, derived from {@code policy_evaluated} and {@code
 * auth_results}; the classification {@link AggregateSummary} counts by.
 *
 * @since 0.1
 */
public enum AlignmentOutcome {
  /** DMARC passed: the evaluated DKIM or SPF result is {@code pass} (aligned). */
  PASS,
  /**
   * DMARC failed although DKIM or SPF authenticated some domain: the passing identity is not
   * aligned with the From domain (say, SPF pass for a forwarder's or ESP's bounce domain).
   */
  MISALIGNED,
  /** DMARC failed and neither DKIM nor SPF passed for any domain. */
  UNAUTHENTICATED;
}
