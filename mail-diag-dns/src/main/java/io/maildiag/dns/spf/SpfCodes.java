package io.maildiag.dns.spf;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of SPF parsing and evaluation.
 *
 * @since 0.1
 */
public final class SpfCodes {
  /** The record does not start with {@code v=spf1} followed by a space or its end. */
  public static final DiagnosticCode SPF_NOT_SPF1 = DiagnosticCode.of("SPF_NOT_SPF1");
  /** A term that is neither a known mechanism nor a well-formed modifier. */
  public static final DiagnosticCode SPF_UNKNOWN_MECHANISM = DiagnosticCode.of("SPF_UNKNOWN_MECHANISM");
  /** A mechanism whose arguments are malformed (missing domain, stray characters). */
  public static final DiagnosticCode SPF_INVALID_TERM = DiagnosticCode.of("SPF_INVALID_TERM");
  /** A domain-spec that is not a valid domain or does not end in a valid top label. */
  public static final DiagnosticCode SPF_INVALID_DOMAIN_SPEC = DiagnosticCode.of("SPF_INVALID_DOMAIN_SPEC");
  /** A CIDR length that is malformed or out of range. */
  public static final DiagnosticCode SPF_INVALID_CIDR = DiagnosticCode.of("SPF_INVALID_CIDR");
  /** An {@code ip4}/{@code ip6} address that is not valid. */
  public static final DiagnosticCode SPF_INVALID_IP = DiagnosticCode.of("SPF_INVALID_IP");
  /** An invalid macro: unknown letter, bad transformer, stray {@code %}, or a letter only allowed in {@code exp}. */
  public static final DiagnosticCode SPF_INVALID_MACRO = DiagnosticCode.of("SPF_INVALID_MACRO");
  /** {@code redirect=} or {@code exp=} appears more than once. */
  public static final DiagnosticCode SPF_DUPLICATE_MODIFIER = DiagnosticCode.of("SPF_DUPLICATE_MODIFIER");
  /** A character outside printable ASCII. */
  public static final DiagnosticCode SPF_INVALID_CHARACTER = DiagnosticCode.of("SPF_INVALID_CHARACTER");
  /** An unknown modifier; it is kept and ignored (RFC 7208 section 6). */
  public static final DiagnosticCode SPF_UNKNOWN_MODIFIER = DiagnosticCode.of("SPF_UNKNOWN_MODIFIER");
  /** More than one SPF record at a domain (RFC 7208 section 4.5). */
  public static final DiagnosticCode SPF_MULTIPLE_RECORDS = DiagnosticCode.of("SPF_MULTIPLE_RECORDS");
  /** No SPF record at a domain. */
  public static final DiagnosticCode SPF_NO_RECORD = DiagnosticCode.of("SPF_NO_RECORD");
  /** More than 10 DNS-querying terms (RFC 7208 section 4.6.4). */
  public static final DiagnosticCode SPF_TOO_MANY_LOOKUPS = DiagnosticCode.of("SPF_TOO_MANY_LOOKUPS");
  /** More than 2 void lookups (RFC 7208 section 4.6.4). */
  public static final DiagnosticCode SPF_TOO_MANY_VOID_LOOKUPS = DiagnosticCode.of("SPF_TOO_MANY_VOID_LOOKUPS");
  /** More than 10 MX names for one {@code mx} term (RFC 7208 section 4.6.4). */
  public static final DiagnosticCode SPF_TOO_MANY_MX = DiagnosticCode.of("SPF_TOO_MANY_MX");
  /** An {@code include} or {@code redirect} loop. */
  public static final DiagnosticCode SPF_LOOP = DiagnosticCode.of("SPF_LOOP");
  /** A DNS failure (SERVFAIL, REFUSED, timeout) during evaluation. */
  public static final DiagnosticCode SPF_DNS_ERROR = DiagnosticCode.of("SPF_DNS_ERROR");
  /** The evaluation ran out of its time budget. */
  public static final DiagnosticCode SPF_TIME_BUDGET = DiagnosticCode.of("SPF_TIME_BUDGET");
  /** An {@code include} or {@code redirect} to a domain without an SPF record. */
  public static final DiagnosticCode SPF_TARGET_WITHOUT_RECORD = DiagnosticCode.of("SPF_TARGET_WITHOUT_RECORD");
  /** The checked domain is malformed or not multi-label (RFC 7208 section 4.3). */
  public static final DiagnosticCode SPF_INVALID_IDENTITY = DiagnosticCode.of("SPF_INVALID_IDENTITY");

