package io.maildiag.dns;

import io.maildiag.core.internal.UpperCase;
import java.util.Optional;

/**
 * The DNS record types mail-diag asks for, with their IANA type codes.
 *
 * @since 0.1
 */
public enum RecordType {
  /** IPv4 address (RFC 1035). */
  A(1),
  /** Authoritative name server (RFC 1035). */
  NS(2),
  /** Canonical name, an alias (RFC 1035). */
  CNAME(5),
  /** Start of authority (RFC 1035). */
  SOA(6),
  /** Domain name pointer, for reverse lookups (RFC 1035). */
  PTR(12),
  /** Mail exchanger (RFC 1035, RFC 7505 for null MX). */
  MX(15),
  /** Text strings (RFC 1035): SPF, DMARC, DKIM keys and more. */
  TXT(16),
  /** IPv6 address (RFC 3596). */
  AAAA(28),
  /** Service location (RFC 2782). */
  SRV(33),
  /** DANE TLS association (RFC 6698). */
  TLSA(52),
  /** The obsolete SPF record type, no longer used (RFC 7208 section 3.1). */
  SPF(99),
  /** Certification authority authorisation (RFC 8659). */
  CAA(257);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** Returns the IANA type code. */
  public int code() {
    return code;
  }

  /** Returns the type with the given IANA code, if mail-diag knows it. */
  public static Optional<RecordType> fromCode(int code) {
    for (RecordType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Returns the type with the given mnemonic, case-insensitively ({@code "mx"}, {@code "TXT"}). */
  public static Optional<RecordType> parse(String mnemonic) {
    try {
      return Optional.of(valueOf(UpperCase.root(mnemonic.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
