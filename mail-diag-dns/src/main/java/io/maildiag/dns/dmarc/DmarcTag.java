package io.maildiag.dns.dmarc;

import java.util.Objects;

/**
 * One {@code name=value} tag of a DMARC record as published, kept for unknown tags and for tags
 * whose value was invalid.
 *
 * @param name the tag name, lower-cased
 * @param value the value, trimmed of surrounding whitespace
 * @since 0.1
 */
public record DmarcTag(String name, String value) {
  /** Checks for null. */
  public DmarcTag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
