package io.maildiag.core.ip;

/**
 * The two IP address families.
 *
 * @since 0.1
 */
public enum IpFamily {
  /** IPv4: 32-bit addresses. */
  IPV4(4),
  /** IPv6: 128-bit addresses. */
  IPV6(16);

  private final int byteLength;

  IpFamily(int byteLength) {
    this.byteLength = byteLength;
  }

  /** Returns the address length in bytes: 4 or 16. */
  public int byteLength() {
    return byteLength;
  }

  /** Returns the address length in bits: 32 or 128. */
  public int bitLength() {
    return byteLength * 8;
  }
}
