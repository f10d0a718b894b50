package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * A text record (RFC 1035 section 3.3.14), or a record of the obsolete type SPF (99), which has
 * the same format (RFC 7208 section 3.1).
 *
 * <p>The character-strings are kept apart, as published: SPF joins them without spaces (RFC 7208
 * section 3.3) and DKIM keys span several. Strings arrive from the wire as bytes and are decoded as
 * UTF-8, with malformed bytes replaced by U+FFFD.
 *
 * @param name owner name
 * @param type {@link RecordType#TXT} or {@link RecordType#SPF}
 * @param ttl time to live in seconds
 * @param strings the character-strings, in order
 * @since 0.1
 */
public record TxtRecord(DomainName name, RecordType type, long ttl, List<String> strings) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if the type is neither TXT nor SPF, or the TTL is out of range
   */
  public TxtRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (type != RecordType.TXT && type != RecordType.SPF) {
      throw new IllegalArgumentException("a TxtRecord is of type TXT or SPF, not " + type);
    }
    DnsRecord.checkTtl(ttl);
    strings = List.copyOf(strings);
  }

  /** Returns a TXT record with the given strings. */
  public static TxtRecord of(DomainName name, long ttl, String... strings) {
    return new TxtRecord(name, RecordType.TXT, ttl, List.of(strings));
  }

  /** Returns the strings joined without separator, as SPF and DKIM read them. */
  public String text() {
    return String.join("", strings);
  }

  @Override
  public String rdataText() {
    StringBuilder sb = new StringBuilder();
    for (String s : strings) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(s));
    }
    return sb.toString();
  }

  /** Quotes a character-string for master-file output, escaping quote, backslash and controls. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public TxtRecord withName(DomainName name) {
    return new TxtRecord(name, type, ttl, strings);
  }

  @Override
  public TxtRecord withTtl(long ttl) {
    return new TxtRecord(name, type, ttl, strings);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
