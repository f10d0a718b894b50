/**
 * The header model: a {@link io.maildiag.headers.HeaderSection} parsed from the raw bytes or text of
 * a message, with every {@link io.maildiag.headers.HeaderField} kept raw, unfolded and RFC 2047
 * decoded, and its position in the input.
 *
 * <p>Parsing never throws on bad input: problems are {@link io.maildiag.core.Diagnostic}s with the
 * codes in {@link io.maildiag.headers.HeaderCodes}. Sub-packages analyse the fields: {@code
 * received} (Received hops, dates and the delivery timeline) and {@code antispam} (Microsoft 365 and
 * SpamAssassin verdicts).
 *
 * <p>All types are immutable and safe for concurrent use. No method accepts or returns {@code null}.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers;
