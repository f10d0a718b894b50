package io.maildiag.dns.internal;

import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.SoaRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A bounded LRU cache of outcomes that honours TTLs: answers live for their smallest TTL, NODATA and
 * NXDOMAIN for the SOA's negative TTL (RFC 2308 section 5) or a default, failures are not cached.
 * Cached records are returned with their remaining TTL.
 */
final class OutcomeCache {
  private record Entry(DnsOutcome outcome, long expiresAtNanos) {}

  private final int maxEntries;
  private final long maxTtlSeconds;
  private final long defaultNegativeTtlSeconds;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<DnsQuery, Entry> entries;

  OutcomeCache(int maxEntries, Duration maxTtl, Duration defaultNegativeTtl, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.maxTtlSeconds = maxTtl.toSeconds();
    this.defaultNegativeTtlSeconds = defaultNegativeTtl.toSeconds();
    this.nanoClock = nanoClock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<DnsQuery, Entry> eldest) {
        return size() > OutcomeCache.this.maxEntries;
      }
    };
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized Optional<DnsOutcome> get(DnsQuery query) {
    if (maxEntries == 0) {
      return Optional.empty();
    }
    Entry e = entries.get(query);
    if (e == null) {
      return Optional.empty();
    }
    long remainingNanos = e.expiresAtNanos - nanoClock.getAsLong();
    if (remainingNanos <= 0) {
      entries.remove(query);
      return Optional.empty();
    }
    long remaining = (remainingNanos + 999_999_999L) / 1_000_000_000L;
    return Optional.of(age(e.outcome, remaining));
  }

  void put(DnsOutcome outcome) {
    if (maxEntries == 0) {
      return;
    }
    long ttl = ttlOf(outcome);
    if (ttl <= 0) {
      return;
    }
    long expires = nanoClock.getAsLong() + ttl * 1_000_000_000L;
    synchronized (this) {
      entries.put(outcome.query(), new Entry(outcome, expires));
    }
  }

  private long ttlOf(DnsOutcome outcome) {
    long ttl;
    if (outcome instanceof DnsOutcome.Answer a) {
      ttl = a.minTtl();
    } else if (outcome instanceof DnsOutcome.NoData n) {
      ttl = negativeTtl(n.soa());
    } else if (outcome instanceof DnsOutcome.NxDomain n) {
      ttl = negativeTtl(n.soa());
    } else {
      return 0;
    }
    return Math.min(ttl, maxTtlSeconds);
  }

  private long negativeTtl(Optional<SoaRecord> soa) {
    return soa.map(s -> Math.min(s.ttl(), s.minimum())).orElse(defaultNegativeTtlSeconds);
  }

  private static DnsOutcome age(DnsOutcome outcome, long remaining) {
    if (outcome instanceof DnsOutcome.Answer a) {
      List<CnameRecord> chain = a.cnameChain().stream().map(c -> c.withTtl(Math.min(c.ttl(), remaining))).toList();
      List<DnsRecord> records = a.answers().stream().map(r -> (DnsRecord) r.withTtl(Math.min(r.ttl(), remaining)))
          .toList();
      return new DnsOutcome.Answer(a.query(), chain, records);
    }
    return outcome;
  }
}
