package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mail-diag spf DOMAIN [--record STRING]...}: the audit of an SPF policy, against spf-audit.zone. */
class SpfAuditCommandTest {

  static final String ZONE = CliRunner.resource("spf-audit.zone");

  static final String HEAVY_RECORD = "v=spf1 a mx include:one.example.net include:two.example.net"
      + " include:three.example.net include:gone.example.net ?all";

  private static CliRunner.Result audit(String... args) {
    List<String> all = new ArrayList<>(List.of("spf"));
    all.addAll(List.of(args));
    all.addAll(List.of("--zone", ZONE));
    CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  private static JsonNode auditJson(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    return audit(all.toArray(String[]::new)).json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static JsonNode finding(JsonNode audit, String code) {
    for (JsonNode f : audit.path("findings")) {
      if (f.path("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + code + " in " + audit.path("findings"));
  }

  /** Checks, at every node, the keys of the documented shape and that totals add up. */
  private static int checkNode(JsonNode node) {
    for (String key : List.of("name", "domain", "reach", "term", "record", "status", "detail", "ownLookups",
        "totalLookups", "children")) {
      assertThat(node.has(key)).as("node %s has %s", node.path("term"), key).isTrue();
    }
    int total = node.path("ownLookups").asInt();
    for (JsonNode child : node.path("children")) {
      total += checkNode(child);
    }
    assertThat(node.path("totalLookups").asInt()).as("total of %s", node.path("term")).isEqualTo(total);
    return total;
  }

  // The published record

  @Test
  void tooManyLookupsIsAnErrorFindingAndTheAuditStillExitsZero() {
    JsonNode a = auditJson("heavy.example.com");

    assertThat(a.path("domain").asText()).isEqualTo("heavy.example.com");
    assertThat(a.path("source").asText()).isEqualTo("published");
    assertThat(a.path("record").asText()).isEqualTo(HEAVY_RECORD);
    assertThat(a.path("worstCaseLookups").asInt()).isEqualTo(12);
    assertThat(a.path("voidLookups").asInt()).isEqualTo(1);
    assertThat(a.path("limits").path("dnsLookups").asInt()).isEqualTo(10);
    assertThat(a.path("limits").path("voidLookups").asInt()).isEqualTo(2);
    assertThat(a.path("treeComplete").asBoolean()).isTrue();
    assertThat(a.path("dnsQuestions").asInt()).isPositive();

    JsonNode tooMany = finding(a, "SPF_TOO_MANY_LOOKUPS");
    assertThat(tooMany.path("severity").asText()).isEqualTo("error");
    assertThat(tooMany.path("message").asText()).contains("12 DNS-querying terms");
    assertThat(tooMany.path("reference").asText()).isEqualTo("RFC 7208 section 4.6.4");
    assertThat(tooMany.path("evidence").asText()).isEqualTo(HEAVY_RECORD);
    assertThat(tooMany.path("remediation").asText()).isNotBlank();
    assertThat(texts(a.path("findings"), "code"))
        .contains("SPF_TARGET_WITHOUT_RECORD", "SPF_NEUTRAL_ALL", "SPF_PTR_DEPRECATED", "SPF_VOID_LOOKUP");
    assertThat(texts(a.path("findings"), "severity")).as("errors first, lower case")
        .startsWith("error", "error").containsOnly("error", "warning");
  }

  @Test
  void findingsAboutATermOfTheRecordCarryLineAndColumn() {
    JsonNode a = auditJson("heavy.example.com");

    JsonNode neutral = finding(a, "SPF_NEUTRAL_ALL");
    assertThat(neutral.path("severity").asText()).isEqualTo("warning");
    assertThat(neutral.path("evidence").asText()).isEqualTo("?all");
    assertThat(neutral.path("line").asInt()).isEqualTo(1);
    assertThat(neutral.path("column").asInt()).isEqualTo(HEAVY_RECORD.indexOf("?all") + 1);
    assertThat(finding(a, "SPF_PTR_DEPRECATED").has("line"))
        .as("a finding about an included record has no position in the audited one").isFalse();
  }

  @Test
  void jsonTreeIsNestedWithLookupCountsAndStatuses() {
    JsonNode tree = auditJson("heavy.example.com").path("tree");

    assertThat(checkNode(tree)).isEqualTo(12);
    assertThat(tree.path("reach").asText()).isEqualTo("root");
    assertThat(tree.path("domain").asText()).isEqualTo("heavy.example.com");
    assertThat(tree.path("record").asText()).isEqualTo(HEAVY_RECORD);
    assertThat(tree.path("status").asText()).isEqualTo("OK");
    assertThat(tree.path("detail").isNull()).isTrue();
    assertThat(tree.path("ownLookups").asInt()).isEqualTo(6);
    JsonNode children = tree.path("children");
    assertThat(texts(children, "term")).containsExactly("include:one.example.net", "include:two.example.net",
        "include:three.example.net", "include:gone.example.net");
    assertThat(texts(children, "reach")).containsOnly("include");
    assertThat(texts(children, "totalLookups")).containsExactly("3", "2", "1", "0");

    JsonNode two = children.get(1);
    assertThat(two.path("children").size()).isEqualTo(1);
    JsonNode inner = two.path("children").get(0);
    assertThat(inner.path("domain").asText()).isEqualTo("inner.example.net");
    assertThat(inner.path("record").asText()).isEqualTo("v=spf1 ip4:203.0.113.0/28 -all");
    assertThat(inner.path("children").size()).isZero();

    JsonNode gone = children.get(3);
    assertThat(gone.path("status").asText()).isEqualTo("NO_RECORD");
    assertThat(gone.path("record").isNull()).isTrue();
    assertThat(gone.path("detail").asText()).contains("NXDOMAIN");
  }

  @Test
  void flatteningIsPartialWithReasonsAndASuggestionWhenOverTheLimit() {
    JsonNode a = auditJson("heavy.example.com");

    JsonNode f = a.path("flattening");
    assertThat(f.path("complete").asBoolean()).isFalse();
    List<String> networks = new ArrayList<>();
    f.path("networks").forEach(n -> networks.add(n.asText()));
    assertThat(networks).containsExactly("192.0.2.25/32", "192.0.2.40/32", "198.51.100.1/32", "198.51.100.2/31",
        "203.0.113.0/28");
    List<String> reasons = new ArrayList<>();
    f.path("reasons").forEach(n -> reasons.add(n.asText()));
    assertThat(reasons).hasSize(2).anyMatch(r -> r.contains("ptr")).anyMatch(r -> r.contains("gone.example.net"));
    assertThat(a.path("flatteningSuggestion").asText())
        .contains("heavy.example.com. IN TXT \"v=spf1 ip4:192.0.2.25 ")
        .contains("instead of 12");
  }

  @Test
  void soundPolicyHasNoFindingsACompleteFlatteningAndNoSuggestion() {
    JsonNode a = auditJson("good.example.com");

    assertThat(a.path("findings").isArray()).isTrue();
    assertThat(a.path("findings").size()).isZero();
    assertThat(a.path("record").asText())
        .as("the two character-strings joined").isEqualTo("v=spf1 ip4:192.0.2.0/25 include:_spf.provider.example.net -all");
    assertThat(a.path("worstCaseLookups").asInt()).isEqualTo(1);
    assertThat(a.path("flattening").path("complete").asBoolean()).isTrue();
    assertThat(a.path("flattening").path("reasons").size()).isZero();
    assertThat(a.path("flattening").path("networks").toString())
        .isEqualTo("[\"192.0.2.0/25\",\"198.51.100.0/24\",\"2001:db8:100::/48\"]");
    assertThat(a.has("flatteningSuggestion")).isTrue();
    assertThat(a.path("flatteningSuggestion").isNull()).isTrue();
  }

  @Test
  void noRecordIsAnErrorFindingWithNullRecordAndFlattening() {
    JsonNode a = auditJson("none.example.com");

    assertThat(texts(a.path("findings"), "code")).containsExactly("SPF_NO_RECORD");
    assertThat(finding(a, "SPF_NO_RECORD").path("severity").asText()).isEqualTo("error");
    assertThat(a.has("record")).isTrue();
    assertThat(a.path("record").isNull()).isTrue();
    assertThat(a.path("flattening").isNull()).isTrue();
    assertThat(a.path("flatteningSuggestion").isNull()).isTrue();
    assertThat(a.path("worstCaseLookups").asInt()).isZero();
    assertThat(a.path("tree").path("status").asText()).isEqualTo("NO_RECORD");
    assertThat(a.path("tree").path("children").size()).isZero();
  }

  @Test
  void aNameThatDoesNotExistIsAFindingToo() {
    JsonNode a = auditJson("nosuch.example.com");

    assertThat(finding(a, "SPF_NO_RECORD").path("message").asText()).contains("NXDOMAIN");
  }

  @Test
  void multipleRecordsAreAnErrorFindingWithBothRecordsAsEvidence() {
    JsonNode a = auditJson("twice.example.com");
    CliRunner.Result text = audit("twice.example.com");

    JsonNode twice = finding(a, "SPF_MULTIPLE_RECORDS");
    assertThat(twice.path("severity").asText()).isEqualTo("error");
    assertThat(twice.path("evidence").asText()).contains("\"v=spf1 -all\"").contains("\"v=spf1 ip4:192.0.2.0/24 -all\"");
    assertThat(a.path("record").isNull()).isTrue();
    assertThat(a.path("tree").path("status").asText()).isEqualTo("MULTIPLE_RECORDS");
    assertThat(text.out())
        .contains("record       (none: twice.example.com publishes 2 SPF records)")
        .contains("      evidence:\n        \"v=spf1 -all\"\n        \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
  }

  @Test
  void syntaxErrorPointsAtLineAndColumnOfTheRecord() {
    JsonNode a = auditJson("typo.example.com");
    CliRunner.Result text = audit("typo.example.com");

    JsonNode typo = finding(a, "SPF_UNKNOWN_MECHANISM");
    assertThat(typo.path("severity").asText()).isEqualTo("error");
    assertThat(typo.path("message").asText()).contains("inclde");
    assertThat(typo.path("line").asInt()).isEqualTo(1);
    assertThat(typo.path("column").asInt()).isEqualTo(25);
    assertThat(a.path("record").asText()).isEqualTo("v=spf1 ip4:192.0.2.0/24 inclde:_spf.provider.example.net -all");
    assertThat(a.path("flattening").isNull()).as("the record did not parse").isTrue();
    assertThat(a.path("tree").path("status").asText()).isEqualTo("SYNTAX_ERROR");
    assertThat(text.out()).contains("\nerrors (1)\n  SPF_UNKNOWN_MECHANISM: unknown mechanism 'inclde' (at 1:25)\n");
  }

  @Test
  void textOutputShowsRecordSummaryFindingsBySeverityTreeNetworksAndSuggestion() {
    CliRunner.Result r = audit("heavy.example.com");

    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("domain       heavy.example.com");
    assertThat(r.out())
        .contains("source       published TXT records")
        .contains("resolver     zone file " + ZONE)
        .contains("record       \"" + HEAVY_RECORD + "\"")
        .contains("summary      worst case 12 of 10 DNS-querying terms (over the limit), 1 of 2 void lookups;"
            + " 2 errors, 3 warnings, 0 infos\n")
        .contains("\nerrors (2)\n  SPF_TARGET_WITHOUT_RECORD: include:gone.example.net: ")
        .contains("\n  SPF_TOO_MANY_LOOKUPS: the policy needs up to 12 DNS-querying terms")
        .contains("      evidence:  \"include:gone.example.net\"\n")
        .contains("      fix:       Remove the term, or correct the name")
        .contains("      reference: RFC 7208 section 4.6.4\n")
        .contains("\nwarnings (3)\n")
        .contains("  SPF_NEUTRAL_ALL: '?all' gives unlisted hosts neutral")
        .contains("(at 1:" + (HEAVY_RECORD.indexOf("?all") + 1) + ")")
        .doesNotContain("infos (")
        .contains("\ninclude tree\n  heavy.example.com  (lookups: 12 total, 6 own)  \"" + HEAVY_RECORD + "\"\n")
        .contains("  ├─ include:two.example.net  (lookups: 2)  \"v=spf1 include:inner.example.net a:h1.example.net -all\"\n"
            + "  │  └─ include:inner.example.net  (lookups: 0)  \"v=spf1 ip4:203.0.113.0/28 -all\"\n")
        .contains("  └─ include:gone.example.net  (lookups: 0)  [NO_RECORD: gone.example.net does not exist (NXDOMAIN)]\n")
        .contains("\nflattened networks (partial, 5 networks)\n  192.0.2.25/32\n")
        .contains("  partial because:\n  - ")
        .contains("\nflattening suggestion\n  Flattened SPF policy for heavy.example.com: 5 networks,");
    List<String> headings = List.of("errors (2)", "warnings (3)", "include tree", "flattened networks (partial, 5 networks)",
        "flattening suggestion");
    assertThat(lines).containsSubsequence(headings);
    for (String heading : headings) {
      assertThat(lines).as("heading %s once", heading).containsOnlyOnce(heading);
    }
  }

  @Test
  void textOutputOfASoundPolicyHasNoFindingHeadingsAndNoSuggestion() {
    CliRunner.Result r = audit("good.example.com");

    assertThat(r.out())
        .contains("summary      worst case 1 of 10 DNS-querying terms, 0 of 2 void lookups; 0 errors, 0 warnings, 0 infos")
        .contains("\nflattened networks (complete, 3 networks)\n  192.0.2.0/25\n  198.51.100.0/24\n  2001:db8:100::/48\n")
        .doesNotContain("errors (")
        .doesNotContain("warnings (")
        .doesNotContain("partial because")
        .doesNotContain("flattening suggestion");
  }

  @Test
  void textOutputOfNoRecordSaysWhy() {
    CliRunner.Result r = audit("none.example.com");

    assertThat(r.out())
        .contains("record       (none: none.example.com has no TXT record starting with 'v=spf1')")
        .contains("\nerrors (1)\n  SPF_NO_RECORD: no SPF record: ")
        .contains("      evidence:  \"google-site-verification=abc\"\n")
        .doesNotContain("flattened networks");
  }

  // --record: what-if

  @Test
  void recordAuditsAProposalInsteadOfThePublishedRecord() {
    JsonNode a = auditJson("heavy.example.com", "--record", "v=spf1 ip4:192.0.2.0/24 ", "--record", "-all");

    assertThat(a.path("source").asText()).isEqualTo("proposed");
    assertThat(a.path("record").asText()).as("the strings joined without spaces").isEqualTo("v=spf1 ip4:192.0.2.0/24 -all");
    assertThat(a.path("worstCaseLookups").asInt()).isZero();
    assertThat(a.path("findings").size()).isZero();
    assertThat(a.path("tree").path("children").size()).isZero();
  }

  @Test
  void proposedIncludesAreResolvedThroughTheChosenResolver() {
    JsonNode a = auditJson("good.example.com", "--record", "v=spf1 include:one.example.net include:three.example.net -all");

    assertThat(a.path("worstCaseLookups").asInt()).isEqualTo(2 + 3 + 1);
    JsonNode children = a.path("tree").path("children");
    assertThat(children.get(0).path("record").asText()).isEqualTo("v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net -all");
    assertThat(texts(a.path("findings"), "code")).containsExactly("SPF_PTR_DEPRECATED");
  }

  @Test
  void proposalForADomainWithoutRecordIsNotANoRecordFinding() {
    JsonNode a = auditJson("none.example.com", "--record", "v=spf1 mx");

    assertThat(texts(a.path("findings"), "code")).doesNotContain("SPF_NO_RECORD").contains("SPF_NO_ALL");
    assertThat(a.path("record").asText()).isEqualTo("v=spf1 mx");
  }

  @Test
  void proposalWithASyntaxErrorPointsIntoTheJoinedStrings() {
    JsonNode a = auditJson("good.example.com", "--record", "v=spf1 ip4:192.0.2.0/24 ", "--record", "inclde:x.example -all");

    JsonNode typo = finding(a, "SPF_UNKNOWN_MECHANISM");
    assertThat(typo.path("line").asInt()).isEqualTo(1);
    assertThat(typo.path("column").asInt()).isEqualTo("v=spf1 ip4:192.0.2.0/24 ".length() + 1);
  }

  @Test
  void proposedStringOver255OctetsIsAFinding() {
    String longString = "v=spf1 " + "ip4:192.0.2.1 ".repeat(20) + "-all";

    JsonNode a = auditJson("good.example.com", "--record", longString);

    assertThat(longString.length()).isGreaterThan(255);
    assertThat(finding(a, "SPF_STRING_TOO_LONG").path("severity").asText()).isEqualTo("error");
  }

  @Test
  void textOutputOfAProposalSaysSo() {
    CliRunner.Result r = audit("heavy.example.com", "--record", "v=spf1 include:_spf.provider.example.net -all");

    assertThat(r.out())
        .contains("source       proposed record (--record), not the published one")
        .contains("record       \"v=spf1 include:_spf.provider.example.net -all\"")
        .contains("worst case 1 of 10");
  }

  // Usage and input errors

  @ParameterizedTest(name = "DOMAIN with {0}")
  @ValueSource(strings = {"--ip=192.0.2.1", "--sender=u@example.com", "--helo=mx.example.com", "--batch=-"})
  void domainWithTheOptionsOfAnotherModeIsUsageError(String option) {
    CliRunner.Result r = CliRunner.run("spf", "heavy.example.com", option, "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("DOMAIN").contains(option.substring(0, option.indexOf('=')));
  }

  @Test
  void domainWithIpAndSenderIsUsageErrorEvenWhenTheDomainIsMalformed() {
    CliRunner.run("spf", "a..b", "--ip", "192.0.2.1", "--sender", "u@example.com", "--zone", ZONE)
        .assertUsageError();
  }

  @Test
  void recordWithoutDomainIsUsageError() {
    CliRunner.Result alone = CliRunner.run("spf", "--record", "v=spf1 -all", "--zone", ZONE).assertUsageError();
    CliRunner.Result withIp = CliRunner.run("spf", "--record", "v=spf1 -all", "--ip", "192.0.2.1",
        "--helo", "mx.example.com", "--zone", ZONE).assertUsageError();

    assertThat(alone.err()).contains("--record needs DOMAIN");
    assertThat(withIp.err()).contains("--record needs DOMAIN");
  }

  @Test
  void twoDomainsIsUsageError() {
    CliRunner.run("spf", "good.example.com", "heavy.example.com", "--zone", ZONE).assertUsageError();
  }

  @ParameterizedTest(name = "domain ''{0}''")
  @ValueSource(strings = {"a..b", "user@example.com", "192.0.2.1", "2001:db8::1", "a b.example", ".", ""})
  void badDomainIsBadInputOnOneLine(String domain) {
    CliRunner.Result r = CliRunner.run("spf", domain, "--zone", ZONE).assertOneLineError();

    assertThat(r.err()).startsWith("mail-diag: error: invalid domain name '" + domain + "'");
  }

  @Test
  void badDomainIsReportedBeforeTheZoneIsRead() {
    CliRunner.Result r = CliRunner.run("spf", "a..b", "--zone", "/nonexistent/x.zone").assertOneLineError();

    assertThat(r.err()).contains("invalid domain name 'a..b' at 1:3");
  }

  @Test
  void unreadableZoneIsBadInput() {
    CliRunner.Result r = CliRunner.run("spf", "good.example.com", "--zone", "/nonexistent/x.zone").assertOneLineError();

    assertThat(r.err()).contains("/nonexistent/x.zone");
  }

  @Test
  void helpShowsTheAuditForm() {
    CliRunner.Result r = CliRunner.run("spf", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("mail-diag spf DOMAIN [--record=STRING]... [--json]")
        .contains("--record=STRING")
        .contains("what-if")
        .contains("mail-diag spf example.com --zone example.zone --json");
    for (String line : r.out().lines().toList()) {
      assertThat(line.length()).as("help line fits 80 columns: %s", line).isLessThanOrEqualTo(80);
    }
  }
}
