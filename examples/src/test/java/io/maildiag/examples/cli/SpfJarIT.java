package io.maildiag.examples.cli;

import static io.maildiag.examples.cli.JarRunner.java;
import static io.maildiag.examples.cli.JarRunner.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.cli.JarRunner.Run;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end: {@code mail-diag spf --batch} and {@code mail-diag spf DOMAIN} from the shaded jar,
 * with {@code java -jar}, on spf.zone, spf-audit.zone and spf-batch.tsv (test resources). Runs in
 * the {@code verify} phase (maven-failsafe).
 */
class SpfJarIT {

  @Test
  void batchFileAgainstAZoneFile() throws Exception {
    Run r = java("spf", "--batch", CliRunner.resource("spf-batch.tsv"), "--zone", CliRunner.resource("spf.zone"));

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> out = objects(r.out());
    assertThat(out).extracting(n -> n.path("line").asInt()).containsExactly(2, 3, 5, 6, 7, 8);
    assertThat(out).extracting(n -> n.path("result").isNull() ? null : n.path("result").asText())
        .containsExactly("pass", "fail", "permerror", "pass", null, "softfail");
    assertThat(out.get(1).path("explanation").asText())
        .isEqualTo("203.0.113.9 may not send mail for fail.example.com; see https://fail.example.com/spf");
    assertThat(out.get(3).path("domain").asText()).as("null reverse-path: the HELO domain").isEqualTo("mail.example.com");
    assertThat(out.get(4).path("error").asText()).contains("invalid IP address 'not-an-ip'");
    for (JsonNode n : out) {
      assertThat(n.has("explanation") && n.has("ip") && n.has("sender") && n.has("helo")).as("%s", n).isTrue();
    }
  }

  @Test
  void batchFromStandardInput() throws Exception {
    String input = "198.51.100.7\tu@pass.example.com\th.example.org\n".repeat(50)
        + "203.0.113.9\tu@neutral.example.com\th.example.org\n";

    Run r = java(input.getBytes(StandardCharsets.UTF_8), "spf", "--batch", "-", "--zone", CliRunner.resource("spf.zone"));

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<JsonNode> out = objects(r.out());
    assertThat(out).hasSize(51);
    assertThat(out.get(50).path("line").asInt()).isEqualTo(51);
    assertThat(out.get(50).path("result").asText()).isEqualTo("neutral");
  }

  @Test
  void singleCheckAndItsErrorsFromTheJar() throws Exception {
    Run pass = java("spf", "--ip", "192.0.2.25", "--helo", "mail.example.com", "--zone", CliRunner.resource("spf.zone"));
    Run badIp = java("spf", "--ip", "mail.example.com", "--helo", "mail.example.com", "--zone", CliRunner.resource("spf.zone"));
    Run missing = java("spf", "--batch", "/nonexistent/batch.tsv", "--zone", CliRunner.resource("spf.zone"));

    assertThat(pass.exitCode()).isZero();
    assertThat(pass.out()).startsWith("result       PASS: 192.0.2.25 is authorised to send mail for mail.example.com");
    assertThat(badIp.exitCode()).isEqualTo(1);
    assertThat(badIp.err().lines().toList()).hasSize(1);
    assertThat(badIp.err()).startsWith("mail-diag: error: invalid IP address").doesNotContain("Exception");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("mail-diag: error: /nonexistent/batch.tsv: no such file" + System.lineSeparator());
  }

  @Test
  void auditFromTheJarAsTextAndJson() throws Exception {
    String zone = CliRunner.resource("spf-audit.zone");
    Run text = java("spf", "heavy.example.com", "--zone", zone);
    Run json = java("spf", "heavy.example.com", "--zone", zone, "--json",
        "--record", "v=spf1 ip4:192.0.2.0/24 ", "--record", "include:one.example.net -all");

    assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
    assertThat(text.err()).isEmpty();
    assertThat(text.out())
        .startsWith("domain       heavy.example.com")
        .contains("worst case 12 of 10 DNS-querying terms (over the limit)")
        .contains("  SPF_TOO_MANY_LOOKUPS: ")
        .contains("  ├─ include:one.example.net  (lookups: 3)")
        .contains("  └─ include:gone.example.net  (lookups: 0)  [NO_RECORD: ");
    assertThat(json.exitCode()).as("stderr: %s", json.err()).isZero();
    assertThat(json.out().lines().count()).isEqualTo(1);
    JsonNode audit = TestJson.MAPPER.readTree(json.out());
    assertThat(audit.path("source").asText()).isEqualTo("proposed");
    assertThat(audit.path("record").asText()).isEqualTo("v=spf1 ip4:192.0.2.0/24 include:one.example.net -all");
    assertThat(audit.path("worstCaseLookups").asInt()).isEqualTo(4);
    assertThat(audit.path("tree").path("children").get(0).path("totalLookups").asInt()).isEqualTo(3);
  }

  @Test
  void auditErrorsFromTheJar() throws Exception {
    String zone = CliRunner.resource("spf-audit.zone");
    Run withIp = java("spf", "heavy.example.com", "--ip", "192.0.2.1", "--zone", zone);
    Run recordAlone = java("spf", "--record", "v=spf1 -all", "--zone", zone);
    Run badDomain = java("spf", "bad..example.com", "--zone", zone);

    assertThat(withIp.exitCode()).isEqualTo(2);
    assertThat(withIp.out()).isEmpty();
    assertThat(withIp.err()).startsWith("mail-diag: error: DOMAIN (an audit) cannot be combined with --ip");
    assertThat(recordAlone.exitCode()).isEqualTo(2);
    assertThat(recordAlone.err()).startsWith("mail-diag: error: --record needs DOMAIN");
    assertThat(badDomain.exitCode()).isEqualTo(1);
    assertThat(badDomain.out()).isEmpty();
    assertThat(badDomain.err()).isEqualTo("mail-diag: error: invalid domain name 'bad..example.com' at 1:5:"
        + " empty label (two dots in a row or a leading dot)" + System.lineSeparator());
  }
}
