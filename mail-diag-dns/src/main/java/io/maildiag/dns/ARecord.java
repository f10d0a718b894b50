package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;
import io.maildiag.core.ip.IpAddress;
/**
 * An IPv4 address record (RFC 1035 section 3.4.1).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param address the IPv4 address
 * @since 0.1
 */
public record ARecord(DomainName name, long ttl, IpAddress address) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public ARecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(address, "address");
    if (!address.isIpv4()) {
      throw new IllegalArgumentException("an A record holds an IPv4 address: " + address);
    }
  }

  @Override
  public RecordType type() {
    return RecordType.A;
  }

  @Override
  public String rdataText() {
    return address.toString();
  }

  @Override
  public ARecord withName(DomainName name) {
    return new ARecord(name, ttl, address);
  }

  @Override
  public ARecord withTtl(long ttl) {
    return new ARecord(name, ttl, address);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
