package io.maildiag.dns;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * One DNS question: a name and a record type (class IN).
 *
 * @param name the absolute name asked about
 * @param type the record type asked for
 * @since 0.1
 */
public record DnsQuery(DomainName name, RecordType type) {

  /** Checks for null. */
  public DnsQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Returns the question for {@code name} and {@code type}. */
  public static DnsQuery of(DomainName name, RecordType type) {
    return new DnsQuery(name, type);
  }

  /**
   * Returns the question for {@code name} and {@code type}.
   *
   * @throws io.maildiag.core.InvalidInputException if {@code name} is not a valid domain name
   */
  public static DnsQuery of(String name, RecordType type) {
    return new DnsQuery(DomainName.of(name), type);
  }

  /** Returns {@code name/TYPE}, e.g. {@code example.com/MX}. */
  @Override
  public String toString() {
    return name + "/" + type;
  }
}
