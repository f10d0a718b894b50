package io.maildiag.examples.cli;

import static io.maildiag.examples.cli.JarRunner.java;
import static io.maildiag.examples.cli.JarRunner.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maildiag.examples.cli.JarRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    Run r = java("headers", "--batch", in.toString(), "--zone", zone.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> objects = objects(r.out());
    assertThat(objects).extracting(o -> o.path("file").asText()).containsExactly("1-pasted.txt", "2-sample.eml");
    assertThat(objects.get(0).path("hops").get(0).path("ip").asText()).isEqualTo("192.0.2.1");
    assertThat(objects.get(1).path("dkim").get(0).path("result").asText()).isEqualTo("pass");
    assertThat(objects.get(1).path("hops").size()).isEqualTo(4);
  }
}
