package io.maildiag.core.mail;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox as SMTP carries it (RFC 5321 section 4.1.2): {@code local-part@domain}.
 *
 * <p>The local part is a dot-string ({@code john.doe}) or a quoted string ({@code "john doe"}); the
 * domain is a {@link DomainName} or an address literal ({@code [192.0.2.1]}, {@code
 * [IPv6:2001:db8::1]}). UTF-8 in the local part is accepted as RFC 6531 (SMTPUTF8) allows, and
 * reported by {@link #isInternationalized()}. One pair of enclosing angle brackets is accepted
 * and removed. The local part is kept exactly as written; {@link #decodedLocalPart()} removes the
 * quoting.
 *
 * <p>Immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class MailAddress {

  /** The most octets in a local part (RFC 5321 section 4.5.3.1.1). */
  public static final int MAX_LOCAL_PART_LENGTH = 64;

  private static final int MAX_INPUT_LENGTH = 4096;
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private final String localPart;
  private final MailDomain domain;

  private MailAddress(String localPart, MailDomain domain) {
    this.localPart = localPart;
    this.domain = domain;
  }

  /**
   * Returns the mailbox with the given parts.
   *
   * @throws io.maildiag.core.InvalidInputException if {@code localPart} is not a valid local part, or
   *     {@code domain} is not a mail domain: the root, or a name with a char other than a letter, a
   *     digit, a hyphen, an underscore or a dot (a {@link DomainName} may hold others, such as
   *     {@code *} or {@code /})
   */
  public static MailAddress of(String localPart, DomainName domain) {
    return parse(localPart + "@" + domain).orElseThrow();
  }

  /**
   * Parses a mailbox known to be valid, such as a constant.
   *
   * @throws io.maildiag.core.InvalidInputException if it is not valid
   */
  public static MailAddress of(String mailbox) {
    return parse(mailbox).orElseThrow();
  }

  /** Parses a mailbox. Never throws: errors are diagnostics with their position. */
  public static ParseResult<MailAddress> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    if (s.length() > MAX_INPUT_LENGTH) {
      return ParseResult.failure(Diagnostic.error(MailCodes.ADDRESS_TOO_LONG,
          "mailbox of " + s.length() + " characters is far too long").at(s, 0, s.length()));
    }
    int begin = 0;
    int end = s.length();
    if (end >= 2 && s.charAt(0) == '<' && s.charAt(end - 1) == '>') {
      begin = 1;
      end--;
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    int at;
    if (begin < end && s.charAt(begin) == '"') {
      int close = scanQuoted(s, begin, end, diagnostics);
      if (close < 0) {
        return ParseResult.failure(diagnostics);
      }
      at = close + 1;
      if (at >= end || s.charAt(at) != '@') {
        return ParseResult.failure(Diagnostic.error(MailCodes.ADDRESS_MISSING_PART,
                "expected '@' after the quoted local part")
            .withReference("RFC 5321 section 4.1.2")
            .at(s, Math.min(at, s.length()), 0));
      }
    } else {
      at = s.lastIndexOf('@', end - 1);
      if (at < begin) {
        return ParseResult.failure(Diagnostic.error(MailCodes.ADDRESS_MISSING_PART, "no '@' in mailbox")
            .withReference("RFC 5321 section 4.1.2")
            .at(s, begin, end - begin));
      }
      if (!checkDotString(s, begin, at, diagnostics)) {
        return ParseResult.failure(diagnostics);
      }
    }
    String local = s.substring(begin, at);
    if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_PART_LENGTH) {
      diagnostics.add(Diagnostic.warning(MailCodes.ADDRESS_LOCAL_PART_TOO_LONG,
              "local part is longer than " + MAX_LOCAL_PART_LENGTH + " octets")
          .withReference("RFC 5321 section 4.5.3.1.1")
          .at(s, begin, local.length()));
    }
    int domainStart = at + 1;
    String domainText = s.substring(domainStart, end);
    if (domainText.isEmpty()) {
      diagnostics.add(Diagnostic.error(MailCodes.ADDRESS_MISSING_PART, "nothing after '@'")
          .withReference("RFC 5321 section 4.1.2")
          .at(s, domainStart, 0));
      return ParseResult.failure(diagnostics);
    }
    Optional<MailDomain> domain = domainText.startsWith("[")
        ? parseLiteral(s, domainStart, domainText, diagnostics)
        : parseDomain(s, domainStart, domainText, diagnostics);
    return domain.isPresent()
        ? ParseResult.success(new MailAddress(local, domain.get()), diagnostics)
        : ParseResult.failure(diagnostics);
  }

  /** Returns the index of the closing quote, or -1 after adding a diagnostic. */
  private static int scanQuoted(String s, int begin, int end, List<Diagnostic> out) {
    int i = begin + 1;
    while (i < end) {
      char c = s.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        if (i + 1 >= end || s.charAt(i + 1) < 32 || s.charAt(i + 1) == 127) {
          out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_QUOTED_STRING, "invalid quoted pair")
              .withReference("RFC 5321 section 4.1.2").at(s, i, 1));
          return -1;
        }
        i += 2;
        continue;
      }
      if (c < 32 || c == 127) {
        out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_QUOTED_STRING,
                String.format(java.util.Locale.ROOT, "control character U+%04X in quoted local part", (int) c))
            .withReference("RFC 5321 section 4.1.2").at(s, i, 1));
        return -1;
      }
      i++;
    }
    out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_QUOTED_STRING, "quoted local part is not closed")
        .withReference("RFC 5321 section 4.1.2").at(s, begin, end - begin));
    return -1;
  }

  private static boolean checkDotString(String s, int begin, int at, List<Diagnostic> out) {
    if (at == begin) {
      out.add(Diagnostic.error(MailCodes.ADDRESS_MISSING_PART, "empty local part")
          .withReference("RFC 5321 section 4.1.2").at(s, begin, 0));
      return false;
    }
    boolean previousDot = true;
    for (int i = begin; i < at; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (previousDot) {
          out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_LOCAL_PART,
                  "a dot may not start the local part or follow another dot")
              .withReference("RFC 5321 section 4.1.2").at(s, i, 1));
          return false;
        }
        previousDot = true;
        continue;
      }
      if (!isAtext(c)) {
        out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_LOCAL_PART,
                "character " + describe(c) + " needs a quoted local part")
            .withReference("RFC 5321 section 4.1.2").at(s, i, 1));
        return false;
      }
      previousDot = false;
    }
    if (previousDot) {
      out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_LOCAL_PART, "the local part may not end with a dot")
          .withReference("RFC 5321 section 4.1.2").at(s, at - 1, 1));
      return false;
    }
    return true;
  }

  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || ATEXT_SPECIALS.indexOf(c) >= 0 || (c >= 0x80 && !Character.isISOControl(c));
  }

  private static String describe(char c) {
    return c < 32 || c == 127 ? String.format(java.util.Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
  }

  private static Optional<MailDomain> parseDomain(String s, int offset, String text, List<Diagnostic> out) {
    // RFC 5321 domains are host names: letters, digits, hyphens (and, tolerated, underscores).
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.';
      if (!ok) {
        out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_DOMAIN,
                "character " + describe(c) + " is not allowed in a mail domain")
            .withReference("RFC 5321 section 4.1.2").at(s, offset + i, 1));
        return Optional.empty();
      }
    }
    ParseResult<DomainName> name = DomainName.parse(text);
    if (name.value().isEmpty()) {
      Diagnostic first = name.errors().get(0);
      int at = offset + first.span().map(sp -> sp.offset()).orElse(0);
      out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_DOMAIN, "invalid domain: " + first.message())
          .withReference("RFC 5321 section 4.1.2").at(s, at, first.span().map(sp -> sp.length()).orElse(0)));
      return Optional.empty();
    }
    DomainName domain = name.value().get();
    if (domain.isRoot()) {
      out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_DOMAIN, "the root '.' is not a mail domain")
          .withReference("RFC 5321 section 4.1.2").at(s, offset, text.length()));
      return Optional.empty();
    }
    // Keep the domain's warnings (such as a hyphen at a label edge), pointing into the mailbox.
    for (Diagnostic d : name.diagnostics()) {
      out.add(d.span()
          .map(sp -> d.at(s, offset + sp.offset(), sp.length()))
          .orElse(d));
    }
    return Optional.of(new MailDomain.Name(domain));
  }

  private static Optional<MailDomain> parseLiteral(String s, int offset, String text, List<Diagnostic> out) {
    if (!text.endsWith("]")) {
      out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_LITERAL, "address literal is not closed with ']'")
          .withReference("RFC 5321 section 4.1.3").at(s, offset, text.length()));
      return Optional.empty();
    }
    String inner = text.substring(1, text.length() - 1);
    boolean v6 = inner.regionMatches(true, 0, "IPv6:", 0, 5);
    String literal = v6 ? inner.substring(5) : inner;
    ParseResult<IpAddress> ip = IpAddress.parse(literal);
    if (ip.value().isEmpty() || ip.value().get().isIpv6() != v6) {
      out.add(Diagnostic.error(MailCodes.ADDRESS_INVALID_LITERAL,
              "'" + text + "' is not an IPv4 literal or an IPv6 literal tagged 'IPv6:'")
          .withReference("RFC 5321 section 4.1.3").at(s, offset, text.length()));
      return Optional.empty();
    }
    return Optional.of(new MailDomain.Literal(ip.value().get()));
  }

  /** Returns the local part exactly as written, quotes included. */
  public String localPart() {
    return localPart;
  }

  /** Returns the local part with quoting and quoted pairs removed: {@code "a b"} gives {@code a b}. */
  public String decodedLocalPart() {
    if (!localPart.startsWith("\"")) {
      return localPart;
    }
    StringBuilder sb = new StringBuilder(localPart.length());
    for (int i = 1; i < localPart.length() - 1; i++) {
      char c = localPart.charAt(i);
      if (c == '\\' && i + 1 < localPart.length() - 1) {
        c = localPart.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Returns the domain: a name or an address literal. */
  public MailDomain domain() {
    return domain;
  }

  /** Returns the domain name; empty when the domain is an address literal. */
  public Optional<DomainName> domainName() {
    return domain instanceof MailDomain.Name n ? Optional.of(n.name()) : Optional.empty();
  }

  /** Returns whether the local part has non-ASCII characters (needs SMTPUTF8, RFC 6531). */
  public boolean isInternationalized() {
    for (int i = 0; i < localPart.length(); i++) {
      if (localPart.charAt(i) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code local-part@domain}, the domain normalised. */
  @Override
  public String toString() {
    return localPart + "@" + domain;
  }

  /**
   * Compares the local part exactly (it is case-sensitive, RFC 5321 section 2.4) and the domain in
   * normalised form.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MailAddress other && localPart.equals(other.localPart) && domain.equals(other.domain);
  }

  @Override
  public int hashCode() {
    return localPart.hashCode() * 31 + domain.hashCode();
  }
}
