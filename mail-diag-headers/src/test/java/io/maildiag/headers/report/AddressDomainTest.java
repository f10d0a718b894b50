package io.maildiag.headers.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link HeaderAnalyzer#addressDomainText}, read in one pass, against the pattern it stands for. */
class AddressDomainTest {

  @Property(tries = 5000)
  void isThePatternsFirstMatch(@ForAll("values") String value) {
    Matcher m = HeaderAnalyzer.ADDRESS.matcher(value);
    Optional<String> expected = m.find() ? Optional.of(m.group(1)) : Optional.empty();
    assertThat(HeaderAnalyzer.addressDomainText(value)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("a@b.-_ <>\"(),;:[]\t\u00e9Z9").ofMaxLength(16);
  }

  @Test
  void examples() {
    assertThat(HeaderAnalyzer.addressDomainText("Jane <jane@example.com>")).hasValue("example.com");
    assertThat(HeaderAnalyzer.addressDomainText("a@@b x@y.z")).hasValue("y.z");
    assertThat(HeaderAnalyzer.addressDomainText("no address")).isEmpty();
  }

  @Test
  void aLongFromFieldWithoutAnAddressIsReadInOnePass() {
    // 200,000 local-part characters and no @: the pattern took minutes here
    String message = "From: " + "a".repeat(200_000) + "\r\nTo: b@example.com\r\nSubject: x\r\n"
        + "Return-Path: <" + "a".repeat(200_000) + ">\r\n\r\nbody\r\n";
    HeaderReport r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> HeaderAnalyzer.builder().build().analyze(message.getBytes(StandardCharsets.US_ASCII)));
    assertThat(r).isNotNull();
    assertThat(HeaderAnalyzer.addressDomainText("a".repeat(200_000) + "@example.org")).hasValue("example.org");
  }
}
