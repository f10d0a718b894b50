/**
 * Received trace fields: the {@link io.maildiag.headers.received.ReceivedHeader} parser for the
 * forms real MTAs write, the tolerant {@link io.maildiag.headers.received.MailDates} date reader,
 * and the {@link io.maildiag.headers.received.ReceivedTimeline} of a message's delivery path, with
 * delays, their attribution, clock skew, chain breaks and where the message entered the receiving
 * organisation.
 *
 * <p>Nothing here throws on bad input or performs a DNS lookup. Findings carry the codes of {@link
 * io.maildiag.headers.received.ReceivedCodes} and {@link io.maildiag.headers.received.DateDefect}.
 * All types are immutable and safe for concurrent use.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.headers.received;
