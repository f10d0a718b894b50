package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link SentenceMatchers#at} reads at each start of a line what the sentence patterns read there. */
class SentenceMatchersTest {

  @Property(tries = 4000)
  void atIsLookingAt(@ForAll("lines") String s) {
    for (int k = 0; k <= TextScanner.SENTENCES.length; k++) {
      Pattern p = k < TextScanner.SENTENCES.length ? TextScanner.SENTENCES[k] : TextScanner.P_RCPT;
      Matcher m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = 0; at < s.length(); at++) {
        long h = SentenceMatchers.at(k, s, at);
        if (h == SentenceMatchers.UNSURE) {
          continue;
        }
        m.region(at, s.length());
        if (m.lookingAt()) {
          assertThat(h).as(k + " " + s + " @" + at).isNotEqualTo(SentenceMatchers.NO);
          assertThat(s.substring(SentenceMatchers.start(h), SentenceMatchers.end(h))).as(k + " " + s + " @" + at)
              .isEqualTo(m.group(1));
          assertThat(SentenceMatchers.start(h)).isEqualTo(m.start(1));
        } else {
          assertThat(h).as(k + " " + s + " @" + at).isEqualTo(SentenceMatchers.NO);
        }
      }
    }
  }

  @Property(tries = 2000)
  void gapsAroundTheLimit(@ForAll("words") String word, @ForAll("gaps") String gap, @ForAll("tails") String tail) {
    atIsLookingAt(word + gap + tail);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of("deliver", "sent", "Relayed", "undeliverable", "addressed", "recipient", "recipient(s)",
        "mailboxes", "user", "x");
  }

  @Provide
  Arbitrary<String> gaps() {
    return Arbitraries.strings().withChars("ab :\t_").ofMinLength(55).ofMaxLength(64);
  }

  @Provide
  Arbitrary<String> tails() {
    return Arbitraries.of(" to a@b.cd", "for: <a@b.cd>", " a@b.cd", ": \"a@b.cd", " to  a@b", "to x@y.z", ":a@b.c");
  }

  @Test
  void examples() {
    String s = "Your message to <jane.doe@example.com> could not be delivered";
    long h = SentenceMatchers.at(2, s, 5);
    assertThat(s.substring(SentenceMatchers.start(h), SentenceMatchers.end(h))).isEqualTo("jane.doe@example.com");
    s = "Delivery to the following recipient failed permanently: bob@example.org";
    h = SentenceMatchers.at(1, s, s.indexOf("recipient"));
    assertThat(s.substring(SentenceMatchers.start(h), SentenceMatchers.end(h))).isEqualTo("bob@example.org");
    s = "RCPT TO:<x@y.example>";
    h = SentenceMatchers.at(4, s, 0);
    assertThat(s.substring(SentenceMatchers.start(h), SentenceMatchers.end(h))).isEqualTo("x@y.example");
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("deliver", "delivered", "Delivering", "delivery", "DELIVERY", "send", "sent", "sending",
            "relay", "relayed", "relaying", "forward", "forwarded", "forwarding", "transmit", "transmitted",
            "transmitting", "reach", "undeliverable", "Undeliverable", "undeliverables", "addressed", "Addressed",
            "addresseds", "'", "recipient", "recipients", "recipient(s)", "Recipient(s)", "addressee", "mailbox",
            "mailboxes", "user", "users", "address", "addresses", "message", "rejected", "your message to", "RCPT",
            "rcpt", "TO", "to", "for", "For", "tofor", ":", " ", "  ", "\t", "\n", "\r", "<", ">", "\"", "@", "(", ")",
            "_", "x", "1", ".", "-", "a@b.cd", "jane.doe@example.com", "<bob@mx.example.org>", "\"u@h\"",
            "a@-b.c", "a@b..c", "a@b.c-", "x@y", "ex@ample", "a.b@c.d.e.f", "the following", "was",
            "could not be delivered to", "failed to reach", "The following message to", "\u00e9", "\u0301",
            "\u0660", "\ud835\udc00", "\ud835", "j\u00f6rg@b\u00fccher.de", "\u00e9to", "to\u00e9"),
        Arbitraries.strings().withChars("ab @.<:\"-_ ").ofMaxLength(8),
        Arbitraries.strings().withChars("abcd ").ofMinLength(50).ofMaxLength(70),
        Arbitraries.strings().withChars("abc").ofMinLength(120).ofMaxLength(135));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }
}
