package io.maildiag.examples.cli;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import java.util.function.Consumer;

/** Parses command-line arguments with the SDK's parsers, turning diagnostics into messages. */
final class Arguments {

  private Arguments() {}

  /**
   * Parses a domain name argument.
   *
   * @param warnings receives one line per warning (a label beginning with a hyphen)
   * @throws InputException if it is not a valid domain name
   */
  static DomainName domainName(String text, Consumer<String> warnings) throws InputException {
    return value(DomainName.parse(text), "domain name", text, warnings);
  }

  /**
   * Parses an IP address argument.
   *
   * @throws InputException if it is not a valid IPv4 or IPv6 address
   */
  static IpAddress ipAddress(String text, Consumer<String> warnings) throws InputException {
    return value(IpAddress.parse(text), "IP address", text, warnings);
  }

  /** Returns whether {@code text} looks like an IP address rather than a name: digits and dots, or a colon. */
  static boolean looksLikeAddress(String text) {
    return text.indexOf(':') >= 0 || (!text.isEmpty() && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
  }

  private static <T> T value(ParseResult<T> result, String what, String text, Consumer<String> warnings)
      throws InputException {
    if (result.value().isEmpty()) {
      throw InputException.forArgument(what, text, result.errors().get(0));
    }
    for (Diagnostic d : result.diagnostics()) {
      warnings.accept(InputException.forArgument(what, text, d).getMessage().replaceFirst("^invalid ", ""));
    }
    return result.value().get();
  }
}
