package io.maildiag.dns.dmarc.report;

import java.util.Locale;

/**
 * Why a receiver applied a disposition other than the published policy ({@code reason/type}, RFC
 * 7489 appendix C {@code PolicyOverrideType}; RFC 9990 adds {@code policy_test_mode}). Values
 * outside the schema are {@link #OTHER}, with a warning.
 *
 * @since 0.1
 */
public enum PolicyOverrideType {
  /** {@code forwarded}. */
  FORWARDED,
  /** {@code sampled_out}: excluded by {@code pct} (RFC 7489). */
  SAMPLED_OUT,
  /** {@code trusted_forwarder}. */
  TRUSTED_FORWARDER,
  /** {@code mailing_list}. */
  MAILING_LIST,
  /** {@code local_policy}. */
  LOCAL_POLICY,
  /** {@code policy_test_mode}: the policy has {@code t=y} (RFC 9990). */
  POLICY_TEST_MODE,
  /** {@code other}, or a value outside the schema. */
  OTHER;

  /** Returns the token as written in the report XML. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
