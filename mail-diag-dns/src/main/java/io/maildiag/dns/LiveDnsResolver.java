package io.maildiag.dns;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.InvalidInputException;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.internal.DnsjavaResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Live DNS: questions go over the network to recursive resolvers (or, for tests, an authoritative
 * server), built on dnsjava.
 *
 * <pre>{@code
 * DnsResolver dns = LiveDnsResolver.builder()
 *     .server("192.0.2.53")          // or the system's resolvers by default
 *     .attemptTimeout(Duration.ofSeconds(2))
 *     .retries(2)
 *     .budget(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Behaviour:
 *
 * <ul>
 *   <li>Servers: the system's configured resolvers by default (read from {@code /etc/resolv.conf}
 *       or the platform equivalent; 127.0.0.1 if none is configured), or explicit {@code
 *       host[:port]} servers given as IP literals. Names are absolute: the search list and the
 *       hosts file are never used.
 *   <li>Each attempt is one UDP query (EDNS0 with a {@value #DEFAULT_EDNS_PAYLOAD_SIZE}-byte
 *       payload by default) that falls back to TCP when the answer is truncated, and to a query
 *       without EDNS0 when the server rejects EDNS0 with FORMERR or NOTIMP (RFC 6891 section 7).
 *       An attempt ends after {@link Builder#attemptTimeout}. A failed attempt (no answer in
 *       time, unreachable port, a malformed response) is retried on the next server, {@link
 *       Builder#retries} times. An answer, SERVFAIL and REFUSED included, ends the question: it is
 *       not retried. When every attempt failed the outcome is {@link DnsOutcome.Timeout}, or
 *       {@link DnsOutcome.ServFail} if a server answered with a malformed response.
 *   <li>Every question, CNAME restarts and retries included, completes within {@link
 *       Builder#budget}; past it the outcome is {@link DnsOutcome.Timeout}. The returned stage
 *       never completes exceptionally. It is completed on a mail-diag daemon thread (or is already
 *       complete, for a cached outcome), so callbacks that block cannot stall the resolver.
 *   <li>A CNAME whose target the server did not resolve is followed with a new question, up to
 *       {@link Limits#maxCnameChain()} CNAMEs; loops are a {@link DnsOutcome.ServFail}.
 *   <li>A bounded LRU cache keeps answers for their TTL and NODATA/NXDOMAIN for the negative TTL of
 *       the SOA (RFC 2308); failures are not cached. Identical questions in flight share one query.
 *   <li>At most {@link Builder#maxConcurrentQueries} queries are on the wire at once.
 * </ul>
 *
 * <p>Immutable apart from its cache, and safe for concurrent use: build one and share it.
 *
 * @since 0.1
 */
public final class LiveDnsResolver implements DnsResolver {

  /** Default timeout of one attempt: {@value} ms. */
  public static final int DEFAULT_ATTEMPT_TIMEOUT_MILLIS = 2000;
  /** Default number of retries after the first attempt: {@value}. */
  public static final int DEFAULT_RETRIES = 2;
  /** Default EDNS0 UDP payload size: {@value} bytes (the DNS Flag Day 2020 value). */
  public static final int DEFAULT_EDNS_PAYLOAD_SIZE = 1232;
  /** Default number of cached outcomes: {@value}. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;
  /** Default TTL of a negative outcome that carries no SOA: {@value} s. */
  public static final int DEFAULT_NEGATIVE_TTL_SECONDS = 60;
  /** Default longest time an outcome is cached: {@value} s (one day). */
  public static final int DEFAULT_MAX_CACHE_TTL_SECONDS = 86_400;
  /** Default limit on queries on the wire at once: {@value}. */
  public static final int DEFAULT_MAX_CONCURRENT_QUERIES = 64;

  private static final class SystemHolder {
    static final LiveDnsResolver SYSTEM = builder().build();
  }

  private final DnsjavaResolver delegate;
  private final List<String> serverTexts;

  private LiveDnsResolver(DnsjavaResolver delegate) {
    this.delegate = delegate;
    List<String> texts = new ArrayList<>();
    for (InetSocketAddress a : delegate.servers()) {
      texts.add(format(a));
    }
    this.serverTexts = List.copyOf(texts);
  }

  /** Returns the shared resolver over the system's configured DNS servers, with default settings. */
  public static LiveDnsResolver system() {
    return SystemHolder.SYSTEM;
  }

  /** Returns a builder with default settings and the system's servers. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    return delegate.resolve(Objects.requireNonNull(query, "query"));
  }

  /** Returns the servers asked, as {@code ip:port} ({@code [ip6]:port} for IPv6), in order. */
  public List<String> servers() {
    return serverTexts;
  }

  /** Returns the number of unexpired outcomes in the cache. */
  public int cachedOutcomes() {
    return delegate.cachedEntries();
  }

  /** Empties the cache. */
  public void clearCache() {
    delegate.clearCache();
  }

  /** Returns {@code LiveDnsResolver[servers]}, for logs. */
  @Override
  public String toString() {
    return "LiveDnsResolver" + serverTexts;
  }

  /**
   * Parses a DNS server address: {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53},
   * {@code [2001:db8::53]:5353} or {@code localhost[:port]}. The host must be an IP literal (or
   * {@code localhost}): mail-diag does not look up the name of its own DNS server. The port
   * defaults to 53.
   */
  public static ParseResult<InetSocketAddress> parseServer(String text) {
    String s = text.trim();
    String host = s;
    int port = 53;
    String portText = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        return serverError(text, "missing ']'");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return serverError(text, "expected ':port' after ']'");
        }
        portText = rest.substring(1);
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      portText = s.substring(s.indexOf(':') + 1);
    }
    if (portText != null) {
      if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
        return serverError(text, "port '" + portText + "' is not a number");
      }
      port = Integer.parseInt(portText);
      if (port < 1 || port > 65535) {
        return serverError(text, "port " + port + " is not in [1, 65535]");
      }
    }
    if (host.equalsIgnoreCase("localhost")) {
      host = "127.0.0.1";
    }
    ParseResult<IpAddress> ip = IpAddress.parse(host);
    if (ip.value().isEmpty()) {
      return serverError(text, "'" + host + "' is not an IP address (a DNS server must be given by address)");
    }
    return ParseResult.success(new InetSocketAddress(ip.value().get().toInetAddress(), port));
  }

  private static ParseResult<InetSocketAddress> serverError(String text, String why) {
    return ParseResult.failure(Diagnostic.error(DnsCodes.SERVER_INVALID, "invalid DNS server '" + text + "': " + why)
        .withEvidence(text));
  }

  private static String format(InetSocketAddress a) {
    IpAddress ip = IpAddress.fromInetAddress(a.getAddress());
    return (ip.isIpv6() ? "[" + ip + "]" : ip.toString()) + ":" + a.getPort();
  }

  /**
   * Builds a {@link LiveDnsResolver}. Setters check their argument at once. Not safe for
   * concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final List<InetSocketAddress> servers = new ArrayList<>();
    private Duration attemptTimeout = Duration.ofMillis(DEFAULT_ATTEMPT_TIMEOUT_MILLIS);
    private int retries = DEFAULT_RETRIES;
    private Duration budget = Duration.ofSeconds(Limits.DEFAULT_QUERY_TIMEOUT_SECONDS);
    private boolean edns = true;
    private int ednsPayloadSize = DEFAULT_EDNS_PAYLOAD_SIZE;
    private boolean tcp;
    private int maxCnameChain = Limits.DEFAULT_MAX_CNAME_CHAIN;
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private Duration maxCacheTtl = Duration.ofSeconds(DEFAULT_MAX_CACHE_TTL_SECONDS);
    private Duration negativeTtl = Duration.ofSeconds(DEFAULT_NEGATIVE_TTL_SECONDS);
    private int maxConcurrentQueries = DEFAULT_MAX_CONCURRENT_QUERIES;

    private Builder() {}

    /**
     * Adds a server, {@code host[:port]} as {@link #parseServer(String)} reads it. Servers are
     * asked in the order added; without any, the system's servers are used.
     *
     * @throws InvalidInputException if the text is not a valid server address
     */
    public Builder server(String hostAndPort) {
      servers.add(parseServer(hostAndPort).orElseThrow());
      return this;
    }

    /** Adds a server by socket address. */
    public Builder server(InetSocketAddress address) {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("server address must be resolved: " + address);
      }
      servers.add(address);
      return this;
    }

    /**
     * Sets the timeout of one attempt (default {@value #DEFAULT_ATTEMPT_TIMEOUT_MILLIS} ms). Values
     * above one day are taken as one day.
     */
    public Builder attemptTimeout(Duration timeout) {
      attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /** Sets the number of retries after a failed first attempt (default {@value #DEFAULT_RETRIES}). */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be in [0, 10]: " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * Sets the most time one question may take, retries and CNAME restarts included (default
     * {@link Limits#DEFAULT_QUERY_TIMEOUT_SECONDS} s). Values above one day are taken as one day.
     */
    public Builder budget(Duration budget) {
      this.budget = positive(budget, "budget");
      return this;
    }

    /** Takes the budget ({@link Limits#queryTimeout()}) and the CNAME limit from {@code limits}. */
    public Builder limits(Limits limits) {
      this.budget = limits.queryTimeout();
      this.maxCnameChain = limits.maxCnameChain();
      return this;
    }

    /** Turns EDNS0 on or off (default on). Without it, answers over 512 bytes need TCP. */
    public Builder edns(boolean enabled) {
      this.edns = enabled;
      return this;
    }

    /** Sets the EDNS0 UDP payload size, 512 to 4096 (default {@value #DEFAULT_EDNS_PAYLOAD_SIZE}). */
    public Builder ednsPayloadSize(int size) {
      if (size < 512 || size > 4096) {
        throw new IllegalArgumentException("EDNS payload size must be in [512, 4096]: " + size);
      }
      this.ednsPayloadSize = size;
      return this;
    }

    /** Sends every query over TCP instead of UDP (default off: UDP, with TCP after truncation). */
    public Builder tcpOnly(boolean tcp) {
      this.tcp = tcp;
      return this;
    }

    /** Sets the number of outcomes cached; 0 turns the cache off (default {@value #DEFAULT_CACHE_SIZE}). */
    public Builder cacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0: " + size);
      }
      this.cacheSize = size;
      return this;
    }

    /** Caps the time any outcome stays cached (default one day). */
    public Builder maxCacheTtl(Duration ttl) {
      this.maxCacheTtl = positive(ttl, "maxCacheTtl");
      return this;
    }

    /** Sets how long a negative outcome without SOA is cached (default {@value #DEFAULT_NEGATIVE_TTL_SECONDS} s). */
    public Builder negativeTtl(Duration ttl) {
      this.negativeTtl = positive(ttl, "negativeTtl");
      return this;
    }

    /** Sets the limit on queries on the wire at once (default {@value #DEFAULT_MAX_CONCURRENT_QUERIES}). */
    public Builder maxConcurrentQueries(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentQueries must be >= 1: " + max);
      }
      this.maxConcurrentQueries = max;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    /** Returns the resolver. */
    public LiveDnsResolver build() {
      List<InetSocketAddress> chosen = servers.isEmpty() ? DnsjavaResolver.systemServers() : servers;
      return new LiveDnsResolver(new DnsjavaResolver(new DnsjavaResolver.Config(chosen, attemptTimeout, retries,
          budget, edns, ednsPayloadSize, tcp, maxCnameChain, cacheSize, maxCacheTtl, negativeTtl,
          maxConcurrentQueries)));
    }
  }
}
