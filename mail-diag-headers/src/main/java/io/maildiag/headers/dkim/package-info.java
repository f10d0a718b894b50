/**
 * DKIM and ARC: parsing {@link io.maildiag.headers.dkim.DkimSignature DKIM-Signature} fields and
 * {@link io.maildiag.headers.dkim.DkimKeyRecord key records}, verifying signatures with {@link
 * io.maildiag.headers.dkim.DkimVerifier} (RFC 6376, RFC 8301, RFC 8463), and validating
 * Authenticated Received Chains with {@link io.maildiag.headers.dkim.ArcVerifier} (RFC 8617).
 *
 * <p>Keys are fetched through a {@link io.maildiag.dns.DnsResolver}; time comes from an injected
 * {@link java.time.Clock}. Verification never throws on bad input: every signature gets an RFC 8601
 * result and, unless it passed, a {@link io.maildiag.headers.dkim.DkimFailure} naming the rule it
 * broke.
 *
 * <p>All types are immutable and safe for concurrent use.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.dkim;
