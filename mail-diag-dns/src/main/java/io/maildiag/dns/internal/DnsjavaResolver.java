package io.maildiag.dns.internal;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.CnameRecord;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.SoaRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * Live DNS over dnsjava's {@link SimpleResolver}: one UDP query per attempt (TCP when the answer is
 * truncated), retries across the servers, a time budget per question, CNAME restarts, a
 * TTL-respecting cache with negative caching, in-flight de-duplication and bounded concurrency.
 * Every dnsjava result and exception becomes a {@link DnsOutcome}.
 */
public final class DnsjavaResolver {
  private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);

  private final List<InetSocketAddress> servers;
  private final List<SimpleResolver> resolvers;
  private final int retries;
  private final Duration budget;
  private final int maxCnameChain;
  private final OutcomeCache cache;
  private final AsyncLimiter limiter;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<DnsQuery, CompletableFuture<DnsOutcome>> inFlight = new ConcurrentHashMap<>();

  /** Configuration, validated by the public builder. */
  public record Config(
      List<InetSocketAddress> servers,
      Duration attemptTimeout,
      int retries,
      Duration budget,
      boolean edns,
      int ednsPayloadSize,
      boolean tcp,
      int maxCnameChain,
      int cacheSize,
      Duration maxCacheTtl,
      Duration defaultNegativeTtl,
      int maxConcurrentQueries) {}

  public DnsjavaResolver(Config config) {
    this(config, System::nanoTime);
  }

  DnsjavaResolver(Config config, LongSupplier nanoClock) {
    this.servers = List.copyOf(config.servers());
    List<SimpleResolver> list = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      SimpleResolver r = new SimpleResolver(server);
      r.setTimeout(config.attemptTimeout());
      r.setTCP(config.tcp());
      if (config.edns()) {
        r.setEDNS(0, config.ednsPayloadSize(), 0, List.of());
      } else {
        r.setEDNS(-1, 0, 0, List.of());
      }
      list.add(r);
    }
    this.resolvers = List.copyOf(list);
    this.retries = config.retries();
    this.budget = config.budget();
    this.maxCnameChain = config.maxCnameChain();
    this.cache = new OutcomeCache(config.cacheSize(), config.maxCacheTtl(), config.defaultNegativeTtl(), nanoClock);
    this.limiter = new AsyncLimiter(config.maxConcurrentQueries());
    this.nanoClock = nanoClock;
  }

  /** Returns the system's configured DNS servers (resolv.conf and the like); never the hosts file. */
  public static List<InetSocketAddress> systemServers() {
    List<InetSocketAddress> found = org.xbill.DNS.ResolverConfig.getCurrentConfig().servers();
    return found.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", 53)) : List.copyOf(found);
  }

  public List<InetSocketAddress> servers() {
    return servers;
  }

  public int cachedEntries() {
    return cache.size();
  }

  public void clearCache() {
    cache.clear();
  }

  /** Resolves a question within the budget; the stage always completes normally. */
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    long start = nanoClock.getAsLong();
    Optional<DnsOutcome> cached = cache.get(query);
    if (cached.isPresent()) {
      LOG.trace("cache hit {}", query);
      return CompletableFuture.completedFuture(cached.get());
    }
    CompletableFuture<DnsOutcome> mine = new CompletableFuture<>();
    CompletableFuture<DnsOutcome> existing = inFlight.putIfAbsent(query, mine);
    if (existing != null) {
      return existing.thenApply(o -> o);
    }
    follow(query, query, List.of(), new HashSet<>(Set.of(query.name())))
        .completeOnTimeout(null, budget.toNanos(), TimeUnit.NANOSECONDS)
        .handle((outcome, error) -> {
          DnsOutcome result;
          if (error != null) {
            result = new DnsOutcome.ServFail(query, List.of(), "resolver error: " + rootCause(error));
          } else if (outcome == null) {
            result = new DnsOutcome.Timeout(query, List.of(), Duration.ofNanos(nanoClock.getAsLong() - start),
                "no answer within the budget of " + budget.toMillis() + " ms");
          } else {
            result = outcome;
          }
          return result;
        })
        .thenAccept(result -> {
          inFlight.remove(query, mine);
          mine.complete(result);
        });
    return mine.thenApply(o -> o);
  }

  /** Asks {@code current} and follows CNAMEs that the response leaves unresolved. */
  private CompletableFuture<DnsOutcome> follow(
      DnsQuery original, DnsQuery current, List<CnameRecord> chainSoFar, Set<DomainName> seen) {
    return exchange(current).thenCompose(outcome -> {
      if (outcome instanceof Pending pending) {
        List<CnameRecord> chain = new ArrayList<>(chainSoFar);
        chain.addAll(pending.chain());
        DomainName next = pending.next();
        if (chain.size() > maxCnameChain) {
          return CompletableFuture.completedFuture(
              new DnsOutcome.ServFail(original, chain, "CNAME chain longer than " + maxCnameChain));
        }
        if (!seen.add(next)) {
          return CompletableFuture.completedFuture(new DnsOutcome.ServFail(original, chain, "CNAME loop at " + next));
        }
        return follow(original, DnsQuery.of(next, original.type()), chain, seen);
      }
      DnsOutcome done = ((Done) outcome).outcome();
      DnsOutcome result = chainSoFar.isEmpty() && current.equals(original) ? done : done.reachedVia(original, chainSoFar);
      cache.put(result);
      return CompletableFuture.completedFuture(result);
    });
  }

  /** The result of one exchange: a final outcome, or a CNAME chain whose target must be asked next. */
  private sealed interface Step permits Done, Pending {}

  private record Done(DnsOutcome outcome) implements Step {}

  private record Pending(List<CnameRecord> chain, DomainName next) implements Step {}

  /** Sends one question, with retries across servers, under the concurrency limit. */
  private CompletableFuture<Step> exchange(DnsQuery query) {
    Message request;
    try {
      request = Message.newQuery(Record.newRecord(RecordConverter.toName(query.name()), query.type().code(), DClass.IN));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Done(new DnsOutcome.ServFail(query, List.of(), "cannot ask for " + query.name() + ": " + e.getMessage())));
    }
    return attempt(query, request, 0, "no server configured");
  }

  private CompletableFuture<Step> attempt(DnsQuery query, Message request, int attempt, String lastError) {
    if (attempt > retries || resolvers.isEmpty()) {
      return CompletableFuture.completedFuture(new Done(new DnsOutcome.Timeout(query, List.of(), Duration.ZERO,
          "no answer after " + attempt + " attempt(s): " + lastError)));
    }
    SimpleResolver resolver = resolvers.get(attempt % resolvers.size());
    InetSocketAddress server = servers.get(attempt % servers.size());
    LOG.debug("asking {} for {} (attempt {})", server, query, attempt + 1);
    return limiter.submit(() -> resolver.sendAsync(request.clone()).toCompletableFuture())
        .handle((response, error) -> {
          if (error != null) {
            return CompletableFuture.<Step>failedFuture(rootCause(error));
          }
          return CompletableFuture.completedFuture(interpret(query, response, server));
        })
        .thenCompose(f -> f)
        .exceptionallyCompose(error -> {
          Throwable cause = rootCause(error);
          if (!(cause instanceof IOException)) {
            return CompletableFuture.completedFuture(
                new Done(new DnsOutcome.ServFail(query, List.of(), "resolver error: " + cause)));
          }
          String description = server + ": " + describe(cause);
          LOG.debug("attempt {} for {} failed: {}", attempt + 1, query, description);
          return attempt(query, request, attempt + 1, description);
        });
  }

  /** Turns a response into a step. Package-private for tests. */
  static Step interpret(DnsQuery query, Message response, InetSocketAddress server) {
    int rcode = response.getRcode();
    List<CnameRecord> chain = new ArrayList<>();
    DomainName current = query.name();
    List<Record> answer = response.getSection(Section.ANSWER);
    Set<DomainName> seen = new HashSet<>();
    seen.add(current);
    if (query.type() != RecordType.CNAME) {
      boolean moved = true;
      while (moved) {
        moved = false;
        for (Record r : answer) {
          if (r.getType() != org.xbill.DNS.Type.CNAME) {
            continue;
          }
          Optional<DnsRecord> c = RecordConverter.convert(r);
          if (c.isPresent() && c.get() instanceof CnameRecord cname && cname.name().equals(current)) {
            chain.add(cname);
            if (!seen.add(cname.target())) {
              return new Done(new DnsOutcome.ServFail(query, chain, "CNAME loop at " + cname.target()));
            }
            current = cname.target();
            moved = true;
            break;
          }
        }
      }
    }
    Optional<SoaRecord> soa = response.getSection(Section.AUTHORITY).stream()
        .map(RecordConverter::convert)
        .flatMap(Optional::stream)
        .filter(SoaRecord.class::isInstance)
        .map(SoaRecord.class::cast)
        .findFirst();
    switch (rcode) {
      case Rcode.NOERROR -> {
        List<DnsRecord> records = new ArrayList<>();
        for (Record r : answer) {
          if (r.getType() == query.type().code()) {
            Optional<DnsRecord> converted = RecordConverter.convert(r);
            if (converted.isPresent() && converted.get().name().equals(current)) {
              records.add(converted.get());
            }
          }
        }
        if (!records.isEmpty()) {
          return new Done(new DnsOutcome.Answer(query, chain, records));
        }
        if (!chain.isEmpty() && soa.isEmpty()) {
          // The server gave the alias but not what it points to (out of its zone): ask again.
          return new Pending(chain, current);
        }
        return new Done(new DnsOutcome.NoData(query, chain, soa));
      }
      case Rcode.NXDOMAIN -> {
        return new Done(new DnsOutcome.NxDomain(query, chain, soa));
      }
      case Rcode.REFUSED -> {
        return new Done(new DnsOutcome.Refused(query, chain, server + " refused the query"));
      }
      case Rcode.SERVFAIL -> {
        return new Done(new DnsOutcome.ServFail(query, chain, server + " answered SERVFAIL"));
      }
      default -> {
        return new Done(new DnsOutcome.ServFail(query, chain, server + " answered " + Rcode.string(rcode)));
      }
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof java.net.SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
      return "timed out";
    }
    if (t instanceof java.net.PortUnreachableException) {
      return "port unreachable";
    }
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
