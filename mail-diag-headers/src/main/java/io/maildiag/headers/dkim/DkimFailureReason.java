package io.maildiag.headers.dkim;

/**
 * Why a signature did not pass: one constant per rule of RFC 6376, RFC 8301, RFC 8463 and RFC
 * 8617 a verifier applies. Each has the {@link DkimResult} it leads to.
 *
 * @since 0.1
 */
public enum DkimFailureReason {
  /** The signature field breaks the tag-list syntax, lacks a required tag, or has bad base64. */
  SIGNATURE_SYNTAX(DkimResult.NEUTRAL),
  /** {@code v=} is not 1. */
  UNSUPPORTED_VERSION(DkimResult.PERMERROR),
  /** {@code a=} is not a known algorithm. */
  UNSUPPORTED_ALGORITHM(DkimResult.PERMERROR),
  /** {@code q=} does not offer {@code dns/txt}. */
  UNSUPPORTED_QUERY_METHOD(DkimResult.PERMERROR),
  /** The {@code i=} domain is not {@code d=} or a subdomain of it. */
  AUID_NOT_IN_SDID(DkimResult.PERMERROR),
  /** {@code x=} is not after {@code t=}. */
  TIMESTAMP_INCONSISTENT(DkimResult.PERMERROR),
  /** {@code h=} does not list From (RFC 6376 section 6.1.1). */
  FROM_NOT_SIGNED(DkimResult.PERMERROR),
  /** {@code h=} does not list a field the verifier was configured to require. */
  HEADER_NOT_SIGNED(DkimResult.POLICY),
  /** {@code x=} has passed (RFC 6376 section 6.1.1). */
  SIGNATURE_EXPIRED(DkimResult.PERMERROR),
  /** {@code t=} lies in the future beyond the allowed clock skew. */
  SIGNATURE_IN_FUTURE(DkimResult.PERMERROR),
  /** {@code a=rsa-sha1}, which verifiers must not accept (RFC 8301 section 3.1). */
  RSA_SHA1_REFUSED(DkimResult.PERMERROR),
  /** No key record at {@code <s>._domainkey.<d>}: NXDOMAIN or NODATA (RFC 6376 section 6.1.2). */
  KEY_NOT_FOUND(DkimResult.PERMERROR),
  /** The key lookup failed transiently: SERVFAIL, REFUSED or a timeout. */
  KEY_LOOKUP_TEMPERROR(DkimResult.TEMPERROR),
  /** The key record's {@code p=} is empty (RFC 6376 section 3.6.1). */
  KEY_REVOKED(DkimResult.PERMERROR),
  /** No TXT record at the key name parses as a key record, or its key is unusable. */
  KEY_SYNTAX_ERROR(DkimResult.PERMERROR),
  /** The key record's {@code s=} does not allow email. */
  KEY_NOT_FOR_EMAIL(DkimResult.PERMERROR),
  /** The key record's {@code k=} does not fit {@code a=} (RFC 6376 section 6.1.2). */
  ALGORITHM_MISMATCH(DkimResult.PERMERROR),
  /** The key record's {@code h=} does not allow the hash of {@code a=}. */
  HASH_NOT_ALLOWED(DkimResult.PERMERROR),
  /** The key record has {@code t=s} but the {@code i=} domain is a subdomain of {@code d=}. */
  AUID_SUBDOMAIN_NOT_ALLOWED(DkimResult.PERMERROR),
  /** An RSA key under 1024 bits, which verifiers must not accept (RFC 8301 section 3.2). */
  KEY_TOO_SMALL(DkimResult.PERMERROR),
  /** {@code l=} is larger than the canonicalized body. */
  BODY_LENGTH_EXCEEDS_BODY(DkimResult.PERMERROR),
  /** {@code l=} leaves part of the body unsigned and the verifier was configured to refuse that. */
  PARTIAL_BODY(DkimResult.POLICY),
  /** The body hash differs from {@code bh=}: the body changed after signing. */
  BODY_HASH_MISMATCH(DkimResult.FAIL),
  /** The signature does not verify: a signed field changed, or the key does not fit. */
  SIGNATURE_MISMATCH(DkimResult.FAIL);

  private final DkimResult result;

  DkimFailureReason(DkimResult result) {
    this.result = result;
  }

  /** Returns the result this reason leads to. */
  public DkimResult result() {
    return result;
  }
}
