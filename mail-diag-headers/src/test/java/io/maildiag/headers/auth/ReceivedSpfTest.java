package io.maildiag.headers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.spf.SpfResult;
import org.junit.jupiter.api.Test;

/** Received-SPF (RFC 7208 section 9.1). */
class ReceivedSpfTest {

  @Test
  void rfcExample() {
    ReceivedSpf r = ReceivedSpf.parse("pass (mybox.example.org: domain of\r\n myname@example.com designates 192.0.2.1 as\r\n"
        + " permitted sender)\r\n receiver=mybox.example.org; client-ip=192.0.2.1;\r\n"
        + " envelope-from=\"myname@example.com\"; helo=foo.example.com;").orElseThrow();
    assertThat(r.result()).isEqualTo(SpfResult.PASS);
    assertThat(r.comment()).contains("mybox.example.org: domain of myname@example.com designates 192.0.2.1 as"
        + " permitted sender");
    assertThat(r.clientIp()).contains(IpAddress.of("192.0.2.1"));
    assertThat(r.envelopeFrom()).contains("myname@example.com");
    assertThat(r.helo()).contains("foo.example.com");
    assertThat(r.receiver()).contains("mybox.example.org");
    assertThat(r.parameters()).hasSize(4);
  }

  @Test
  void microsoftStyleWithCapitalisedResult() {
    ReceivedSpf r = ReceivedSpf.parse("Pass (protection.outlook.com: domain of mail.example.com designates"
        + " 192.0.2.25 as permitted sender) receiver=protection.outlook.com; client-ip=192.0.2.25;"
        + " helo=out.example.com; pr=C").orElseThrow();
    assertThat(r.result()).isEqualTo(SpfResult.PASS);
    assertThat(r.parameter("PR")).contains("C");
    assertThat(ReceivedSpf.parse("None (protection.outlook.com:  does not designate permitted\r\n sender hosts)")
        .orElseThrow().result()).isEqualTo(SpfResult.NONE);
  }

  @Test
  void errorResultsCarryTheProblem() {
    ReceivedSpf r = ReceivedSpf.parse("permerror (example.org: too many DNS lookups) identity=mailfrom;"
        + " problem=\"more than 10 lookups\"; mechanism=\"include:a.example\"").orElseThrow();
    assertThat(r.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(r.problem()).contains("more than 10 lookups");
    assertThat(r.identity()).contains("mailfrom");
    assertThat(r.mechanism()).contains("include:a.example");
  }

  @Test
  void badInputIsReported() {
    ParseResult<ReceivedSpf> unknown = ReceivedSpf.parse("maybe (who knows)");
    assertThat(unknown.isSuccess()).isFalse();
    assertThat(unknown.errors()).extracting(Diagnostic::code).containsExactly(AuthResultsCodes.RECEIVED_SPF_INVALID_RESULT);
    ParseResult<ReceivedSpf> badIp = ReceivedSpf.parse("fail client-ip=300.1.1.1; junk; helo=x");
    assertThat(badIp.value().orElseThrow().clientIp()).isEmpty();
    assertThat(badIp.diagnostics()).extracting(Diagnostic::code).contains(
        AuthResultsCodes.RECEIVED_SPF_INVALID_CLIENT_IP, AuthResultsCodes.RECEIVED_SPF_INVALID_PARAMETER);
    assertThat(badIp.value().get().helo()).contains("x");
    assertThat(ReceivedSpf.parse("").isSuccess()).isFalse();
  }
}
