package io.maildiag.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.testing.ParserFuzzing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class MailAddressPropertiesTest {

  private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";

  @Provide
  Arbitrary<String> anyInput() {
    return ParserFuzzing.anyInput();
  }

  /** Short strings over the syntax characters of mailboxes. */
  @Provide
  Arbitrary<String> mailish() {
    return Arbitraries.strings().withChars("ab.@@\"\\<>[]: -_IPv6:1.2\u00fc\u0001").ofMaxLength(40);
  }

  static Arbitrary<String> dotString() {
    Arbitrary<String> atom = Arbitraries.strings().withChars(ATEXT).withChars("\u00fc\u00e9\u4e2d")
        .ofMinLength(1).ofMaxLength(12);
    return atom.list().ofMinSize(1).ofMaxSize(4).map(atoms -> String.join(".", atoms));
  }

  static Arbitrary<String> quotedString() {
    Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').withChars("\u00fc")
        .ofMaxLength(20);
    // Escape the two characters that need it in a quoted string, and sometimes others too.
    return Combinators.combine(plain, Arbitraries.of(true, false)).as((text, escapeAll) -> {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\' || (escapeAll && c == 'a')) {
          sb.append('\\');
        }
        sb.append(c);
      }
      return sb.append('"').toString();
    });
  }

  static Arbitrary<String> domainText() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4)
        .map(b -> "[" + IpAddress.fromBytes(b) + "]");
    Arbitrary<String> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16)
        .map(b -> "[IPv6:" + IpAddress.fromBytes(b) + "]");
    return Arbitraries.frequencyOf(Tuple.of(6, name), Tuple.of(2, v4), Tuple.of(2, v6));
  }

  @Provide
  Arbitrary<String> validMailbox() {
    Arbitrary<String> local = Arbitraries.frequencyOf(Tuple.of(3, dotString()), Tuple.of(1, quotedString()));
    return Combinators.combine(local, domainText(), Arbitraries.of(true, false))
        .as((l, d, brackets) -> brackets ? "<" + l + "@" + d + ">" : l + "@" + d);
  }

  @Property
  void neverThrowsAndSpansLieInsideTheInput(@ForAll("anyInput") String input) {
    ParserFuzzing.checkResult(input, MailAddress.parse(input));
  }

  @Property
  void neverThrowsOnMailboxLikeInput(@ForAll("mailish") String input) {
    ParseResult<MailAddress> r = MailAddress.parse(input);
    ParserFuzzing.checkResult(input, r);
    r.value().ifPresent(a -> assertThat(MailAddress.parse(a.toString()).value()).contains(a));
  }

  @Property
  void validMailboxesRoundTrip(@ForAll("validMailbox") String input) {
    ParseResult<MailAddress> r = MailAddress.parse(input);
    MailAddress a = r.orElseThrow();
    assertThat(r.hasErrors()).isFalse();
    String text = a.toString();
    MailAddress again = MailAddress.parse(text).orElseThrow();
    assertThat(again).isEqualTo(a);
    assertThat(again.toString()).isEqualTo(text);
    assertThat(again.hashCode()).isEqualTo(a.hashCode());
    String stripped = input.startsWith("<") ? input.substring(1, input.length() - 1) : input;
    assertThat(a.localPart()).isEqualTo(stripped.substring(0, a.localPart().length()));
    assertThat(a.isInternationalized()).isEqualTo(a.localPart().chars().anyMatch(c -> c >= 0x80));
    if (!a.localPart().startsWith("\"")) {
      assertThat(a.decodedLocalPart()).isEqualTo(a.localPart());
    }
  }

  @Property
  void quotedLocalPartsDecodeToTheirText(@ForAll("plainText") String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    quoted.append('"');
    MailAddress a = MailAddress.parse(quoted + "@example.com").orElseThrow();
    assertThat(a.decodedLocalPart()).isEqualTo(text);
    assertThat(a.localPart()).isEqualTo(quoted.toString());
  }

  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
  }

  @Property
  void domainOfAParsedMailboxIsAValidDomain(@ForAll("validMailbox") String input) {
    MailAddress a = MailAddress.parse(input).orElseThrow();
    a.domainName().ifPresent(name -> {
      assertThat(name.isRoot()).isFalse();
      assertThat(DomainName.parse(name.toString()).value()).contains(name);
    });
    if (a.domain() instanceof MailDomain.Literal lit) {
      assertThat(a.domainName()).isEmpty();
      assertThat(a.toString()).endsWith(lit.toString());
    }
  }
}
