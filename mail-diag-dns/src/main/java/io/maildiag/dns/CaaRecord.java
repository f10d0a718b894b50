package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * A certification authority authorisation (RFC 8659).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param flags the flags octet (128 = critical)
 * @param tag the property tag, e.g. {@code issue}
 * @param value the property value
 * @since 0.1
 */
public record CaaRecord(DomainName name, long ttl, int flags, String tag, String value) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range, or the tag is empty or holds other
   *     than ASCII letters and digits (RFC 8659 section 4.1)
   */
  public CaaRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(value, "value");
    if (flags < 0 || flags > 255) {
      throw new IllegalArgumentException("CAA flags must be in [0, 255]: " + flags);
    }
    if (tag.isEmpty() || tag.length() > 255) {
      throw new IllegalArgumentException("a CAA tag holds 1 to 255 characters");
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException("a CAA tag holds ASCII letters and digits only: " + tag);
      }
    }
  }

  @Override
  public RecordType type() {
    return RecordType.CAA;
  }

  @Override
  public String rdataText() {
    return flags + " " + tag + " " + TxtRecord.quote(value);
  }

  @Override
  public CaaRecord withName(DomainName name) {
    return new CaaRecord(name, ttl, flags, tag, value);
  }

  @Override
  public CaaRecord withTtl(long ttl) {
    return new CaaRecord(name, ttl, flags, tag, value);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
