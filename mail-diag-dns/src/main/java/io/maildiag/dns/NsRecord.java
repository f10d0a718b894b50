package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * A name server of the zone at {@code name} (RFC 1035 section 3.3.11).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param host the name server host
 * @since 0.1
 */
public record NsRecord(DomainName name, long ttl, DomainName host) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public NsRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(host, "host");
  }

  @Override
  public RecordType type() {
    return RecordType.NS;
  }

  @Override
  public String rdataText() {
    return MasterText.name(host);
  }

  @Override
  public NsRecord withName(DomainName name) {
    return new NsRecord(name, ttl, host);
  }

  @Override
  public NsRecord withTtl(long ttl) {
    return new NsRecord(name, ttl, host);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
