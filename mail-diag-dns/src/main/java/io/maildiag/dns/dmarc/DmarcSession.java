package io.maildiag.dns.dmarc;

import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsResolver;
import io.maildiag.dns.RecordType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One evaluation's DNS work: each question asked once, in order. Not thread-safe; not shared. */
final class DmarcSession {
  private final DnsResolver resolver;
  private final Duration timeout;
  private final Map<DnsQuery, DnsOutcome> outcomes = new LinkedHashMap<>();
  private final Map<DomainName, DmarcRecordLookup> lookups = new LinkedHashMap<>();

  DmarcSession(DnsResolver resolver, Duration timeout) {
    this.resolver = resolver;
    this.timeout = timeout;
  }

  DnsOutcome ask(DomainName name, RecordType type) {
    DnsQuery q = DnsQuery.of(name, type);
    DnsOutcome cached = outcomes.get(q);
    if (cached != null) {
      return cached;
    }
    DnsOutcome o;
    try {
      o = resolver.resolve(q).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (o == null) {
        o = new DnsOutcome.ServFail(q, List.of(), "resolver returned no outcome");
      }
    } catch (TimeoutException e) {
      o = new DnsOutcome.Timeout(q, List.of(), timeout, "no answer within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      o = new DnsOutcome.ServFail(q, List.of(), "interrupted");
    } catch (ExecutionException | RuntimeException e) {
      o = new DnsOutcome.ServFail(q, List.of(), "resolver failed: " + e);
    }
    outcomes.put(q, o);
    return o;
  }

  /** Returns the DMARC lookup of {@code domain}, asking DNS at most once per session. */
  DmarcRecordLookup lookup(DomainName domain) {
    DmarcRecordLookup l = lookups.get(domain);
    if (l != null) {
      return l;
    }
    ParseResult<DomainName> name = domain.resolve("_dmarc");
    if (name.value().isEmpty()) {
      // _dmarc.<domain> is longer than DNS allows: no record can exist there.
      l = new DmarcRecordLookup(domain, DmarcRecordLookup.Status.NOT_FOUND, Optional.empty(),
          Optional.empty(), DnsOutcome.Kind.NXDOMAIN, List.of());
    } else {
      l = DmarcRecordLookup.interpret(domain, ask(name.value().get(), RecordType.TXT));
    }
    lookups.put(domain, l);
    return l;
  }

  List<DnsQuery> queries() {
    return new ArrayList<>(outcomes.keySet());
  }

  List<DmarcRecordLookup> lookups() {
    return new ArrayList<>(lookups.values());
  }
}
