package io.maildiag.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.ZoneFileResolver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  private static String capture(Consumer<PrintStream> body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      body.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parsingExampleShowsValuesAndPositionedDiagnostics() {
    String out = capture(ParsingExample::run);

    assertThat(out)
        .contains("'Mail.Example.COM.' -> ok: mail.example.com")
        .contains("'bücher.example' -> ok: xn--bcher-kva.example")
        .contains("'mail..example.com' -> rejected")
        .contains("error DOMAIN_EMPTY_LABEL at 1:6")
        .contains("'192.0.2.77/24' -> ok: 192.0.2.0/24")
        .contains("warning CIDR_HOST_BITS_SET")
        .contains("'no-at-sign.example.com' -> rejected")
        .contains("192.0.2.0/24 contains 192.0.2.25: true");
    // The caret sits under the column the diagnostic names: column 6 is the second dot.
    String[] lines = out.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("  'mail..example.com'")) {
        int caret = lines[i + 1].indexOf('^');
        assertThat(lines[i].charAt(caret)).isEqualTo('.');
        assertThat(lines[i].charAt(caret - 1)).isEqualTo('.');
      }
    }
  }

  @Test
  void inMemoryResolverExampleChecksPass() {
    String out = capture(InMemoryResolverExample::run);

    assertThat(out).contains("ok   lowest preference wins").contains("all checks passed (4 DNS questions, no network)");
  }

  @Test
  void firstMailHostFollowsTheRfcs() {
    var dns = io.maildiag.dns.InMemoryDnsResolver.builder()
        .mx("example.com", 5, "b.example.net")
        .mx("example.com", 1, "a.example.net")
        .build();

    assertThat(InMemoryResolverExample.firstMailHost(dns, DomainName.of("example.com")))
        .contains(DomainName.of("a.example.net"));
    assertThat(InMemoryResolverExample.firstMailHost(dns, DomainName.of("nowhere.example.com"))).isEmpty();
  }

  @Test
  void overlayExampleAnswersFromTheProposalAndFallsBackForTheRest() {
    String out = capture(o -> OverlayWhatIfExample.run(o, DomainName.of("example.com"),
        OverlayWhatIfExample.publishedStandIn()));

    assertThat(out)
        .contains("published SPF: v=spf1 include:_spf.example.net ~all")
        .contains("proposed SPF:  v=spf1 include:_spf.example.net ip4:198.51.100.0/24 -all")
        .contains("ANSWER [example.com. 300 IN MX 10 mx.example.net.]");
  }

  @Test
  void zoneFileExampleAnswersAndReportsBadZones() {
    StringBuilder result = new StringBuilder();
    String good = capture(o -> result.append(ZoneFileExample.run(o,
        ZoneFileResolver.parse(ZoneFileExample.SAMPLE), "example.com", RecordType.TXT)));
    String bad = capture(o -> result.append(ZoneFileExample.run(o,
        ZoneFileResolver.parse("example.com. IN MX ten mail.example.com.\n"), "example.com", RecordType.MX)));

    assertThat(result.toString()).isEqualTo("01");
    assertThat(good).contains("example.com/TXT -> ANSWER").contains("\"v=spf1 mx \" \"-all\"");
    assertThat(bad).contains("error ZONE_SYNTAX");
  }

  @Test
  void bounceExampleSuppressesTheUnknownRecipientAndExplainsACode() {
    java.util.List<String> suppressed = new java.util.ArrayList<>();
    String out = capture(o -> suppressed.addAll(
        BounceExample.run(o, BounceExample.SAMPLE.getBytes(StandardCharsets.UTF_8))));

    assertThat(suppressed).containsExactly("nobody@example.org");
    assertThat(out)
        .contains("kind: bounce (format rfc3464)")
        .contains("nobody@example.org: 5.1.1 user-unknown, permanent")
        .contains("  -> suppress the address")
        .contains("original message: <news-42@example.com>")
        .contains("5.7.26: Multiple authentication checks failed -> auth-failure")
        .contains("  google: ")
        .doesNotContain("note: ");
  }
}
