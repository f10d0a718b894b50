/**
 * The DNS SPI and its implementations.
 *
 * <p>Every analysis asks DNS through {@link io.maildiag.dns.DnsResolver}, whose outcomes are
 * values ({@link io.maildiag.dns.DnsOutcome}): an answer, NODATA, NXDOMAIN, SERVFAIL, REFUSED or a
 * timeout, never an exception. Implementations:
 *
 * <ul>
 *   <li>{@link io.maildiag.dns.LiveDnsResolver}: real DNS over UDP and TCP (dnsjava), with retries,
 *       a time budget, a TTL-respecting cache and bounded concurrency;
 *   <li>{@link io.maildiag.dns.ZoneFileResolver}: answers from an RFC 1035 master file, for offline
 *       and what-if analysis;
 *   <li>{@link io.maildiag.dns.InMemoryDnsResolver}: a fluent fake for unit tests, with simulated
 *       failures and latency;
 *   <li>{@link io.maildiag.dns.DnsResolver#overlay}: local records first, another resolver for
 *       the rest;
 *   <li>{@link io.maildiag.dns.RecordingDnsResolver} and {@link io.maildiag.dns.DnsListener}:
 *       counting, recording and tracing.
 * </ul>
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns;
