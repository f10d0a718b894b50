package io.maildiag.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  private static Diagnostic onlyError(String input) {
    ParseResult<IpAddress> r = IpAddress.parse(input);
    assertThat(r.isSuccess()).as("parse of '%s' should fail", input).isFalse();
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  // --- IPv4 ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "10.0.0.1", "1.2.3.4", "100.64.0.0"})
  void ipv4DottedQuadsRoundTrip(String literal) {
    ParseResult<IpAddress> r = IpAddress.parse(literal);
    assertThat(r.diagnostics()).isEmpty();
    IpAddress ip = r.orElseThrow();
    assertThat(ip.isIpv4()).isTrue();
    assertThat(ip.isIpv6()).isFalse();
    assertThat(ip.family()).isEqualTo(IpFamily.IPV4);
    assertThat(ip).hasToString(literal);
    assertThat(ip.toExpandedString()).isEqualTo(literal);
  }

  @Test
  void ipv4Bytes() {
    IpAddress ip = IpAddress.of("192.0.2.255");
    assertThat(ip.toBytes()).containsExactly(bytes(192, 0, 2, 255));
    assertThat(ip.toBigInteger()).isEqualTo(BigInteger.valueOf(0xC00002FFL));
    assertThat(IpAddress.of("255.255.255.255").toBigInteger()).isEqualTo(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE));
  }

  @ParameterizedTest
  @CsvSource({
    "01.2.3.4, 0, 2",
    "1.02.3.4, 2, 2",
    "1.2.3.010, 6, 3",
    "1.2.00.4, 4, 2",
    "000.0.0.0, 0, 3",
  })
  void ipv4LeadingZeroIsRejectedWithItsPosition(String input, int offset, int length) {
    Diagnostic d = onlyError(input);
    assertThat(d.code()).isEqualTo(IpCodes.IP_LEADING_ZERO);
    assertThat(d.span().orElseThrow().offset()).isEqualTo(offset);
    assertThat(d.span().orElseThrow().length()).isEqualTo(length);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "256.1.1.1", "1.1.1.256", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3",
    "", " 1.2.3.4", "1.2.3.4 ", "1.2.3.-1", "1.2.3.1234", "a.b.c.d", "1.2.3.4/24", "+1.2.3.4",
    "0x1.2.3.4", "1.2.3.4%eth0", "\uff11.2.3.4", "\u0661.2.3.4", "1,2,3,4", "1.2.3.4\n", "1234",
  })
  void invalidIpv4(String input) {
    Diagnostic d = onlyError(input);
    assertThat(d.code()).isEqualTo(IpCodes.IP_INVALID);
    assertThat(d.span().orElseThrow().offset()).isZero();
    assertThat(d.span().orElseThrow().length()).isEqualTo(input.length());
  }

  @Test
  void ipv4ReverseName() {
    assertThat(IpAddress.of("192.0.2.1").reverseName()).isEqualTo(DomainName.of("1.2.0.192.in-addr.arpa"));
    assertThat(IpAddress.of("10.0.0.255").reverseName()).hasToString("255.0.0.10.in-addr.arpa");
  }

  // --- IPv6 ---------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "2001:db8::1, 2001:db8::1",
    "2001:DB8::A, 2001:db8::a",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    "fe80::, fe80::",
    "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
    "1:0:0:0:0:0:0:0, 1::",
    "0:0:0:0:0:0:0:0, ::",
    "::ffff:192.0.2.1, ::ffff:192.0.2.1",
    "::FFFF:c000:0201, ::ffff:192.0.2.1",
    "0:0:0:0:0:ffff:192.0.2.1, ::ffff:192.0.2.1",
    "::192.0.2.1, ::c000:201",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
  })
  void ipv6FormsParseToCanonicalText(String input, String canonical) {
    ParseResult<IpAddress> r = IpAddress.parse(input);
    assertThat(r.diagnostics()).isEmpty();
    IpAddress ip = r.orElseThrow();
    assertThat(ip.isIpv6()).isTrue();
    assertThat(ip.family()).isEqualTo(IpFamily.IPV6);
    assertThat(ip).hasToString(canonical);
    assertThat(IpAddress.of(canonical)).isEqualTo(ip);
  }

  @ParameterizedTest
  @CsvSource({
    // longest run is compressed
    "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    // first run wins a tie
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "0:0:1:0:0:1:0:0, ::1:0:0:1:0:0",
    // a single zero group is not compressed
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
    // leading zeros of a group are dropped, hex is lower case
    "2001:0DB8:00AB:000C:0:0:0:00EF, 2001:db8:ab:c::ef",
    "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
  })
  void rfc5952Output(String input, String expected) {
    assertThat(IpAddress.of(input)).hasToString(expected);
  }

  @Test
  void expandedForm() {
    assertThat(IpAddress.of("2001:db8::1").toExpandedString()).isEqualTo("2001:0db8:0000:0000:0000:0000:0000:0001");
    assertThat(IpAddress.of("::").toExpandedString()).isEqualTo("0000:0000:0000:0000:0000:0000:0000:0000");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1::2::3", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::", ":1:2:3:4:5:6:7:8", "1::2:", "1:",
    ":", ":::", "1:::2", "12345::", "g::", "::g", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::8", "::ffff:1.2.3", "::ffff:256.1.1.1", "::ffff:01.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
    "::1.2.3.4:5", "::1.2.3.4.5", "[::1]", "::1 ", " ::1", "\uff12\uff10\uff10\uff11:db8::1",
    "\uff21\uff22::1", "2001:db8::\u0661", "::-1", "::+1", "1:2:3:4:5:6:7:8:", "0x1::",
  })
  void invalidIpv6(String input) {
    Diagnostic d = onlyError(input);
    assertThat(d.code()).isEqualTo(IpCodes.IP_INVALID);
    assertThat(d.span().orElseThrow().offset()).isZero();
    assertThat(d.span().orElseThrow().length()).isEqualTo(input.length());
  }

  @Test
  void zoneIndexIsRejectedWithItsPosition() {
    Diagnostic d = onlyError("fe80::1%eth0");
    assertThat(d.code()).isEqualTo(IpCodes.IP_ZONE_INDEX);
    assertThat(d.span().orElseThrow().offset()).isEqualTo(7);
    assertThat(d.span().orElseThrow().length()).isEqualTo(5);
    assertThat(d.message()).contains("%eth0");
    assertThat(onlyError("fe80::1%25").code()).isEqualTo(IpCodes.IP_ZONE_INDEX);
  }

  @Test
  void overlongInputIsRejected() {
    String input = "1:".repeat(40) + "1";
    Diagnostic d = onlyError(input);
    assertThat(d.code()).isEqualTo(IpCodes.IP_INVALID);
    assertThat(d.span().orElseThrow().length()).isEqualTo(input.length());
  }

  @Test
  void ipv4MappedAddresses() {
    IpAddress mapped = IpAddress.of("::ffff:192.0.2.1");
    assertThat(mapped.isIpv4Mapped()).isTrue();
    assertThat(mapped.isIpv6()).isTrue();
    assertThat(mapped.unmapIpv4()).contains(IpAddress.of("192.0.2.1"));
    assertThat(mapped).isNotEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.of("::192.0.2.1").isIpv4Mapped()).isFalse();
    assertThat(IpAddress.of("::fffe:192.0.2.1").isIpv4Mapped()).isFalse();
    assertThat(IpAddress.of("1::ffff:192.0.2.1").isIpv4Mapped()).isFalse();
    assertThat(IpAddress.of("192.0.2.1").isIpv4Mapped()).isFalse();
    assertThat(IpAddress.of("192.0.2.1").unmapIpv4()).isEmpty();
    assertThat(IpAddress.of("2001:db8::1").unmapIpv4()).isEmpty();
  }

  @Test
  void ipv6ReverseNames() {
    assertThat(IpAddress.of("2001:db8::567:89ab").reverseName()).hasToString(
        "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    assertThat(IpAddress.of("::1").reverseName()).hasToString(
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa");
    assertThat(IpAddress.of("4321:0:1:2:3:4:567:89ab").reverseName()).hasToString(
        "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa");
    assertThat(IpAddress.of("::ffff:192.0.2.1").reverseName().labelCount()).isEqualTo(34);
  }

  // --- bytes, InetAddress -------------------------------------------------------------------

  @Test
  void fromBytesCopiesAndValidatesLength() {
    byte[] b = bytes(192, 0, 2, 1);
    IpAddress ip = IpAddress.fromBytes(b);
    b[0] = 10;
    assertThat(ip).hasToString("192.0.2.1");
    byte[] out = ip.toBytes();
    out[0] = 11;
    assertThat(ip).hasToString("192.0.2.1");
    assertThat(IpAddress.fromBytes(new byte[16])).hasToString("::");
    for (int len : new int[] {0, 3, 5, 15, 17}) {
      assertThatThrownBy(() -> IpAddress.fromBytes(new byte[len]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.valueOf(len));
    }
  }

  @Test
  void inetAddressConversionNeverUnmaps() throws Exception {
    InetAddress v4 = IpAddress.of("192.0.2.1").toInetAddress();
    assertThat(v4).isInstanceOf(Inet4Address.class);
    assertThat(v4.getAddress()).containsExactly(bytes(192, 0, 2, 1));

    InetAddress mapped = IpAddress.of("::ffff:192.0.2.1").toInetAddress();
    assertThat(mapped).isInstanceOf(Inet6Address.class);
    assertThat(mapped.getAddress()).hasSize(16);
    assertThat(IpAddress.fromInetAddress(mapped)).isEqualTo(IpAddress.of("::ffff:192.0.2.1"));

    InetAddress v6 = IpAddress.of("2001:db8::1").toInetAddress();
    assertThat(v6).isInstanceOf(Inet6Address.class);
    assertThat(((Inet6Address) v6).getScopeId()).isZero();
    assertThat(IpAddress.fromInetAddress(v6)).isEqualTo(IpAddress.of("2001:db8::1"));

    Inet6Address scoped = Inet6Address.getByAddress(null, IpAddress.of("fe80::1").toBytes(), 3);
    assertThat(IpAddress.fromInetAddress(scoped)).isEqualTo(IpAddress.of("fe80::1"));
    assertThat(IpAddress.fromInetAddress(InetAddress.getByAddress(bytes(10, 1, 2, 3)))).hasToString("10.1.2.3");
  }

  @Test
  void ofThrowsInvalidInputException() {
    assertThatThrownBy(() -> IpAddress.of("01.2.3.4"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("IP_LEADING_ZERO");
    assertThatThrownBy(() -> IpAddress.of("fe80::1%eth0")).isInstanceOf(InvalidInputException.class);
  }

  // --- equality and order -------------------------------------------------------------------

  @Test
  void equalityIsOnTheBytes() {
    assertThat(IpAddress.of("2001:DB8::1")).isEqualTo(IpAddress.of("2001:db8:0:0:0:0:0:1"));
    assertThat(IpAddress.of("2001:DB8::1")).hasSameHashCodeAs(IpAddress.of("2001:db8:0:0:0:0:0:1"));
    assertThat(IpAddress.of("::")).isNotEqualTo(IpAddress.of("0.0.0.0"));
    assertThat(IpAddress.of("::1")).isNotEqualTo("::1");
  }

  @Test
  void orderPutsIpv4FirstThenNumeric() {
    List<IpAddress> expected = List.of(
        IpAddress.of("0.0.0.0"),
        IpAddress.of("9.255.255.255"),
        IpAddress.of("10.0.0.0"),
        IpAddress.of("127.255.255.255"),
        IpAddress.of("128.0.0.0"),
        IpAddress.of("255.255.255.255"),
        IpAddress.of("::"),
        IpAddress.of("::ffff:0.0.0.0"),
        IpAddress.of("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        IpAddress.of("8000::"),
        IpAddress.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    List<IpAddress> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
    assertThat(IpAddress.of("1.2.3.4").compareTo(IpAddress.of("1.2.3.4"))).isZero();
  }

  @Test
  void families() {
    assertThat(IpFamily.IPV4.byteLength()).isEqualTo(4);
    assertThat(IpFamily.IPV4.bitLength()).isEqualTo(32);
    assertThat(IpFamily.IPV6.byteLength()).isEqualTo(16);
    assertThat(IpFamily.IPV6.bitLength()).isEqualTo(128);
  }
}
