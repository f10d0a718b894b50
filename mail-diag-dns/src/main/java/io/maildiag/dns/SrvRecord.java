package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * A service location (RFC 2782).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param priority lower is preferred
 * @param weight relative weight among equal priorities
 * @param port the TCP or UDP port
 * @param target the host, or the root when the service is not offered
 * @since 0.1
 */
public record SrvRecord(DomainName name, long ttl, int priority, int weight, int port, DomainName target) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public SrvRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(target, "target");
    if (priority < 0 || priority > 0xffff || weight < 0 || weight > 0xffff || port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("SRV priority, weight and port must be in [0, 65535]");
    }
  }

  @Override
  public RecordType type() {
    return RecordType.SRV;
  }

  @Override
  public String rdataText() {
    return priority + " " + weight + " " + port + " " + MasterText.name(target);
  }

  @Override
  public SrvRecord withName(DomainName name) {
    return new SrvRecord(name, ttl, priority, weight, port, target);
  }

  @Override
  public SrvRecord withTtl(long ttl) {
    return new SrvRecord(name, ttl, priority, weight, port, target);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
