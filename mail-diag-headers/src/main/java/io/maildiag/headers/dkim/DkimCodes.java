package io.maildiag.headers.dkim;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of DKIM-Signature, key record and ARC parsing, and the findings of
 * verification.
 *
 * @since 0.1
 */
public final class DkimCodes {
  /** A tag-list that breaks RFC 6376 section 3.2: a tag without {@code =}, a bad tag name, a bad character. */
  public static final DiagnosticCode DKIM_TAG_SYNTAX = DiagnosticCode.of("DKIM_TAG_SYNTAX");
  /** A tag that occurs twice; the whole tag-list is invalid (RFC 6376 section 3.2). */
  public static final DiagnosticCode DKIM_DUPLICATE_TAG = DiagnosticCode.of("DKIM_DUPLICATE_TAG");
  /** A required tag is missing. */
  public static final DiagnosticCode DKIM_MISSING_TAG = DiagnosticCode.of("DKIM_MISSING_TAG");
  /** A tag whose value does not have the syntax its definition requires. */
  public static final DiagnosticCode DKIM_INVALID_TAG_VALUE = DiagnosticCode.of("DKIM_INVALID_TAG_VALUE");
  /** {@code v=} is not {@code 1} (signatures) or {@code DKIM1} (key records). */
  public static final DiagnosticCode DKIM_UNSUPPORTED_VERSION = DiagnosticCode.of("DKIM_UNSUPPORTED_VERSION");
  /** {@code b=}, {@code bh=} or {@code p=} is not valid base64. */
  public static final DiagnosticCode DKIM_INVALID_BASE64 = DiagnosticCode.of("DKIM_INVALID_BASE64");
  /** {@code a=} names an algorithm other than rsa-sha256, rsa-sha1 and ed25519-sha256. */
  public static final DiagnosticCode DKIM_UNKNOWN_ALGORITHM = DiagnosticCode.of("DKIM_UNKNOWN_ALGORITHM");
  /** {@code c=} names an unknown canonicalization. */
  public static final DiagnosticCode DKIM_UNKNOWN_CANONICALIZATION = DiagnosticCode.of("DKIM_UNKNOWN_CANONICALIZATION");
  /** {@code q=} does not offer {@code dns/txt}. */
  public static final DiagnosticCode DKIM_UNSUPPORTED_QUERY_METHOD = DiagnosticCode.of("DKIM_UNSUPPORTED_QUERY_METHOD");
  /** {@code d=} is not a valid domain name. */
  public static final DiagnosticCode DKIM_INVALID_DOMAIN = DiagnosticCode.of("DKIM_INVALID_DOMAIN");
  /** {@code s=} is not a valid selector. */
  public static final DiagnosticCode DKIM_INVALID_SELECTOR = DiagnosticCode.of("DKIM_INVALID_SELECTOR");
  /** The domain of {@code i=} is neither {@code d=} nor a subdomain of it (RFC 6376 section 3.5). */
  public static final DiagnosticCode DKIM_AUID_NOT_IN_SDID = DiagnosticCode.of("DKIM_AUID_NOT_IN_SDID");
  /** {@code x=} is not after {@code t=} (RFC 6376 section 3.5). */
  public static final DiagnosticCode DKIM_EXPIRES_BEFORE_TIMESTAMP = DiagnosticCode.of("DKIM_EXPIRES_BEFORE_TIMESTAMP");
  /** {@code h=} does not list From (RFC 6376 section 5.4). */
  public static final DiagnosticCode DKIM_FROM_NOT_SIGNED = DiagnosticCode.of("DKIM_FROM_NOT_SIGNED");
  /** {@code a=rsa-sha1}, which RFC 8301 section 3.1 forbids. */
  public static final DiagnosticCode DKIM_RSA_SHA1 = DiagnosticCode.of("DKIM_RSA_SHA1");
  /** {@code l=}: the signature may cover only part of the body (RFC 6376 section 8.2). */
  public static final DiagnosticCode DKIM_BODY_LENGTH_TAG = DiagnosticCode.of("DKIM_BODY_LENGTH_TAG");
  /** Content after the {@code l=} count is not covered by the signature. */
  public static final DiagnosticCode DKIM_PARTIAL_BODY = DiagnosticCode.of("DKIM_PARTIAL_BODY");
  /** The key record says the domain is testing DKIM ({@code t=y}). */
  public static final DiagnosticCode DKIM_KEY_TESTING = DiagnosticCode.of("DKIM_KEY_TESTING");
  /** An RSA key under 2048 bits: accepted, but RFC 8301 section 3.2 asks for 2048. */
  public static final DiagnosticCode DKIM_WEAK_KEY = DiagnosticCode.of("DKIM_WEAK_KEY");
  /** {@code k=} names a key type other than rsa and ed25519. */
  public static final DiagnosticCode DKIM_KEY_UNKNOWN_TYPE = DiagnosticCode.of("DKIM_KEY_UNKNOWN_TYPE");
  /** {@code p=} is empty: the key is revoked (RFC 6376 section 3.6.1). */
  public static final DiagnosticCode DKIM_KEY_REVOKED = DiagnosticCode.of("DKIM_KEY_REVOKED");
  /** {@code p=} decodes to something that is not a key of type {@code k=}. */
  public static final DiagnosticCode DKIM_KEY_INVALID = DiagnosticCode.of("DKIM_KEY_INVALID");
  /** A header line without a colon, or a message without a header/body separator. */
  public static final DiagnosticCode DKIM_MALFORMED_MESSAGE = DiagnosticCode.of("DKIM_MALFORMED_MESSAGE");
  /** More signatures than the verifier checks; the rest were not verified. */
  public static final DiagnosticCode DKIM_TOO_MANY_SIGNATURES = DiagnosticCode.of("DKIM_TOO_MANY_SIGNATURES");

  /** An ARC instance tag {@code i=} that is missing or not in 1..50. */
  public static final DiagnosticCode ARC_INVALID_INSTANCE = DiagnosticCode.of("ARC_INVALID_INSTANCE");
  /** An ARC-Seal {@code cv=} that is not none, pass or fail. */
  public static final DiagnosticCode ARC_INVALID_CV = DiagnosticCode.of("ARC_INVALID_CV");
  /** An ARC-Seal with an {@code h=} tag, which RFC 8617 section 4.1.3 forbids. */
  public static final DiagnosticCode ARC_SEAL_HAS_H_TAG = DiagnosticCode.of("ARC_SEAL_HAS_H_TAG");

  private DkimCodes() {}
}
