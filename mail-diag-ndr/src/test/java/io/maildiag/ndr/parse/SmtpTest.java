package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Status and reply code extraction from free text, and diagnostic cleaning. */
class SmtpTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "550 5.1.1 <a@example.com>... User Unknown|5.1.1|550",
      "host mx.example.com[192.0.2.1] said: 550 5.7.1 Access denied|5.7.1|550",
      "550-5.7.26 Unauthenticated email|5.7.26|550",
      "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##|5.1.1|550",
      "Remote Server returned '554 5.2.2 mailbox full'|5.2.2|554",
      "5.1.0 - Unknown address error 550-'5.7.1 <x@example.com>... Access denied'|5.7.1|550",
      "Sorry, I couldn't find any host named example.org. (#5.1.2)|5.1.2|",
      "Unable to contact LDAP server. (#4.4.3)|4.4.3|",
      "421 4.7.0 [TSS04] Messages temporarily deferred - 4.16.55.1; see https://example.com|4.7.0|421",
      "Received by Postfix 2.5.5 from 192.0.2.5|| ",
      "server id 15.20.1038.13 with 250 recipients|| ",
      "550 Unknown user a@example.com|| 550",
      "ERROR_CODE :550, ERROR_CODE :5.2.1 <a@example.com>... User Unknown|5.2.1|550",
      "Out: 250 2.1.5 Ok\\nOut: 451 4.3.0 Error: queue file write error|4.3.0|451",
      "550 550 5.1.1 user unknown (UserSearch)|5.1.1|550",
      "connect to mx.example.org[198.51.100.20]:25: Connection timed out||",
  })
  void readsCodes(String text, String status, String reply) {
    Smtp.Facts f = Smtp.facts(text.replace("\\n", "\n"));
    assertThat(f.status().map(Object::toString)).isEqualTo(opt(status));
    assertThat(f.reply().map(Object::toString)).isEqualTo(opt(reply));
  }

  private static Optional<String> opt(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }

  @Test
  void cleanJoinsMultiLineRepliesAndBoundsLength() {
    String block = "550-5.7.1 first part\n    550-5.7.1 second part\n550 5.7.1 last part";
    assertThat(Smtp.clean(block)).isEqualTo("550-5.7.1 first part second part last part");
    assertThat(Smtp.clean("x".repeat(5000))).hasSize(Smtp.MAX_TEXT).endsWith("...");
    assertThat(Smtp.clean("  a \t b \n\n c  ")).isEqualTo("a b c");
  }

  @Test
  void statusFieldReadsTheLeadingCode() {
    assertThat(Smtp.statusField("5.0.0 (permanent failure)")).map(Object::toString).contains("5.0.0");
    assertThat(Smtp.statusField("smtp; 5.1.1")).isEmpty();
    assertThat(Smtp.statusField("5.01.1")).isEmpty();
  }

  @Test
  void positiveFactsForDeliveryReports() {
    Smtp.Facts f = Smtp.positiveFacts("250 2.0.0 Ok: queued as 4ABCDE");
    assertThat(f.reply()).map(Object::toString).contains("250");
    assertThat(f.status()).map(Object::toString).contains("2.0.0");
    assertThat(Smtp.facts("250 2.0.0 Ok").reply()).isEmpty();
  }
}
