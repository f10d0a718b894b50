package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void textDemoRunsOfflineAndShowsTheSdk() {
    CliRunner.Result r = CliRunner.run("demo");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("? tidepool.example.com MX")
        .contains("-> NXDOMAIN: the name does not exist")
        .contains("-> NODATA: the name exists but has no TXT records")
        .contains("string 1/2: \"v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 \"")
        .contains("string 2/2: \"include:_spf.example.net -all\"")
        .contains("cname www.tidepool.example.com -> shop.tidepool.example.com")
        .contains("null MX (RFC 7505)")
        .contains("-> SERVFAIL")
        .contains("-> TIMEOUT")
        .containsPattern("RecordingDnsResolver counted \\d+ DNS questions");
  }

  @Test
  void jsonDemoIsOneObjectWhoseCountsAgree() {
    CliRunner.Result r = CliRunner.run("demo", "--json");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.path("domain").asText()).isEqualTo("tidepool.example.com");

    List<String> ids = new ArrayList<>();
    int sectionQuestions = 0;
    int sectionQueryCount = 0;
    for (JsonNode section : json.path("sections")) {
      ids.add(section.path("id").asText());
      assertThat(section.path("title").asText()).isNotBlank();
      sectionQuestions += section.path("questions").size();
      sectionQueryCount += section.path("queryCount").asInt();
    }
    assertThat(ids).containsExactly("mx", "txt", "negative", "cname", "failures", "spf", "bounces", "headers", "dmarc");

    int queryCount = json.path("queryCount").asInt();
    assertThat(queryCount).isPositive()
        .isEqualTo(json.path("queries").size())
        .isEqualTo(sectionQuestions)
        .isEqualTo(sectionQueryCount);

    Set<String> kinds = new HashSet<>();
    json.path("queries").forEach(q -> kinds.add(q.path("outcome").asText()));
    assertThat(kinds).contains("ANSWER", "NODATA", "NXDOMAIN", "SERVFAIL", "TIMEOUT");
  }

  @Test
  void jsonDemoKeepsTxtStringsApartAndShowsTheChain() {
    JsonNode json = CliRunner.run("demo", "--json").json();
    JsonNode txt = section(json, "txt");
    JsonNode cname = section(json, "cname");

    assertThat(txt.path("spf").path("strings").size()).isEqualTo(2);
    assertThat(txt.path("spf").path("text").asText())
        .isEqualTo(txt.path("spf").path("strings").get(0).asText() + txt.path("spf").path("strings").get(1).asText());
    assertThat(txt.path("dkim").path("strings").size()).isGreaterThan(1);
    assertThat(cname.path("chain").size()).isEqualTo(2);
    assertThat(cname.path("questions").get(0).path("cnameChain").size()).isEqualTo(2);
    assertThat(section(json, "mx").path("nullMx").asBoolean()).isTrue();
    assertThat(section(json, "negative").path("nxdomain").asInt()).isEqualTo(2);
    assertThat(section(json, "negative").path("nodata").asInt()).isEqualTo(2);
  }

  @Test
  void textDemoShowsSpfResultsDecidingTermsAndTraces() {
    CliRunner.Result r = CliRunner.run("demo");

    String spf = r.out().substring(r.out().indexOf("6. SPF"));
    assertThat(spf)
        .contains("? MAIL FROM <newsletter@tidepool.example.com> (HELO mx2.example.net) from 198.51.100.25")
        .contains("-> PASS: 198.51.100.25 is authorised to send mail for tidepool.example.com")
        .contains("decided by 'include:_spf.example.net' in the record of tidepool.example.com")
        .contains("check_host(_spf.example.net)")
        .contains("-> FAIL: 203.0.113.66 is not authorised to send mail for billing.tidepool.example.com")
        .contains("explanation: \"203.0.113.66 is not allowed to send mail for billing.tidepool.example.com;")
        .contains("-> PERMERROR: ")
        .contains("error SPF_UNKNOWN_MECHANISM: unknown mechanism 'inclde'")
        .contains("Summary");
  }

  @Test
  void jsonDemoHasTheSpfEvaluationsWithTheirQuestionsCounted() {
    JsonNode json = CliRunner.run("demo", "--json").json();
    JsonNode spf = section(json, "spf");

    JsonNode evaluations = spf.path("evaluations");
    assertThat(evaluations.size()).isEqualTo(3);
    List<String> results = new ArrayList<>();
    evaluations.forEach(e -> results.add(e.path("result").asText()));
    assertThat(results).containsExactly("pass", "fail", "permerror");

    JsonNode pass = evaluations.get(0);
    assertThat(pass.path("decidingTerm").path("term").asText()).isEqualTo("include:_spf.example.net");
    assertThat(pass.path("decidingTerm").path("domain").asText()).isEqualTo("tidepool.example.com");
    assertThat(pass.path("trace").size()).isPositive();
    assertThat(pass.path("explanation").isNull()).isTrue();
    JsonNode fail = evaluations.get(1);
    assertThat(fail.path("explanation").asText())
        .isEqualTo("203.0.113.66 is not allowed to send mail for billing.tidepool.example.com;"
            + " see https://tidepool.example.com/spf");
    assertThat(fail.path("decidingTerm").path("term").asText()).isEqualTo("-all");
    JsonNode broken = evaluations.get(2);
    assertThat(broken.path("problems").get(0).path("code").asText()).isEqualTo("SPF_UNKNOWN_MECHANISM");
    assertThat(broken.path("decidingTerm").isNull()).isTrue();

    // The questions SPF asked (the evaluations' and the audit's) are the section's questions, and
    // counted like every other.
    int asked = spf.path("audit").path("dnsQuestions").asInt();
    assertThat(asked).as("the audit asks questions too").isPositive();
    for (JsonNode e : evaluations) {
      asked += e.path("queries").size();
    }
    assertThat(spf.path("questions").size()).isEqualTo(asked).isEqualTo(spf.path("queryCount").asInt());
    assertThat(spf.path("notes").size()).isEqualTo(4);
  }

  @Test
  void textDemoShowsAnSpfAuditWithFindingsAndTheIncludeTree() {
    CliRunner.Result r = CliRunner.run("demo");

    String spf = r.out().substring(r.out().indexOf("6. SPF"), r.out().indexOf("\nSummary"));
    assertThat(spf)
        .contains("  ? audit of the SPF policy of legacy.tidepool.example.com\n")
        .contains("    worst case 12 of 10 DNS-querying terms (over the limit), 1 of 2 void lookups;")
        .contains("    error SPF_TOO_MANY_LOOKUPS: the policy needs up to 12 DNS-querying terms")
        .contains("    error SPF_TARGET_WITHOUT_RECORD: include:old-mailer.example.org: ")
        .contains("    warning SPF_PTR_DEPRECATED: 'ptr' is deprecated")
        .contains("    warning SPF_NEUTRAL_ALL: '?all' gives unlisted hosts neutral")
        .contains("    include tree:\n       legacy.tidepool.example.com  (lookups: 12 total, 7 own)")
        .contains("       ├─ include:crm.example.org  (lookups: 4)")
        .contains("       │  └─ include:_spf.crm.example.org  (lookups: 0)")
        .contains("       └─ include:old-mailer.example.org  (lookups: 0)  [NO_RECORD: ")
        .contains("    suggestion: Flattened SPF policy for legacy.tidepool.example.com:")
        .contains("(SPF_TOO_MANY_LOOKUPS)").contains("(SPF_NEUTRAL_ALL)").doesNotContain("not found: SPF_");
  }

  @Test
  void jsonDemoHasTheAuditInTheShapeOfSpfDomainJson() {
    JsonNode audit = section(CliRunner.run("demo", "--json").json(), "spf").path("audit");

    assertThat(audit.path("domain").asText()).isEqualTo("legacy.tidepool.example.com");
    assertThat(audit.path("source").asText()).isEqualTo("published");
    assertThat(audit.path("record").asText()).startsWith("v=spf1 a:smtp.example.net mx ptr ");
    assertThat(audit.path("worstCaseLookups").asInt()).isEqualTo(12);
    List<String> codes = new ArrayList<>();
    audit.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    assertThat(codes).contains("SPF_TOO_MANY_LOOKUPS", "SPF_TARGET_WITHOUT_RECORD", "SPF_PTR_DEPRECATED",
        "SPF_NEUTRAL_ALL");
    assertThat(audit.path("tree").path("children").size()).isEqualTo(4);
    assertThat(audit.path("tree").path("totalLookups").asInt()).isEqualTo(12);
    assertThat(audit.path("flattening").path("complete").asBoolean()).isFalse();
    assertThat(audit.path("flatteningSuggestion").asText()).contains("legacy.tidepool.example.com. IN TXT");
  }

  @Test
  void textDemoReadsTheBundledBounces() {
    CliRunner.Result r = CliRunner.run("demo");

    String bounces = r.out().substring(r.out().indexOf("7. Bounces"), r.out().indexOf("\nSummary"));
    assertThat(bounces)
        .contains("  ? bounces/1-postfix-dsn.eml\n    -> bounce (format postfix, reported by relay.tidepool.example.com), 2 recipients")
        .contains("buyer@harbour.example.net: 5.1.1 / 550 -> user-unknown, permanent, suppress-address")
        .contains("catalogue@kelp.example.org: 5.3.4 / 552 -> email-too-large, permanent, fix-then-retry")
        .contains("  ? bounces/2-microsoft365-dmarc.eml\n    -> bounce (format microsoft365")
        .contains("reader@lagoon.example.net: 5.7.509 / 550 -> auth-failure, permanent, fix-then-retry")
        .contains("  ? bounces/3-gmail-mailbox-full.eml\n    -> bounce (format gmail")
        .contains("tea.lover@example.org: 5.2.2 / 552 -> mailbox-full, permanent")
        .contains("  ? bounces/4-auto-reply.eml\n    -> auto-reply")
        .contains("microsoft: Sending domain does not pass DMARC")
        .contains("The last message is auto-reply");
  }

  @Test
  void jsonDemoHasTheBouncesInTheShapeOfNdrJson() {
    JsonNode bounces = section(CliRunner.run("demo", "--json").json(), "bounces");

    JsonNode messages = bounces.path("messages");
    assertThat(messages.size()).isEqualTo(4);
    List<String> files = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (JsonNode m : messages) {
      assertThat(NdrCommandTest.fields(m)).isEqualTo(new java.util.TreeSet<>(NdrCommandTest.ANALYSIS_FIELDS));
      files.add(m.path("file").asText());
      kinds.add(m.path("kind").asText());
      m.path("recipients").forEach(rcpt -> reasons.add(rcpt.path("reason").asText()));
    }
    assertThat(files).containsExactly("bounces/1-postfix-dsn.eml", "bounces/2-microsoft365-dmarc.eml",
        "bounces/3-gmail-mailbox-full.eml", "bounces/4-auto-reply.eml");
    assertThat(kinds).containsExactly("bounce", "bounce", "bounce", "auto-reply");
    assertThat(reasons).containsExactly("user-unknown", "email-too-large", "auth-failure", "mailbox-full", "auto-reply");
    JsonNode first = messages.get(0).path("recipients").get(0);
    assertThat(first.path("originalRecipient").asText()).isEqualTo("wholesale@harbour.example.net");
    assertThat(first.path("retry").asText()).isEqualTo("suppress-address");
    assertThat(messages.get(0).path("original").path("messageId").asText())
        .isEqualTo("catalogue-2024-summer@tidepool.example.com");
    assertThat(messages.get(1).path("recipients").get(0).path("retry").asText()).isEqualTo("fix-then-retry");
    for (JsonNode m : messages) {
      assertThat(m.path("diagnostics").size()).as("bundled sample %s parses cleanly", m.path("file")).isZero();
    }
    assertThat(bounces.path("code").path("code").asText()).isEqualTo("5.7.509");
    assertThat(bounces.path("code").path("providers").get(0).path("provider").asText()).isEqualTo("microsoft");
    assertThat(bounces.path("queryCount").asInt()).as("reading bounces asks no DNS").isZero();
    assertThat(bounces.path("notes").size()).isEqualTo(5);
  }

  @Test
  void demoHeadersSectionVerifiesDkimOfflineAndShowsTheHold() {
    JsonNode headers = section(CliRunner.run("demo", "--json").json(), "headers");
    JsonNode m = headers.path("message");
    assertThat(m.path("file").asText()).isEqualTo("headers/1-gmail-to-microsoft365.eml");
    assertThat(m.path("hops").size()).isEqualTo(4);
    assertThat(m.path("slowestHop").asInt()).isEqualTo(3);
    assertThat(m.path("dkim").get(0).path("result").asText()).isEqualTo("pass");
    assertThat(headers.path("queryCount").asInt()).as("the DKIM key lookup").isPositive();
    assertThat(CliRunner.run("demo").out())
        .contains("Headers: where a message waited")
        .contains("The message waited longest before hop 3");
  }

  private static JsonNode section(JsonNode json, String id) {
    for (JsonNode s : json.path("sections")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no section " + id);
  }

  @Test
  void textDemoHasTheDmarcSection() {
    CliRunner.Result r = CliRunner.run("demo");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    String dmarc = r.out().substring(r.out().indexOf(". DMARC: "), r.out().indexOf("\nSummary"));
    assertThat(dmarc)
        .contains("? audit of the DMARC set-up of tidepool.example.com")
        .contains("warning DMARC_EXTERNAL_REPORT_UNAUTHORIZED: ")
        .contains("? audit of the DMARC set-up of news.tidepool.example.com")
        .contains("DMARC_SPF_ALIGNMENT_IMPOSSIBLE")
        .contains("-> dmarc=fail policy=quarantine (p) disposition=quarantine")
        .doesNotContain("not found: DMARC_");
  }

  @Test
  void jsonDemoHasTheDmarcAuditsAndVerdict() {
    JsonNode dmarc = section(CliRunner.run("demo", "--json").json(), "dmarc");

    JsonNode audit = dmarc.path("audit");
    assertThat(audit.path("record").asText()).startsWith("v=DMARC1; p=quarantine");
    assertThat(audit.path("organizationalDomain").asText()).isEqualTo("tidepool.example.com");
    List<String> codes = new ArrayList<>();
    audit.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    assertThat(codes).contains("DMARC_EXTERNAL_REPORT_UNAUTHORIZED");
    assertThat(dmarc.path("subdomainAudit").path("recordDomain").asText()).isEqualTo("tidepool.example.com");
    JsonNode verdict = dmarc.path("verdict");
    assertThat(verdict.path("result").asText()).isEqualTo("fail");
    assertThat(verdict.path("policy").asText()).isEqualTo("quarantine");
    assertThat(verdict.path("spfAligned").asBoolean()).isFalse();
    assertThat(verdict.path("dkimAligned").asBoolean()).isFalse();
    assertThat(dmarc.path("notes").size()).isEqualTo(3);
  }
}
