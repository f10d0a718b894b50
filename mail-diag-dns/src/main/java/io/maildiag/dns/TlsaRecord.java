package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import java.util.Objects;

/**
 * A DANE TLS certificate association (RFC 6698), as used by SMTP DANE (RFC 7672).
 *
 * @param name owner name
 * @param ttl time to live in seconds
 * @param usage certificate usage (0 to 3)
 * @param selector 0 for the full certificate, 1 for the public key
 * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512
 * @param associationData the data in lower-case hexadecimal
 * @since 0.1
 */
public record TlsaRecord(DomainName name, long ttl, int usage, int selector, int matchingType, String associationData) implements DnsRecord {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a value is out of range or the data is not hexadecimal octets
   */
  public TlsaRecord {
    Objects.requireNonNull(name, "name");
    DnsRecord.checkTtl(ttl);
    Objects.requireNonNull(associationData, "associationData");
    if (usage < 0 || usage > 255 || selector < 0 || selector > 255 || matchingType < 0 || matchingType > 255) {
      throw new IllegalArgumentException("TLSA usage, selector and matching type must be in [0, 255]");
    }
    associationData = LowerCase.root(associationData);
    for (int i = 0; i < associationData.length(); i++) {
      char c = associationData.charAt(i);
      // Character.digit would accept non-ASCII digits such as U+0661 or U+FF10.
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException("TLSA association data must be hexadecimal");
      }
    }
    if (associationData.length() % 2 != 0) {
      throw new IllegalArgumentException("TLSA association data must be whole octets (an even number of hex digits)");
    }
  }

  @Override
  public RecordType type() {
    return RecordType.TLSA;
  }

  @Override
  public String rdataText() {
    return usage + " " + selector + " " + matchingType + " " + associationData;
  }

  @Override
  public TlsaRecord withName(DomainName name) {
    return new TlsaRecord(name, ttl, usage, selector, matchingType, associationData);
  }

  @Override
  public TlsaRecord withTtl(long ttl) {
    return new TlsaRecord(name, ttl, usage, selector, matchingType, associationData);
  }

  @Override
  public String toString() {
    return DnsRecord.format(this);
  }
}
