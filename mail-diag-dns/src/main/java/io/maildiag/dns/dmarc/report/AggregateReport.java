package io.maildiag.dns.dmarc.report;

import java.util.List;
import java.util.Objects;

/**
 * One DMARC aggregate report ({@code feedback}, RFC 7489 section 7.2 and appendix C; RFC 9990).
 * Build one with {@link AggregateReports#parse(byte[])}.
 *
 * @param namespaceUri the namespace of the {@code feedback} element: empty for most RFC 7489
 *     reports, {@value #RFC9990_NAMESPACE} for RFC 9990 ones
 * @param version the {@code version} element's text, empty if absent
 * @param metadata who reported and the span covered
 * @param policy the policy the reporter applied
 * @param records the rows, in document order
 * @param extensions the top-level RFC 9990 extension elements
 * @since 0.1
 */
public record AggregateReport(
    String namespaceUri,
    String version,
    ReportMetadata metadata,
    PolicyPublished policy,
    List<ReportRecord> records,
    List<ReportExtension> extensions) {

  /** The XML namespace of RFC 9990 reports. */
  public static final String RFC9990_NAMESPACE = "urn:ietf:params:xml:ns:dmarc-2.0";

  /** Checks that no component is null and copies the lists. */
  public AggregateReport {
    Objects.requireNonNull(namespaceUri, "namespaceUri");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(policy, "policy");
    records = List.copyOf(records);
    extensions = List.copyOf(extensions);
  }

  /** Returns whether the report uses the RFC 9990 namespace. */
  public boolean isRfc9990() {
    return RFC9990_NAMESPACE.equals(namespaceUri);
  }

  /** Returns the sum of the row counts. */
  public long messageCount() {
    long total = 0;
    for (ReportRecord r : records) {
      total = saturatedAdd(total, r.count());
    }
    return total;
  }

  static long saturatedAdd(long a, long b) {
    long s = a + b;
    return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
  }
}
