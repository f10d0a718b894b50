package io.maildiag.dns;

import io.maildiag.core.Limits;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A resolver over records held in memory: the fake for unit tests of code that uses mail-diag, and
 * the engine behind {@link ZoneFileResolver}.
 *
 * <pre>{@code
 * DnsResolver dns = InMemoryDnsResolver.builder()
 *     .txt("example.com", "v=spf1 ip4:192.0.2.0/24 ", "include:_spf.example.net -all")
 *     .mx("example.com", 10, "mail.example.com")
 *     .a("mail.example.com", "192.0.2.25")
 *     .servfail("broken.example")
 *     .latency("slow.example", Duration.ofMillis(200))
 *     .build();
 * }</pre>
 *
 * <p>Answers follow the rules of {@link LocalDnsResolver}. Simulated faults apply to every type
 * asked at that name. The resolver is immutable and safe for concurrent use; the builder is not.
 *
 * @since 0.1
 */
public final class InMemoryDnsResolver implements LocalDnsResolver {

  /** The TTL given to records added without one: {@value} seconds. */
  public static final long DEFAULT_TTL = 300;

  private final LocalRecordStore store;

  private InMemoryDnsResolver(LocalRecordStore store) {
    this.store = store;
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    return store.resolveAsync(query);
  }

  @Override
  public boolean covers(DnsQuery query) {
    return store.covers(query);
  }

  @Override
  public List<DnsRecord> records() {
    return store.records();
  }

  /**
   * Builds an {@link InMemoryDnsResolver}. Names are parsed with {@link DomainName#of(String)} and
   * addresses with {@link IpAddress#of(String)}; invalid ones throw {@link
   * io.maildiag.core.InvalidInputException} at once. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final List<DnsRecord> records = new ArrayList<>();
    private final Map<DomainName, LocalRecordStore.Fault> faults = new HashMap<>();
    private final Map<DnsQuery, LocalRecordStore.Fault> typedFaults = new HashMap<>();
    private final Map<DomainName, Duration> latencies = new HashMap<>();
    private long ttl = DEFAULT_TTL;
    private int maxCnameChain = Limits.DEFAULT_MAX_CNAME_CHAIN;

    private Builder() {}

    /** Sets the TTL of records added after this call (default {@value InMemoryDnsResolver#DEFAULT_TTL}). */
    public Builder ttl(long seconds) {
      this.ttl = DnsRecord.checkTtl(seconds);
      return this;
    }

