package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * A pointer, usually from a reverse name to a host name (RFC 1035 section 3.3.12).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param target the name pointed to
 * @since 0.1
 */
public record PtrRecord(DomainName name, long ttl, DomainName target) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public PtrRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(target, "target");
  }

  @Override
  public RecordType type() {
    return RecordType.PTR;
  }

  @Override
  public String rdataText() {
    return MasterText.name(target);
  }

  @Override
  public PtrRecord withName(DomainName name) {
    return new PtrRecord(name, ttl, target);
  }

  @Override
  public PtrRecord withTtl(long ttl) {
    return new PtrRecord(name, ttl, target);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
