package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import io.maildiag.core.ip.IpAddress;
/**
 * An IPv6 address record (RFC 3596).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param address the IPv6 address
 * @since 0.1
 */
public record AaaaRecord(DomainName name, long ttl, IpAddress address) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public AaaaRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(address, "address");
    if (!address.isIpv6()) {
      throw new IllegalArgumentException("an AAAA record holds an IPv6 address: " + address);
    }
  }

  @Override
  public RecordType type() {
    return RecordType.AAAA;
  }

  @Override
  public String rdataText() {
    return address.toString();
  }

  @Override
  public AaaaRecord withName(DomainName name) {
    return new AaaaRecord(name, ttl, address);
  }

  @Override
  public AaaaRecord withTtl(long ttl) {
    return new AaaaRecord(name, ttl, address);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
