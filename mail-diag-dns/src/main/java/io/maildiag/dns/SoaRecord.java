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
   * @throws IllegalArgumentException if a value is out of range (the five counters are unsigned
   *     32-bit numbers, RFC 1035 section 3.3.13)
   */
  public SoaRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(primaryNameServer, "primaryNameServer");
    Objects.requireNonNull(responsibleMailbox, "responsibleMailbox");
    checkUInt32(serial, "serial");
    checkUInt32(refresh, "refresh");
    checkUInt32(retry, "retry");
    checkUInt32(expire, "expire");
    checkUInt32(minimum, "minimum");
  }

  private static void checkUInt32(long value, String field) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SOA " + field + " must be in [0, 2^32-1]: " + value);
    }
  }

  @Override
  public RecordType type() {
    return RecordType.SOA;
  }

  @Override
  public String rdataText() {
    return MasterText.name(primaryNameServer) + " " + MasterText.name(responsibleMailbox) + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
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
