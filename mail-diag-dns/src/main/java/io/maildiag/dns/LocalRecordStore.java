package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Immutable record data and simulated faults, answered like an authoritative server. */
final class LocalRecordStore {

  /** A failure simulated for a name. */
  enum Fault {
    SERVFAIL,
    REFUSED,
    TIMEOUT,
    NXDOMAIN
  }

  private final Map<DomainName, Map<RecordType, List<DnsRecord>>> nodes;
  private final Set<DomainName> emptyNonTerminals;
  private final Map<DomainName, Fault> faults;
  private final Map<DnsQuery, Fault> typedFaults;
  private final Map<DomainName, Duration> latencies;
  private final int maxCnameChain;

  LocalRecordStore(List<DnsRecord> records, Map<DomainName, Fault> faults, Map<DnsQuery, Fault> typedFaults,
      Map<DomainName, Duration> latencies, int maxCnameChain) {
    Map<DomainName, Map<RecordType, List<DnsRecord>>> byName = new TreeMap<>();
    for (DnsRecord r : records) {
      List<DnsRecord> set = byName.computeIfAbsent(r.name(), k -> new EnumMap<>(RecordType.class))
          .computeIfAbsent(r.type(), k -> new ArrayList<>());
      if (!set.contains(r)) {
        set.add(r);
      }
    }
    Map<DomainName, Map<RecordType, List<DnsRecord>>> frozen = new HashMap<>();
    Set<DomainName> ents = new HashSet<>();
    for (Map.Entry<DomainName, Map<RecordType, List<DnsRecord>>> e : byName.entrySet()) {
      Map<RecordType, List<DnsRecord>> types = new EnumMap<>(RecordType.class);
      e.getValue().forEach((t, list) -> types.put(t, List.copyOf(list)));
      frozen.put(e.getKey(), types);
      Optional<DomainName> p = e.getKey().parent();
      while (p.isPresent() && !p.get().isRoot()) {
        ents.add(p.get());
        p = p.get().parent();
      }
    }
    ents.removeAll(frozen.keySet());
    this.nodes = frozen;
    this.emptyNonTerminals = ents;
    this.faults = Map.copyOf(faults);
    this.typedFaults = Map.copyOf(typedFaults);
    this.latencies = Map.copyOf(latencies);
    this.maxCnameChain = maxCnameChain;
  }

  List<DnsRecord> records() {
    List<DnsRecord> out = new ArrayList<>();
    nodes.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> e.getValue().values().forEach(out::addAll));
    out.sort(Comparator.comparing(DnsRecord::name).thenComparing(r -> r.type().code()));
    return List.copyOf(out);
  }

  boolean covers(DnsQuery query) {
    if (faults.containsKey(query.name()) || typedFaults.containsKey(query)) {
      return true;
    }
    Map<RecordType, List<DnsRecord>> node = nodes.get(query.name());
    return node != null && (node.containsKey(query.type()) || node.containsKey(RecordType.CNAME));
  }

  CompletionStage<DnsOutcome> resolveAsync(DnsQuery query) {
    DnsOutcome outcome = resolve(query);
    Duration delay = latencies.get(query.name());
    if (delay == null || delay.isZero()) {
      return CompletableFuture.completedFuture(outcome);
    }
    return CompletableFuture.supplyAsync(
        () -> outcome, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  DnsOutcome resolve(DnsQuery query) {
    List<CnameRecord> chain = new ArrayList<>();
    Set<DomainName> seen = new HashSet<>();
    DomainName name = query.name();
    while (true) {
      seen.add(name);
      Fault fault = typedFaults.get(DnsQuery.of(name, query.type()));
      if (fault == null) {
        fault = faults.get(name);
      }
      if (fault != null) {
        return faultOutcome(query, chain, fault, name);
      }
      Map<RecordType, List<DnsRecord>> node = lookupNode(name);
      if (node == null) {
        return emptyNonTerminals.contains(name)
            ? new DnsOutcome.NoData(query, chain, soaFor(name))
            : new DnsOutcome.NxDomain(query, chain, soaFor(name));
      }
      List<DnsRecord> cname = node.get(RecordType.CNAME);
      if (query.type() == RecordType.CNAME || cname == null || cname.isEmpty()) {
        List<DnsRecord> rrset = node.get(query.type());
        if (rrset == null || rrset.isEmpty()) {
          return new DnsOutcome.NoData(query, chain, soaFor(name));
        }
        return new DnsOutcome.Answer(query, chain, rrset);
      }
      CnameRecord c = (CnameRecord) cname.get(0);
      chain.add(c);
      if (seen.contains(c.target())) {
        return new DnsOutcome.ServFail(query, chain, "CNAME loop at " + c.target());
      }
      if (chain.size() > maxCnameChain) {
        return new DnsOutcome.ServFail(query, chain, "CNAME chain longer than " + maxCnameChain);
      }
      name = c.target();
    }
  }

  /** Returns the node of {@code name}, synthesising it from a wildcard where RFC 4592 says so. */
  private Map<RecordType, List<DnsRecord>> lookupNode(DomainName name) {
    Map<RecordType, List<DnsRecord>> node = nodes.get(name);
    if (node != null || emptyNonTerminals.contains(name)) {
      return node;
    }
    // Closest encloser: the longest existing ancestor. The wildcard must sit directly below it.
    Optional<DomainName> ancestor = name.parent();
    while (ancestor.isPresent()) {
      DomainName a = ancestor.get();
      boolean exists = nodes.containsKey(a) || emptyNonTerminals.contains(a);
      if (exists || a.isRoot()) {
        Map<RecordType, List<DnsRecord>> wild = nodes.get(a.child("*"));
        if (wild == null) {
          return null;
        }
        Map<RecordType, List<DnsRecord>> synthesised = new EnumMap<>(RecordType.class);
        wild.forEach((t, list) -> synthesised.put(t, list.stream().map(r -> r.withName(name)).toList()));
        return synthesised;
      }
      ancestor = a.parent();
    }
    return null;
  }

  /** Returns the SOA of the closest enclosing zone held locally, if any. */
  private Optional<SoaRecord> soaFor(DomainName name) {
    Optional<DomainName> n = Optional.of(name);
    while (n.isPresent()) {
      Map<RecordType, List<DnsRecord>> node = nodes.get(n.get());
      if (node != null && node.containsKey(RecordType.SOA)) {
        return Optional.of((SoaRecord) node.get(RecordType.SOA).get(0));
      }
      n = n.get().parent();
    }
    return Optional.empty();
  }

  private DnsOutcome faultOutcome(DnsQuery query, List<CnameRecord> chain, Fault fault, DomainName at) {
    return switch (fault) {
      case SERVFAIL -> new DnsOutcome.ServFail(query, chain, "simulated SERVFAIL for " + at);
      case REFUSED -> new DnsOutcome.Refused(query, chain, "simulated REFUSED for " + at);
      case TIMEOUT -> new DnsOutcome.Timeout(query, chain, Duration.ZERO, "simulated timeout for " + at);
      case NXDOMAIN -> new DnsOutcome.NxDomain(query, chain, soaFor(at));
    };
  }
}
