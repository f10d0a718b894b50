package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.testing.ParserFuzzing;
import io.maildiag.dns.dmarc.DmarcEvaluator;
import io.maildiag.dns.dmarc.DmarcInput;
import io.maildiag.dns.dmarc.DmarcPolicy;
import io.maildiag.dns.dmarc.DmarcVerdict;
import io.maildiag.dns.dmarc.PublicSuffixList;
import io.maildiag.dns.dmarc.SpfOutcome;
import io.maildiag.dns.dmarc.report.AggregateReports;
import io.maildiag.dns.spf.SpfChecker;
import io.maildiag.dns.spf.SpfEvaluation;
import io.maildiag.dns.spf.SpfRecord;
import io.maildiag.dns.spf.SpfRequest;

/**
 * Coverage-guided fuzz tests (Jazzer) of the DNS module's parsers and evaluators: any record text,
 * zone file, public suffix list or aggregate report gives a parse result, and an SPF check or DMARC
 * evaluation against records made of arbitrary text (includes and redirects among them, loops
 * included) gives a verdict; never an exception.
 *
 * <p>A plain test run runs each target once per kept input; {@code JAZZER_FUZZ=1} with one target
 * selected fuzzes it (see the NDR module's {@code BounceAnalyzerFuzzTest}).
 */
class ParsersFuzzTest {

  /** The names whose records an SPF or DMARC target makes from the input; they may refer to each other. */
  private static final String[] NAMES = {"example.com", "a.example.com", "b.example.net"};

  /** The input's first byte picks the parser: an SPF record, a DMARC record, a zone file, a public suffix list. */
  @FuzzTest(maxDuration = "2m")
  void recordTexts(FuzzedDataProvider data) {
    int parser = data.consumeInt(0, 3);
    String s = data.consumeRemainingAsString();
    ParserFuzzing.checkSpansInside(s, switch (parser) {
      case 0 -> SpfRecord.parse(s);
      case 1 -> DmarcPolicy.parse(s);
      case 2 -> ZoneFileResolver.parse(s);
      default -> PublicSuffixList.parse(s);
    });
  }

  @FuzzTest(maxDuration = "1m")
  void aggregateReport(byte[] report) {
    ParseResult<?> r = AggregateReports.parse(report);
    assertThat(r.isSuccess() || r.hasErrors()).isTrue();
  }

  @FuzzTest(maxDuration = "2m")
  void spfCheck(FuzzedDataProvider data) {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder();
    for (String name : NAMES) {
      dns.txt(name, data.consumeString(80), data.consumeString(80));
    }
    dns.a("a.example.com", "192.0.2.1").mx("example.com", 10, "a.example.com");
    String sender = data.pickValue(new String[] {"user@example.com", "user@a.example.com", "b.example.net"});
    SpfEvaluation e = SpfChecker.builder().resolver(dns.build()).build()
        .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.7"), sender, "helo.example.org"));
    assertThat(e.result()).isNotNull();
    assertThat(e.explain()).isNotNull();
  }

  @FuzzTest(maxDuration = "1m")
  void dmarcEvaluation(FuzzedDataProvider data) {
    InMemoryDnsResolver.Builder dns = InMemoryDnsResolver.builder()
        .txt("_dmarc.example.com", data.consumeString(80))
        .txt("_dmarc.a.example.com", data.consumeString(80))
        .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all");
    InMemoryDnsResolver resolver = dns.build();
    SpfEvaluation spf = SpfChecker.builder().resolver(resolver).build()
        .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.7"), "user@example.com", "helo.example.org"));
    String from = data.pickValue(NAMES);
    DmarcVerdict v = DmarcEvaluator.builder().resolver(resolver).build()
        .evaluate(DmarcInput.of(DomainName.of(from), SpfOutcome.from(spf).orElseThrow()));
    assertThat(v.result()).isNotNull();
  }
}
