package io.maildiag.dns.spf;

import io.maildiag.core.ip.IpNetwork;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An SPF mechanism (RFC 7208 section 5). {@link #toString()} renders it canonically: lower-case
 * name, arguments as written.
 *
 * @since 0.1
 */
public sealed interface SpfMechanism {

  /** Returns the mechanism name in lower case, {@code "include"}. */
  String name();

  /** Returns whether evaluating it counts against the DNS lookup limit (section 4.6.4). */
  default boolean countsAsLookup() {
    return !(this instanceof All || this instanceof Ip4 || this instanceof Ip6);
  }

  /** {@code all}: always matches. */
  record All() implements SpfMechanism {
    @Override
    public String name() {
      return "all";
    }

    @Override
    public String toString() {
      return "all";
    }
  }

  /**
   * {@code include:domain}: matches when the other domain's policy passes.
   *
   * @param domain the domain-spec
   */
  record Include(MacroString domain) implements SpfMechanism {
    /** Checks for null. */
    public Include {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "include";
    }

    @Override
    public String toString() {
      return "include:" + domain;
    }
  }

  /**
   * {@code a[:domain][/cidr4][//cidr6]}: matches an address of the domain.
   *
   * @param domain the domain-spec; empty means the current domain
   * @param ip4Prefix the IPv4 prefix length, if given
   * @param ip6Prefix the IPv6 prefix length, if given
   */
  record A(Optional<MacroString> domain, OptionalInt ip4Prefix, OptionalInt ip6Prefix) implements SpfMechanism {
    /** Checks for null. */
    public A {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(ip4Prefix, "ip4Prefix");
      Objects.requireNonNull(ip6Prefix, "ip6Prefix");
    }

    @Override
    public String name() {
      return "a";
    }

    @Override
    public String toString() {
      return "a" + render(domain, ip4Prefix, ip6Prefix);
    }
  }

  /**
   * {@code mx[:domain][/cidr4][//cidr6]}: matches an address of one of the domain's MX hosts.
   *
   * @param domain the domain-spec; empty means the current domain
   * @param ip4Prefix the IPv4 prefix length, if given
   * @param ip6Prefix the IPv6 prefix length, if given
   */
  record Mx(Optional<MacroString> domain, OptionalInt ip4Prefix, OptionalInt ip6Prefix) implements SpfMechanism {
    /** Checks for null. */
    public Mx {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(ip4Prefix, "ip4Prefix");
      Objects.requireNonNull(ip6Prefix, "ip6Prefix");
    }

    @Override
    public String name() {
      return "mx";
    }

    @Override
    public String toString() {
      return "mx" + render(domain, ip4Prefix, ip6Prefix);
    }
  }

  /**
   * {@code ptr[:domain]}: matches when a validated reverse name of the client is in the domain.
   * Deprecated by RFC 7208 section 5.5.
   *
   * @param domain the domain-spec; empty means the current domain
   */
  record Ptr(Optional<MacroString> domain) implements SpfMechanism {
    /** Checks for null. */
    public Ptr {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "ptr";
    }

    @Override
    public String toString() {
      return "ptr" + domain.map(d -> ":" + d).orElse("");
    }
  }

  /**
   * {@code ip4:network}: matches an IPv4 client in the network.
   *
   * @param network the network
   */
  record Ip4(IpNetwork network) implements SpfMechanism {
    /** Checks the family. */
    public Ip4 {
      if (!network.address().isIpv4()) {
        throw new IllegalArgumentException("ip4 needs an IPv4 network: " + network);
      }
    }

    @Override
    public String name() {
      return "ip4";
    }

    @Override
    public String toString() {
      return network.prefixLength() == 32 ? "ip4:" + network.address() : "ip4:" + network;
    }
  }

  /**
   * {@code ip6:network}: matches an IPv6 client in the network.
   *
   * @param network the network
   */
  record Ip6(IpNetwork network) implements SpfMechanism {
    /** Checks the family. */
    public Ip6 {
      if (!network.address().isIpv6()) {
        throw new IllegalArgumentException("ip6 needs an IPv6 network: " + network);
      }
    }

    @Override
    public String name() {
      return "ip6";
    }

    @Override
    public String toString() {
      return network.prefixLength() == 128 ? "ip6:" + network.address() : "ip6:" + network;
    }
  }

  /**
   * {@code exists:domain}: matches when the domain has an A record.
   *
   * @param domain the domain-spec, usually with macros
   */
  record Exists(MacroString domain) implements SpfMechanism {
    /** Checks for null. */
    public Exists {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "exists";
    }

    @Override
    public String toString() {
      return "exists:" + domain;
    }
  }

  private static String render(Optional<MacroString> domain, OptionalInt ip4, OptionalInt ip6) {
    StringBuilder sb = new StringBuilder();
    domain.ifPresent(d -> sb.append(':').append(d));
    ip4.ifPresent(p -> sb.append('/').append(p));
    ip6.ifPresent(p -> sb.append("//").append(p));
    return sb.toString();
  }
}
