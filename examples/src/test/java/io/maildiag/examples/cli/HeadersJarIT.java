package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code mail-diag headers --batch} from the shaded jar, with a zone file. */
class HeadersJarIT {

  @TempDir
  Path dir;

  @Test
  void batchWithZoneFile() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.write(in.resolve("2-sample.eml"),
        HeadersCommandTest.resource(HeadersCommandTest.DEMO + "headers/1-gmail-to-microsoft365.eml"));
    Files.writeString(in.resolve("1-pasted.txt"),
        "Received: from a.example.net (a.example.net [192.0.2.1]) by b.example.org with ESMTP id x;"
            + " Tue, 3 Mar 2026 10:00:00 +0000\n");
    Path zone = Files.write(dir.resolve("demo.zone"), HeadersCommandTest.resource(HeadersCommandTest.DEMO + "demo.zone"));

    String jar = System.getProperty("maildiag.jar", "target/mail-diag.jar");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar, "headers", "--batch", in.toString(), "--zone", zone.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(err)).isEmpty();
    List<JsonNode> objects = new ArrayList<>();
    for (String line : Files.readString(out, StandardCharsets.UTF_8).lines().toList()) {
      objects.add(TestJson.MAPPER.readTree(line));
    }
    assertThat(objects).extracting(o -> o.path("file").asText()).containsExactly("1-pasted.txt", "2-sample.eml");
    assertThat(objects.get(0).path("hops").get(0).path("ip").asText()).isEqualTo("192.0.2.1");
    assertThat(objects.get(1).path("dkim").get(0).path("result").asText()).isEqualTo("pass");
    assertThat(objects.get(1).path("hops").size()).isEqualTo(4);
  }
}
