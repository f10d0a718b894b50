/**
 * Authentication results as receivers record them in headers: {@link
 * io.maildiag.headers.auth.AuthenticationResults} (RFC 8601 {@code Authentication-Results}, also
 * the Microsoft {@code Authentication-Results-Original} and the payload of ARC's {@code
 * ARC-Authentication-Results}) and {@link io.maildiag.headers.auth.ReceivedSpf} (RFC 7208 section
 * 9.1 {@code Received-SPF}).
 *
 * <p>Parsers never throw on bad input: they return a {@link io.maildiag.core.ParseResult} whose
 * diagnostics point into the field value. {@link io.maildiag.headers.auth.AuthResultsMode#STRICT}
 * follows the RFC 8601 grammar and fails on any error; {@link
 * io.maildiag.headers.auth.AuthResultsMode#LENIENT} accepts what real receivers write (Microsoft
 * 365 puts the authserv-id between results or leaves it out, and writes bare {@code action=}
 * properties) and reports the deviations.
 *
 * <p>All types are immutable and safe for concurrent use.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.auth;
