package io.maildiag.dns.internal;

import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.SoaRecord;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A bounded LRU cache of outcomes that honours TTLs: answers live for their smallest TTL, NODATA and
 * NXDOMAIN for the negative TTL of their SOA, the lesser of its TTL and its minimum (RFC 2308
 * section 5), or a default when there is no SOA; failures are not cached. Outcomes come back aged:
 * every record's TTL, CNAMEs and the SOA of a negative outcome included, is lowered by the whole
 * seconds spent in the cache, and the SOA of a negative outcome never shows more than the
 * remaining negative TTL. Safe for concurrent use.
 */
final class OutcomeCache {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private record Entry(DnsOutcome outcome, long storedAtNanos, long ttlSeconds) {
    long expiresAtNanos() {
      return storedAtNanos + ttlSeconds * NANOS_PER_SECOND;
    }
  }

  private final int maxEntries;
  private final long maxTtlSeconds;
  private final long defaultNegativeTtlSeconds;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<DnsQuery, Entry> entries;

  OutcomeCache(int maxEntries, Duration maxTtl, Duration defaultNegativeTtl, LongSupplier nanoClock) {
    this.maxEntries = Math.max(0, maxEntries);
    this.maxTtlSeconds = clampSeconds(maxTtl.getSeconds());
    this.defaultNegativeTtlSeconds = clampSeconds(defaultNegativeTtl.getSeconds());
    this.nanoClock = nanoClock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<DnsQuery, OutcomeCache.Entry> eldest) {
        return size() > OutcomeCache.this.maxEntries;
      }
    };
  }

  /** TTLs are 31-bit (RFC 2181 section 8); keeping them there keeps the nanosecond sums exact. */
  private static long clampSeconds(long seconds) {
    return Math.max(0, Math.min(seconds, Integer.MAX_VALUE));
  }

  /** Returns the number of unexpired entries (dropping the expired ones). */
  synchronized int size() {
    long now = nanoClock.getAsLong();
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAtNanos() - now <= 0) {
        it.remove();
      }
    }
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
    long now = nanoClock.getAsLong();
    if (e.expiresAtNanos() - now <= 0) {
      entries.remove(query);
      return Optional.empty();
    }
    long elapsedSeconds = Math.max(0, now - e.storedAtNanos()) / NANOS_PER_SECOND;
    return Optional.of(age(e.outcome(), elapsedSeconds, e.ttlSeconds() - elapsedSeconds));
  }

  void put(DnsOutcome outcome) {
    if (maxEntries == 0) {
      return;
    }
    long ttl = ttlOf(outcome);
    if (ttl <= 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    synchronized (this) {
      entries.put(outcome.query(), new Entry(outcome, now, ttl));
    }
  }

  /** Returns how long an outcome may be cached, in seconds; 0 for not at all. */
  long ttlOf(DnsOutcome outcome) {
    long ttl;
    if (outcome instanceof DnsOutcome.Answer a) {
      ttl = a.minTtl();
    } else if (outcome instanceof DnsOutcome.NoData n) {
      ttl = Math.min(negativeTtl(n.soa()), minTtl(n.cnameChain()));
    } else if (outcome instanceof DnsOutcome.NxDomain n) {
      ttl = Math.min(negativeTtl(n.soa()), minTtl(n.cnameChain()));
    } else {
      return 0;
    }
    return Math.min(clampSeconds(ttl), maxTtlSeconds);
  }

  private long negativeTtl(Optional<SoaRecord> soa) {
    return soa.map(s -> Math.min(s.ttl(), s.minimum())).orElse(defaultNegativeTtlSeconds);
  }

  private static long minTtl(List<CnameRecord> chain) {
    long min = Long.MAX_VALUE;
    for (CnameRecord c : chain) {
      min = Math.min(min, c.ttl());
    }
    return min;
  }

  private static DnsOutcome age(DnsOutcome outcome, long elapsed, long remaining) {
    if (elapsed == 0 && !(outcome instanceof DnsOutcome.NoData) && !(outcome instanceof DnsOutcome.NxDomain)) {
      return outcome;
    }
    List<CnameRecord> chain = outcome.cnameChain().stream().map(c -> c.withTtl(older(c.ttl(), elapsed))).toList();
    if (outcome instanceof DnsOutcome.Answer a) {
      List<DnsRecord> records = a.answers().stream().map(r -> r.withTtl(older(r.ttl(), elapsed))).toList();
      return new DnsOutcome.Answer(a.query(), chain, records);
    } else if (outcome instanceof DnsOutcome.NoData n) {
      return new DnsOutcome.NoData(n.query(), chain, n.soa().map(s -> negativeSoa(s, elapsed, remaining)));
    } else if (outcome instanceof DnsOutcome.NxDomain n) {
      return new DnsOutcome.NxDomain(n.query(), chain, n.soa().map(s -> negativeSoa(s, elapsed, remaining)));
    }
    return outcome;
  }

  private static long older(long ttl, long elapsed) {
    return Math.max(0, ttl - elapsed);
  }

  /** The SOA of a cached negative answer carries the remaining negative TTL (RFC 2308 section 5). */
  private static SoaRecord negativeSoa(SoaRecord soa, long elapsed, long remaining) {
    return soa.withTtl(Math.max(0, Math.min(older(soa.ttl(), elapsed), remaining)));
  }
}
