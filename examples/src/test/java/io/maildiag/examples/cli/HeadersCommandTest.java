package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail-diag headers}, in-process, on the bundled demo message and the bundled zone. */
class HeadersCommandTest {

  static final String DEMO = "/io/maildiag/examples/demo/";

  @TempDir
  Path dir;

  Path message;
  Path zone;

  static byte[] resource(String path) throws IOException {
    try (InputStream in = HeadersCommandTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  @BeforeEach
  void files() throws IOException {
    message = Files.write(dir.resolve("sample.eml"), resource(DEMO + "headers/1-gmail-to-microsoft365.eml"));
    zone = Files.write(dir.resolve("demo.zone"), resource(DEMO + "demo.zone"));
  }

  @Test
  void textShowsTheHopTableVerdictsAndFindings() {
    CliRunner.Result r = CliRunner.run("headers", message.toString(), "--zone", zone.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Hops (oldest first; total 2h17m31s; receiving organisation example.org)")
        .containsPattern("\\n   3  2h17m26s   AM4PEPF00027A5F\\S* \u2588{20}\\n")
        .contains("[entered example.org] from relay.archive-hold.example.com")
        .contains("d=tidepool.example.com s=hdr2026 rsa-sha256 2048 bits: pass")
        .contains("Anti-spam")
        .contains("HEADERS_LONG_DELAY");
    // Readable in an 80-column terminal: the table rows fit.
    assertThat(r.out().lines().filter(l -> l.startsWith("   ") && l.contains("\u2588")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void jsonHasTheDocumentedFieldsAndTypes() {
    JsonNode j = CliRunner.run("headers", message.toString(), "--json", "--zone", zone.toString()).json();
    assertThat(j.path("summary").path("subject").asText()).isEqualTo("Order #1042: shipping update");
    JsonNode hops = j.path("hops");
    assertThat(hops.size()).isEqualTo(4);
    for (JsonNode h : hops) {
      assertThat(h.has("helo") && h.has("rdns") && h.has("ip") && h.has("by") && h.has("with") && h.has("id")
          && h.has("timestamp") && h.has("delaySeconds") && h.has("tls") && h.has("from") && h.has("for"))
          .as(h.toString()).isTrue();
      assertThat(h.path("tls").isBoolean()).isTrue();
    }
    assertThat(hops.get(0).path("delaySeconds").isNull()).isTrue();
    assertThat(hops.get(2).path("delaySeconds").asLong()).isEqualTo(2 * 3600 + 17 * 60 + 26);
    assertThat(hops.get(2).path("ip").asText()).isEqualTo("203.0.113.25");
    assertThat(hops.get(3).path("timestamp").asText()).isEqualTo("2026-03-03T19:17:33Z");
    assertThat(j.path("totalDelaySeconds").isIntegralNumber()).isTrue();
    assertThat(j.path("authenticationResults").get(0).path("results").get(0).path("method").asText()).isEqualTo("spf");
    JsonNode dkim = j.path("dkim");
    assertThat(dkim.size()).isEqualTo(1);
    assertThat(dkim.get(0).path("domain").asText()).isEqualTo("tidepool.example.com");
    assertThat(dkim.get(0).path("selector").asText()).isEqualTo("hdr2026");
    assertThat(dkim.get(0).path("algorithm").asText()).isEqualTo("rsa-sha256");
    assertThat(dkim.get(0).path("result").asText()).isEqualTo("pass");
    assertThat(dkim.get(0).has("reason")).isFalse();
    assertThat(j.path("arc").path("result").asText()).isEqualTo("none");
    assertThat(j.path("antispam").path("cip").asText()).isEqualTo("203.0.113.25");
    assertThat(j.path("checks").size()).isEqualTo(4);
    assertThat(j.path("checks").get(0).path("outcome").asText()).isEqualTo("consistent");
    JsonNode f = j.path("findings").get(0);
    assertThat(f.path("code").isTextual() && f.path("severity").isTextual() && f.path("message").isTextual()).isTrue();
  }

  @Test
  void missingKeyIsAPermerrorWithAReason() {
    CliRunner.Result r = CliRunner.run("headers", message.toString(), "--json", "--zone", zoneWithoutKey().toString());
    JsonNode d = r.json().path("dkim").get(0);
    assertThat(d.path("result").asText()).isEqualTo("permerror");
    assertThat(d.path("reason").asText()).isEqualTo("key-not-found");
  }

  private Path zoneWithoutKey() {
    try {
      return Files.writeString(dir.resolve("empty.zone"), "example.invalid. 300 IN TXT \"x\"\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void noDnsOmitsDkimAndArc() {
    JsonNode j = CliRunner.run("headers", message.toString(), "--json", "--no-dns").json();
    assertThat(j.has("dkim")).isFalse();
    assertThat(j.has("arc")).isFalse();
    assertThat(j.path("hops").size()).isEqualTo(4);
    assertThat(CliRunner.run("headers", message.toString(), "--no-dns").out()).contains("DKIM: not verified");
  }

  @Test
  void batchIsOrderedWithErrorsInline() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.copy(message, in.resolve("b.eml"));
    Files.writeString(in.resolve("a.eml"), "Received: from x.example.net by y.example.org; Tue, 3 Mar 2026 10:00:00 +0000\r\n"
        + "Subject: a\r\n\r\n");
    Files.write(in.resolve("c.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    Files.createDirectory(in.resolve("sub"));
    for (int threads : new int[] {1, 3}) {
      CliRunner.Result r = CliRunner.run(cmd -> ((HeadersCommand) cmd.getSubcommands().get("headers")
          .getCommand()).threads = threads, "headers", "--batch", in.toString(), "--zone", zone.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      List<JsonNode> objects = objects(r.out());
      assertThat(objects).extracting(o -> o.path("file").asText()).containsExactly("a.eml", "b.eml", "c.bin");
      assertThat(objects.get(1).path("hops").size()).isEqualTo(4);
      assertThat(objects.get(1).path("dkim").get(0).path("result").asText()).isEqualTo("pass");
      assertThat(objects.get(0).path("dkim").size()).isZero();
    }
    List<JsonNode> noDns = objects(CliRunner.run("headers", "--batch", in.toString(), "--no-dns").out());
    assertThat(noDns).hasSize(3).allSatisfy(o -> assertThat(o.has("dkim")).isFalse());
  }

  private static List<JsonNode> objects(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(TestJson.MAPPER.readTree(line));
    }
    return nodes;
  }

  @Test
  void badInputExitsOne() {
    CliRunner.run("headers", dir.resolve("missing.eml").toString(), "--no-dns").assertOneLineError();
    CliRunner.run("headers", dir.toString(), "--no-dns").assertOneLineError();
    CliRunner.run("headers", "--batch", dir.resolve("nope").toString(), "--no-dns").assertOneLineError();
    CliRunner.Result badZone = CliRunner.run("headers", message.toString(), "--zone", message.toString());
    badZone.assertOneLineError();
  }

  @Test
  void usageErrorsExitTwo() {
    CliRunner.run("headers").assertUsageError();
    CliRunner.run("headers", message.toString(), "--batch", dir.toString()).assertUsageError();
    CliRunner.run("headers", message.toString(), "--no-dns", "--zone", zone.toString()).assertUsageError();
    CliRunner.run("headers", message.toString(), "--zone", zone.toString(), "--server", "192.0.2.1").assertUsageError();
    CliRunner.run("headers", "--bogus").assertUsageError();
  }

  @Test
  void garbageMessageStillRuns() throws IOException {
    Path junk = Files.write(dir.resolve("junk"), "\u0000\u0001 not a message".getBytes(StandardCharsets.UTF_8));
    CliRunner.Result r = CliRunner.run("headers", junk.toString(), "--no-dns");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("no Received fields");
  }

  @Test
  void aHugeSubjectIsCutInTextAndWholeInJson() throws IOException {
    String subject = "x".repeat(5000) + "\uD83D\uDE00";
    Path huge = Files.write(dir.resolve("huge.eml"), ("From: a@example.com\r\nSubject: " + subject
        + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));

    String line = CliRunner.run("headers", huge.toString(), "--no-dns").out().lines()
        .filter(l -> l.startsWith("  subject  ")).findFirst().orElseThrow();
    assertThat(line).hasSize("  subject  ".length() + 1000).endsWith("x\u2026");
    assertThat(CliRunner.run("headers", huge.toString(), "--no-dns", "--json").json().path("summary")
        .path("subject").asText()).isEqualTo(subject);
  }

  @Test
  void aDashReadsStandardInput() throws IOException {
    byte[] bytes = Files.readAllBytes(message);
    CliRunner.Result fromStdin = CliRunner.run(cmd -> ((HeadersCommand) cmd.getSubcommands().get("headers").getCommand())
        .stdin = new java.io.ByteArrayInputStream(bytes), "headers", "-", "--no-dns", "--json");
    CliRunner.Result fromFile = CliRunner.run("headers", message.toString(), "--no-dns", "--json");

    assertThat(fromStdin.exitCode()).isZero();
    assertThat(fromStdin.json()).isEqualTo(fromFile.json());
    assertThat(CliRunner.run(cmd -> ((HeadersCommand) cmd.getSubcommands().get("headers").getCommand())
        .stdin = new java.io.ByteArrayInputStream(bytes), "headers", "-", "--no-dns").out()).startsWith("(standard input)");
  }
}
