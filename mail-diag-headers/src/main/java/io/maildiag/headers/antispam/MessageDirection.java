package io.maildiag.headers.antispam;

import io.maildiag.core.internal.UpperCase;
import java.util.Optional;

/**
 * The {@code DIR} (directionality) field of Microsoft's {@code X-Forefront-Antispam-Report}.
 *
 * @since 0.1
 */
public enum MessageDirection {
  /** {@code INB}: inbound mail. */
  INB("inbound"),
  /** {@code OUT}: outbound mail. */
  OUT("outbound"),
  /** {@code INT}: mail inside the organisation. */
  INT("internal (intra-organisation)");

  private final String meaning;

  MessageDirection(String meaning) {
    this.meaning = meaning;
  }

  /** Returns the code as it appears in the header. */
  public String code() {
    return name();
  }

  /** Returns what the direction means. */
  public String meaning() {
    return meaning;
  }

  /** Returns the direction with the given code, ignoring case; empty for unknown codes. */
  public static Optional<MessageDirection> fromCode(String code) {
    try {
      return Optional.of(valueOf(UpperCase.root(code.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
