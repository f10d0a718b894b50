/**
 * Sender Policy Framework (RFC 7208): {@link io.maildiag.dns.spf.SpfRecord} parses a record with
 * positioned diagnostics; {@link io.maildiag.dns.spf.SpfChecker} runs {@code check_host()} through a
 * {@link io.maildiag.dns.DnsResolver} and returns an {@link io.maildiag.dns.spf.SpfEvaluation} with
 * the result, the explanation and the full trace.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.spf;
