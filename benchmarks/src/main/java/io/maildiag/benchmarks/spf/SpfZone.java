package io.maildiag.benchmarks.spf;

import io.maildiag.dns.InMemoryDnsResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The DNS data of the SPF benchmarks, described once and handed to both implementations: mail-diag
 * gets an {@link InMemoryDnsResolver} built from it ({@link #toMailDiagResolver()}), jSPF a {@link
 * JspfInMemoryDnsService} over the same map. Neither implementation sees data the other does not.
 *
 * <p>{@link #realistic()} models a sender domain as commonly published: {@code mx}, {@code a:} of an
 * outbound relay, own ranges, its own {@code _spf} include with a dozen netblocks, an email service
 * provider whose include fans out into three netblock records (IPv4 and IPv6, like large providers
 * publish), and a CRM vendor with an {@code a:} of its own. It uses 9 of the 10 DNS-querying terms
 * RFC 7208 allows, with no void lookup, and some 40 ip4 and 20 ip6 ranges. Addresses are from the
 * documentation (RFC 5737, RFC 3849) and benchmarking (RFC 2544, 198.18.0.0/15) ranges; names are
 * under {@code example.com} and the reserved {@code .example} TLD.
 */
public final class SpfZone {

  /** One resource record's data at a name. */
  public sealed interface Rr permits Txt, A, Aaaa, Mx {}

  /** A TXT record with its character-strings kept apart, as in DNS. */
  public record Txt(List<String> strings) implements Rr {
    /** Copies the strings. */
    public Txt {
      strings = List.copyOf(strings);
    }
  }

  /** An A record. */
  public record A(String address) implements Rr {
    /** Checks for null. */
    public A {
      Objects.requireNonNull(address, "address");
    }
  }

  /** An AAAA record. */
  public record Aaaa(String address) implements Rr {
    /** Checks for null. */
    public Aaaa {
      Objects.requireNonNull(address, "address");
    }
  }

  /** An MX record. */
  public record Mx(int preference, String exchange) implements Rr {
    /** Checks for null. */
    public Mx {
      Objects.requireNonNull(exchange, "exchange");
    }
  }

  private final Map<String, List<Rr>> records;

  private SpfZone(Map<String, List<Rr>> records) {
    Map<String, List<Rr>> copy = new LinkedHashMap<>();
    records.forEach((name, rrs) -> copy.put(normalise(name), List.copyOf(rrs)));
    this.records = Collections.unmodifiableMap(copy);
  }

  /** Returns the records by owner name (lower case, no trailing dot), in the order described. */
  public Map<String, List<Rr>> records() {
    return records;
  }

  /** Returns an in-memory mail-diag resolver holding exactly these records. */
  public InMemoryDnsResolver toMailDiagResolver() {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    records.forEach((name, rrs) -> {
      for (Rr rr : rrs) {
        if (rr instanceof Txt t) {
          b.txt(name, t.strings().toArray(String[]::new));
        } else if (rr instanceof A a) {
          b.a(name, a.address());
        } else if (rr instanceof Aaaa a) {
          b.aaaa(name, a.address());
        } else if (rr instanceof Mx m) {
          b.mx(name, m.preference(), m.exchange());
        }
      }
    });
    return b.build();
  }

  /** Lower-cases a name and drops a trailing dot. */
  static String normalise(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }

  /** The realistic sender policy described in the class comment. */
  public static SpfZone realistic() {
    Builder z = new Builder();

    // The sender domain: mx, an outbound relay, own ranges, then three includes and -all. Split
    // into two character-strings as long records are; an unrelated TXT record sits beside it.
    z.txt("example.com",
        "v=spf1 mx a:smtp-out.example.com ip4:192.0.2.0/25 ip4:192.0.2.192/27 "
            + "ip6:2001:db8:1000::/48 ip6:2001:db8:1001::/48 ",
        "include:_spf.example.com include:_spf.esp.example include:spf.crm.example -all");
    z.txt("example.com", "site-verification=4c1f7a0e9b2d4e6f8a1c3b5d7e9f0a2b");
    z.mx("example.com", 10, "mx1.example.com");
    z.mx("example.com", 20, "mx2.example.com");
    z.a("example.com", "192.0.2.10");
    z.aaaa("example.com", "2001:db8:1000::10");
    z.a("mx1.example.com", "192.0.2.25");
    z.aaaa("mx1.example.com", "2001:db8:1000::25");
    z.a("mx2.example.com", "192.0.2.26");
    z.aaaa("mx2.example.com", "2001:db8:1000::26");
    z.a("smtp-out.example.com", "192.0.2.30", "192.0.2.31");
    z.aaaa("smtp-out.example.com", "2001:db8:1000::30");

    // The domain's own netblocks: 12 ip4 and 4 ip6 ranges, ~all.
    z.txt("_spf.example.com",
        "v=spf1 ip4:198.18.0.0/24 ip4:198.18.1.0/24 ip4:198.18.4.0/22 ip4:198.18.8.0/21 "
            + "ip4:198.18.16.0/20 ip4:198.18.32.0/23 ip4:198.18.34.0/24 ip4:198.18.35.128/25 "
            + "ip4:198.18.36.0/22 ip4:198.18.40.0/21 ip4:198.18.48.0/20 ip4:198.18.64.17 ",
        "ip6:2001:db8:1100::/40 ip6:2001:db8:1200::/40 ip6:2001:db8:1300::/44 ip6:2001:db8:1310::/44 ~all");

    // An email service provider: one include that fans out into three netblock records.
    z.txt("_spf.esp.example",
        "v=spf1 include:_netblocks1.esp.example include:_netblocks2.esp.example "
            + "include:_netblocks3.esp.example ~all");
    z.txt("_netblocks1.esp.example",
        "v=spf1 ip4:198.18.128.0/20 ip4:198.18.144.0/21 ip4:198.18.152.0/22 ip4:198.18.156.0/23 "
            + "ip4:198.18.158.0/24 ip4:198.18.160.0/19 ip4:198.18.192.0/20 ip4:198.18.208.0/21 "
            + "ip4:198.18.216.0/22 ip4:198.18.220.0/24 ip4:198.18.224.0/19 ip4:203.0.113.128/28 ~all");
    z.txt("_netblocks2.esp.example",
        "v=spf1 ip4:198.19.0.0/20 ip4:198.19.16.0/21 ip4:198.19.24.0/22 ip4:198.19.28.0/24 "
            + "ip4:198.19.32.0/19 ip4:198.19.64.0/19 ip4:198.19.96.0/20 ip4:198.19.112.0/21 "
            + "ip4:198.19.120.0/22 ip4:198.19.124.0/23 ip4:198.19.128.0/18 ip4:198.19.192.0/19 ~all");
    z.txt("_netblocks3.esp.example",
        "v=spf1 ip6:2001:db8:4000::/40 ip6:2001:db8:4100::/40 ip6:2001:db8:4200::/40 "
            + "ip6:2001:db8:4300::/44 ip6:2001:db8:4400::/44 ip6:2001:db8:4800::/37 "
            + "ip6:2001:db8:5000::/36 ip6:2001:db8:6000::/35 ip6:2001:db8:8000::/38 "
            + "ip6:2001:db8:a000::/36 ~all");

    // A CRM vendor sending on the domain's behalf: an a: of its relay and a few ranges, ?all.
    z.txt("spf.crm.example",
        "v=spf1 a:mta.crm.example ip4:203.0.113.0/26 ip4:203.0.113.64/27 ip6:2001:db8:c000::/48 ?all");
    z.a("mta.crm.example", "203.0.113.100", "203.0.113.101");
    z.aaaa("mta.crm.example", "2001:db8:c000::100");

    return z.build();
  }

  /** Collects records by name. Not safe for concurrent use. */
  public static final class Builder {
    private final Map<String, List<Rr>> records = new LinkedHashMap<>();

    private List<Rr> at(String name) {
      return records.computeIfAbsent(normalise(name), k -> new ArrayList<>());
    }

    /** Adds a TXT record. */
    public Builder txt(String name, String... strings) {
      at(name).add(new Txt(List.of(strings)));
      return this;
    }

    /** Adds A records. */
    public Builder a(String name, String... addresses) {
      for (String a : addresses) {
        at(name).add(new A(a));
      }
      return this;
    }

    /** Adds AAAA records. */
    public Builder aaaa(String name, String... addresses) {
      for (String a : addresses) {
        at(name).add(new Aaaa(a));
      }
      return this;
    }

    /** Adds an MX record. */
    public Builder mx(String name, int preference, String exchange) {
      at(name).add(new Mx(preference, exchange));
      return this;
    }

    /** Returns the zone. */
    public SpfZone build() {
      return new SpfZone(records);
    }
  }
}
