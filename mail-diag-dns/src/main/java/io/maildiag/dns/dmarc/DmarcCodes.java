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
  /** A public suffix list file larger than {@link PublicSuffixList#MAX_FILE_BYTES}: not read. */
  public static final DiagnosticCode PSL_TOO_LARGE = DiagnosticCode.of("PSL_TOO_LARGE");
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

  // Audit findings (DmarcAuditor).
  /** Audit: no DMARC record applies to the domain (none at the domain nor at its organizational domain). */
  public static final DiagnosticCode DMARC_NO_RECORD = DiagnosticCode.of("DMARC_NO_RECORD");
  /** Audit: the record has no valid {@code p} (or an invalid {@code sp}/{@code np}) and no valid {@code rua}. */
  public static final DiagnosticCode DMARC_RECORD_UNUSABLE = DiagnosticCode.of("DMARC_RECORD_UNUSABLE");
  /** Audit: the policy that applies is {@code none}: failing mail is not acted on. */
  public static final DiagnosticCode DMARC_POLICY_NONE = DiagnosticCode.of("DMARC_POLICY_NONE");
  /** Audit: {@code sp} or {@code np} is weaker than {@code p}. */
  public static final DiagnosticCode DMARC_SUBDOMAIN_POLICY_WEAKER = DiagnosticCode.of("DMARC_SUBDOMAIN_POLICY_WEAKER");
  /** Audit: the domain has no record of its own and inherits a {@code none} policy from its organizational domain. */
  public static final DiagnosticCode DMARC_INHERITS_WEAK_POLICY = DiagnosticCode.of("DMARC_INHERITS_WEAK_POLICY");
  /** Audit: {@code t=y} (test mode) lowers the disposition one step. */
  public static final DiagnosticCode DMARC_TEST_MODE = DiagnosticCode.of("DMARC_TEST_MODE");
  /** Audit: no valid {@code rua}: the owner receives no aggregate reports. */
  public static final DiagnosticCode DMARC_NO_RUA = DiagnosticCode.of("DMARC_NO_RUA");
  /** Audit: more than two URIs in {@code rua} or {@code ruf}; receivers may use only the first two. */
  public static final DiagnosticCode DMARC_TOO_MANY_URIS = DiagnosticCode.of("DMARC_TOO_MANY_URIS");
  /** Audit: an external report destination without its {@code <domain>._report._dmarc.<destination>} record. */
  public static final DiagnosticCode DMARC_EXTERNAL_REPORT_UNAUTHORIZED = DiagnosticCode.of("DMARC_EXTERNAL_REPORT_UNAUTHORIZED");
  /** Audit: the authorisation record of an external report destination could not be fetched. */
  public static final DiagnosticCode DMARC_EXTERNAL_REPORT_UNVERIFIED = DiagnosticCode.of("DMARC_EXTERNAL_REPORT_UNVERIFIED");
  /** Audit: a DMARC record published at the domain itself instead of at {@code _dmarc.<domain>}. */
  public static final DiagnosticCode DMARC_RECORD_AT_APEX = DiagnosticCode.of("DMARC_RECORD_AT_APEX");
  /** Audit: {@code _dmarc.<domain>} holds TXT records but no DMARC record; a parent's record applies instead. */
  public static final DiagnosticCode DMARC_RECORD_MISPLACED = DiagnosticCode.of("DMARC_RECORD_MISPLACED");
  /** Audit: the domain publishes no usable SPF record, so SPF alignment cannot pass for its own MAIL FROM. */
  public static final DiagnosticCode DMARC_SPF_ALIGNMENT_IMPOSSIBLE = DiagnosticCode.of("DMARC_SPF_ALIGNMENT_IMPOSSIBLE");
  /** Audit: {@code aspf=s} while the SPF record authorises senders only through includes of other domains. */
  public static final DiagnosticCode DMARC_SPF_STRICT_INCLUDES_ONLY = DiagnosticCode.of("DMARC_SPF_STRICT_INCLUDES_ONLY");
  /** Audit: DKIM alignment cannot be checked without a selector. */
  public static final DiagnosticCode DMARC_DKIM_UNVERIFIABLE = DiagnosticCode.of("DMARC_DKIM_UNVERIFIABLE");
  /** Audit: no usable DKIM key at a given selector of the domain. */
  public static final DiagnosticCode DMARC_DKIM_KEY_MISSING = DiagnosticCode.of("DMARC_DKIM_KEY_MISSING");
  /** Audit: a DKIM key was found at a given selector of the domain, so aligned DKIM signing is possible. */
  public static final DiagnosticCode DMARC_DKIM_KEY_FOUND = DiagnosticCode.of("DMARC_DKIM_KEY_FOUND");
  /** Audit: tree-walk and public-suffix-list discovery disagree. */
  public static final DiagnosticCode DMARC_MODES_DISAGREE = DiagnosticCode.of("DMARC_MODES_DISAGREE");

  private DmarcCodes() {}
}