    /** Sets how many CNAMEs are followed before SERVFAIL (default {@value Limits#DEFAULT_MAX_CNAME_CHAIN}). */
    public Builder maxCnameChain(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxCnameChain must be >= 0: " + max);
      }
      this.maxCnameChain = max;
      return this;
    }

    /** Adds any record. */
    public Builder record(DnsRecord record) {
      records.add(Objects.requireNonNull(record, "record"));
      return this;
    }

    /** Adds all the records. */
    public Builder records(Iterable<? extends DnsRecord> all) {
      all.forEach(this::record);
      return this;
    }

    /**
     * Adds one TXT record with the given character-strings, kept apart as in DNS.
     *
     * @throws IllegalArgumentException if a string is longer than 255 octets in UTF-8, which DNS
     *     cannot hold
     */
    public Builder txt(String name, String... strings) {
      checkStrings(strings);
      return record(new TxtRecord(DomainName.of(name), RecordType.TXT, ttl, List.of(strings)));
    }

    /**
     * Adds one record of the obsolete type SPF (99) with the given strings.
     *
     * @throws IllegalArgumentException if a string is longer than 255 octets in UTF-8
     */
    public Builder spfType(String name, String... strings) {
      checkStrings(strings);
      return record(new TxtRecord(DomainName.of(name), RecordType.SPF, ttl, List.of(strings)));
    }

    private static void checkStrings(String... strings) {
      for (String s : strings) {
        if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
          throw new IllegalArgumentException(
              "a TXT character-string holds at most 255 octets; split it into several strings");
        }
      }
    }

    /** Adds an A record for each IPv4 address. */
    public Builder a(String name, String... addresses) {
      for (String a : addresses) {
        record(new ARecord(DomainName.of(name), ttl, IpAddress.of(a)));
      }
      return this;
    }

    /** Adds an AAAA record for each IPv6 address. */
    public Builder aaaa(String name, String... addresses) {
      for (String a : addresses) {
        record(new AaaaRecord(DomainName.of(name), ttl, IpAddress.of(a)));
      }
      return this;
    }

    /** Adds an MX record; an exchange of {@code "."} is a null MX (RFC 7505). */
    public Builder mx(String name, int preference, String exchange) {
      return record(new MxRecord(DomainName.of(name), ttl, preference, DomainName.of(exchange)));
    }

    /** Adds a CNAME record: {@code name} is an alias of {@code target}. */
    public Builder cname(String name, String target) {
      return record(new CnameRecord(DomainName.of(name), ttl, DomainName.of(target)));
    }

    /** Adds a PTR record. */
    public Builder ptr(String name, String target) {
      return record(new PtrRecord(DomainName.of(name), ttl, DomainName.of(target)));
    }

    /** Adds a PTR record at the reverse name of {@code address}. */
    public Builder ptrFor(String address, String target) {
      return record(new PtrRecord(IpAddress.of(address).reverseName(), ttl, DomainName.of(target)));
    }

    /** Adds an NS record. */
    public Builder ns(String name, String host) {
      return record(new NsRecord(DomainName.of(name), ttl, DomainName.of(host)));
    }

    /** Adds an SRV record. */
    public Builder srv(String name, int priority, int weight, int port, String target) {
      return record(new SrvRecord(DomainName.of(name), ttl, priority, weight, port, DomainName.of(target)));
    }

    /** Adds a TLSA record with hexadecimal association data. */
    public Builder tlsa(String name, int usage, int selector, int matchingType, String hexData) {
      return record(new TlsaRecord(DomainName.of(name), ttl, usage, selector, matchingType, hexData));
    }

    /** Adds a CAA record. */
    public Builder caa(String name, int flags, String tag, String value) {
      return record(new CaaRecord(DomainName.of(name), ttl, flags, tag, value));
    }

    /** Makes every question at {@code name} come to SERVFAIL. */
    public Builder servfail(String name) {
      faults.put(DomainName.of(name), LocalRecordStore.Fault.SERVFAIL);
      return this;
    }

    /** Makes every question at {@code name} come to REFUSED. */
    public Builder refused(String name) {
      faults.put(DomainName.of(name), LocalRecordStore.Fault.REFUSED);
      return this;
    }

    /**
     * Makes every question at {@code name} come to a timeout. The outcome is immediate unless a
     * {@link #latency} is set for the name too.
     */
    public Builder timeout(String name) {
      faults.put(DomainName.of(name), LocalRecordStore.Fault.TIMEOUT);
      return this;
    }

    /**
     * Makes questions of one {@code type} at {@code name} come to a timeout, while other types are
     * answered from the records: a server that drops some queries. It takes precedence over a
     * fault set for the whole name.
     */
    public Builder timeout(String name, RecordType type) {
      typedFaults.put(DnsQuery.of(DomainName.of(name), type), LocalRecordStore.Fault.TIMEOUT);
      return this;
    }

    /** Makes questions of one {@code type} at {@code name} come to SERVFAIL; other types are answered. */
    public Builder servfail(String name, RecordType type) {
      typedFaults.put(DnsQuery.of(DomainName.of(name), type), LocalRecordStore.Fault.SERVFAIL);
      return this;
    }

    /**
     * Makes {@code name} NXDOMAIN even if records below it exist; in an {@linkplain
     * DnsResolver#overlay overlay} this hides the name from the fallback resolver.
     */
    public Builder nxdomain(String name) {
      faults.put(DomainName.of(name), LocalRecordStore.Fault.NXDOMAIN);
      return this;
    }

    /** Delays every outcome at {@code name} by {@code delay}, as a slow server would. */
    public Builder latency(String name, Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + delay);
      }
      latencies.put(DomainName.of(name), delay);
      return this;
    }

    /** Returns the resolver. */
    public InMemoryDnsResolver build() {
      return new InMemoryDnsResolver(new LocalRecordStore(records, faults, typedFaults, latencies, maxCnameChain));
    }
  }
}
