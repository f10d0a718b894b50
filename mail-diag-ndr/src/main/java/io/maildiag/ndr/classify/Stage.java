package io.maildiag.ndr.classify;

/**
 * Where a failure was reported: the SMTP command a reply answered, or the local delivery program,
 * when the diagnostic text says so ("in reply to RCPT TO command", "after end of data", "sender was
 * rejected", {@code X-Unix}).
 */
public enum Stage {
  /** The connection greeting, {@code HELO}/{@code EHLO} or {@code STARTTLS}: the client host was being checked. */
  CONNECT,
  /** {@code MAIL FROM}: the sender was being checked. */
  MAIL_FROM,
  /** {@code RCPT TO}: the recipient was being checked. */
  RCPT_TO,
  /** {@code DATA} or end of data: the content had been sent. */
  DATA,
  /** A local delivery program (a pipe, procmail, maildrop: RFC 3464 diagnostic type {@code X-Unix}). */
  LOCAL
}
