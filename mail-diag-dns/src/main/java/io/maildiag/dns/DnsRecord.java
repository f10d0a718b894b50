package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;

/**
 * One resource record of class IN, as a typed value.
 *
 * <p>The permitted types cover what mail diagnosis needs; records of other types in a response are
 * not surfaced. {@link #toString()} prints the record in master-file form ({@code example.com. 300
 * IN MX 10 mail.example.com.}).
 *
 * @since 0.1
 */
public sealed interface DnsRecord
    permits ARecord, AaaaRecord, CnameRecord, MxRecord, NsRecord, PtrRecord, SoaRecord, SrvRecord,
        TxtRecord, TlsaRecord, CaaRecord {

  /** Returns the owner name. */
  DomainName name();

  /** Returns the record type. */
  RecordType type();

  /** Returns the time to live in seconds, as received (0 to 2^31-1). */
  long ttl();

  /** Returns the record data in master-file presentation form ({@code 10 mail.example.com.}). */
  String rdataText();

  /** Returns a copy with another owner name (for wildcard synthesis). */
  DnsRecord withName(DomainName name);

  /** Returns a copy with another TTL (for cache ageing). */
  DnsRecord withTtl(long ttl);

  /** Returns the record in master-file form: {@code owner. ttl IN TYPE rdata}. */
  static String format(DnsRecord r) {
    return MasterText.name(r.name()) + " " + r.ttl() + " IN " + r.type() + " " + r.rdataText();
  }

  /**
   * Checks a TTL.
   *
   * @throws IllegalArgumentException if it is negative or above 2^31-1 (RFC 2181 section 8)
   */
  static long checkTtl(long ttl) {
    if (ttl < 0 || ttl > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("TTL must be in [0, 2^31-1]: " + ttl);
    }
    return ttl;
  }
}
