package io.maildiag.dns.spf;

import io.maildiag.core.ip.IpAddress;
import java.util.Objects;

/**
 * The inputs of one SPF check (RFC 7208 section 4.1): the client IP, the identity checked, and the
 * HELO name.
 *
 * <p>For a MAIL FROM check, {@code sender} is the reverse-path as given in MAIL FROM (without angle
 * brackets); when it is empty (a bounce), the check uses {@code postmaster@<helo>} (section 2.4).
 * A sender without a local part uses {@code postmaster}. For a HELO check, the domain checked is
 * the HELO name.
 *
 * @param ip the SMTP client's address; an IPv4-mapped IPv6 address is checked as IPv4
 * @param sender the MAIL FROM reverse-path, possibly empty
 * @param helo the HELO/EHLO name, possibly empty when unknown
 * @param identity which identity is checked
 * @since 0.1
 */
public record SpfRequest(IpAddress ip, String sender, String helo, Identity identity) {

  /** The identity an SPF check authorises (RFC 7208 section 2). */
  public enum Identity {
    /** The MAIL FROM reverse-path (section 2.4). */
    MAIL_FROM,
    /** The HELO/EHLO name (section 2.3). */
    HELO
  }

  /** Checks for null. */
  public SpfRequest {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(helo, "helo");
    Objects.requireNonNull(identity, "identity");
  }

  /** Returns a MAIL FROM check of {@code sender} from {@code ip} that said HELO {@code helo}. */
  public static SpfRequest mailFrom(IpAddress ip, String sender, String helo) {
    return new SpfRequest(ip, sender, helo, Identity.MAIL_FROM);
  }

  /** Returns a HELO check of {@code helo} from {@code ip}. */
  public static SpfRequest helo(IpAddress ip, String helo) {
    return new SpfRequest(ip, "", helo, Identity.HELO);
  }

  /** Returns the local part used by macros: the sender's, or {@code postmaster}. */
  public String localPart() {
    if (identity == Identity.HELO || sender.isEmpty()) {
      return "postmaster";
    }
    int at = sender.lastIndexOf('@');
    if (at <= 0) {
      return "postmaster";
    }
    return sender.substring(0, at);
  }

  /** Returns the domain checked: the sender's domain, or the HELO name (section 4.1). */
  public String domain() {
    if (identity == Identity.HELO || sender.isEmpty()) {
      return stripDot(helo);
    }
    int at = sender.lastIndexOf('@');
    return stripDot(at < 0 ? sender : sender.substring(at + 1));
  }

  /** Returns the sender used by the {@code s} macro: {@code local@domain}. */
  public String effectiveSender() {
    return localPart() + "@" + domain();
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
