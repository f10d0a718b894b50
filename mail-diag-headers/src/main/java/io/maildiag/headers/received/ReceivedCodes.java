package io.maildiag.headers.received;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of the {@code Received} parser ({@link ReceivedHeader#parse(String)}) and of
 * the delivery timeline ({@link ReceivedTimeline}). Date defects have their own codes, {@code
 * HEADERS_DATE_*}, listed in {@link DateDefect}.
 *
 * <p>Each constant's text equals its field name. Codes are stable: tools may match on them.
 *
 * @since 0.1
 */
public final class ReceivedCodes {
  /** Nothing in a Received field could be read: no from, by, with, id, for clause and no date. */
  public static final DiagnosticCode HEADERS_UNPARSABLE_RECEIVED = DiagnosticCode.of("HEADERS_UNPARSABLE_RECEIVED");
  /** A Received field without a date-time (RFC 5322 section 3.6.7 requires one after a semicolon). */
  public static final DiagnosticCode HEADERS_RECEIVED_NO_DATE = DiagnosticCode.of("HEADERS_RECEIVED_NO_DATE");
  /** A date was found in a Received field that has no semicolon before it (SendGrid does this). */
  public static final DiagnosticCode HEADERS_RECEIVED_NO_SEMICOLON = DiagnosticCode.of("HEADERS_RECEIVED_NO_SEMICOLON");
  /** An unbalanced parenthesis in a Received field. */
  public static final DiagnosticCode HEADERS_RECEIVED_UNBALANCED_COMMENT =
      DiagnosticCode.of("HEADERS_RECEIVED_UNBALANCED_COMMENT");
  /** Text in a Received field that belongs to no clause. */
  public static final DiagnosticCode HEADERS_RECEIVED_UNEXPECTED_TEXT =
      DiagnosticCode.of("HEADERS_RECEIVED_UNEXPECTED_TEXT");
  /** A clause (from, by, ...) that appears twice; the first one is used. */
  public static final DiagnosticCode HEADERS_RECEIVED_DUPLICATE_CLAUSE =
      DiagnosticCode.of("HEADERS_RECEIVED_DUPLICATE_CLAUSE");

  /** The message has no Received field. */
  public static final DiagnosticCode HEADERS_NO_RECEIVED = DiagnosticCode.of("HEADERS_NO_RECEIVED");
  /** More Received fields than {@link io.maildiag.core.Limits#maxReceivedHops()}: a loop, or a limit too low. */
  public static final DiagnosticCode HEADERS_TOO_MANY_HOPS = DiagnosticCode.of("HEADERS_TOO_MANY_HOPS");
  /** A hop stamped earlier than the hop before it. */
  public static final DiagnosticCode HEADERS_NEGATIVE_DELAY = DiagnosticCode.of("HEADERS_NEGATIVE_DELAY");
  /** A clock or zone setting that is wrong somewhere on the path. */
  public static final DiagnosticCode HEADERS_CLOCK_SKEW = DiagnosticCode.of("HEADERS_CLOCK_SKEW");
  /** A hop whose sending host does not match the host that received the hop before (possible forgery or gap). */
  public static final DiagnosticCode HEADERS_CHAIN_BREAK = DiagnosticCode.of("HEADERS_CHAIN_BREAK");
  /** The Date field is later than the first Received hop. */
  public static final DiagnosticCode HEADERS_DATE_AFTER_FIRST_HOP = DiagnosticCode.of("HEADERS_DATE_AFTER_FIRST_HOP");
  /** A delay at or above the long-delay threshold, at one hop or in the sender's queue. */
  public static final DiagnosticCode HEADERS_LONG_DELAY = DiagnosticCode.of("HEADERS_LONG_DELAY");
  /** A summary of where the message entered the receiving organisation, for information. */
  public static final DiagnosticCode HEADERS_RECEIVING_BOUNDARY = DiagnosticCode.of("HEADERS_RECEIVING_BOUNDARY");

  private ReceivedCodes() {}
}
