package io.maildiag.dns.dmarc;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of the DMARC package: record parsing, record lookup, the public suffix
 * list and author-domain extraction. Each constant's text is its field name.
 *
 * @since 0.1
 */
public final class DmarcCodes {
  /** The record does not begin with {@code v=DMARC1} (RFC 9989 section 4.7). */
  public static final DiagnosticCode DMARC_NOT_DMARC1 = DiagnosticCode.of("DMARC_NOT_DMARC1");
  /** Whitespace before {@code v=DMARC1}: the ABNF allows none, receivers disagree. */
  public static final DiagnosticCode DMARC_LEADING_WHITESPACE = DiagnosticCode.of("DMARC_LEADING_WHITESPACE");
  /** A tag without {@code =} or with a malformed name. */
  public static final DiagnosticCode DMARC_INVALID_TAG = DiagnosticCode.of("DMARC_INVALID_TAG");
  /** A tag whose value is not allowed for it. */
  public static final DiagnosticCode DMARC_INVALID_VALUE = DiagnosticCode.of("DMARC_INVALID_VALUE");
  /** A tag given twice; the first occurrence is kept. */
  public static final DiagnosticCode DMARC_DUPLICATE_TAG = DiagnosticCode.of("DMARC_DUPLICATE_TAG");
  /** An empty tag between two separators. */
  public static final DiagnosticCode DMARC_EMPTY_TAG = DiagnosticCode.of("DMARC_EMPTY_TAG");
  /** A tag that DMARC does not define; kept and otherwise ignored (RFC 9989 section 4.7). */
  public static final DiagnosticCode DMARC_UNKNOWN_TAG = DiagnosticCode.of("DMARC_UNKNOWN_TAG");
  /** A tag removed by RFC 9989 ({@code pct}, {@code rf}, {@code ri}). */
  public static final DiagnosticCode DMARC_REMOVED_TAG = DiagnosticCode.of("DMARC_REMOVED_TAG");
  /** No {@code p} tag: required by RFC 7489, treated per RFC 9989 section 4.7. */
  public static final DiagnosticCode DMARC_MISSING_P = DiagnosticCode.of("DMARC_MISSING_P");
  /** {@code p} is not the second tag, which RFC 7489 required. */
  public static final DiagnosticCode DMARC_P_NOT_SECOND = DiagnosticCode.of("DMARC_P_NOT_SECOND");
  /** A reporting URI that is not a valid URI. */
  public static final DiagnosticCode DMARC_INVALID_URI = DiagnosticCode.of("DMARC_INVALID_URI");
  /** A reporting URI with the obsolete {@code !size} suffix (ignored under RFC 9989). */
  public static final DiagnosticCode DMARC_OBSOLETE_URI_SIZE = DiagnosticCode.of("DMARC_OBSOLETE_URI_SIZE");
  /** A reporting URI with a scheme other than {@code mailto}. */
  public static final DiagnosticCode DMARC_URI_SCHEME = DiagnosticCode.of("DMARC_URI_SCHEME");
  /** Parsing stopped collecting diagnostics at the cap. */
  public static final DiagnosticCode DMARC_TOO_MANY_ERRORS = DiagnosticCode.of("DMARC_TOO_MANY_ERRORS");
  /** Several DMARC records at one name: all are discarded (RFC 7489 section 6.6.3). */
  public static final DiagnosticCode DMARC_MULTIPLE_RECORDS = DiagnosticCode.of("DMARC_MULTIPLE_RECORDS");
  /** A TXT record that almost is a DMARC record (case, whitespace) and is ignored. */
  public static final DiagnosticCode DMARC_NEAR_MISS_RECORD = DiagnosticCode.of("DMARC_NEAR_MISS_RECORD");
  /** The DMARC record could not be fetched: SERVFAIL, REFUSED or timeout. */
  public static final DiagnosticCode DMARC_DNS_ERROR = DiagnosticCode.of("DMARC_DNS_ERROR");
  /** A public suffix list line that could not be used. */
  public static final DiagnosticCode PSL_INVALID_RULE = DiagnosticCode.of("PSL_INVALID_RULE");
  /** No From header field. */
  public static final DiagnosticCode FROM_MISSING = DiagnosticCode.of("FROM_MISSING");
  /** More than one From header field (RFC 5322 section 3.6). */
  public static final DiagnosticCode FROM_MULTIPLE_FIELDS = DiagnosticCode.of("FROM_MULTIPLE_FIELDS");
  /** A From field with several addresses (RFC 9989 section 4.4 / RFC 7489 section 6.6.1). */
  public static final DiagnosticCode FROM_MULTIPLE_ADDRESSES = DiagnosticCode.of("FROM_MULTIPLE_ADDRESSES");
  /** A From field using group syntax. */
  public static final DiagnosticCode FROM_GROUP_SYNTAX = DiagnosticCode.of("FROM_GROUP_SYNTAX");
  /** A From field without an address, or an address without a usable domain. */
  public static final DiagnosticCode FROM_NO_ADDRESS = DiagnosticCode.of("FROM_NO_ADDRESS");
  /** A From field that could not be tokenised (unbalanced quote, comment or angle bracket). */
  public static final DiagnosticCode FROM_SYNTAX = DiagnosticCode.of("FROM_SYNTAX");

  private DmarcCodes() {}
}
