package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extracts the DMARC author domain from the From header field (RFC 9989 section 4.4, RFC 7489
 * section 6.6.1).
 *
 * <p>Exactly one From field with exactly one mailbox is accepted. Several fields, several
 * mailboxes, group syntax, no address and an address-literal domain are errors with their
 * position in the field value concerned (for several fields, in the second one). Comments,
 * quoted strings, display names and folding whitespace are understood; RFC 2047 encoded words in
 * display names need no decoding to find the address.
 *
 * @since 0.1
 */
public final class AuthorDomain {

  private AuthorDomain() {}

  /** Returns the author domain from the unfolded or folded values of the From fields, in order. */
  public static ParseResult<DomainName> fromHeaders(List<String> fromHeaderValues) {
    Objects.requireNonNull(fromHeaderValues, "fromHeaderValues");
    if (fromHeaderValues.isEmpty()) {
      return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_MISSING, "the message has no From field")
          .withReference("RFC 5322 section 3.6").at("", 0, 0));
    }
    if (fromHeaderValues.size() > 1) {
      String second = fromHeaderValues.get(1);
      return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_MULTIPLE_FIELDS,
              fromHeaderValues.size() + " From fields; DMARC needs exactly one (this span is in field 2)")
          .withReference("RFC 5322 section 3.6; RFC 9989 section 4.4")
          .at(second, 0, second.length()));
    }
    return fromValue(fromHeaderValues.get(0));
  }

  /** Returns the author domain from one From field value. */
  public static ParseResult<DomainName> fromValue(String value) {
    Objects.requireNonNull(value, "value");
    // Mask comments and quoted strings, and find the top-level commas, colons and angle brackets.
    char[] mask = value.toCharArray();
    int depth = 0;
    boolean quoted = false;
    int angleOpen = -1;
    List<int[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < value.length()) {
          mask[i] = ' ';
          mask[++i] = ' ';
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          mask[i] = 'x';
        }
        continue;
      }
      if (depth > 0) {
        if (c == '\\' && i + 1 < value.length()) {
          mask[i] = ' ';
          mask[++i] = ' ';
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        mask[i] = ' ';
        continue;
      }
      switch (c) {
        case '"' -> quoted = true;
        case '(' -> {
          depth = 1;
          mask[i] = ' ';
        }
        case '<' -> angleOpen = i;
        case '>' -> angleOpen = -1;
        case ',' -> {
          if (angleOpen < 0) {
            parts.add(new int[] {start, i});
            start = i + 1;
          }
        }
        case ':' -> {
          if (angleOpen < 0) {
            return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_GROUP_SYNTAX,
                    "group syntax in From; DMARC needs a single mailbox")
                .withReference("RFC 5322 section 3.4").at(value, i, 1));
          }
        }
        default -> { }
      }
    }
    if (quoted || depth > 0 || angleOpen >= 0) {
      return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_SYNTAX,
              "unbalanced " + (quoted ? "quote" : depth > 0 ? "comment" : "angle bracket") + " in From")
          .at(value, value.length(), 0));
    }
    parts.add(new int[] {start, value.length()});
    String masked = new String(mask);
    List<int[]> nonEmpty = parts.stream().filter(p -> !masked.substring(p[0], p[1]).isBlank()).toList();
    if (nonEmpty.size() > 1) {
      int[] second = nonEmpty.get(1);
      return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_MULTIPLE_ADDRESSES,
              nonEmpty.size() + " addresses in From; DMARC needs exactly one")
          .withReference("RFC 9989 section 4.4; RFC 7489 section 6.6.1")
          .at(value, second[0], second[1] - second[0]));
    }
    if (nonEmpty.isEmpty()) {
      return noAddress(value, 0, value.length(), "no address in From");
    }
    int a = nonEmpty.get(0)[0];
    int b = nonEmpty.get(0)[1];
    int lt = masked.indexOf('<', a);
    if (lt >= 0 && lt < b) {
      a = lt + 1;
      b = masked.indexOf('>', a);
    }
    int at = masked.lastIndexOf('@', b - 1);
    if (at < a) {
      return noAddress(value, a, b - a, "no '@' in the From address");
    }
    int ds = at + 1;
    while (ds < b && Character.isWhitespace(masked.charAt(ds))) {
      ds++;
    }
    int de = b;
    while (de > ds && Character.isWhitespace(masked.charAt(de - 1))) {
      de--;
    }
    String domain = masked.substring(ds, de);
    if (domain.isEmpty() || domain.startsWith("[") || domain.contains(" ") || domain.contains("x")
        && !value.substring(ds, de).equals(domain)) {
      return noAddress(value, ds, de - ds, "the From address has no usable domain name");
    }
    ParseResult<DomainName> parsed = DomainName.parse(value.substring(ds, de));
    if (parsed.value().isEmpty()) {
      List<Diagnostic> shifted = new ArrayList<>();
      for (Diagnostic d : parsed.diagnostics()) {
        int off = d.span().map(sp -> sp.offset()).orElse(0);
        int len = d.span().map(sp -> sp.length()).orElse(0);
        shifted.add(d.at(value, ds + off, len));
      }
      return ParseResult.failure(shifted);
    }
    return ParseResult.success(parsed.value().get());
  }

  private static ParseResult<DomainName> noAddress(String value, int offset, int length, String msg) {
    return ParseResult.failure(Diagnostic.error(DmarcCodes.FROM_NO_ADDRESS, msg)
        .withReference("RFC 9989 section 4.4").at(value, offset, Math.max(0, length)));
  }
}
