package io.maildiag.headers.antispam;

import io.maildiag.core.internal.UpperCase;
import java.util.Optional;

/**
 * The {@code IPV} (IP filtering verdict) field of Microsoft's {@code X-Forefront-Antispam-Report}.
 *
 * @since 0.1
 */
public enum IpFilterVerdict {
  /** {@code IPV:CAL}: spam filtering was skipped because the source IP is on the IP Allow List. */
  CAL("the source IP address is in the connection filter's IP Allow List; spam filtering was skipped"),
  /** {@code IPV:NLI}: the source IP is on no IP reputation list. */
  NLI("the source IP address is not listed on any IP reputation list");

  private final String meaning;

  IpFilterVerdict(String meaning) {
    this.meaning = meaning;
  }

  /** Returns the code as it appears in the header. */
  public String code() {
    return name();
  }

  /** Returns what the verdict means. */
  public String meaning() {
    return meaning;
  }

  /** Returns the verdict with the given code, ignoring case; empty for unknown codes. */
  public static Optional<IpFilterVerdict> fromCode(String code) {
    try {
      return Optional.of(valueOf(UpperCase.root(code.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