  /** The worst-case count of DNS-querying terms is close to the limit (an audit warning). */
  public static final DiagnosticCode SPF_LOOKUPS_NEAR_LIMIT = DiagnosticCode.of("SPF_LOOKUPS_NEAR_LIMIT");
  /** A DNS-querying term whose target returns NXDOMAIN or NODATA (RFC 7208 section 4.6.4). */
  public static final DiagnosticCode SPF_VOID_LOOKUP = DiagnosticCode.of("SPF_VOID_LOOKUP");
  /** A {@code ptr} mechanism, which RFC 7208 section 5.5 says SHOULD NOT be used. */
  public static final DiagnosticCode SPF_PTR_DEPRECATED = DiagnosticCode.of("SPF_PTR_DEPRECATED");
  /** A {@code +all} (or bare {@code all}): every host on the Internet passes. */
  public static final DiagnosticCode SPF_PASS_ALL = DiagnosticCode.of("SPF_PASS_ALL");
  /** A {@code ?all}: unlisted hosts get neutral, which protects nothing. */
  public static final DiagnosticCode SPF_NEUTRAL_ALL = DiagnosticCode.of("SPF_NEUTRAL_ALL");
  /** A policy with neither {@code all} nor {@code redirect}: unlisted hosts get the default neutral (RFC 7208 section 4.7). */
  public static final DiagnosticCode SPF_NO_ALL = DiagnosticCode.of("SPF_NO_ALL");
  /** Directives after {@code all}, which are never evaluated (RFC 7208 section 5.1). */
  public static final DiagnosticCode SPF_TERMS_AFTER_ALL = DiagnosticCode.of("SPF_TERMS_AFTER_ALL");
  /** A {@code redirect} that is never used because the record has {@code all} (RFC 7208 section 6.1). */
  public static final DiagnosticCode SPF_REDIRECT_IGNORED = DiagnosticCode.of("SPF_REDIRECT_IGNORED");
  /** A TXT character-string longer than 255 octets, which DNS cannot hold (RFC 7208 section 3.3). */
  public static final DiagnosticCode SPF_STRING_TOO_LONG = DiagnosticCode.of("SPF_STRING_TOO_LONG");
  /** The TXT answer at a domain is likely larger than 512 octets (RFC 7208 section 3.4). */
  public static final DiagnosticCode SPF_ANSWER_TOO_LARGE = DiagnosticCode.of("SPF_ANSWER_TOO_LARGE");
  /** An {@code ip4} range wider than /16 or an {@code ip6} range wider than /32 that passes. */
  public static final DiagnosticCode SPF_BROAD_RANGE = DiagnosticCode.of("SPF_BROAD_RANGE");
  /** The same {@code ip4}/{@code ip6} network listed twice, in one record or across the include tree. */
  public static final DiagnosticCode SPF_DUPLICATE_RANGE = DiagnosticCode.of("SPF_DUPLICATE_RANGE");
  /** An {@code ip4}/{@code ip6} network contained in another one listed in the record or the include tree. */
  public static final DiagnosticCode SPF_OVERLAPPING_RANGE = DiagnosticCode.of("SPF_OVERLAPPING_RANGE");
  /** A record of the obsolete DNS type SPF (99) is published; receivers ignore it (RFC 7208 section 3.1). */
  public static final DiagnosticCode SPF_TYPE99_PUBLISHED = DiagnosticCode.of("SPF_TYPE99_PUBLISHED");
  /** A term whose target has macros, so an audit cannot follow it without a concrete message. */
  public static final DiagnosticCode SPF_MACRO_NOT_AUDITABLE = DiagnosticCode.of("SPF_MACRO_NOT_AUDITABLE");
  /** The same domain is included more than once in the include tree; its lookups are spent each time. */
  public static final DiagnosticCode SPF_DUPLICATE_INCLUDE = DiagnosticCode.of("SPF_DUPLICATE_INCLUDE");
  /** An audit stopped short of the full include tree (size, depth or query limits), or dropped repeated findings. */
  public static final DiagnosticCode SPF_AUDIT_INCOMPLETE = DiagnosticCode.of("SPF_AUDIT_INCOMPLETE");

  private SpfCodes() {}
}
