package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core module never resolves names: parsing a literal must not turn into a DNS query. */
class NoDnsLookupInMainCodeTest {

  /** Calls that can perform a forward or reverse DNS lookup. */
  private static final Pattern LOOKUP = Pattern.compile(
      "\\b(getByName|getAllByName|getLocalHost|getHostName|getCanonicalHostName)\\s*\\(");

  static Path mainSources() {
    String basedir = System.getProperty("basedir");
    Path root = basedir != null ? Path.of(basedir) : Path.of("");
    Path sources = root.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      sources = Path.of("mail-diag-core/src/main/java");
    }
    return sources;
  }

  @Test
  void noMainSourceCallsANameLookup() throws IOException {
    Path sources = mainSources();
    assertThat(sources).isDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    // Guard against a vacuous pass: the scan must see the classes that handle addresses.
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("IpAddress.java", "IpNetwork.java", "DomainName.java", "MailAddress.java");
    List<String> offenders = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (LOOKUP.matcher(lines.get(i)).find()) {
          offenders.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertThat(offenders).as("name lookups in main code").isEmpty();
  }

  @Test
  void thePatternFindsTheCallsItIsMeantToFind() {
    assertThat(LOOKUP.matcher("InetAddress.getByName(host)").find()).isTrue();
    assertThat(LOOKUP.matcher("InetAddress.getAllByName (host)").find()).isTrue();
    assertThat(LOOKUP.matcher("addr.getCanonicalHostName()").find()).isTrue();
    assertThat(LOOKUP.matcher("InetAddress.getByAddress(bytes)").find()).isFalse();
  }
}
