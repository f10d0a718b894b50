package io.maildiag.benchmarks.spf;

/**
 * The SPF checks benchmarked against {@link SpfZone#realistic()}, each with the result RFC 7208
 * gives (the lower-case RFC name, as both libraries spell it) and the DNS-querying terms it spends.
 */
public enum SpfScenario {

  /**
   * An IPv4 client authorised by the sixth range of {@code _netblocks2.esp.example}, two includes
   * deep, after {@code mx}, {@code a:}, the own ranges and {@code _spf.example.com} did not match.
   */
  DEEP_INCLUDE_PASS("198.19.77.9", "bounce@example.com", "mail.esp.example", "pass", 6),

  /** An IPv4 client nothing authorises: every term is evaluated and {@code -all} decides. */
  FAIL_AFTER_ALL_INCLUDES("203.0.113.200", "alice@example.com", "unknown.example", "fail", 9),

  /**
   * An IPv6 client authorised by an ip6 range of {@code _netblocks3.esp.example}: the {@code mx}
   * and {@code a:} terms ask AAAA questions, and every earlier include is evaluated.
   */
  IPV6_PASS("2001:db8:6a5c::25", "newsletter@example.com", "out6.esp.example", "pass", 7);

  private final String ip;
  private final String sender;
  private final String helo;
  private final String expected;
  private final int dnsLookups;

  SpfScenario(String ip, String sender, String helo, String expected, int dnsLookups) {
    this.ip = ip;
    this.sender = sender;
    this.helo = helo;
    this.expected = expected;
    this.dnsLookups = dnsLookups;
  }

  /** Returns the client's address literal. */
  public String ip() {
    return ip;
  }

  /** Returns the MAIL FROM address. */
  public String sender() {
    return sender;
  }

  /** Returns the HELO name. */
  public String helo() {
    return helo;
  }

  /** Returns the expected result, lower case ({@code "pass"}, {@code "fail"}, ...). */
  public String expected() {
    return expected;
  }

  /** Returns the DNS-querying terms (RFC 7208 section 4.6.4) the evaluation spends. */
  public int dnsLookups() {
    return dnsLookups;
  }
}
