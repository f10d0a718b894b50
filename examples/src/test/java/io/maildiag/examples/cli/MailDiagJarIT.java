package io.maildiag.examples.cli;

import static io.maildiag.examples.cli.JarRunner.java;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.cli.JarRunner.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: runs the shaded {@code mail-diag.jar} with {@code java -jar}, as a user would. Runs
 * in the {@code verify} phase (maven-failsafe), after {@code package} built the jar.
 */
class MailDiagJarIT {

  private static String zone() {
    return CliRunner.resource("test.zone");
  }

  @Test
  void demoRunsFromTheJar() throws Exception {
    Run r = java("demo");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).contains("NXDOMAIN").contains("NODATA").contains("RecordingDnsResolver counted");
  }

  @Test
  void demoJsonFromTheJarParses() throws Exception {
    Run r = java("demo", "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(1);
    JsonNode json = TestJson.MAPPER.readTree(r.out());
    assertThat(json.path("queryCount").asInt()).isEqualTo(json.path("queries").size()).isPositive();
  }

  @Test
  void dnsAgainstAZoneFile() throws Exception {
    Run nx = java("dns", "nosuch.example.com", "TXT", "--zone", zone(), "--json");
    Run txt = java("dns", "example.com", "TXT", "--zone", zone(), "--json");

    assertThat(nx.exitCode()).isZero();
    assertThat(TestJson.MAPPER.readTree(nx.out()).path("outcome").asText()).isEqualTo("NXDOMAIN");
    JsonNode strings = TestJson.MAPPER.readTree(txt.out()).path("records").get(0).path("strings");
    assertThat(strings.get(0).asText()).isEqualTo("v=spf1 ");
    assertThat(strings.get(1).asText()).isEqualTo("-all");
  }

  @Test
  void malformedZoneIsOneLineOnStderr(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.zone");
    Files.writeString(bad, "example.com. IN A not-an-address\n", StandardCharsets.UTF_8);

    Run r = java("dns", "example.com", "A", "--zone", bad.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("mail-diag: error: ").contains("bad.zone").doesNotContain("Exception");
  }

  @Test
  void usageErrorExitsTwo() throws Exception {
    Run r = java("dns", "example.com", "A", "--frobnicate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'").doesNotContain("\tat ");
  }

  @Test
  void versionAndHelp() throws Exception {
    Run version = java("--version");
    Run help = java("--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("mail-diag 0.");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: mail-diag");
  }
}
