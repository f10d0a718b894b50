package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link AnchorMatchers#label} reads what {@link TextScanner#P_LABEL}'s {@code matches()} reads. */
class AnchorLabelTest {

  @Property(tries = 6000)
  void labelIsMatches(@ForAll("lines") String s) {
    long g = AnchorMatchers.label(s);
    if (g == AnchorMatchers.UNSURE) {
      return;
    }
    Matcher m = TextScanner.P_LABEL.matcher(s);
    if (m.matches()) {
      assertThat(g).as(s).isGreaterThanOrEqualTo(0);
      assertThat(AnchorMatchers.start(g)).as(s).isEqualTo(m.start(1));
      assertThat(AnchorMatchers.end(g)).as(s).isEqualTo(m.end(1));
      assertThat(AnchorMatchers.rest(g)).as(s).isEqualTo(m.start(2));
    } else {
      assertThat(g).as(s).isEqualTo(AnchorMatchers.NO);
    }
  }

  @Property(tries = 6000)
  void labelLinesAsBouncesWriteThem(@ForAll("labels") String label, @ForAll("colons") String colon,
      @ForAll("rfc") String rfc, @ForAll("addresses") String address, @ForAll("rests") String rest) {
    labelIsMatches(label + colon + rfc + address + rest);
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.of("recipient", "Recipient", "recipients", "recipient address", "recipient  address",
        "address", "addresses", "failed recipient", "failed recipientes", "Failed addresses", "failed address",
        "invalid recipient", "unknown recipient", "Unknown user", "bad address", "rcpt", "RCPT TO", "rcptto",
        "envelope-to", "delivered-to", "destinataire", "empfaenger", "x-recipient", "recipientx",
        "delivery failed", "Delivery  Failed", "deliveryfailed", "delivery", "Delivery failed 20 attempts",
        "delivery failed 1 attempt", "delivery failed 12345 attempts", "delivery failed attempts",
        "delivery failed 3attempts", "delivery failed 2 attemptss", "Invalid final delivery userid",
        "invalid final  delivery userid", "invalid final userid", "Error-for", "error-for ", "error for",
        "Your message to", "your  message\tto", "your message", "yourmessage to", "your message tox");
  }

  @Provide
  Arbitrary<String> colons() {
    return Arbitraries.of(":", " : ", ":  ", "\t:", "", " ", ";");
  }

  @Provide
  Arbitrary<String> rfc() {
    return Arbitraries.of("", "", "rfc822;", "RFC822 ; ", "rfc822", "rfc822;<", "\"", "<", "rfc822 ;\"");
  }

  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.of("a@b.cd", "jane.doe@example.com", "x@y", "a@-b.c", "a@b..c", "a@b.c-", "rfc822@example.com",
        "a@b.cd>", "a@b.cd\"", "@b.c", "a@", "a b@c.d");
  }

  @Provide
  Arbitrary<String> rests() {
    return Arbitraries.of("", " ", " user unknown", ">", "> 550 5.1.1", "\" x", ".", ". ", "\r", "\u00e9", " (x)");
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("recipient", "Recipient", "recipients", "recipient address", "address", "addresses",
            "failed recipient", "failed recipientes", "Failed addresses", "failed", "invalid recipient",
            "unknown recipient", "Unknown user", "bad address", "rcpt", "RCPT TO", "rcptto", "rcpt  to",
            "envelope-to", "delivered-to", "destinataire", "empfaenger", "empf\u00e4nger", "delivery failed",
            "Delivery", "failed", "your message to", "Your", " message", " to", ":", " : ", ":", " ",
            "  ", "\t", "\r", "rfc822", "rfc822;", "RFC822 ; ", "rfc822@example.com", "<", ">", "\"", "a@b.cd",
            "jane.doe@example.com", "x@y", "a@-b.c", "a@b..c", "a@b.c-", "user unknown", "550 5.1.1", ";", "@",
            "\u00e9", "\u2028", "(", "-"),
        Arbitraries.strings().withChars("ab.@<>\": ;-").ofMaxLength(6),
        Arbitraries.strings().withChars("ab").ofMinLength(125).ofMaxLength(131));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
