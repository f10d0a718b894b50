package io.maildiag.dns.spf;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.ARecord;
import io.maildiag.dns.AaaaRecord;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.MxRecord;
import io.maildiag.dns.PtrRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the openspf.org YAML test suites (as shipped by Debian's python3-spf package) and serves
 * their zone data with the suite's own DNS semantics.
 */
final class OpenSpfSuite {

  /** Where Debian installs the suites; MAILDIAG_SPF_SUITE_DIR overrides. */
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
    String override = System.getenv("MAILDIAG_SPF_SUITE_DIR");
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
        SuiteDns dns = new SuiteDns((Map<String, Object>) scenario.getOrDefault("zonedata", Map.of()));
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
   * The suite's DNS: names absent are NXDOMAIN (TIMEOUT under "error."), "TIMEOUT" entries time out
   * questions whose type has no record before them, SPF entries double as TXT when a name has no TXT
   * entry, and CNAMEs are followed.
   */
  static final class SuiteDns implements DnsResolver {
    private record Entry(String type, Object value) {}

    private final Map<String, List<Entry>> zone = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    SuiteDns(Map<String, Object> zonedata) {
      for (Map.Entry<String, Object> e : zonedata.entrySet()) {
        String name = e.getKey().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
          name = name.substring(0, name.length() - 1);
        }
        List<Entry> entries = new ArrayList<>();
        List<Entry> generated = new ArrayList<>();
        boolean hasTxt = false;
        for (Object item : (List<Object>) e.getValue()) {
          if (item instanceof String s) {
            entries.add(new Entry(s, s));
            continue;
          }
          for (Map.Entry<String, Object> rr : ((Map<String, Object>) item).entrySet()) {
            String type = rr.getKey();
            Object value = rr.getValue();
            if (type.equals("TXT")) {
              hasTxt = true;
            }
            if (type.equals("SPF")) {
              generated.add(new Entry("TXT", value));
            }
            if (!"NONE".equals(value)) {
              entries.add(new Entry(type, value));
            }
          }
        }
        if (!hasTxt) {
          generated.stream().filter(g -> !"NONE".equals(g.value())).forEach(entries::add);
        }
        zone.put(name, entries);
      }
    }

    @Override
    public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
      return CompletableFuture.completedFuture(lookup(query, query.name(), new ArrayList<>(), 0));
    }

    private DnsOutcome lookup(DnsQuery query, DomainName name, List<CnameRecord> chain, int level) {
      List<Entry> entries = zone.get(name.toString());
      if (entries == null) {
        if (name.toString().startsWith("error.")) {
          return new DnsOutcome.Timeout(query, chain, Duration.ZERO, "suite: error. name");
        }
        return new DnsOutcome.NxDomain(query, chain, Optional.empty());
      }
      String wanted = query.type().name();
      boolean timeout = true;
      List<DnsRecord> records = new ArrayList<>();
      for (Entry e : entries) {
        if (e.type().equals("TIMEOUT")) {
          if (timeout) {
            return new DnsOutcome.Timeout(query, chain, Duration.ZERO, "suite: TIMEOUT");
          }
          break;
        }
        if (e.type().equals(wanted)) {
          timeout = false;
          if ("TIMEOUT".equals(e.value())) {
            return new DnsOutcome.Timeout(query, chain, Duration.ZERO, "suite: TIMEOUT");
          }
          records.add(record(name, query.type(), e.value()));
        } else if (e.type().equals("CNAME") && query.type() != RecordType.CNAME && level < 10) {
          CnameRecord c = new CnameRecord(name, 300, DomainName.of(String.valueOf(e.value())));
          chain.add(c);
          return lookup(query, c.target(), chain, level + 1);
        }
      }
      if (records.isEmpty()) {
        return new DnsOutcome.NoData(query, chain, Optional.empty());
      }
      return new DnsOutcome.Answer(query, chain, records);
    }

    @SuppressWarnings("unchecked")
    private static DnsRecord record(DomainName name, RecordType type, Object value) {
      return switch (type) {
        case A -> new ARecord(name, 300, IpAddress.of(String.valueOf(value)));
        case AAAA -> new AaaaRecord(name, 300, IpAddress.of(String.valueOf(value)));
        case MX -> {
          List<Object> mx = (List<Object>) value;
          String host = String.valueOf(mx.get(1));
          yield new MxRecord(name, 300, ((Number) mx.get(0)).intValue(),
              host.isEmpty() || host.equals(".") ? DomainName.root() : DomainName.of(host));
        }
        case PTR -> new PtrRecord(name, 300, DomainName.of(String.valueOf(value)));
        case TXT, SPF -> new TxtRecord(name, type, 300, value instanceof List<?> l
            ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value)));
        default -> throw new IllegalArgumentException("suite record type " + type);
      };
    }
  }
}
