package io.maildiag.headers.dkim;

import java.util.Objects;

/**
 * One {@code name=value} of a DKIM tag-list (RFC 6376 section 3.2), as written: the value keeps
 * its inner white space and loses only the white space around it.
 *
 * @param name the tag name, case-sensitive as the RFC says
 * @param value the value
 * @since 0.1
 */
public record DkimTag(String name, String value) {
  /** Checks for null. */
  public DkimTag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
