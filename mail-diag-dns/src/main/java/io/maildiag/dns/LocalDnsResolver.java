package io.maildiag.dns;

/**
 * A resolver that answers from records it holds itself, with no network: {@link
 * InMemoryDnsResolver} and {@link ZoneFileResolver}.
 *
 * <p>Local resolvers answer like an authoritative server for everything they hold: a name with
 * records but none of the asked type is NODATA; a name that only exists as an ancestor of a name
 * with records (an empty non-terminal) is NODATA too; every other name is NXDOMAIN. CNAMEs are
 * followed within the local data (with loop detection) and wildcard owners ({@code *.example.com})
 * are expanded as RFC 4592 describes.
 *
 * @since 0.1
 */
public sealed interface LocalDnsResolver extends DnsResolver permits InMemoryDnsResolver, ZoneFileResolver {

  /**
   * Returns whether this resolver holds data for the question: records of the asked type at the
   * name, a CNAME at the name, or a simulated failure for the name. {@link
   * DnsResolver#overlay(LocalDnsResolver, DnsResolver)} answers exactly these questions locally.
   */
  boolean covers(DnsQuery query);

  /** Returns every record held, in DNSSEC canonical name order and then by type. */
  java.util.List<DnsRecord> records();
}
