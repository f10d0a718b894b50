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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/**
 * Live DNS over dnsjava's {@link SimpleResolver}: one UDP query per attempt (TCP when the answer is
 * truncated), retries across the servers, a time budget per question, CNAME restarts, a
 * TTL-respecting cache with negative caching, in-flight de-duplication and bounded concurrency.
 * Every dnsjava result and exception becomes a {@link DnsOutcome}.
 *
 * <p>Threads: dnsjava's selector thread does the I/O; parsing and every continuation run on a
 * shared pool of daemon threads ({@code mail-diag-dns-N}), and the stage returned by {@link
 * #resolve} is always completed on that pool, so that a caller's callback that blocks can neither
 * stall dnsjava nor the JDK's timer thread that enforces the budget.
 */
public final class DnsjavaResolver {
  private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);

  /** Durations above this are treated as this (and stay clear of nanosecond overflow). */
  static final Duration MAX_DURATION = Duration.ofDays(1);

  private static final ExecutorService SHARED_EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads());

  private final List<InetSocketAddress> servers;
  private final List<SimpleResolver> resolvers;
  /** The same servers without EDNS0, for servers that reject it; empty when EDNS0 is off. */
  private final List<SimpleResolver> plainResolvers;
  private final int retries;
  private final long attemptTimeoutNanos;
  private final long budgetNanos;
  private final int maxCnameChain;
  private final OutcomeCache cache;
  private final AsyncLimiter limiter;
  private final LongSupplier nanoClock;
  private final Executor executor;
  private final ConcurrentHashMap<DnsQuery, CompletableFuture<DnsOutcome>> inFlight = new ConcurrentHashMap<>();

  /**
   * Configuration, validated by the public builder.
   *
   * @param servers servers asked, in order (at least one)
   * @param attemptTimeout the longest one attempt may take
   * @param retries attempts after the first, rotating through the servers
   * @param budget the longest one question may take, retries and CNAME restarts included
   * @param edns whether queries carry an EDNS0 OPT record
   * @param ednsPayloadSize the UDP payload size advertised with EDNS0
   * @param tcp whether every query goes over TCP
   * @param maxCnameChain the most CNAMEs followed for one question
   * @param cacheSize the most outcomes cached; 0 turns the cache off
   * @param maxCacheTtl the longest time an outcome stays cached
   * @param defaultNegativeTtl how long a negative outcome without SOA stays cached
   * @param maxConcurrentQueries the most queries on the wire at once
   */
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
      int maxConcurrentQueries) {
    /** Checks for null and copies the server list. */
    public Config {
      servers = List.copyOf(servers);
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
      Objects.requireNonNull(budget, "budget");
      Objects.requireNonNull(maxCacheTtl, "maxCacheTtl");
      Objects.requireNonNull(defaultNegativeTtl, "defaultNegativeTtl");
    }
  }

  /** Creates a resolver for {@code config}. */
  public DnsjavaResolver(Config config) {
    this(config, System::nanoTime, SHARED_EXECUTOR);
  }

  DnsjavaResolver(Config config, LongSupplier nanoClock) {
    this(config, nanoClock, SHARED_EXECUTOR);
  }

  DnsjavaResolver(Config config, LongSupplier nanoClock, Executor executor) {
    this.servers = config.servers();
    Duration attemptTimeout = cap(config.attemptTimeout());
    List<SimpleResolver> list = new ArrayList<>();
    List<SimpleResolver> plain = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      SimpleResolver r = new SimpleResolver(server);
      r.setTimeout(attemptTimeout);
      r.setTCP(config.tcp());
      if (config.edns()) {
        r.setEDNS(0, config.ednsPayloadSize(), 0, List.of());
        SimpleResolver p = new SimpleResolver(server);
        p.setTimeout(attemptTimeout);
        p.setTCP(config.tcp());
        p.setEDNS(-1, 0, 0, List.of());
        plain.add(p);
      } else {
        r.setEDNS(-1, 0, 0, List.of());
      }
      list.add(r);
    }
    this.resolvers = List.copyOf(list);
    this.plainResolvers = List.copyOf(plain);
    this.retries = Math.max(0, config.retries());
    this.attemptTimeoutNanos = attemptTimeout.toNanos();
    this.budgetNanos = cap(config.budget()).toNanos();
    this.maxCnameChain = Math.max(0, config.maxCnameChain());
    this.cache = new OutcomeCache(config.cacheSize(), config.maxCacheTtl(), config.defaultNegativeTtl(), nanoClock);
    this.limiter = new AsyncLimiter(Math.max(1, config.maxConcurrentQueries()));
    this.nanoClock = nanoClock;
    this.executor = executor;
  }

  private static Duration cap(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return Duration.ofMillis(1);
    }
    return d.compareTo(MAX_DURATION) > 0 ? MAX_DURATION : d;
  }

  /** Returns the system's configured DNS servers (resolv.conf and the like); never the hosts file. */
  public static List<InetSocketAddress> systemServers() {
    List<InetSocketAddress> found;
    try {
      found = org.xbill.DNS.ResolverConfig.getCurrentConfig().servers();
    } catch (RuntimeException e) {
      LOG.debug("cannot read the system's DNS configuration", e);
      found = List.of();
    }
    return found.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", 53)) : List.copyOf(found);
  }

  /** Returns the servers asked, in order. */
  public List<InetSocketAddress> servers() {
    return servers;
  }

  /** Returns the number of unexpired outcomes in the cache. */
  public int cachedEntries() {
    return cache.size();
  }

  /** Empties the cache. */
  public void clearCache() {
    cache.clear();
  }

  /** Returns the number of questions being resolved now (after de-duplication). For tests. */
  int inFlight() {
    return inFlight.size();
  }

  /** Returns the concurrency limiter. For tests. */
  AsyncLimiter limiter() {
    return limiter;
  }

  /** The state of one question, shared by its CNAME restarts. */
  private static final class Question {
    final DnsQuery query;
    final long start;
    final long deadline;
    final Set<DomainName> seen = new HashSet<>();

    Question(DnsQuery query, long start, long deadline) {
      this.query = query;
      this.start = start;
      this.deadline = deadline;
      seen.add(query.name());
    }
  }

  /**
   * Resolves a question within the budget. The stage always completes normally, on a pool thread,
   * never later than the budget (plus scheduling delay).
   */
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    Objects.requireNonNull(query, "query");
    long start = nanoClock.getAsLong();
    Optional<DnsOutcome> cached = cache.get(query);
    if (cached.isPresent()) {
      LOG.trace("cache hit {}", query);
      return CompletableFuture.completedFuture(cached.get());
    }
    CompletableFuture<DnsOutcome> mine = new CompletableFuture<>();
    CompletableFuture<DnsOutcome> existing = inFlight.putIfAbsent(query, mine);
    if (existing != null) {
      LOG.trace("joining the query in flight for {}", query);
      return existing.copy();
    }
    Question question = new Question(query, start, start + budgetNanos);
    CompletableFuture<DnsOutcome> work;
    try {
      work = follow(question, query, List.of());
    } catch (RuntimeException e) {
      work = CompletableFuture.failedFuture(e);
    }
    work.completeOnTimeout(null, budgetNanos, TimeUnit.NANOSECONDS).whenComplete((outcome, error) -> {
      DnsOutcome result;
      try {
        result = finish(question, outcome, error);
      } catch (RuntimeException e) {
        result = new DnsOutcome.ServFail(query, List.of(), "resolver error: " + e);
      }
      inFlight.remove(query, mine);
      completeOnPool(mine, result);
    });
    return mine.copy();
  }

  private DnsOutcome finish(Question question, DnsOutcome outcome, Throwable error) {
    if (error != null) {
      Throwable cause = rootCause(error);
      LOG.debug("unexpected failure resolving {}", question.query, cause);
      return new DnsOutcome.ServFail(question.query, List.of(), "resolver error: " + cause);
    }
    if (outcome == null) {
      return new DnsOutcome.Timeout(question.query, List.of(), elapsed(question),
          "no answer within the budget of " + TimeUnit.NANOSECONDS.toMillis(budgetNanos) + " ms");
    }
    return outcome;
  }

  private void completeOnPool(CompletableFuture<DnsOutcome> future, DnsOutcome result) {
    try {
      executor.execute(() -> future.complete(result));
    } catch (RejectedExecutionException e) {
      future.complete(result);
    }
  }

  private Duration elapsed(Question question) {
    return Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - question.start));
  }

  /** Asks {@code current} and follows CNAMEs that the response leaves unresolved. */
  private CompletableFuture<DnsOutcome> follow(Question question, DnsQuery current, List<CnameRecord> chainSoFar) {
    return exchange(question, current).thenCompose(step -> {
      DnsQuery original = question.query;
      if (step instanceof Pending pending) {
        List<CnameRecord> chain = new ArrayList<>(chainSoFar);
        chain.addAll(pending.chain());
        if (chain.size() > maxCnameChain) {
          return CompletableFuture.completedFuture(
              new DnsOutcome.ServFail(original, chain, "CNAME chain longer than " + maxCnameChain));
        }
        for (CnameRecord c : pending.chain()) {
          if (!question.seen.add(c.target())) {
            return CompletableFuture.completedFuture(
                new DnsOutcome.ServFail(original, chain, "CNAME loop at " + c.target()));
          }
        }
        if (nanoClock.getAsLong() - question.deadline >= 0) {
          return CompletableFuture.completedFuture(new DnsOutcome.Timeout(original, chain, elapsed(question),
              "budget spent before " + pending.next() + " could be asked"));
        }
        LOG.debug("{}: following CNAME to {}", original, pending.next());
        return follow(question, DnsQuery.of(pending.next(), original.type()), chain);
      }
      DnsOutcome done = ((Done) step).outcome();
      DnsOutcome result = chainSoFar.isEmpty() && current.equals(original) ? done : done.reachedVia(original, chainSoFar);
      if (result.cnameChain().size() > maxCnameChain) {
        result = new DnsOutcome.ServFail(original, result.cnameChain(), "CNAME chain longer than " + maxCnameChain);
      }
      cache.put(result);
      return CompletableFuture.completedFuture(result);
    });
  }

  /** The result of one exchange: a final outcome, or a CNAME chain whose target must be asked next. */
  sealed interface Step permits Done, Pending {}

  /** A final outcome. */
  record Done(DnsOutcome outcome) implements Step {}

  /** CNAMEs whose last target the server did not resolve: {@code next} must be asked. */
  record Pending(List<CnameRecord> chain, DomainName next) implements Step {}

  /** Sends one question, with retries across servers, under the concurrency limit. */
  private CompletableFuture<Step> exchange(Question question, DnsQuery query) {
    Record q;
    try {
      q = Record.newRecord(RecordConverter.toName(query.name()), query.type().code(), DClass.IN);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Done(new DnsOutcome.ServFail(query, List.of(), "cannot ask for " + query.name() + ": " + e.getMessage())));
    }
    return attempt(question, query, q, 0, new Failures());
  }

  /** What went wrong in the attempts so far. */
  private static final class Failures {
    String last = "no server configured";
    String malformed;
  }

  private CompletableFuture<Step> attempt(Question question, DnsQuery query, Record q, int attempt, Failures failures) {
    long remaining = question.deadline - nanoClock.getAsLong();
    if (attempt > retries || resolvers.isEmpty() || remaining <= 0) {
      String why = resolvers.isEmpty() ? "no server configured"
          : remaining <= 0 && attempt <= retries ? "budget spent after " + attempt + " attempt(s)"
          : "no answer after " + attempt + " attempt(s)";
      if (failures.malformed != null) {
        return CompletableFuture.completedFuture(new Done(new DnsOutcome.ServFail(query, List.of(),
            why + "; malformed response: " + failures.malformed)));
      }
      return CompletableFuture.completedFuture(new Done(new DnsOutcome.Timeout(query, List.of(), elapsed(question),
          why + (attempt > 0 ? ": " + failures.last : ""))));
    }
    int index = attempt % resolvers.size();
    InetSocketAddress server = servers.get(index);
    return send(question, query, resolvers.get(index), server, q, attempt)
        .thenCompose(response -> {
          if (!plainResolvers.isEmpty() && rejectsEdns(response)) {
            // RFC 6891 section 7: a server that does not know EDNS0 answers FORMERR (or NOTIMP)
            // without an OPT record; ask it again without one.
            LOG.debug("{} rejected EDNS0 for {}; asking again without it", format(server), query);
            return send(question, query, plainResolvers.get(index), server, q, attempt);
          }
          return CompletableFuture.completedFuture(response);
        })
        .handle((response, error) -> {
          if (error != null) {
            return CompletableFuture.<Step>failedFuture(rootCause(error));
          }
          return CompletableFuture.completedFuture(interpret(query, response, server));
        })
        .thenCompose(f -> f)
        .exceptionallyCompose(error -> {
          Throwable cause = rootCause(error);
          if (!(cause instanceof IOException) && !(cause instanceof TimeoutException)) {
            LOG.debug("unexpected failure asking {} for {}", server, query, cause);
            return CompletableFuture.completedFuture(
                new Done(new DnsOutcome.ServFail(query, List.of(), "resolver error: " + cause)));
          }
          String description = format(server) + ": " + describe(cause);
          if (cause instanceof WireParseException) {
            failures.malformed = description;
          }
          failures.last = description;
          LOG.debug("attempt {} for {} failed: {}", attempt + 1, query, description);
          return attempt(question, query, q, attempt + 1, failures);
        });
  }

  /** Sends one message under the concurrency limit, within the attempt timeout and the budget. */
  private CompletableFuture<Message> send(
      Question question, DnsQuery query, SimpleResolver resolver, InetSocketAddress server, Record q, int attempt) {
    return limiter.submit(() -> {
      long left = question.deadline - nanoClock.getAsLong();
      if (left <= 0) {
        // Waited for a permit past the budget: do not send at all.
        return CompletableFuture.failedFuture(new TimeoutException("budget spent waiting to send"));
      }
      LOG.debug("asking {} for {} (attempt {})", format(server), query, attempt + 1);
      // A fresh message, and so a fresh random ID, for every attempt. dnsjava checks its own
      // timeouts only about once a second, so the attempt timeout is enforced here as well; the
      // permit is held no longer than the budget allows.
      return resolver.sendAsync(Message.newQuery(q), executor).toCompletableFuture()
          .orTimeout(Math.min(attemptTimeoutNanos, left), TimeUnit.NANOSECONDS);
    });
  }

  private static boolean rejectsEdns(Message response) {
    int rcode = response.getHeader().getRcode();
    return (rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP) && response.getOPT() == null;
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
        return new Done(new DnsOutcome.Refused(query, chain, format(server) + " refused the query"));
      }
      case Rcode.SERVFAIL -> {
        return new Done(new DnsOutcome.ServFail(query, chain, format(server) + " answered SERVFAIL"));
      }
      default -> {
        return new Done(new DnsOutcome.ServFail(query, chain, format(server) + " answered " + Rcode.string(rcode)));
      }
    }
  }

  /** Returns {@code ip:port}, or {@code [ip6]:port}, in the same form as {@code LiveDnsResolver.servers()}. */
  static String format(InetSocketAddress server) {
    String host = server.getAddress() != null
        ? io.maildiag.core.ip.IpAddress.fromInetAddress(server.getAddress()).toString()
        : server.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + server.getPort();
  }

  private static String describe(Throwable t) {
    if (t instanceof java.net.SocketTimeoutException || t instanceof TimeoutException) {
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

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "mail-diag-dns-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
