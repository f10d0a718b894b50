/**
 * Anti-spam verdict headers: Microsoft 365's {@code X-Forefront-Antispam-Report} and {@code
 * X-Microsoft-Antispam}, Exchange's SCL, and SpamAssassin's {@code X-Spam-*} headers, decoded with
 * their documented meanings. Start with {@link io.maildiag.headers.antispam.AntispamHeaders#of}.
 *
 * <p>Nothing here throws on bad input. All types are immutable and safe for concurrent use.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.antispam;
