package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code mail-diag spf --ip IP --sender ADDR | --helo NAME}: one evaluation, against spf.zone. */
class SpfCommandTest {

  static final String ZONE = CliRunner.resource("spf.zone");

  /** A client that no record authorises. */
  static final String STRANGER = "203.0.113.9";

  private static JsonNode spfJson(String... args) {
    List<String> all = new ArrayList<>(List.of("spf"));
    all.addAll(List.of(args));
    all.addAll(List.of("--zone", ZONE, "--json"));
    CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  @ParameterizedTest(name = "{1} from {0} -> {2}")
  @CsvSource({
    "198.51.100.7, u@pass.example.com, pass",
    "203.0.113.9, u@pass.example.com, fail",
    "203.0.113.9, u@fail.example.com, fail",
    "203.0.113.9, u@softfail.example.com, softfail",
    "192.0.2.25, u@softfail.example.com, pass",
    "203.0.113.9, u@neutral.example.com, neutral",
    "203.0.113.9, u@none.example.com, none",
    "203.0.113.9, u@nosuch.example.com, none",
    "203.0.113.9, u@typo.example.com, permerror",
    "203.0.113.9, u@twice.example.com, permerror",
    "203.0.113.9, u@temp.example.com, temperror",
    "2001:db8:100::1, u@pass.example.com, pass",
  })
  void everyResultThroughAZoneFile(String ip, String sender, String expected) {
    JsonNode node = spfJson("--ip", ip, "--sender", sender);

    assertThat(node.path("result").asText()).isEqualTo(expected);
    assertThat(node.path("ip").asText()).isEqualTo(ip);
    assertThat(node.path("sender").asText()).isEqualTo(sender);
    assertThat(node.path("identity").asText()).isEqualTo("mailfrom");
  }

  @Test
  void passThroughAnIncludeNamesTheIncludeAsDecidingTermAndTracesBothRecords() {
    JsonNode node = spfJson("--ip", "198.51.100.7", "--sender", "alice@pass.example.com", "--helo", "mail.example.com");

    assertThat(node.path("result").asText()).isEqualTo("pass");
    assertThat(node.path("explanation").isNull()).isTrue();
    assertThat(node.path("domain").asText()).isEqualTo("pass.example.com");
    assertThat(node.path("helo").asText()).isEqualTo("mail.example.com");
    assertThat(node.path("decidingTerm").path("domain").asText()).isEqualTo("pass.example.com");
    assertThat(node.path("decidingTerm").path("term").asText()).isEqualTo("include:_spf.provider.example.net");
    assertThat(node.path("problems").isArray()).isTrue();
    assertThat(node.path("problems").size()).isZero();
    assertThat(node.path("lookups").path("dns").asInt()).isEqualTo(1);
    assertThat(node.path("lookups").path("void").asInt()).isZero();
    assertThat(node.path("lookups").path("queries").asInt()).isEqualTo(2).isEqualTo(node.path("queries").size());

    JsonNode trace = node.path("trace");
    assertThat(texts(trace, "kind")).startsWith("check", "record").contains("term", "result");
    JsonNode nested = null;
    for (JsonNode step : trace) {
      assertThat(step.has("depth") && step.has("kind") && step.has("domain") && step.has("subject")
          && step.has("outcome")).as("step %s", step).isTrue();
      if (step.path("depth").asInt() == 1 && step.path("kind").asText().equals("check")) {
        nested = step;
      }
    }
    assertThat(nested).as("the include is traced one level deeper").isNotNull();
    assertThat(nested.path("domain").asText()).isEqualTo("_spf.provider.example.net");

    assertThat(texts(node.path("queries"), "name")).containsExactly("pass.example.com", "_spf.provider.example.net");
    assertThat(texts(node.path("queries"), "type")).containsOnly("TXT");
    assertThat(texts(node.path("queries"), "outcome")).containsOnly("ANSWER");
  }

  @Test
  void failCarriesTheExpandedExplanation() {
    JsonNode node = spfJson("--ip", STRANGER, "--sender", "bob@fail.example.com");

    assertThat(node.path("result").asText()).isEqualTo("fail");
    assertThat(node.path("explanation").asText())
        .isEqualTo("203.0.113.9 may not send mail for fail.example.com; see https://fail.example.com/spf");
    assertThat(node.path("decidingTerm").path("term").asText()).isEqualTo("-all");
    assertThat(node.path("helo").isNull()).as("no --helo: null").isTrue();
    assertThat(texts(node.path("trace"), "kind")).contains("explanation");
  }

  @Test
  void permerrorReportsTheProblemWithCodeSeverityReferenceAndEvidence() {
    JsonNode node = spfJson("--ip", STRANGER, "--sender", "u@typo.example.com");

    assertThat(node.path("result").asText()).isEqualTo("permerror");
    assertThat(node.path("decidingTerm").isNull()).isTrue();
    assertThat(node.path("explanation").isNull()).isTrue();
    JsonNode problem = node.path("problems").get(0);
    assertThat(problem.path("code").asText()).isEqualTo("SPF_UNKNOWN_MECHANISM");
    assertThat(problem.path("severity").asText()).isEqualTo("error");
    assertThat(problem.path("message").asText()).contains("inclde");
    assertThat(problem.path("reference").asText()).startsWith("RFC 7208");
    assertThat(problem.path("evidence").asText()).contains("inclde:_spf.provider.example.net");
  }

  @Test
  void multipleRecordsAndDnsErrorsAreProblemsToo() {
    JsonNode twice = spfJson("--ip", STRANGER, "--sender", "u@twice.example.com");
    JsonNode temp = spfJson("--ip", STRANGER, "--sender", "u@temp.example.com");

    assertThat(texts(twice.path("problems"), "code")).containsExactly("SPF_MULTIPLE_RECORDS");
    assertThat(texts(temp.path("problems"), "code")).containsExactly("SPF_DNS_ERROR");
    assertThat(texts(temp.path("queries"), "outcome")).contains("SERVFAIL");
    assertThat(temp.path("problems").get(0).has("evidence")).as("absent parts are left out").isFalse();
  }

  @Test
  void heloAloneChecksTheHeloIdentity() {
    JsonNode pass = spfJson("--ip", "192.0.2.25", "--helo", "mail.example.com");
    JsonNode fail = spfJson("--ip", STRANGER, "--helo", "mail.example.com");
    JsonNode v6 = spfJson("--ip", "2001:db8::25", "--helo", "mail.example.com");

    assertThat(pass.path("identity").asText()).isEqualTo("helo");
    assertThat(pass.path("sender").isNull()).isTrue();
    assertThat(pass.path("domain").asText()).isEqualTo("mail.example.com");
    assertThat(pass.path("result").asText()).isEqualTo("pass");
    assertThat(pass.path("decidingTerm").path("term").asText()).isEqualTo("a");
    assertThat(fail.path("result").asText()).isEqualTo("fail");
    assertThat(v6.path("result").asText()).isEqualTo("pass");
    assertThat(texts(v6.path("queries"), "type")).contains("AAAA");
  }

  @Test
  void emptySenderIsTheNullReversePathCheckedAsPostmasterAtHelo() {
    JsonNode empty = spfJson("--ip", "192.0.2.25", "--sender", "", "--helo", "mail.example.com");
    JsonNode brackets = spfJson("--ip", STRANGER, "--sender", "<>", "--helo", "mail.example.com");

    assertThat(empty.path("identity").asText()).isEqualTo("mailfrom");
    assertThat(empty.path("sender").asText()).isEmpty();
    assertThat(empty.path("domain").asText()).isEqualTo("mail.example.com");
    assertThat(empty.path("result").asText()).isEqualTo("pass");
    assertThat(brackets.path("sender").asText()).isEmpty();
    assertThat(brackets.path("result").asText()).isEqualTo("fail");
  }

  @Test
  void emptySenderWithoutHeloWarnsAndIsNone() {
    CliRunner.Result r = CliRunner.run("spf", "--ip", STRANGER, "--sender=", "--zone", ZONE, "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).startsWith("mail-diag: warning: ").contains("null reverse-path");
    assertThat(r.json().path("result").asText()).isEqualTo("none");
  }

  @Test
  void angleBracketsAroundTheSenderAreDropped() {
    JsonNode node = spfJson("--ip", STRANGER, "--sender", "<u@softfail.example.com>");

    assertThat(node.path("sender").asText()).isEqualTo("u@softfail.example.com");
    assertThat(node.path("result").asText()).isEqualTo("softfail");
  }

  @Test
  void textOutputShowsResultFirstThenExplanationDecidingTermTraceAndQuestions() {
    CliRunner.Result r = CliRunner.run("spf", "--ip", STRANGER, "--sender", "bob@fail.example.com",
        "--helo", "mx.example.org", "--zone", ZONE);

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("result       FAIL: 203.0.113.9 is not authorised to send mail for fail.example.com");
    assertThat(r.out())
        .contains("identity     MAIL FROM <bob@fail.example.com> (HELO mx.example.org)")
        .contains("deciding     '-all' in the record of fail.example.com")
        .contains("explanation  \"203.0.113.9 may not send mail for fail.example.com; see https://fail.example.com/spf\"")
        .contains("resolver     zone file " + ZONE)
        .contains("\ntrace\n  check_host(fail.example.com)\n")
        .contains("    record \"v=spf1 ip4:192.0.2.0/24 -all exp=why.fail.example.com\"")
        .contains("    ip4:192.0.2.0/24 -> no match")
        .contains("    -all -> match: fail")
        .contains("dns questions")
        .contains("  why.fail.example.com TXT -> ANSWER");
  }

  @Test
  void textOutputIndentsIncludesAndListsProblems() {
    CliRunner.Result pass = CliRunner.run("spf", "--ip", "198.51.100.7", "--sender", "u@pass.example.com", "--zone", ZONE);
    CliRunner.Result typo = CliRunner.run("spf", "--ip", STRANGER, "--sender", "u@typo.example.com", "--zone", ZONE);

    assertThat(pass.out())
        .startsWith("result       PASS: ")
        .contains("\n    check_host(_spf.provider.example.net)\n")
        .contains("\n      ip4:198.51.100.0/24 -> match: pass\n")
        .contains("deciding     'include:_spf.provider.example.net' in the record of pass.example.com")
        .doesNotContain("problems");
    assertThat(typo.out())
        .startsWith("result       PERMERROR: ")
        .contains("deciding     (none: the evaluation stopped at an error)")
        .contains("\nproblems\n  error SPF_UNKNOWN_MECHANISM: unknown mechanism 'inclde'");
  }

  @Test
  void helpExplainsWhichIdentityIsChecked() {
    CliRunner.Result r = CliRunner.run("spf", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--ip=IP").contains("--sender=ADDR").contains("--helo=NAME")
        .contains("--batch=FILE").contains("--zone=FILE").contains("--server=HOST[:PORT]").contains("--json")
        .contains("null").contains("HELO check").contains("IP<TAB>SENDER[<TAB>HELO]").contains("'#'");
  }

  @Test
  void topLevelHelpListsSpf() {
    assertThat(CliRunner.run("--help").out()).contains("spf");
  }

  // Exit codes

  @Test
  void badIpIsBadInputOnOneLine() {
    CliRunner.Result r = CliRunner.run("spf", "--ip", "192.0.2.300", "--sender", "u@pass.example.com", "--zone", ZONE)
        .assertOneLineError();

    assertThat(r.err()).contains("invalid IP address '192.0.2.300'");
  }

  @Test
  void missingIpIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf", "--sender", "u@pass.example.com", "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("--ip").contains("DOMAIN");
  }

  @Test
  void missingSenderAndHeloIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf", "--ip", STRANGER, "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("--sender").contains("--helo");
  }

  @Test
  void zoneWithServerIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf", "--ip", STRANGER, "--sender", "u@pass.example.com",
        "--zone", ZONE, "--server", "192.0.2.53").assertUsageError();

