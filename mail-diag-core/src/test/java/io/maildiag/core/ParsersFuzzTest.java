package io.maildiag.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.core.mail.MailAddress;
import io.maildiag.core.testing.ParserFuzzing;

/**
 * A coverage-guided fuzz test (Jazzer) of the core parsers: any text gives a parse result whose
 * diagnostics point inside it ({@link ParserFuzzing#checkResult}), never an exception. The input's
 * first byte picks the parser.
 *
 * <p>A plain test run runs the target once per kept input (see the NDR module's {@code
 * BounceAnalyzerFuzzTest} for how to fuzz); {@code JAZZER_FUZZ=1} with the target selected fuzzes it.
 */
class ParsersFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parsers(FuzzedDataProvider data) {
    int parser = data.consumeInt(0, 3);
    String s = data.consumeRemainingAsString();
    ParserFuzzing.checkResult(s, switch (parser) {
      case 0 -> DomainName.parse(s);
      case 1 -> IpAddress.parse(s);
      case 2 -> IpNetwork.parse(s);
      default -> MailAddress.parse(s);
    });
  }
}
