package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * An alias: {@code name} is another name for {@code target} (RFC 1035 section 3.3.1).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param target the canonical name
 * @since 0.1
 */
public record CnameRecord(DomainName name, long ttl, DomainName target) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public CnameRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(target, "target");
  }

  @Override
  public RecordType type() {
    return RecordType.CNAME;
  }

  @Override
  public String rdataText() {
    return MasterText.name(target);
  }

  @Override
  public CnameRecord withName(DomainName name) {
    return new CnameRecord(name, ttl, target);
  }

  @Override
  public CnameRecord withTtl(long ttl) {
    return new CnameRecord(name, ttl, target);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
