package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.dn;
import static io.maildiag.dns.DnsTestSupport.lookup;
import static io.maildiag.dns.DnsTestSupport.onlyError;
import static io.maildiag.dns.DnsTestSupport.parseOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ZoneFileResolver}: the master-file syntax it reads. */
class ZoneFileSyntaxTest {

  @Test
  void namesWithoutTrailingDotAreAbsolute() {
    ZoneFileResolver zone = parseOk("""
        example.com 300 IN A 192.0.2.1
        example.com MX 10 mail.example.com
        """);

    assertThat(lookup(zone, "example.com", RecordType.A).isAnswer()).isTrue();
    assertThat(lookup(zone, "example.com", RecordType.MX).records(MxRecord.class).get(0).exchange())
        .isEqualTo(dn("mail.example.com"));
  }

  @Test
  void originAndTtlDirectives() {
    ZoneFileResolver zone = parseOk("""
        $ORIGIN example.org.
        $TTL 120
        @     IN TXT "apex"
        www   IN A 192.0.2.1
        mail 30 IN A 192.0.2.2
        $ORIGIN sub.example.org.
        deep  IN A 192.0.2.3
        $TTL 1h
        later IN A 192.0.2.4
        """);

    assertThat(lookup(zone, "example.org", RecordType.TXT).records().get(0).ttl()).isEqualTo(120);
    assertThat(lookup(zone, "www.example.org", RecordType.A).records().get(0).ttl()).isEqualTo(120);
    assertThat(lookup(zone, "mail.example.org", RecordType.A).records().get(0).ttl()).isEqualTo(30);
    assertThat(lookup(zone, "deep.sub.example.org", RecordType.A).isAnswer()).isTrue();
    assertThat(lookup(zone, "later.sub.example.org", RecordType.A).records().get(0).ttl()).isEqualTo(3600);
  }

  @Test
  void recordsWithoutTtlOrTtlDirectiveGetTheDefault() {
    ZoneFileResolver zone = parseOk("example.com. IN A 192.0.2.1\n");

    assertThat(zone.records().get(0).ttl()).isEqualTo(ZoneFileResolver.DEFAULT_TTL);
  }

  @Test
  void blankOwnerRepeatsThePreviousOwnerAndParenthesesSpanLines() {
    ZoneFileResolver zone = parseOk("""
        example.com. IN A 192.0.2.1
                     IN TXT ( "first"
                              "second" ) ; a comment
        """);

    assertThat(lookup(zone, "example.com", RecordType.TXT).records(TxtRecord.class).get(0).strings())
        .containsExactly("first", "second");
  }

  @Test
  void typeSpfRecordsAreRead() {
    ZoneFileResolver zone = parseOk("example.com. SPF \"v=spf1 \" \"-all\"\nexample.com. TYPE99 \"x\"\n");

    assertThat(lookup(zone, "example.com", RecordType.SPF).records(TxtRecord.class))
        .extracting(TxtRecord::strings)
        .containsExactlyInAnyOrder(List.of("v=spf1 ", "-all"), List.of("x"));
  }

  @Test
  void noSoaIsNeeded() {
    ZoneFileResolver zone = parseOk("mail.example.com. A 192.0.2.1\n");

    assertThat(lookup(zone, "mail.example.com", RecordType.A).isAnswer()).isTrue();
    assertThat(((DnsOutcome.NoData) lookup(zone, "mail.example.com", RecordType.MX)).soa()).isEmpty();
  }

  @Test
  void emptyAndCommentOnlyTextIsAnEmptyZone() {
    assertThat(parseOk("").records()).isEmpty();
    assertThat(parseOk("; nothing here\n\n   \n").records()).isEmpty();
  }

  @Test
  void crlfAndCrLineEndingsAreAccepted() {
    ZoneFileResolver zone = parseOk("a.example. A 192.0.2.1\r\nb.example. A 192.0.2.2\rc.example. A 192.0.2.3");

    assertThat(zone.records()).hasSize(3);
  }

  @Test
  void utf8TextInTxtStringsSurvives() {
    ZoneFileResolver zone = parseOk("example.com. TXT \"h\u00e9llo w\u00f6rld \u2713 \uD83D\uDE00\" \"plain\"\n");

    assertThat(lookup(zone, "example.com", RecordType.TXT).records(TxtRecord.class).get(0).strings())
        .containsExactly("h\u00e9llo w\u00f6rld \u2713 \uD83D\uDE00", "plain");
  }

  @Test
  void escapesInTxtStringsAreDecoded() {
    ZoneFileResolver zone = parseOk("example.com. TXT \"a\\\"b\\\\c\\065\" \"\\\u00e9\"\n");

    assertThat(lookup(zone, "example.com", RecordType.TXT).records(TxtRecord.class).get(0).strings())
        .containsExactly("a\"b\\cA", "\u00e9");
  }

  @Test
  void leadingByteOrderMarkIsIgnored() {
    ZoneFileResolver zone = parseOk("\uFEFFexample.com. A 192.0.2.1\n");

    assertThat(lookup(zone, "example.com", RecordType.A).isAnswer()).isTrue();
  }

  @Test
  void txtStringOf256OctetsIsASyntaxError() {
    String text = "example.com. TXT \"" + "\u00e9".repeat(128) + "\"\n";

    Diagnostic d = onlyError(ZoneFileResolver.parse(text));

    assertThat(d.code()).isEqualTo(DnsCodes.ZONE_SYNTAX);
    assertThat(d.span()).map(SourceSpan::line).contains(1);
  }

  @Test
  void generateDirectiveExpands() {
    ZoneFileResolver zone = parseOk("$ORIGIN 2.0.192.in-addr.arpa.\n$GENERATE 1-4 $ PTR host$.example.com.\n");

    assertThat(zone.records()).hasSize(4);
    assertThat(lookup(zone, "3.2.0.192.in-addr.arpa", RecordType.PTR).records(PtrRecord.class))
        .extracting(r -> r.target().toString()).containsExactly("host3.example.com");
  }

  @Test
  void sameRecordTwiceIsHeldOnce() {
    ZoneFileResolver zone = parseOk("example.com. A 192.0.2.1\nexample.com. A 192.0.2.1\n");

    assertThat(zone.records()).hasSize(1);
  }
}
