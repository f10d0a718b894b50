package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * A mail exchanger (RFC 1035 section 3.3.9). An exchange of {@code .} is a null MX: the domain accepts no mail (RFC 7505).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param preference lower is preferred
 * @param exchange the mail server host, or the root for a null MX
 * @since 0.1
 */
public record MxRecord(DomainName name, long ttl, int preference, DomainName exchange) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public MxRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(exchange, "exchange");
    if (preference < 0 || preference > 0xffff) {
      throw new IllegalArgumentException("MX preference must be in [0, 65535]: " + preference);
    }
  }

  @Override
  public RecordType type() {
    return RecordType.MX;
  }

  @Override
  public String rdataText() {
    return preference + " " + MasterText.name(exchange);
  }

  @Override
  public MxRecord withName(DomainName name) {
    return new MxRecord(name, ttl, preference, exchange);
  }

  @Override
  public MxRecord withTtl(long ttl) {
    return new MxRecord(name, ttl, preference, exchange);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
