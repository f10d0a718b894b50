package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildiag.core.ParseResult;
import io.maildiag.core.testing.ParserFuzzing;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.headers.antispam.ForefrontAntispamReport;
import io.maildiag.headers.antispam.MicrosoftAntispam;
import io.maildiag.headers.antispam.SpamAssassinStatus;
import io.maildiag.headers.auth.AuthenticationResults;
import io.maildiag.headers.auth.ReceivedSpf;
import io.maildiag.headers.dkim.ArcAuthenticationResults;
import io.maildiag.headers.dkim.ArcMessageSignature;
import io.maildiag.headers.dkim.ArcSeal;
import io.maildiag.headers.dkim.DkimKeyRecord;
import io.maildiag.headers.dkim.DkimSignature;
import io.maildiag.headers.received.MailDates;
import io.maildiag.headers.received.ReceivedHeader;
import io.maildiag.headers.report.HeaderAnalyzer;
import io.maildiag.headers.report.HeaderReport;

/**
 * Coverage-guided fuzz tests (Jazzer) of the header parsers and the header analysis: any field
 * value gives a parse result whose diagnostics point inside it, and any message gives a report,
 * with DKIM, ARC and DMARC checked against key and policy records made of arbitrary text; never an
 * exception.
 *
 * <p>A plain test run runs each target once per kept input; {@code JAZZER_FUZZ=1} with one target
 * selected fuzzes it (see the NDR module's {@code BounceAnalyzerFuzzTest}).
 */
class ParsersFuzzTest {

  private static final HeaderAnalyzer OFFLINE = HeaderAnalyzer.builder().build();

  @FuzzTest(maxDuration = "1m")
  void fieldValues(FuzzedDataProvider data) {
    int which = data.consumeInt(0, 10);
    String s = data.consumeRemainingAsString();
    if (which == 10) {
      assertThat(ReceivedHeader.parse(s)).isNotNull();
      assertThat(MailDates.parse(s)).isNotNull();
      return;
    }
    ParserFuzzing.checkSpansInside(s, switch (which) {
      case 0 -> DkimSignature.parse(s);
      case 1 -> ArcAuthenticationResults.parse(s);
      case 2 -> ArcMessageSignature.parse(s);
      case 3 -> ArcSeal.parse(s);
      case 4 -> DkimKeyRecord.parse(s);
      case 5 -> ReceivedSpf.parse(s);
      case 6 -> AuthenticationResults.parse(s);
      case 7 -> SpamAssassinStatus.parse(s);
      case 8 -> ForefrontAntispamReport.parse(s);
      default -> MicrosoftAntispam.parse(s);
    });
  }

  @FuzzTest(maxDuration = "2m")
  void headerSection(byte[] message) {
    ParseResult<HeaderSection> r = HeaderSection.parse(message);
    assertThat(r.isSuccess() || r.hasErrors()).isTrue();
  }

  @FuzzTest(maxDuration = "2m")
  void offlineAnalysis(byte[] message) {
    HeaderReport report = OFFLINE.analyze(message);
    assertThat(report).isNotNull();
  }

  @FuzzTest(maxDuration = "2m")
  void verifyingAnalysis(FuzzedDataProvider data) {
    InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
        .txt("s._domainkey.example.com", data.consumeString(80), data.consumeString(80))
        .txt("_dmarc.example.com", data.consumeString(80))
        .txt("example.com", data.consumeString(80))
        .build();
    HeaderReport report = HeaderAnalyzer.builder().resolver(dns).build().analyze(data.consumeRemainingAsBytes());
    assertThat(report).isNotNull();
  }

}
