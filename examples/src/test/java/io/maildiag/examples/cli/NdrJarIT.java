package io.maildiag.examples.cli;

import static io.maildiag.examples.cli.JarRunner.java;
import static io.maildiag.examples.cli.JarRunner.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.cli.JarRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code mail-diag ndr} from the shaded jar, with {@code java -jar}, on the fixtures
 * under {@code src/test/resources/ndr/}. Runs in the {@code verify} phase (maven-failsafe).
 */
class NdrJarIT {

  private static String fixture(String name) {
    return CliRunner.resource("/ndr/" + name);
  }

  @Test
  void oneMessageAsTextAndJson() throws Exception {
    Run text = java("ndr", fixture("dsn-user-unknown.eml"));
    Run json = java("ndr", fixture("text-google-dmarc.eml"), "--json");

    assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
    assertThat(text.err()).isEmpty();
    assertThat(text.out())
        .contains("kind         bounce: ")
        .contains("recipient 1  j.doe@example.org")
        .contains("  status       5.1.1 (Bad destination mailbox address)")
        .contains("  reason       user-unknown: ")
        .contains("  message-id   invoice-2024-0117@example.com");
    assertThat(json.exitCode()).as("stderr: %s", json.err()).isZero();
    assertThat(json.out().lines().count()).isEqualTo(1);
    JsonNode node = TestJson.MAPPER.readTree(json.out());
    JsonNode rcpt = node.path("recipients").get(0);
    assertThat(node.path("kind").asText()).isEqualTo("bounce");
    assertThat(rcpt.path("status").asText()).isEqualTo("5.7.26");
    assertThat(rcpt.path("replyCode").isInt()).isTrue();
    assertThat(rcpt.path("permanent").isBoolean()).isTrue();
    assertThat(rcpt.path("reason").asText()).isEqualTo("auth-failure");
    assertThat(node.path("original").path("messageId").asText()).isEqualTo("digest-24@example.net");
  }

  @Test
  void thousandsOfFilesInOrderWithinSeconds(@TempDir Path dir) throws Exception {
    List<String> fixtures = List.of("dsn-user-unknown.eml", "text-google-dmarc.eml", "delayed.eml",
        "autoreply.eml", "plain.eml");
    List<byte[]> bytes = new ArrayList<>();
    for (String f : fixtures) {
      bytes.add(Files.readAllBytes(Path.of(fixture(f))));
    }
    int n = 3000;
    for (int i = n - 1; i >= 0; i--) {   // created in reverse: the order must come from the names
      Files.write(dir.resolve(String.format("msg-%05d.eml", i)), bytes.get(i % bytes.size()));
    }
    Files.createDirectory(dir.resolve("msg-00000.d"));   // not a regular file: skipped

    Run r = java("ndr", "--batch", dir.toString());

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> out = objects(r.out());
    assertThat(out).hasSize(n);
    List<String> kinds = List.of("bounce", "bounce", "delay", "auto-reply", "not-a-bounce");
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i).path("file").asText()).isEqualTo(String.format("msg-%05d.eml", i));
      assertThat(out.get(i).path("kind").asText()).isEqualTo(kinds.get(i % kinds.size()));
    }
    // JVM start included; a few seconds on the 2-core build machine. The bound leaves room for a
    // loaded CI host but fails if files were analysed one JVM, or one analyzer, at a time.
    assertThat(r.millis()).as("%d files took %d ms", n, r.millis()).isLessThan(45_000);
  }

  @Test
  void batchErrors(@TempDir Path dir) throws Exception {
    Run missing = java("ndr", "--batch", dir.resolve("nope").toString());
    Run withFile = java("ndr", fixture("plain.eml"), "--batch", dir.toString());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).isEqualTo("mail-diag: error: " + dir.resolve("nope") + ": no such directory"
        + System.lineSeparator());
    assertThat(withFile.exitCode()).isEqualTo(2);
    assertThat(withFile.out()).isEmpty();
    assertThat(withFile.err()).startsWith("mail-diag: error: FILE and --batch cannot be combined");
  }

  @Test
  void codesFromTheJar() throws Exception {
    Run dmarc = java("ndr", "--code", "5.7.26", "--json");
    Run reply = java("ndr", "--code", "550");
    Run invalid = java("ndr", "--code", "9.9.9");
    Run none = java("ndr");

    assertThat(dmarc.exitCode()).as("stderr: %s", dmarc.err()).isZero();
    JsonNode json = TestJson.MAPPER.readTree(dmarc.out());
    assertThat(json.path("defaultReason").asText()).isEqualTo("auth-failure");
    List<String> providers = new ArrayList<>();
    json.path("providers").forEach(p -> providers.add(p.path("provider").asText()));
    assertThat(providers).contains("google");
    assertThat(reply.exitCode()).isZero();
    assertThat(reply.out()).startsWith("code         550: SMTP reply code (RFC 5321)");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.out()).isEmpty();
    assertThat(invalid.err().lines().toList()).hasSize(1);
    assertThat(invalid.err()).startsWith("mail-diag: error: invalid status code '9.9.9'").doesNotContain("Exception");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("mail-diag: error: missing FILE, --batch DIR or --code CODE");
  }

  @Test
  void demoShowsTheBounceSection() throws Exception {
    Run text = java("demo");
    Run json = java("demo", "--json");

    assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
    assertThat(text.out()).contains("7. Bounces: ").contains("  ? bounces/2-microsoft365-dmarc.eml");
    assertThat(json.exitCode()).isZero();
    JsonNode demo = TestJson.MAPPER.readTree(json.out());
    JsonNode bounces = null;
    for (JsonNode s : demo.path("sections")) {
      if (s.path("id").asText().equals("bounces")) {
        bounces = s;
      }
    }
    assertThat(bounces).as("the bounces section").isNotNull();
    assertThat(bounces.path("messages").size()).isEqualTo(4);
    assertThat(bounces.path("messages").get(1).path("recipients").get(0).path("status").asText()).isEqualTo("5.7.509");
  }
}
