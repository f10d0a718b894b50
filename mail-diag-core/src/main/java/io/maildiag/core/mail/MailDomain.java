package io.maildiag.core.mail;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.util.Objects;

/**
 * The part of a mailbox after the {@code @}: a domain name or an address literal (RFC 5321 section
 * 4.1.3).
 *
 * @since 0.1
 */
public sealed interface MailDomain {

  /**
   * A domain name, {@code example.com}.
   *
   * @param name the domain
   */
  record Name(DomainName name) implements MailDomain {
    /** Checks for null. */
    public Name {
      Objects.requireNonNull(name, "name");
    }

    /** Returns the domain name. */
    @Override
    public String toString() {
      return name.toString();
    }
  }

  /**
   * An address literal, {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}.
   *
   * @param address the address
   */
  record Literal(IpAddress address) implements MailDomain {
    /** Checks for null. */
    public Literal {
      Objects.requireNonNull(address, "address");
    }

    /** Returns the literal as written in SMTP, with brackets and the {@code IPv6:} tag. */
    @Override
    public String toString() {
      return address.isIpv6() ? "[IPv6:" + address + "]" : "[" + address + "]";
    }
  }
}