    assertThat(r.err()).contains("--zone").contains("--server");
  }

  @Test
  void batchWithSingleCheckOptionsIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf", "--batch", "-", "--ip", STRANGER, "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("--batch");
  }

  @Test
  void positionalDomainWithAnEvaluationIsUsageError() {
    CliRunner.Result r = CliRunner.run("spf", "pass.example.com", "--ip", STRANGER, "--sender", "u@pass.example.com",
        "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("DOMAIN").contains("--ip").contains("--sender");
  }

  @Test
  void positionalDomainAloneIsAnAuditNotAnEvaluation() {
    CliRunner.Result r = CliRunner.run("spf", "pass.example.com", "--zone", ZONE, "--json");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.json().path("worstCaseLookups").asInt()).isEqualTo(1);
    assertThat(r.json().has("result")).isFalse();
  }

  @Test
  void malformedZoneIsBadInput(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.zone");
    Files.writeString(bad, "example.com. IN A not-an-address\n", StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("spf", "--ip", STRANGER, "--sender", "u@example.com", "--zone", bad.toString())
        .assertOneLineError();

    assertThat(r.err()).contains("bad.zone:1:");
  }

  @Test
  void badServerIsBadInput() {
    CliRunner.run("spf", "--ip", STRANGER, "--sender", "u@example.com", "--server", "not a server")
        .assertOneLineError();
  }

  @Test
  void reversePathDropsBracketsAndSpaces() {
    assertThat(SpfCommand.reversePath("<a@b.example>")).isEqualTo("a@b.example");
    assertThat(SpfCommand.reversePath(" <> ")).isEmpty();
    assertThat(SpfCommand.reversePath("a@b.example")).isEqualTo("a@b.example");
    assertThat(SpfCommand.reversePath("<")).isEqualTo("<");
  }
}
