package io.maildiag.ndr;

import java.util.Locale;

/**
 * What kind of message was analysed.
 *
 * @since 0.1
 */
public enum MessageKind {
  /** A non-delivery report: at least one recipient failed permanently or was given up on. */
  BOUNCE,
  /** A delay notice: delivery is still being retried (RFC 3464 action {@code delayed}). */
  DELAY,
  /** A success notice: delivered, relayed or expanded (RFC 3464 action {@code delivered}, {@code relayed}, {@code expanded}). */
  DELIVERY_REPORT,
  /** An automatic reply such as a vacation notice (RFC 3834). */
  AUTO_REPLY,
  /** A feedback report such as a spam complaint (RFC 5965 ARF). */
  FEEDBACK_REPORT,
  /** An ordinary message that merely quotes or forwards a bounce. */
  QUOTED_BOUNCE,
  /** Not a bounce or report of any kind. */
  NOT_A_BOUNCE;

  /** Returns the JSON name, {@code feedback-report}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
