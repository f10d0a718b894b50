package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.render.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end: {@code mail-diag spf --batch} from the shaded jar, with {@code java -jar}, on
 * spf.zone and spf-batch.tsv (test resources). Runs in the {@code verify} phase (maven-failsafe).
 */
class SpfJarIT {

  private record Run(int exitCode, String out, String err) {}

  private static Run java(String stdin, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("maildiag.jar", "target/mail-diag.jar");
    assertThat(Path.of(jar)).as("the shaded jar (built by `mvn package`)").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Path out = Files.createTempFile("mail-diag-out", ".txt");
    Path err = Files.createTempFile("mail-diag-err", ".txt");
    try {
      Process p = new ProcessBuilder(command)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mail-diag did not finish within 60 s: " + command);
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<JsonNode> objects(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(Json.MAPPER.readTree(line));
    }
    return nodes;
  }

  @Test
  void batchFileAgainstAZoneFile() throws Exception {
    Run r = java("", "spf", "--batch", CliRunner.resource("spf-batch.tsv"), "--zone", CliRunner.resource("spf.zone"));

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

    Run r = java(input, "spf", "--batch", "-", "--zone", CliRunner.resource("spf.zone"));

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    List<JsonNode> out = objects(r.out());
    assertThat(out).hasSize(51);
    assertThat(out.get(50).path("line").asInt()).isEqualTo(51);
    assertThat(out.get(50).path("result").asText()).isEqualTo("neutral");
  }

  @Test
  void singleCheckAndItsErrorsFromTheJar() throws Exception {
    Run pass = java("", "spf", "--ip", "192.0.2.25", "--helo", "mail.example.com", "--zone", CliRunner.resource("spf.zone"));
    Run badIp = java("", "spf", "--ip", "mail.example.com", "--helo", "mail.example.com", "--zone", CliRunner.resource("spf.zone"));
    Run missing = java("", "spf", "--batch", "/nonexistent/batch.tsv", "--zone", CliRunner.resource("spf.zone"));

    assertThat(pass.exitCode()).isZero();
    assertThat(pass.out()).startsWith("result       PASS: 192.0.2.25 is authorised to send mail for mail.example.com");
    assertThat(badIp.exitCode()).isEqualTo(1);
    assertThat(badIp.err().lines().toList()).hasSize(1);
    assertThat(badIp.err()).startsWith("mail-diag: error: invalid IP address").doesNotContain("Exception");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("mail-diag: error: /nonexistent/batch.tsv: no such file" + System.lineSeparator());
  }
}
