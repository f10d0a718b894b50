package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LF, CRLF, bare CR and CR CR LF line endings give the same analysis. */
class LineEndingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"postfix-dsn-two-recipients.eml", "exim-text.eml", "dsn-quoted-printable.eml",
      "qmail-text.eml", "rfc6533-global.eml", "exchange2010-text.eml"})
  void sameResultForEveryLineEnding(String file) {
    String lf = new String(Fixtures.bytes(file), StandardCharsets.UTF_8);
    BounceAnalysis base = Fixtures.ANALYZER.analyze(lf.getBytes(StandardCharsets.UTF_8));
    for (String eol : new String[] {"\r\n", "\r", "\r\r\n"}) {
      BounceAnalysis other = Fixtures.ANALYZER.analyze(lf.replace("\n", eol).getBytes(StandardCharsets.UTF_8));
      assertThat(other.kind()).isEqualTo(base.kind());
      assertThat(other.format()).isEqualTo(base.format());
      assertThat(other.recipients()).as("eol %s", eol.replace("\r", "CR").replace("\n", "LF"))
          .isEqualTo(base.recipients());
      assertThat(other.original()).isEqualTo(base.original());
    }
  }
}
