package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mail-diag dmarc} (audit and verdict) and {@code mail-diag dmarc-report}, in-process. */
class DmarcCommandTest {

  static final String ZONE = CliRunner.resource("dmarc.zone");
  static final String PSL = CliRunner.resource("dmarc.psl");

  private static CliRunner.Result ok(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  private static List<String> codes(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.path("findings").forEach(f -> out.add(f.path("code").asText()));
    return out;
  }

  @Test
  void auditJsonHasTheDocumentedFields() {
    JsonNode json = ok("dmarc", "example.com", "--zone", ZONE, "--json").json();
    assertThat(json.path("domain").asText()).isEqualTo("example.com");
    assertThat(json.path("mode").asText()).isEqualTo("tree-walk");
    assertThat(json.path("record").asText()).startsWith("v=DMARC1; p=quarantine");
    assertThat(json.path("recordDomain").asText()).isEqualTo("example.com");
    assertThat(json.path("organizationalDomain").asText()).isEqualTo("example.com");
    assertThat(json.path("organizationalDomainSource").asText()).isEqualTo("fewest-labels");
    assertThat(json.path("policy").path("p").asText()).isEqualTo("quarantine");
    assertThat(json.path("modesCompared").isBoolean()).isTrue();
    assertThat(json.path("dnsQuestions").isInt()).isTrue();
    assertThat(json.path("findings").isArray()).isTrue();
    for (JsonNode f : json.path("findings")) {
      assertThat(f.path("code").isTextual()).isTrue();
      assertThat(f.path("severity").asText()).isIn("error", "warning", "info");
      assertThat(f.path("message").isTextual()).isTrue();
    }
    assertThat(codes(json)).contains("DMARC_SUBDOMAIN_POLICY_WEAKER", "DMARC_REMOVED_TAG",
        "DMARC_EXTERNAL_REPORT_UNAUTHORIZED", "DMARC_DKIM_UNVERIFIABLE");
    assertThat(codes(json)).doesNotContain("DMARC_NO_RECORD", "DMARC_SPF_ALIGNMENT_IMPOSSIBLE");
  }

  @Test
  void auditOfASubdomainInheritingSpNone() {
    JsonNode json = ok("dmarc", "shop.example.com", "--zone", ZONE, "--json").json();
    assertThat(json.path("recordDomain").asText()).isEqualTo("example.com");
    assertThat(json.path("organizationalDomain").asText()).isEqualTo("example.com");
    assertThat(codes(json)).contains("DMARC_INHERITS_WEAK_POLICY", "DMARC_SPF_ALIGNMENT_IMPOSSIBLE");
  }

  @Test
  void auditWithoutRecord() {
    JsonNode json = ok("dmarc", "reports.example.net", "--zone", ZONE, "--json").json();
    assertThat(json.path("record").isNull()).isTrue();
    assertThat(json.path("recordDomain").isNull()).isTrue();
    assertThat(json.path("policy").isNull()).isTrue();
    assertThat(json.path("organizationalDomainSource").asText()).isEqualTo("no-record");
    assertThat(codes(json)).contains("DMARC_NO_RECORD");
  }

  @Test
  void auditWithPslComparesModes() {
    JsonNode json = ok("dmarc", "shop.example.com", "--zone", ZONE, "--psl", PSL, "--mode", "psl", "--json").json();
    assertThat(json.path("mode").asText()).isEqualTo("psl");
    assertThat(json.path("organizationalDomainSource").asText()).isEqualTo("public-suffix-list");
    assertThat(json.path("modesCompared").asBoolean()).isTrue();
    assertThat(json.path("modesDisagree").isBoolean()).isTrue();
  }

  @Test
  void auditText() {
    CliRunner.Result r = ok("dmarc", "example.com", "--zone", ZONE, "--selector", "s1");
    assertThat(r.out()).contains("record         \"v=DMARC1; p=quarantine")
        .contains("organizational example.com (fewest-labels, tree-walk)")
        .contains("DMARC_EXTERNAL_REPORT_UNAUTHORIZED: ")
        .contains("DMARC_DKIM_KEY_MISSING: ")
        .contains("fix:");
  }

  @Test
  void verdictJsonHasTheDocumentedFieldsAndTypes() {
    JsonNode json = ok("dmarc", "example.com", "--zone", ZONE, "--spf", "pass:bounce.example.net",
        "--dkim", "fail:example.com", "--dkim", "pass:example.net", "--json").json();
    assertThat(json.path("result").asText()).isEqualTo("fail");
    assertThat(json.path("policy").asText()).isEqualTo("quarantine");
    assertThat(json.path("policySource").asText()).isEqualTo("p");
    assertThat(json.path("disposition").asText()).isEqualTo("quarantine");
    assertThat(json.path("organizationalDomain").asText()).isEqualTo("example.com");
    assertThat(json.path("spfAligned").isBoolean()).isTrue();
    assertThat(json.path("dkimAligned").isBoolean()).isTrue();
    assertThat(json.path("spfAligned").asBoolean()).isFalse();
    assertThat(json.path("reasons").isArray()).isTrue();
    assertThat(json.path("alignments").size()).isEqualTo(3);
  }

  @Test
  void verdictPassesThroughRelaxedAlignmentAndSubdomainUsesSp() {
    JsonNode pass = ok("dmarc", "example.com", "--zone", ZONE, "--spf", "pass:bounce.example.com", "--json").json();
    assertThat(pass.path("result").asText()).isEqualTo("pass");
    assertThat(pass.path("spfAligned").asBoolean()).isTrue();
    assertThat(pass.path("dkimAligned").asBoolean()).isFalse();
    assertThat(pass.path("disposition").asText()).isEqualTo("none");

    JsonNode sub = ok("dmarc", "shop.example.com", "--zone", ZONE, "--dkim", "fail:shop.example.com", "--json").json();
    assertThat(sub.path("result").asText()).isEqualTo("fail");
    assertThat(sub.path("policy").asText()).isEqualTo("none");
    assertThat(sub.path("policySource").asText()).isEqualTo("sp");
  }

  @Test
  void verdictWithoutRecordHasNullPolicy() {
    JsonNode json = ok("dmarc", "reports.example.net", "--zone", ZONE, "--verdict", "--json").json();
    assertThat(json.path("result").asText()).isEqualTo("none");
    assertThat(json.path("policy").isNull()).isTrue();
    assertThat(json.path("policySource").isNull()).isTrue();
    assertThat(json.path("spfAligned").asBoolean()).isFalse();
  }

  @Test
  void verdictText() {
    CliRunner.Result r = ok("dmarc", "example.com", "--zone", ZONE, "--dkim", "pass:example.com");
    assertThat(r.out()).contains("dmarc=pass policy=quarantine (p) disposition=none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pass", "pass:", ":example.com", "maybe:example.com", "pass:exa mple..com"})
  void malformedSpfIsAUsageError(String value) {
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--spf", value).assertUsageError();
  }

  @ParameterizedTest
  @ValueSource(strings = {"softfail:example.com", "example.com", "pass:-bad..name"})
  void malformedDkimIsAUsageError(String value) {
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--dkim", value).assertUsageError();
  }

  @Test
  void otherErrors() {
    CliRunner.run("dmarc", "user@example.com", "--zone", ZONE).assertOneLineError();
    assertThat(CliRunner.run("dmarc", "192.0.2.1", "--zone", ZONE).assertOneLineError().err())
        .contains("DMARC policies are published at domain names").doesNotContain("--ip");
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--psl", "/nonexistent/psl.dat").assertOneLineError();
    assertThat(CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--psl", "/dev/zero").assertOneLineError().err())
        .contains("not a public suffix list: larger than 32 MiB");
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--mode", "psl").assertUsageError();
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--mode", "guess").assertUsageError();
    CliRunner.run("dmarc", "example.com", "--zone", ZONE, "--spf", "pass:example.com", "--selector", "s")
        .assertUsageError();
    CliRunner.run("dmarc").assertUsageError();
  }

  @Test
  void reportSummaryJson() {
    JsonNode json = ok("dmarc-report", CliRunner.resource("dmarc-report-1.xml"),
        CliRunner.resource("dmarc-report-2.xml"), CliRunner.resource("dmarc-report-bad.xml"), "--json").json();
    assertThat(json.path("reports").asInt()).isEqualTo(2);
    assertThat(json.path("messages").asLong()).isEqualTo(12);
    assertThat(json.path("passed").asLong()).isEqualTo(8);
    assertThat(json.path("unauthenticated").asLong()).isEqualTo(4);
    assertThat(json.path("passRate").isNumber()).isTrue();
    assertThat(json.path("sources").get(0).path("sourceIp").asText()).isEqualTo("192.0.2.10");
    assertThat(json.path("reporters").size()).isEqualTo(2);
    assertThat(json.path("files").size()).isEqualTo(3);
    assertThat(json.path("files").get(2).path("parsed").asBoolean()).isFalse();
    assertThat(json.path("files").get(2).path("error").asText()).isNotBlank();
  }

  @Test
  void anEmptyFeedbackElementIsNotCountedAsAReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("empty.xml"), "<feedback/>");
    JsonNode json = ok("dmarc-report", CliRunner.resource("dmarc-report-1.xml"), empty.toString(), "--json").json();
    assertThat(json.path("reports").asInt()).isEqualTo(1);
    assertThat(json.path("reporters").size()).isEqualTo(1);
    assertThat(json.path("files").get(1).path("parsed").asBoolean()).isFalse();
    assertThat(json.path("files").get(1).path("error").asText()).contains("holds no report");
  }

  @Test
  void reportSummaryTextAndErrors() {
    CliRunner.Result r = ok("dmarc-report", CliRunner.resource("dmarc-report-1.xml"));
    assertThat(r.out()).contains("reports        1").contains("192.0.2.10: 5 messages").contains("receiver.example");
    CliRunner.run("dmarc-report", "/nonexistent/report.xml").assertOneLineError();
    CliRunner.run("dmarc-report").assertUsageError();
  }
}
