package io.maildiag.headers.dkim;

import java.util.Locale;
import java.util.Optional;

/**
 * The chain validation status an ARC-Seal records in {@code cv=} (RFC 8617 section 4.1.3).
 *
 * @since 0.1
 */
public enum ArcChainStatus {
  /** {@code cv=none}: no chain before this set; only at instance 1. */
  NONE,
  /** {@code cv=pass}: the chain before this set validated. */
  PASS,
  /** {@code cv=fail}: the chain before this set did not validate. */
  FAIL;

  /** Returns the text of {@code cv=}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the status of the given {@code cv=} text, ignoring case. */
  public static Optional<ArcChainStatus> of(String tagValue) {
    for (ArcChainStatus s : values()) {
      if (s.tagValue().equalsIgnoreCase(tagValue)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
