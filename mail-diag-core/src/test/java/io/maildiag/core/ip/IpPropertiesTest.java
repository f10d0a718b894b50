package io.maildiag.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.testing.ParserFuzzing;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class IpPropertiesTest {

  // --- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<String> anyInput() {
    return ParserFuzzing.anyInput();
  }

  /** Short strings over the characters of IP literals and CIDR notation. */
  @Provide
  Arbitrary<String> literalish() {
    return Arbitraries.strings().withChars("0123456789abcdefABCDEF:.:.::%/").ofMaxLength(45);
  }

  static Arbitrary<IpAddress> ipv4() {
    return Arbitraries.bytes().array(byte[].class).ofSize(4).map(IpAddress::fromBytes);
  }

  /**
   * IPv6 addresses from 8 groups that are often zero, so that runs of zeros of every length and
   * position (and IPv4-mapped addresses) come up.
   */
  static Arbitrary<IpAddress> ipv6() {
    Arbitrary<Integer> group = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.just(0xffff)),
        Tuple.of(4, Arbitraries.integers().between(0, 0xffff)));
    Arbitrary<IpAddress> grouped = group.list().ofSize(8).map(groups -> {
      byte[] b = new byte[16];
      for (int i = 0; i < 8; i++) {
        b[2 * i] = (byte) (groups.get(i) >>> 8);
        b[2 * i + 1] = (byte) (int) groups.get(i);
      }
      return IpAddress.fromBytes(b);
    });
    Arbitrary<IpAddress> random = Arbitraries.bytes().array(byte[].class).ofSize(16).map(IpAddress::fromBytes);
    Arbitrary<IpAddress> mapped = Arbitraries.bytes().array(byte[].class).ofSize(4).map(v4 -> {
      byte[] b = new byte[16];
      b[10] = (byte) 0xff;
      b[11] = (byte) 0xff;
      System.arraycopy(v4, 0, b, 12, 4);
      return IpAddress.fromBytes(b);
    });
    return Arbitraries.frequencyOf(Tuple.of(6, grouped), Tuple.of(3, random), Tuple.of(1, mapped));
  }

  @Provide
  Arbitrary<IpAddress> anyIp() {
    return Arbitraries.oneOf(ipv4(), ipv6());
  }

  @Provide
  Arbitrary<IpAddress> anyIpv6() {
    return ipv6();
  }

  @Provide
  Arbitrary<IpNetwork> anyNetwork() {
    return anyIp().flatMap(ip -> Arbitraries.integers().between(0, ip.family().bitLength())
        .map(p -> IpNetwork.of(ip, p)));
  }

  /** A network and an address of the same family, often one bit away from the network address. */
  @Provide
  Arbitrary<Tuple.Tuple2<IpNetwork, IpAddress>> networkAndCandidate() {
    return anyNetwork().flatMap(net -> {
      int bits = net.family().bitLength();
      Arbitrary<IpAddress> random = net.family() == IpFamily.IPV4 ? ipv4() : ipv6().filter(IpAddress::isIpv6);
      Arbitrary<IpAddress> nearby = Combinators.combine(
              Arbitraries.integers().between(0, bits - 1),
              Arbitraries.of(true, false))
          .as((bit, fillHostBits) -> {
            BigInteger v = net.address().toBigInteger().flipBit(bits - 1 - bit);
            if (fillHostBits && net.prefixLength() < bits) {
              v = v.or(BigInteger.ONE.shiftLeft(bits - net.prefixLength()).subtract(BigInteger.ONE));
            }
            return fromBigInteger(v, bits / 8);
          });
      Arbitrary<IpAddress> inside = Arbitraries.just(net.address());
      return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(6, nearby), Tuple.of(1, inside))
          .map(candidate -> Tuple.of(net, candidate));
    });
  }

  static IpAddress fromBigInteger(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return IpAddress.fromBytes(out);
  }

  /** The reference: the top {@code prefix} bits are equal. */
  static boolean referenceContains(IpNetwork net, IpAddress address) {
    if (net.family() != address.family()) {
      return false;
    }
    int shift = net.family().bitLength() - net.prefixLength();
    return net.address().toBigInteger().shiftRight(shift).equals(address.toBigInteger().shiftRight(shift));
  }

  // --- (a), (b): never throws, spans inside the input ---------------------------------------

  @Property
  void ipAddressParseNeverThrows(@ForAll("anyInput") String input) {
    ParserFuzzing.checkResult(input, IpAddress.parse(input));
  }

  @Property
  void ipAddressParseNeverThrowsOnLiteralLikeInput(@ForAll("literalish") String input) {
    ParseResult<IpAddress> r = IpAddress.parse(input);
    ParserFuzzing.checkResult(input, r);
    r.value().ifPresent(ip -> assertThat(IpAddress.parse(ip.toString()).value()).contains(ip));
  }

  /** Literal-like strings with look-alike digits: fullwidth, Arabic-Indic, Devanagari. */
  @Provide
  Arbitrary<String> literalishWithLookalikes() {
    return Arbitraries.strings().withChars("0123456789abcdef::::.")
        .withCharRange('\uff10', '\uff19').withCharRange('\uff21', '\uff26').withCharRange('\uff41', '\uff46')
        .withCharRange('\u0660', '\u0669').withCharRange('\u0966', '\u096f')
        .ofMaxLength(20);
  }

  @Property
  void acceptedLiteralsAreMadeOfAsciiHexDigitsColonsAndDots(@ForAll("anyInput") String input) {
    IpAddress.parse(input).value().ifPresent(ip ->
        assertThat(input).as("accepted literal").matches("[0-9A-Fa-f:.]{2,45}"));
  }

  @Property(tries = 1000)
  void lookalikeDigitsAreNeverAccepted(@ForAll("literalishWithLookalikes") String input) {
    ParseResult<IpAddress> r = IpAddress.parse(input);
    ParserFuzzing.checkResult(input, r);
    r.value().ifPresent(ip -> assertThat(input).as("accepted literal").matches("[0-9A-Fa-f:.]{2,45}"));
    IpNetwork.parse(input).value().ifPresent(n -> assertThat(input).matches("[0-9A-Fa-f:.]{2,45}"));
  }

  @Property
  void ipNetworkParseNeverThrows(@ForAll("anyInput") String input) {
    ParserFuzzing.checkResult(input, IpNetwork.parse(input));
  }

  @Property
  void ipNetworkParseNeverThrowsOnLiteralLikeInput(@ForAll("literalish") String input) {
    ParseResult<IpNetwork> r = IpNetwork.parse(input);
    ParserFuzzing.checkResult(input, r);
    r.value().ifPresent(n -> assertThat(IpNetwork.parse(n.toString()).value()).contains(n));
  }

  // --- (c) round trips ----------------------------------------------------------------------

  @Property
  void addressesRoundTripThroughTheirText(@ForAll("anyIp") IpAddress ip) {
    ParseResult<IpAddress> canonical = IpAddress.parse(ip.toString());
    assertThat(canonical.diagnostics()).isEmpty();
    assertThat(canonical.orElseThrow()).isEqualTo(ip);
    assertThat(IpAddress.parse(ip.toExpandedString()).orElseThrow()).isEqualTo(ip);
    assertThat(IpAddress.parse(ip.toString().toUpperCase(Locale.ROOT)).orElseThrow()).isEqualTo(ip);
    assertThat(IpAddress.fromBytes(ip.toBytes())).isEqualTo(ip);
    assertThat(IpAddress.fromInetAddress(ip.toInetAddress())).isEqualTo(ip);
  }

  @Property
  void canonicalIpv6TextFollowsRfc5952(@ForAll("anyIpv6") IpAddress ip) {
    String text = ip.toString();
    assertThat(text).isEqualTo(text.toLowerCase(Locale.ROOT));
    assertThat(text.indexOf("::")).isEqualTo(text.lastIndexOf("::"));
    assertThat(text).doesNotContain(":::");
    if (ip.isIpv4Mapped()) {
      assertThat(text).isEqualTo("::ffff:" + ip.unmapIpv4().orElseThrow());
      return;
    }
    assertThat(text).isEqualTo(referenceRfc5952(ip.toBytes()));
  }

  /** An independent RFC 5952 formatter: expanded text, then replace the longest (first) run. */
  static String referenceRfc5952(byte[] b) {
    String[] groups = new String[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = Integer.toHexString(((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
    }
    String joined = ":" + String.join(":", groups) + ":";
    for (int len = 8; len >= 2; len--) {
      String run = ":" + "0:".repeat(len);
      int at = joined.indexOf(run);
      if (at >= 0) {
        joined = joined.substring(0, at) + "::" + joined.substring(at + run.length());
        break;
      }
    }
    if (joined.startsWith(":") && !joined.startsWith("::")) {
      joined = joined.substring(1);
    }
    if (joined.endsWith(":") && !joined.endsWith("::")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    return joined;
  }

  @Property
  void networksRoundTripThroughTheirText(@ForAll("anyNetwork") IpNetwork net) {
    ParseResult<IpNetwork> r = IpNetwork.parse(net.toString());
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.orElseThrow()).isEqualTo(net);
    assertThat(IpNetwork.of(net.address(), net.prefixLength())).isEqualTo(net);
  }

  @Property
  void hostBitsWarningIffTheAddressIsNotTheNetworkAddress(
      @ForAll("anyIp") IpAddress ip, @ForAll @IntRange(min = 0, max = 128) int prefix) {
    int p = Math.min(prefix, ip.family().bitLength());
    ParseResult<IpNetwork> r = IpNetwork.parse(ip + "/" + p);
    IpNetwork net = r.orElseThrow();
    assertThat(net).isEqualTo(IpNetwork.of(ip, p));
    boolean hostBits = !net.address().equals(ip);
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .isEqualTo(hostBits ? java.util.List.of(IpCodes.CIDR_HOST_BITS_SET) : java.util.List.of());
    assertThat(net.contains(ip)).isTrue();
  }

  // --- (d) contains agrees with a BigInteger reference --------------------------------------

  @Property(tries = 1000)
  void containsAgreesWithBigIntegerReference(
      @ForAll("networkAndCandidate") Tuple.Tuple2<IpNetwork, IpAddress> pair) {
    IpNetwork net = pair.get1();
    IpAddress candidate = pair.get2();
    assertThat(net.contains(candidate))
        .as("%s contains %s", net, candidate)
        .isEqualTo(referenceContains(net, candidate));
    assertThat(net.contains(IpNetwork.host(candidate))).isEqualTo(referenceContains(net, candidate));
  }

  @Property
  void containsIsFalseAcrossFamilies(@ForAll("anyNetwork") IpNetwork net, @ForAll("anyIp") IpAddress ip) {
    if (net.family() != ip.family()) {
      assertThat(net.contains(ip)).isFalse();
    } else {
      assertThat(net.contains(ip)).isEqualTo(referenceContains(net, ip));
    }
  }

  @Property
  void networkContainmentAgreesWithReference(@ForAll("anyNetwork") IpNetwork a, @ForAll("anyNetwork") IpNetwork b) {
    boolean expected = a.family() == b.family()
        && b.prefixLength() >= a.prefixLength()
        && referenceContains(a, b.address());
    assertThat(a.contains(b)).isEqualTo(expected);
    assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
    assertThat(a.overlaps(a)).isTrue();
  }

  // --- (e) agreement with java.net.InetAddress ----------------------------------------------

  @Property
  void ipv6TextMatchesInetAddress(@ForAll("anyIpv6") IpAddress ip) throws Exception {
    String literal = ip.toString();
    // A literal with ':' is parsed by InetAddress without any lookup.
    assertThat(literal).contains(":");
    InetAddress inet = InetAddress.getByName(literal);
    if (ip.isIpv4Mapped()) {
      // InetAddress turns ::ffff:a.b.c.d into an Inet4Address.
      assertThat(inet.getAddress()).containsExactly(ip.unmapIpv4().orElseThrow().toBytes());
    } else {
      assertThat(inet.getAddress()).containsExactly(ip.toBytes());
    }
  }

  @Property
  void acceptedIpv6LiteralsMeanTheSameToInetAddress(@ForAll("literalish") String input) throws Exception {
    ParseResult<IpAddress> r = IpAddress.parse(input);
    if (r.isSuccess() && input.contains(":")) {
      IpAddress ip = r.orElseThrow();
      InetAddress inet = InetAddress.getByName(input);
      byte[] expected = ip.isIpv4Mapped() ? ip.unmapIpv4().orElseThrow().toBytes() : ip.toBytes();
      assertThat(inet.getAddress()).as("InetAddress of %s", input).containsExactly(expected);
    }
  }

  @Property
  void ipv4TextMatchesInetAddress(@ForAll("anyIp") IpAddress ip) throws Exception {
    if (ip.isIpv4()) {
      String literal = ip.toString();
      assertThat(literal).matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
      assertThat(InetAddress.getByName(literal).getAddress()).containsExactly(ip.toBytes());
    }
  }

  @Property
  void reverseNameHasOneLabelPerOctetOrNibble(@ForAll("anyIp") IpAddress ip) {
    var name = ip.reverseName();
    if (ip.isIpv4()) {
      assertThat(name.labelCount()).isEqualTo(6);
      assertThat(name.toString()).endsWith(".in-addr.arpa");
    } else {
      assertThat(name.labelCount()).isEqualTo(34);
      String nibbles = name.toString().replace(".ip6.arpa", "").replace(".", "");
      assertThat(new StringBuilder(nibbles).reverse().toString())
          .isEqualTo(ip.toExpandedString().replace(":", ""));
    }
  }

  @Property
  void orderAgreesWithNumericValueWithinAFamily(@ForAll("anyIp") IpAddress a, @ForAll("anyIp") IpAddress b) {
    int c = Integer.signum(a.compareTo(b));
    if (a.family() == b.family()) {
      assertThat(c).isEqualTo(a.toBigInteger().compareTo(b.toBigInteger()));
    } else {
      assertThat(c).isEqualTo(a.isIpv4() ? -1 : 1);
    }
    assertThat(c == 0).isEqualTo(a.equals(b));
  }
}
