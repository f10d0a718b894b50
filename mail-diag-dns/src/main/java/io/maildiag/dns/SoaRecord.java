package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * The start of a zone of authority (RFC 1035 section 3.3.13). Its {@code minimum} bounds the TTL of negative answers (RFC 2308).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param primaryNameServer MNAME
 * @param responsibleMailbox RNAME, the mailbox of the zone contact in name form
 * @param serial the zone serial number
 * @param refresh secondary refresh interval in seconds
 * @param retry secondary retry interval in seconds
 * @param expire secondary expiry in seconds
 * @param minimum negative-caching TTL in seconds (RFC 2308)
 * @since 0.1
 */
public record SoaRecord(DomainName name, long ttl, DomainName primaryNameServer, DomainName responsibleMailbox, long serial, long refresh, long retry, long expire, long minimum) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public SoaRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(primaryNameServer, "primaryNameServer");
    Objects.requireNonNull(responsibleMailbox, "responsibleMailbox");
  }

  @Override
  public RecordType type() {
    return RecordType.SOA;
  }

  @Override
  public String rdataText() {
    return primaryNameServer.toAbsoluteString() + " " + responsibleMailbox.toAbsoluteString() + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
  }

  @Override
  public SoaRecord withName(DomainName name) {
    return new SoaRecord(name, ttl, primaryNameServer, responsibleMailbox, serial, refresh, retry, expire, minimum);
  }

  @Override
  public SoaRecord withTtl(long ttl) {
    return new SoaRecord(name, ttl, primaryNameServer, responsibleMailbox, serial, refresh, retry, expire, minimum);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
