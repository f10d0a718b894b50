package io.maildiag.headers.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: {@code auth/NAME.txt} holds a whole field as receivers write it; {@code
 * auth/NAME.expected} the canonical rendering of the lenient parse, its diagnostics, and what the
 * strict parse says. Regenerate after a deliberate change with {@code -Dgolden.update=src/test/resources}.
 */
class AuthResultsGoldenTest {

  static String resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(AuthResultsGoldenTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Returns the value of the field in {@code text} (after the first colon, without the final line end). */
  static String fieldValue(String text) {
    String v = text.substring(text.indexOf(':') + 1);
    return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
  }

  static String describe(String value) {
    ParseResult<AuthenticationResults> lenient = AuthenticationResults.parse(value, AuthResultsMode.LENIENT);
    ParseResult<AuthenticationResults> strict = AuthenticationResults.parse(value, AuthResultsMode.STRICT);
    List<String> lines = new ArrayList<>();
    lines.add("canonical: " + lenient.value().map(AuthenticationResults::toString).orElse("<none>"));
    for (Diagnostic d : lenient.diagnostics()) {
      lines.add("lenient: " + d.severity().jsonName() + " " + d.code() + " at " + d.span().map(Object::toString).orElse("?"));
    }
    if (strict.isSuccess()) {
      lines.add("strict: ok");
    }
    for (Diagnostic d : strict.errors()) {
      lines.add("strict: " + d.code() + " at " + d.span().map(Object::toString).orElse("?"));
    }
    return String.join("\n", lines) + "\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "gmail", "microsoft365-compauth", "microsoft365-inline-authserv", "exchange-original", "yahoo", "opendkim",
    "opendmarc", "postfix-policyd-spf", "rfc8601-none", "rfc8601-version", "rfc8601-multiple", "rfc8601-iprev",
    "rfc8601-quoted", "arc-result", "bimi", "dkim-atps-and-unknown"
  })
  void matchesGolden(String name) throws IOException {
    String value = fieldValue(resource("/auth/" + name + ".txt"));
    String actual = describe(value);
    String update = System.getProperty("golden.update");
    if (update != null) {
      Files.writeString(Path.of(update, "auth", name + ".expected"), actual);
    }
    assertThat(actual).isEqualTo(resource("/auth/" + name + ".expected"));
    // The canonical rendering is stable: it parses back to the same value and renders the same.
    AuthenticationResults v = AuthenticationResults.parse(value).orElseThrow();
    AuthenticationResults again = AuthenticationResults.parse(v.toString()).orElseThrow();
    assertThat(again).isEqualTo(v);
    assertThat(again.toString()).isEqualTo(v.toString());
  }
}
