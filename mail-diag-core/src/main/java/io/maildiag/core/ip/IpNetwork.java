package io.maildiag.core.ip;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.Excerpt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IP network in CIDR notation: {@code 192.0.2.0/24}, {@code 2001:db8::/32}.
 *
 * <p>The stored address is the network address: bits beyond the prefix length are cleared, and
 * {@link #parse(CharSequence)} reports a warning when the input had any set. An address without
 * {@code /len} is a single-host network ({@code /32} or {@code /128}). Membership never mixes
 * families: an IPv4 network does not contain {@code ::ffff:192.0.2.1}; call {@link
 * IpAddress#unmapIpv4()} first where a standard asks for that (RFC 7208 section 5). Immutable and
 * safe for concurrent use.
 *
 * @since 0.1
 */
public final class IpNetwork implements Comparable<IpNetwork> {

  private final IpAddress network;
  private final int prefixLength;

  private IpNetwork(IpAddress network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Returns the network of {@code address} with {@code prefixLength} bits, clearing host bits.
   *
   * @throws IllegalArgumentException if the prefix length is out of range for the family
   */
  public static IpNetwork of(IpAddress address, int prefixLength) {
    int max = address.family().bitLength();
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " not in [0, " + max + "]");
    }
    return new IpNetwork(IpAddress.wrap(mask(address.rawBytes(), prefixLength)), prefixLength);
  }

  /** Returns the single-host network of {@code address} ({@code /32} or {@code /128}). */
  public static IpNetwork host(IpAddress address) {
    return new IpNetwork(address, address.family().bitLength());
  }

  /** Parses {@code address[/prefix]}. Never throws: errors are diagnostics with their position. */
  public static ParseResult<IpNetwork> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    int slash = s.indexOf('/');
    String addressText = slash < 0 ? s : s.substring(0, slash);
    ParseResult<IpAddress> address = IpAddress.parse(addressText);
    if (address.value().isEmpty()) {
      return ParseResult.failure(address.diagnostics());
    }
    IpAddress ip = address.value().get();
    int max = ip.family().bitLength();
    if (slash < 0) {
      return ParseResult.success(host(ip));
    }
    String prefixText = s.substring(slash + 1);
    int prefix = parsePrefix(prefixText);
    if (prefix < 0 || prefix > max) {
      return ParseResult.failure(Diagnostic.error(IpCodes.CIDR_INVALID_PREFIX,
              "prefix length '" + abbreviate(prefixText) + "' is not a number from 0 to " + max)
          .withReference("RFC 4632 section 3.1")
          .at(s, slash + 1, prefixText.length()));
    }
    IpNetwork net = of(ip, prefix);
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!net.network.equals(ip)) {
      diagnostics.add(Diagnostic.warning(IpCodes.CIDR_HOST_BITS_SET,
              "'" + s + "' has host bits set; the network is " + net)
          .withRemediation("Write the network address: " + net)
          .at(s, 0, slash));
    }
    return ParseResult.success(net, diagnostics);
  }

  /** Keeps messages short when the input is hostile; the span still covers the whole text. */
  private static String abbreviate(String text) {
    return Excerpt.of(text, 19);
  }

  /** Returns the prefix as a number, or -1 if it is not 1 to 3 decimal digits without a leading zero. */
  private static int parsePrefix(String text) {
    if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Parses a network known to be valid, such as a constant.
   *
   * @throws io.maildiag.core.InvalidInputException if it is not valid
   */
  public static IpNetwork of(String cidr) {
    return parse(cidr).orElseThrow();
  }

  private static byte[] mask(byte[] address, int prefixLength) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int bitsHere = Math.max(0, Math.min(8, prefixLength - 8 * i));
      out[i] = (byte) (out[i] & (0xff00 >>> bitsHere));
    }
    return out;
  }

  /** Returns the network address (host bits cleared). */
  public IpAddress address() {
    return network;
  }

  /** Returns the prefix length in bits. */
  public int prefixLength() {
    return prefixLength;
  }

  /** Returns the family. */
  public IpFamily family() {
    return network.family();
  }

  /** Returns the number of addresses in the network: 2^(bits - prefix). */
  public BigInteger addressCount() {
    return BigInteger.ONE.shiftLeft(family().bitLength() - prefixLength);
  }

  /** Returns whether {@code address} is in this network; always false across families. */
  public boolean contains(IpAddress address) {
    if (address.family() != family()) {
      return false;
    }
    byte[] a = address.rawBytes();
    byte[] n = network.rawBytes();
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != n[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int m = 0xff00 >>> rest;
    return (a[full] & m) == (n[full] & m);
  }

  /** Returns whether every address of {@code other} is in this network. */
  public boolean contains(IpNetwork other) {
    return other.family() == family() && other.prefixLength >= prefixLength && contains(other.network);
  }

  /** Returns whether the two networks share at least one address. */
  public boolean overlaps(IpNetwork other) {
    return contains(other) || other.contains(this);
  }

  /** Returns {@code address/prefix}, the address in canonical form. */
  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpNetwork other && prefixLength == other.prefixLength && network.equals(other.network);
  }

  @Override
  public int hashCode() {
    return network.hashCode() * 131 + prefixLength;
  }

  /** Orders by address, then by prefix length (wider first). */
  @Override
  public int compareTo(IpNetwork other) {
    int c = network.compareTo(other.network);
    return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
  }
}
