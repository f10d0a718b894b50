package io.maildiag.core.ip;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, parsed from its literal text. Never performs a DNS lookup.
 *
 * <p>IPv4 literals are strict dotted quads ({@code 192.0.2.1}); an octet with a leading zero is
 * rejected because systems disagree on whether it is octal. IPv6 literals follow RFC 4291 section
 * 2.2, including {@code ::} compression and a trailing dotted quad ({@code ::ffff:192.0.2.1}); zone
 * indices are rejected. {@link #toString()} prints the RFC 5952 canonical form.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) stays an IPv6 address; {@link
 * #unmapIpv4()} gives the IPv4 address inside. Instances are immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class IpAddress implements Comparable<IpAddress> {

  private static final int MAX_INPUT_LENGTH = 64;

  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Parses an IPv4 or IPv6 literal. Never throws: errors are diagnostics with their position. */
  public static ParseResult<IpAddress> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    if (s.length() > MAX_INPUT_LENGTH) {
      return fail(s, "not an IP address (too long)");
    }
    int percent = s.indexOf('%');
    if (percent >= 0 && s.indexOf(':') >= 0) {
      return ParseResult.failure(
          Diagnostic.error(IpCodes.IP_ZONE_INDEX, "IPv6 zone index '" + s.substring(percent) + "' is not allowed")
              .at(s, percent, s.length() - percent));
    }
    if (s.indexOf(':') >= 0) {
      byte[] b = parseIpv6(s);
      return b == null ? fail(s, "'" + s + "' is not a valid IPv6 address") : ParseResult.success(new IpAddress(b));
    }
    return parseIpv4(s);
  }

  private static ParseResult<IpAddress> fail(String s, String message) {
    return ParseResult.failure(Diagnostic.error(IpCodes.IP_INVALID, message)
        .withReference("RFC 4291 section 2.2; RFC 791")
        .at(s, 0, s.length()));
  }

  private static ParseResult<IpAddress> parseIpv4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255) {
        return fail(s, "'" + s + "' is not a valid IPv4 address");
      }
      if (digits > 1 && s.charAt(start) == '0') {
        return ParseResult.failure(Diagnostic.error(IpCodes.IP_LEADING_ZERO,
                "IPv4 octet '" + s.substring(start, i) + "' has a leading zero (ambiguous: octal or decimal)")
            .withReference("RFC 7208 section 4.6.1 (qnum)")
            .at(s, start, digits));
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return fail(s, "'" + s + "' is not a valid IPv4 address");
        }
        i++;
      }
    }
    if (i != n) {
      return fail(s, "'" + s + "' is not a valid IPv4 address");
    }
    return ParseResult.success(new IpAddress(out));
  }

  /** Returns the 16 bytes of an IPv6 literal, or null when it is not valid. */
  private static byte @org.jspecify.annotations.Nullable [] parseIpv6(String s) {
    int n = s.length();
    if (n < 2) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int compressAt = -1;
    int i = 0;
    if (s.startsWith("::")) {
      compressAt = 0;
      i = 2;
      if (i == n) {
        return new byte[16];
      }
    } else if (s.charAt(0) == ':') {
      return null;
    }
    while (i < n) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < n && i - start < 5 && hexValue(s.charAt(i)) >= 0) {
        value = value * 16 + hexValue(s.charAt(i));
        i++;
      }
      int digits = i - start;
      if (i < n && s.charAt(i) == '.') {
        // Trailing dotted quad: needs room for two groups.
        if (count > 6) {
          return null;
        }
        ParseResult<IpAddress> v4 = parseIpv4(s.substring(start));
        if (v4.value().isEmpty()) {
          return null;
        }
        byte[] b4 = v4.value().get().bytes;
        groups[count++] = ((b4[0] & 0xff) << 8) | (b4[1] & 0xff);
        groups[count++] = ((b4[2] & 0xff) << 8) | (b4[3] & 0xff);
        i = n;
        break;
      }
      if (digits == 0 || digits > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (compressAt >= 0) {
          return null;
        }
        compressAt = count;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return null;
      }
    }
    if (compressAt < 0 && count != 8) {
      return null;
    }
    if (compressAt >= 0 && count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (compressAt < 0) {
      full = groups;
    } else {
      int tail = count - compressAt;
      System.arraycopy(groups, 0, full, 0, compressAt);
      System.arraycopy(groups, compressAt, full, 8 - tail, tail);
    }
    byte[] out = new byte[16];
    for (int g = 0; g < 8; g++) {
      out[2 * g] = (byte) (full[g] >>> 8);
      out[2 * g + 1] = (byte) full[g];
    }
    return out;
  }

  /**
   * Returns the value of an ASCII hex digit, or -1. Unlike {@link Character#digit(char, int)} it
   * rejects non-ASCII digits and letters such as fullwidth {@code \uFF11} or {@code \uFF21}.
   */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * Parses a literal known to be valid, such as a constant.
   *
   * @throws io.maildiag.core.InvalidInputException if it is not a valid IP literal
   */
  public static IpAddress of(String literal) {
    return parse(literal).orElseThrow();
  }

  /**
   * Returns the address with the given 4 (IPv4) or 16 (IPv6) bytes, in network order.
   *
   * @throws IllegalArgumentException if the length is neither 4 nor 16
   */
  public static IpAddress fromBytes(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
    }
    return new IpAddress(bytes.clone());
  }

  /**
   * Returns the address of a {@link InetAddress}; never looks up a name. An {@link Inet6Address}
   * with a scope is converted without it.
   */
  public static IpAddress fromInetAddress(InetAddress address) {
    return new IpAddress(address.getAddress());
  }

  /** Returns the family. */
  public IpFamily family() {
    return bytes.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
  }

  /** Returns whether this is an IPv4 address. */
  public boolean isIpv4() {
    return bytes.length == 4;
  }

  /** Returns whether this is an IPv6 address. */
  public boolean isIpv6() {
    return bytes.length == 16;
  }

  /** Returns a copy of the address bytes in network order. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the address as an unsigned integer. */
  public BigInteger toBigInteger() {
    return new BigInteger(1, bytes);
  }

  /** Returns whether this is an IPv4-mapped IPv6 address, {@code ::ffff:a.b.c.d}. */
  public boolean isIpv4Mapped() {
    if (bytes.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** Returns the IPv4 address inside an IPv4-mapped IPv6 address; empty for any other address. */
  public Optional<IpAddress> unmapIpv4() {
    return isIpv4Mapped() ? Optional.of(new IpAddress(Arrays.copyOfRange(bytes, 12, 16))) : Optional.empty();
  }

  /**
   * Returns this address as a {@link InetAddress}, without a lookup. An IPv4-mapped address
   * becomes an {@link Inet6Address} (unlike {@link InetAddress#getByAddress(byte[])}, which would
   * turn it into an {@link Inet4Address}).
   */
  public InetAddress toInetAddress() {
    try {
      if (bytes.length == 16) {
        return Inet6Address.getByAddress(null, bytes, -1);
      }
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("valid length", e);
    }
  }

  /**
   * Returns the reverse-lookup name: {@code 1.2.0.192.in-addr.arpa} for {@code 192.0.2.1}, the
   * 32-nibble {@code ip6.arpa} name for IPv6 (RFC 3596 section 2.5).
   */
  public DomainName reverseName() {
    StringBuilder sb = new StringBuilder(80);
    if (bytes.length == 4) {
      for (int i = 3; i >= 0; i--) {
        sb.append(bytes[i] & 0xff).append('.');
      }
      sb.append("in-addr.arpa");
    } else {
      for (int i = 15; i >= 0; i--) {
        sb.append(Character.forDigit(bytes[i] & 0xf, 16)).append('.');
        sb.append(Character.forDigit((bytes[i] >>> 4) & 0xf, 16)).append('.');
      }
      sb.append("ip6.arpa");
    }
    return DomainName.of(sb.toString());
  }

  /**
   * Returns the address in the RFC 5952 canonical text form: dotted quad for IPv4; lower-case hex,
   * longest run of two or more zero groups compressed, and {@code ::ffff:a.b.c.d} for IPv4-mapped
   * addresses.
   */
  @Override
  public String toString() {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    if (isIpv4Mapped()) {
      return "::ffff:" + unmapIpv4().orElseThrow();
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** Returns the fully expanded IPv6 form ({@code 2001:0db8:0000:...}); IPv4 as {@link #toString()}. */
  public String toExpandedString() {
    if (bytes.length == 4) {
      return toString();
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 16; i += 2) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(String.format(java.util.Locale.ROOT, "%02x%02x", bytes[i] & 0xff, bytes[i + 1] & 0xff));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Orders IPv4 before IPv6, then numerically. */
  @Override
  public int compareTo(IpAddress other) {
    if (bytes.length != other.bytes.length) {
      return Integer.compare(bytes.length, other.bytes.length);
    }
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  byte[] rawBytes() {
    return bytes;
  }

  static IpAddress wrap(byte[] bytes) {
    return new IpAddress(bytes);
  }
}
