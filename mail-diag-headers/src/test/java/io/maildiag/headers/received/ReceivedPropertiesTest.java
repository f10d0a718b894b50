package io.maildiag.headers.received;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ip.IpAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the Received parser and the date reader. */
class ReceivedPropertiesTest {

  @Property(tries = 300)
  void receivedNeverThrows(@ForAll("receivedish") String input) {
    ReceivedHeader r = ReceivedHeader.parse(input);
    for (Diagnostic d : r.diagnostics()) {
      d.span().ifPresent(s -> assertThat(s.end()).isLessThanOrEqualTo(input.length()));
    }
  }

  @Property(tries = 300)
  void datesNeverThrow(@ForAll("dateish") String input) {
    MailDate d = MailDates.parse(input);
    assertThat(d.isValid() || d.has(DateDefect.UNPARSABLE) || d.has(DateDefect.DAY_OUT_OF_RANGE)
        || d.has(DateDefect.TIME_OUT_OF_RANGE) || d.has(DateDefect.OFFSET_OUT_OF_RANGE)).isTrue();
  }

  @Provide
  Arbitrary<String> receivedish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("fromby withid;()[]<>\"\\:.0123 ").ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> dateish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().withChars("MonTueApr0123456789:+-., ()ZTUTCGmt=").ofMaxLength(60));
  }

  private static final DateTimeFormatter RFC = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

  @Property(tries = 300)
  void rfc5322DatesRoundTrip(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long epoch,
      @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarters) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarters * 900);
    OffsetDateTime dt = Instant.ofEpochSecond(epoch).atOffset(offset);
    MailDate d = MailDates.parse(RFC.format(dt));
    assertThat(d.dateTime()).hasValue(dt);
    assertThat(d.defects()).isEmpty();
  }

  record Hop(String from, String rdns, IpAddress ip, String by, String protocol, String id, String rcpt,
      OffsetDateTime date, int style) {}

  @Provide
  Arbitrary<Hop> hops() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l) + ".example.org");
    Arbitrary<IpAddress> ip = Arbitraries.oneOf(
        Arbitraries.integers().between(1, 254).map(i -> IpAddress.of("192.0.2." + i)),
        Arbitraries.integers().between(1, 65535).map(i -> IpAddress.of("2001:db8::" + Integer.toHexString(i))));
    Arbitrary<String> protocol = Arbitraries.of("SMTP", "ESMTP", "ESMTPS", "ESMTPA", "ESMTPSA", "LMTP", "HTTP");
    Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(16);
    Arbitrary<OffsetDateTime> date = Combinators.combine(
            Arbitraries.longs().between(946_684_800L, 4_102_444_800L), Arbitraries.integers().between(-48, 56))
        .as((e, q) -> Instant.ofEpochSecond(e).atOffset(ZoneOffset.ofTotalSeconds(q * 900)));
    Arbitrary<Integer> style = Arbitraries.integers().between(0, 3);
    return Combinators.combine(host, host, ip, host, protocol, id, host.map(h -> "user@" + h), date)
        .as((f, r, i, b, p, d, rc, dt) -> new Object[] {f, r, i, b, p, d, rc, dt})
        .flatMap(a -> style.map(s -> new Hop((String) a[0], (String) a[1], (IpAddress) a[2], (String) a[3],
            (String) a[4], (String) a[5], (String) a[6], (OffsetDateTime) a[7], s)));
  }

  /** Renders a hop in one of four MTA styles: Postfix, Exim, qmail/Yahoo, Exchange. */
  private static String render(Hop h) {
    String date = RFC.format(h.date());
    return switch (h.style()) {
      case 0 -> "from " + h.from() + " (" + h.rdns() + " [" + (h.ip().isIpv6() ? "IPv6:" : "") + h.ip() + "])\r\n\tby "
          + h.by() + " (Postfix) with " + h.protocol() + " id " + h.id() + "\r\n\tfor <" + h.rcpt() + ">; " + date;
      case 1 -> "from " + h.rdns() + " ([" + h.ip() + "]:2525 helo=" + h.from() + ")\r\n\tby " + h.by() + " with "
          + h.protocol().toLowerCase(Locale.ROOT) + " (Exim 4.97)\r\n\t(envelope-from <" + h.rcpt() + ">)\r\n\tid "
          + h.id() + "\r\n\tfor " + h.rcpt() + "; " + date;
      case 2 -> "from unknown (HELO " + h.from() + ") (" + h.ip() + ")\r\n  by " + h.by() + " with " + h.protocol()
          + " id " + h.id() + " for <" + h.rcpt() + ">; " + date;
      default -> "from " + h.from() + " (" + h.ip() + ") by\r\n " + h.by() + " (192.0.2.250) with " + h.protocol()
          + " id\r\n " + h.id() + " for <" + h.rcpt() + ">; " + date;
    };
  }

  @Property(tries = 300)
  void wellFormedReceivedRecoversEveryField(@ForAll("hops") Hop h) {
    String value = render(h);
    ReceivedHeader r = ReceivedHeader.parse(value);
    assertThat(r.helo()).hasValue(h.from());
    assertThat(r.ip()).hasValue(h.ip());
    assertThat(r.by()).hasValue(h.by());
    assertThat(r.protocol()).hasValue(h.protocol());
    assertThat(r.tls()).isEqualTo(h.protocol().startsWith("ESMTPS"));
    assertThat(r.authenticated()).isEqualTo(h.protocol().endsWith("A"));
    assertThat(r.id()).hasValue(h.id());
    assertThat(r.recipient()).hasValue(h.rcpt());
    assertThat(r.dateTime()).hasValue(h.date());
    assertThat(r.diagnostics()).isEmpty();
    if (h.style() == 0) {
      assertThat(r.reverseDns()).hasValue(h.rdns());
    }
    if (h.style() == 1) {
      assertThat(r.from()).hasValue(h.rdns());
      assertThat(r.envelopeFrom()).hasValue(h.rcpt());
      assertThat(r.software()).hasValue("Exim 4.97");
    }
  }
}
