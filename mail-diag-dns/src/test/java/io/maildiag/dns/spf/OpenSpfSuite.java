package io.maildiag.dns.spf;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the openspf.org YAML test suites (as shipped by Debian's python3-spf package) and serves
 * their zone data with the suite's own DNS semantics.
 */
final class OpenSpfSuite {

  /**
   * Where Debian installs the suites; the system property {@code maildiag.spf.suite.dir} or the
   * environment variable {@code MAILDIAG_SPF_SUITE_DIR} overrides.
   */
  static final Path DEFAULT_DIR = Path.of("/usr/share/doc/python3-spf");

  record TestCase(String scenario, String id, String spec, String helo, String host, String mailFrom,
      List<String> results, Optional<String> explanation, DnsResolver dns) {
    @Override
    public String toString() {
      return id + " (" + spec + ")";
    }
  }

  private OpenSpfSuite() {}

  static Optional<Path> locate(String fileName) {
    String override = System.getProperty("maildiag.spf.suite.dir", System.getenv("MAILDIAG_SPF_SUITE_DIR"));
    Path dir = override != null ? Path.of(override) : DEFAULT_DIR;
    for (Path p : List.of(dir.resolve(fileName), dir.resolve(fileName + ".gz"))) {
      if (Files.isReadable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static List<TestCase> load(Path file) throws IOException {
    List<TestCase> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (Object doc : yaml.loadAll(reader)) {
        Map<String, Object> scenario = (Map<String, Object>) doc;
        String description = String.valueOf(scenario.get("description"));
        DnsResolver dns = inMemory((Map<String, Object>) scenario.getOrDefault("zonedata", Map.of()));
        Map<String, Object> tests = (Map<String, Object>) scenario.get("tests");
        for (Map.Entry<String, Object> e : tests.entrySet()) {
          Map<String, Object> t = (Map<String, Object>) e.getValue();
          Object result = t.get("result");
          List<String> results = result instanceof List<?> l ? l.stream().map(String::valueOf).toList()
              : List.of(String.valueOf(result));
          out.add(new TestCase(description, e.getKey(), String.valueOf(t.get("spec")),
              String.valueOf(t.getOrDefault("helo", "")), String.valueOf(t.get("host")),
              String.valueOf(t.getOrDefault("mailfrom", "")), results,
              Optional.ofNullable(t.get("explanation")).map(String::valueOf), dns));
        }
      }
    }
    return out;
  }

  /**
   * Builds the suite's DNS as an {@link InMemoryDnsResolver}, following the suite's conventions
   * (those of its reference driver): names absent are NXDOMAIN, or a timeout under "error."; an
   * entry "TIMEOUT" times out every type that has no record listed before it; an SPF entry doubles
   * as a TXT record when the name has no TXT entry; a value NONE makes the name exist without data.
   */
  @SuppressWarnings("unchecked")
  static DnsResolver inMemory(Map<String, Object> zonedata) {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    for (Map.Entry<String, Object> e : zonedata.entrySet()) {
      String name = e.getKey();
      List<Object> items = (List<Object>) e.getValue();
      boolean hasTxt = false;
      List<Object> spfValues = new ArrayList<>();
      java.util.Set<String> typesSeen = new java.util.HashSet<>();
      for (Object item : items) {
        if (item instanceof String s && s.equals("TIMEOUT")) {
          // Every type without a record listed before this entry times out.
          if (typesSeen.isEmpty()) {
            b.timeout(name);
          }
          for (RecordType t : RecordType.values()) {
            if (!typesSeen.contains(t.name())) {
              b.timeout(name, t);
            }
          }
          break;
        }
        for (Map.Entry<String, Object> rr : ((Map<String, Object>) item).entrySet()) {
          String type = rr.getKey();
          Object value = rr.getValue();
          if (type.equals("TXT")) {
            hasTxt = true;
          }
          if ("NONE".equals(value)) {
            continue;
          }
          if ("TIMEOUT".equals(value)) {
            b.timeout(name, RecordType.valueOf(type));
            continue;
          }
          typesSeen.add(type);
          if (type.equals("SPF")) {
            spfValues.add(value);
          }
          add(b, name, type, value);
        }
      }
      if (!hasTxt) {
        for (Object v : spfValues) {
          add(b, name, "TXT", v);
        }
      }
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static void add(InMemoryDnsResolver.Builder b, String name, String type, Object value) {
    DomainName owner = DomainName.of(name);
    switch (type) {
      case "A" -> b.a(name, String.valueOf(value));
      case "AAAA" -> b.aaaa(name, String.valueOf(value));
      case "MX" -> {
        List<Object> mx = (List<Object>) value;
        String host = String.valueOf(mx.get(1));
        b.record(new MxRecord(owner, 300, ((Number) mx.get(0)).intValue(),
            host.isEmpty() || host.equals(".") ? DomainName.root() : DomainName.of(host)));
      }
      case "PTR" -> b.ptr(name, String.valueOf(value));
      case "CNAME" -> b.cname(name, String.valueOf(value));
      case "TXT", "SPF" -> b.record(new TxtRecord(owner, RecordType.valueOf(type), 300, value instanceof List<?> l
          ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
      default -> throw new IllegalArgumentException("suite record type " + type);
    }
  }
}
