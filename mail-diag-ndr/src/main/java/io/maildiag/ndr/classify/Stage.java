package io.maildiag.ndr.classify;

/** The SMTP command a reply answered, when the diagnostic text says so. */
public enum Stage {
  /** {@code MAIL FROM}: the sender was being checked. */
  MAIL_FROM,
  /** {@code RCPT TO}: the recipient was being checked. */
  RCPT_TO,
  /** {@code DATA} or end of data: the content had been sent. */
  DATA
}
