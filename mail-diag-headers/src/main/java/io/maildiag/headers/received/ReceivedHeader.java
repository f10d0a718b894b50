package io.maildiag.headers.received;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Received} trace field (RFC 5321 section 4.4, RFC 5322 section 3.6.7), read from the
 * forms real MTAs write.
 *
 * <p>The grammar is {@code [from X] [by Y] [via Z] [with P] [id I] [for R] ; date}, with comments
 * anywhere. Comments are read for the connection details MTAs put in them: the reverse-DNS name
 * and IP address of the client ({@code (mail.example.com [192.0.2.1])}, qmail's {@code (HELO x)
 * (192.0.2.1)}, Exim's {@code ([192.0.2.1] helo=x)}, Exchange's bare {@code (2001:db8::1)}), TLS
 * parameters ({@code (version=TLS1_3 cipher=... bits=256/256)}, Postfix's {@code (using TLSv1.3
 * with cipher ...)}, Exim's {@code (TLS1.3) tls CIPHER}, IronPort's {@code ESMTP/TLS/CIPHER}),
 * authentication and the envelope sender. Keywords inside comments never start a clause.
 *
 * <p>Every component is what the field says, not what is true: Received fields below the first one
 * your own systems added can be forged.
 *
 * @param value the unfolded field value that was parsed
 * @param from the text after {@code from}, as written (the name the client gave, or the verified
 *     host name, depending on the MTA)
 * @param helo the HELO/EHLO name when the field states it ({@code helo=x}, {@code (HELO x)}),
 *     otherwise the same as {@link #from()}
 * @param reverseDns the client's reverse-DNS name from the connection comment, without a trailing
 *     dot; empty when absent or written as {@code unknown}
 * @param ip the client's IP address, from the connection comment or, failing that, a literal
 *     {@code from}
 * @param by the text after {@code by}: the receiving host
 * @param byIp the receiving host's IP address when the field states it
 * @param via the text after {@code via} ({@code Frontend Transport}, a host name)
 * @param with the text after {@code with}, as written ({@code ESMTPS}, {@code Microsoft SMTP Server})
 * @param protocol the protocol keyword in upper case ({@code ESMTPSA}, {@code LMTP}, {@code HTTPS},
 *     {@code MAPI}); Exchange's {@code Microsoft SMTP Server} and {@code Microsoft SMTPSVC} are
 *     {@code ESMTP}
 * @param tls whether the hop was encrypted: an {@code S} protocol (RFC 3848), or TLS details
 * @param authenticated whether the client authenticated: an {@code A} protocol (RFC 3848), or an
 *     authentication comment
 * @param tlsVersion the TLS version as written ({@code TLS1_3}, {@code TLSv1.2})
 * @param tlsCipher the cipher suite as written
 * @param id the text after {@code id}: the receiving host's queue or message identifier
 * @param recipient the address after {@code for}, without angle brackets
 * @param envelopeFrom the envelope sender when the field states it ({@code (envelope-from <a>)})
 * @param software the receiving software when a comment names it ({@code Postfix}, {@code Exim
 *     4.96}, {@code 8.15.2/8.15.2})
 * @param comments the text of every top-level comment, in order, without the parentheses
 * @param date the date-time after the semicolon (or, when there is no semicolon, the date found at
 *     the end)
 * @param diagnostics what was wrong; spans point into {@link #value()}
 * @since 0.1
 */
public record ReceivedHeader(
    String value,
    Optional<String> from,
    Optional<String> helo,
    Optional<String> reverseDns,
    Optional<IpAddress> ip,
    Optional<String> by,
    Optional<IpAddress> byIp,
    Optional<String> via,
    Optional<String> with,
    Optional<String> protocol,
    boolean tls,
    boolean authenticated,
    Optional<String> tlsVersion,
    Optional<String> tlsCipher,
    Optional<String> id,
    Optional<String> recipient,
    Optional<String> envelopeFrom,
    Optional<String> software,
    List<String> comments,
    Optional<MailDate> date,
    List<Diagnostic> diagnostics) {

  /** Checks for nulls and copies the lists. */
  public ReceivedHeader {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(helo, "helo");
    Objects.requireNonNull(reverseDns, "reverseDns");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(byIp, "byIp");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(with, "with");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(tlsVersion, "tlsVersion");
    Objects.requireNonNull(tlsCipher, "tlsCipher");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(software, "software");
    comments = List.copyOf(comments);
    Objects.requireNonNull(date, "date");
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Parses the value of a Received field (the text after {@code Received:}, folded or unfolded).
   * Never throws on bad input and runs in time linear in the input.
   *
   * @param value the field value
   * @return the parsed field; {@link #diagnostics()} says what could not be read
   */
  public static ReceivedHeader parse(String value) {
    return new ReceivedParser(value).parse();
  }

  /** Returns the date-time of the hop, if one was read. */
  public Optional<OffsetDateTime> dateTime() {
    return date.flatMap(MailDate::dateTime);
  }

  /** Returns the instant of the hop, if a date-time was read. */
  public Optional<Instant> instant() {
    return dateTime().map(OffsetDateTime::toInstant);
  }

  /** Returns {@link #by()} as a domain name, when it is one (not an address literal). */
  public Optional<DomainName> byDomain() {
    return by.flatMap(ReceivedHeader::domain);
  }

  /** Returns {@link #from()} as a domain name, when it is one (not an address literal). */
  public Optional<DomainName> fromDomain() {
    return from.flatMap(ReceivedHeader::domain);
  }

  /** Returns whether any clause (from, by, via, with, id, for) was found. */
  public boolean hasClauses() {
    return from.isPresent() || by.isPresent() || via.isPresent() || with.isPresent() || id.isPresent()
        || recipient.isPresent();
  }

  static Optional<DomainName> domain(String s) {
    String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (t.isEmpty() || t.indexOf(':') >= 0 || t.startsWith("[") || (digitsAndDots(t) && IpAddress.parse(t).isSuccess())) {
      return Optional.empty();
    }
    return DomainName.parse(t).value();
  }

  /**
   * Without a colon, only IPv4 dotted quads parse as addresses, and they hold nothing but digits and
   * dots: any other text skips the (failing, diagnostic-building) IpAddress.parse.
   */
  private static boolean digitsAndDots(String t) {
    for (int i = 0, n = t.length(); i < n; i++) {
      char c = t.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Returns the unfolded value. */
  @Override
  public String toString() {
    return value;
  }
}
