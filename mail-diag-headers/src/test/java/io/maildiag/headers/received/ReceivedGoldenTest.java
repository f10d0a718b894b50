package io.maildiag.headers.received;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden file per MTA format under {@code src/test/resources/received}: a Received field
 * (written for these tests, modelled on what each MTA writes) and every component the parser must
 * recover from it.
 */
class ReceivedGoldenTest {

  static List<Path> fixtures() {
    return Golden.files("received");
  }

  @Test
  void coversAtLeastFifteenFormats() {
    assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parsesAsRecorded(Path file) {
    String text = Golden.read(file);
    HeaderSection headers = HeaderSection.parse(Golden.input(text)).orElseThrow();
    HeaderField field = headers.first("Received").orElseThrow();
    String actual = render(ReceivedHeader.parse(field.unfoldedValue()));
    if (Golden.update()) {
      Golden.write(file, text, actual);
      return;
    }
    assertThat(actual).as(file.getFileName().toString()).isEqualTo(Golden.expected(text));
  }

  /** Renders every present component, one per line, in a fixed order. */
  static String render(ReceivedHeader r) {
    StringBuilder sb = new StringBuilder();
    line(sb, "from", r.from());
    line(sb, "helo", r.helo());
    line(sb, "reverse-dns", r.reverseDns());
    line(sb, "ip", r.ip());
    line(sb, "by", r.by());
    line(sb, "by-ip", r.byIp());
    line(sb, "via", r.via());
    line(sb, "with", r.with());
    line(sb, "protocol", r.protocol());
    if (r.tls()) {
      sb.append("tls: true\n");
    }
    if (r.authenticated()) {
      sb.append("authenticated: true\n");
    }
    line(sb, "tls-version", r.tlsVersion());
    line(sb, "tls-cipher", r.tlsCipher());
    line(sb, "id", r.id());
    line(sb, "for", r.recipient());
    line(sb, "envelope-from", r.envelopeFrom());
    line(sb, "software", r.software());
    line(sb, "date", r.dateTime());
    r.date().filter(d -> !d.defects().isEmpty()).ifPresent(d -> sb.append("date-defects: ").append(d.defects()).append('\n'));
    if (!r.diagnostics().isEmpty()) {
      sb.append("diagnostics: ")
          .append(r.diagnostics().stream().map(Diagnostic::code).map(Object::toString).collect(Collectors.joining(", ")))
          .append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String key, Optional<?> value) {
    value.ifPresent(v -> sb.append(key).append(": ").append(v).append('\n'));
  }
}
