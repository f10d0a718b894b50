package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.core.mail.MailAddress;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One megabyte of hostile input to every parser: a prompt error, no exception, short messages. */
class HostileInputTest {

  private static final int MB = 1 << 20;

  static Stream<String> payloads() {
    return Stream.of(
        "a".repeat(MB),
        "a.".repeat(MB / 2),
        ".".repeat(MB),
        "1".repeat(MB),
        "1.".repeat(MB / 2),
        ":".repeat(MB),
        "1:".repeat(MB / 2),
        "@".repeat(MB),
        "\"".repeat(MB),
        "\"" + "\\".repeat(MB),
        "<" + "a".repeat(MB - 2) + ">",
        "\u00fc".repeat(MB),
        "\ud800".repeat(MB),
        "\n".repeat(MB),
        "192.0.2.0/" + "9".repeat(MB),
        "a@" + "b.".repeat(MB / 2),
        "[" + "1".repeat(MB) + "]");
  }

  static Stream<Arguments> parsersAndPayloads() {
    Function<String, ParseResult<?>> domain = DomainName::parse;
    Function<String, ParseResult<?>> ip = IpAddress::parse;
    Function<String, ParseResult<?>> network = IpNetwork::parse;
    Function<String, ParseResult<?>> mailbox = MailAddress::parse;
    return payloads().flatMap(p -> Stream.of(
        Arguments.of("DomainName", domain, p),
        Arguments.of("IpAddress", ip, p),
        Arguments.of("IpNetwork", network, p),
        Arguments.of("MailAddress", mailbox, p)));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("parsersAndPayloads")
  void oneMegabyteFailsPromptlyWithAnError(String parser, Function<String, ParseResult<?>> parse, String input) {
    assertThat(input.length()).isGreaterThanOrEqualTo(MB - 2);
    ParseResult<?> result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse.apply(input));
    assertThat(result.isSuccess()).as("%s accepted 1 MB", parser).isFalse();
    assertThat(result.hasErrors()).isTrue();
    for (Diagnostic d : result.diagnostics()) {
      SourceSpan span = d.span().orElseThrow();
      assertThat(span.end()).isLessThanOrEqualTo(input.length());
      assertThat(d.message().length()).as("message of %s", d.code()).isLessThan(2_000);
    }
    assertThat(result.diagnostics().size()).isLessThanOrEqualTo(Limits.DEFAULT_MAX_DIAGNOSTICS);
  }
}
