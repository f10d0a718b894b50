package io.maildiag.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpNetworkTest {

  private static IpAddress ip(String s) {
    return IpAddress.of(s);
  }

  private static IpNetwork net(String s) {
    return IpNetwork.of(s);
  }

  // --- parsing ------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "192.0.2.0/24, 192.0.2.0, 24, 256",
    "0.0.0.0/0, 0.0.0.0, 0, 4294967296",
    "10.0.0.0/8, 10.0.0.0, 8, 16777216",
    "192.0.2.1/32, 192.0.2.1, 32, 1",
    "2001:db8::/32, 2001:db8::, 32, 79228162514264337593543950336",
    "::/0, ::, 0, 340282366920938463463374607431768211456",
    "2001:DB8::1/128, 2001:db8::1, 128, 1",
  })
  void parsesCidr(String input, String address, int prefix, String count) {
    ParseResult<IpNetwork> r = IpNetwork.parse(input);
    assertThat(r.diagnostics()).isEmpty();
    IpNetwork n = r.orElseThrow();
    assertThat(n.address()).isEqualTo(ip(address));
    assertThat(n.prefixLength()).isEqualTo(prefix);
    assertThat(n.addressCount()).isEqualTo(new BigInteger(count));
    assertThat(n).hasToString(address + "/" + prefix);
    assertThat(n.family()).isEqualTo(ip(address).family());
  }

  @Test
  void addressWithoutPrefixIsAHostNetwork() {
    IpNetwork v4 = IpNetwork.parse("192.0.2.7").orElseThrow();
    assertThat(v4.prefixLength()).isEqualTo(32);
    assertThat(v4).isEqualTo(IpNetwork.host(ip("192.0.2.7")));
    assertThat(v4).hasToString("192.0.2.7/32");
    IpNetwork v6 = IpNetwork.parse("2001:db8::7").orElseThrow();
    assertThat(v6.prefixLength()).isEqualTo(128);
    assertThat(v6).hasToString("2001:db8::7/128");
  }

  @Test
  void hostBitsAreClearedWithAWarning() {
    ParseResult<IpNetwork> r = IpNetwork.parse("192.0.2.77/24");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.orElseThrow()).isEqualTo(net("192.0.2.0/24"));
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(IpCodes.CIDR_HOST_BITS_SET);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.span().orElseThrow().offset()).isZero();
    assertThat(d.span().orElseThrow().length()).isEqualTo("192.0.2.77".length());
    assertThat(d.remediation()).contains("Write the network address: 192.0.2.0/24");

    ParseResult<IpNetwork> v6 = IpNetwork.parse("2001:db8::1/32");
    assertThat(v6.orElseThrow()).hasToString("2001:db8::/32");
    assertThat(v6.diagnostics()).extracting(Diagnostic::code).containsExactly(IpCodes.CIDR_HOST_BITS_SET);
    assertThat(IpNetwork.parse("10.255.0.0/9").orElseThrow()).hasToString("10.128.0.0/9");
    assertThat(IpNetwork.parse("255.255.255.255/0").orElseThrow()).hasToString("0.0.0.0/0");
    assertThat(IpNetwork.parse("192.0.2.0/24").diagnostics()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "192.0.2.0/33|10|2",
    "192.0.2.0/|10|0",
    "192.0.2.0/-1|10|2",
    "192.0.2.0/024|10|3",
    "192.0.2.0/2a|10|2",
    "192.0.2.0/ 24|10|3",
    "192.0.2.0/1000|10|4",
    "192.0.2.0/24/8|10|4",
    "::/129|3|3",
    "2001:db8::/2001|11|4",
    "::/+1|3|2",
  })
  void badPrefixIsRejectedWithItsPosition(String input, int offset, int length) {
    ParseResult<IpNetwork> r = IpNetwork.parse(input);
    assertThat(r.isSuccess()).isFalse();
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(IpCodes.CIDR_INVALID_PREFIX);
    assertThat(d.span().orElseThrow().offset()).isEqualTo(offset);
    assertThat(d.span().orElseThrow().length()).isEqualTo(length);
    assertThat(d.reference()).contains("RFC 4632 section 3.1");
  }

  @Test
  void prefixRangeDependsOnFamily() {
    assertThat(IpNetwork.parse("::/64").isSuccess()).isTrue();
    assertThat(IpNetwork.parse("0.0.0.0/64").errors()).extracting(Diagnostic::code)
        .containsExactly(IpCodes.CIDR_INVALID_PREFIX);
    assertThat(IpNetwork.parse("0.0.0.0/64").errors().get(0).message()).contains("0 to 32");
  }

  @Test
  void hostilePrefixKeepsTheMessageShort() {
    String input = "192.0.2.0/" + "9".repeat(100_000);
    Diagnostic d = IpNetwork.parse(input).errors().get(0);
    assertThat(d.code()).isEqualTo(IpCodes.CIDR_INVALID_PREFIX);
    assertThat(d.span().orElseThrow().length()).isEqualTo(100_000);
    assertThat(d.message().length()).isLessThan(200);
  }

  @Test
  void addressErrorsPassThrough() {
    assertThat(IpNetwork.parse("1.2.3/24").errors()).extracting(Diagnostic::code).containsExactly(IpCodes.IP_INVALID);
    ParseResult<IpNetwork> zero = IpNetwork.parse("10.01.0.0/16");
    assertThat(zero.errors()).extracting(Diagnostic::code).containsExactly(IpCodes.IP_LEADING_ZERO);
    assertThat(zero.errors().get(0).span().orElseThrow().offset()).isEqualTo(3);
    ParseResult<IpNetwork> zone = IpNetwork.parse("fe80::1%eth0/64");
    assertThat(zone.errors()).extracting(Diagnostic::code).containsExactly(IpCodes.IP_ZONE_INDEX);
    assertThat(IpNetwork.parse("").isSuccess()).isFalse();
    assertThat(IpNetwork.parse("/24").isSuccess()).isFalse();
  }

  @Test
  void ofWithPrefixValidatesAndMasks() {
    assertThat(IpNetwork.of(ip("192.0.2.200"), 25)).hasToString("192.0.2.128/25");
    assertThat(IpNetwork.of(ip("2001:db8:ffff::1"), 33)).hasToString("2001:db8:8000::/33");
    assertThat(IpNetwork.of(ip("1.2.3.4"), 0)).hasToString("0.0.0.0/0");
    assertThat(IpNetwork.of(ip("1.2.3.4"), 32)).hasToString("1.2.3.4/32");
    assertThatThrownBy(() -> IpNetwork.of(ip("1.2.3.4"), 33)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33");
    assertThatThrownBy(() -> IpNetwork.of(ip("1.2.3.4"), -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpNetwork.of(ip("::"), 129)).isInstanceOf(IllegalArgumentException.class);
    assertThat(IpNetwork.of(ip("::"), 128).prefixLength()).isEqualTo(128);
  }

  @Test
  void ofStringThrows() {
    assertThatThrownBy(() -> IpNetwork.of("10.0.0.0/33")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CIDR_INVALID_PREFIX");
  }

  // --- membership ---------------------------------------------------------------------------

  @Test
  void containsAtIpv4PrefixBoundaries() {
    IpNetwork all = net("0.0.0.0/0");
    assertThat(all.contains(ip("0.0.0.0"))).isTrue();
    assertThat(all.contains(ip("255.255.255.255"))).isTrue();

    IpNetwork upper = net("128.0.0.0/1");
    assertThat(upper.contains(ip("128.0.0.0"))).isTrue();
    assertThat(upper.contains(ip("255.255.255.255"))).isTrue();
    assertThat(upper.contains(ip("127.255.255.255"))).isFalse();
    IpNetwork lower = net("0.0.0.0/1");
    assertThat(lower.contains(ip("127.255.255.255"))).isTrue();
    assertThat(lower.contains(ip("128.0.0.0"))).isFalse();

    IpNetwork slash7 = net("10.0.0.0/7");
    assertThat(slash7.contains(ip("10.0.0.0"))).isTrue();
    assertThat(slash7.contains(ip("11.255.255.255"))).isTrue();
    assertThat(slash7.contains(ip("9.255.255.255"))).isFalse();
    assertThat(slash7.contains(ip("12.0.0.0"))).isFalse();

    IpNetwork slash9 = net("10.0.0.0/9");
    assertThat(slash9.contains(ip("10.127.255.255"))).isTrue();
    assertThat(slash9.contains(ip("10.128.0.0"))).isFalse();
    IpNetwork slash9Upper = net("10.128.0.0/9");
    assertThat(slash9Upper.contains(ip("10.128.0.0"))).isTrue();
    assertThat(slash9Upper.contains(ip("10.255.255.255"))).isTrue();
    assertThat(slash9Upper.contains(ip("10.127.255.255"))).isFalse();
    assertThat(slash9Upper.contains(ip("11.0.0.0"))).isFalse();

    IpNetwork slash31 = net("192.0.2.4/31");
    assertThat(slash31.contains(ip("192.0.2.4"))).isTrue();
    assertThat(slash31.contains(ip("192.0.2.5"))).isTrue();
    assertThat(slash31.contains(ip("192.0.2.3"))).isFalse();
    assertThat(slash31.contains(ip("192.0.2.6"))).isFalse();

    IpNetwork slash32 = net("192.0.2.4/32");
    assertThat(slash32.contains(ip("192.0.2.4"))).isTrue();
    assertThat(slash32.contains(ip("192.0.2.5"))).isFalse();
    assertThat(net("255.255.255.255/32").contains(ip("255.255.255.255"))).isTrue();
    assertThat(net("255.255.255.255/32").contains(ip("255.255.255.254"))).isFalse();
  }

  @Test
  void containsAtIpv6PrefixBoundaries() {
    IpNetwork all = net("::/0");
    assertThat(all.contains(ip("::"))).isTrue();
    assertThat(all.contains(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();

    IpNetwork upper = net("8000::/1");
    assertThat(upper.contains(ip("8000::"))).isTrue();
    assertThat(upper.contains(ip("ffff::"))).isTrue();
    assertThat(upper.contains(ip("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isFalse();

    IpNetwork slash7 = net("fc00::/7");
    assertThat(slash7.contains(ip("fd12:3456::1"))).isTrue();
    assertThat(slash7.contains(ip("fbff:ffff::"))).isFalse();
    assertThat(slash7.contains(ip("fe00::"))).isFalse();

    IpNetwork slash9 = net("2000::/9");
    assertThat(slash9.contains(ip("207f:ffff::"))).isTrue();
    assertThat(slash9.contains(ip("2080::"))).isFalse();

    IpNetwork slash127 = net("2001:db8::/127");
    assertThat(slash127.contains(ip("2001:db8::"))).isTrue();
    assertThat(slash127.contains(ip("2001:db8::1"))).isTrue();
    assertThat(slash127.contains(ip("2001:db8::2"))).isFalse();
    assertThat(slash127.contains(ip("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"))).isFalse();

    IpNetwork slash128 = net("2001:db8::1/128");
    assertThat(slash128.contains(ip("2001:db8::1"))).isTrue();
    assertThat(slash128.contains(ip("2001:db8::"))).isFalse();
    assertThat(slash128.contains(ip("2001:db8::3"))).isFalse();
  }

  @Test
  void familiesNeverMix() {
    assertThat(net("0.0.0.0/0").contains(ip("::ffff:192.0.2.1"))).isFalse();
    assertThat(net("0.0.0.0/0").contains(ip("::"))).isFalse();
    assertThat(net("::/0").contains(ip("192.0.2.1"))).isFalse();
    assertThat(net("::ffff:0:0/96").contains(ip("192.0.2.1"))).isFalse();
    assertThat(net("::ffff:0:0/96").contains(ip("::ffff:192.0.2.1"))).isTrue();
    assertThat(net("0.0.0.0/0").contains(net("::/0"))).isFalse();
    assertThat(net("0.0.0.0/0").overlaps(net("::/0"))).isFalse();
  }

  @Test
  void networkContainmentAndOverlap() {
    IpNetwork ten = net("10.0.0.0/8");
    IpNetwork sub = net("10.1.0.0/16");
    IpNetwork other = net("11.0.0.0/8");
    assertThat(ten.contains(sub)).isTrue();
    assertThat(sub.contains(ten)).isFalse();
    assertThat(ten.contains(ten)).isTrue();
    assertThat(ten.contains(other)).isFalse();
    assertThat(ten.overlaps(sub)).isTrue();
    assertThat(sub.overlaps(ten)).isTrue();
    assertThat(ten.overlaps(other)).isFalse();
    assertThat(net("10.0.0.0/7").overlaps(other)).isTrue();
    assertThat(net("0.0.0.0/0").contains(net("255.255.255.255/32"))).isTrue();
  }

  // --- equality and order -------------------------------------------------------------------

  @Test
  void equalityUsesNetworkAndPrefix() {
    assertThat(net("192.0.2.9/24")).isEqualTo(net("192.0.2.0/24"));
    assertThat(net("192.0.2.9/24")).hasSameHashCodeAs(net("192.0.2.0/24"));
    assertThat(net("192.0.2.0/24")).isNotEqualTo(net("192.0.2.0/25"));
    assertThat(net("0.0.0.0/0")).isNotEqualTo(net("::/0"));
    assertThat(net("::/0")).isNotEqualTo("::/0");
  }

  @Test
  void orderIsByAddressThenWiderFirst() {
    List<IpNetwork> expected = List.of(
        net("10.0.0.0/8"), net("10.0.0.0/16"), net("10.0.0.0/32"), net("10.1.0.0/16"),
        net("192.0.2.0/24"), net("::/0"), net("2001:db8::/32"), net("2001:db8::/64"));
    List<IpNetwork> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new java.util.Random(3));
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }
}
