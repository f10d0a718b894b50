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

  private SpfCodes() {}
}
