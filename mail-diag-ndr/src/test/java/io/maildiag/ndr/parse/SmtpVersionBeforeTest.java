package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Smtp.versionBefore, gated before its regular expression, says what the expression alone says. */
class SmtpVersionBeforeTest {
  private static final Pattern VERSION_BEFORE = Pattern.compile(
      "(?i)(?:version|ver\\.?|" + WordBoundary.BEFORE + "v|release|rev|build|postfix|exim|sendmail|qmail|mta|smtpd?|server|"
          + "ip|ipv4|address|id)[ \\t:=/-]*$");

  private static boolean plain(String text, int at) {
    return VERSION_BEFORE.matcher(text.substring(Math.max(0, at - 12), at)).find();
  }

  @Property(tries = 3000)
  void theGateKeepsEveryMatch(@ForAll("texts") String text) {
    for (int at = 0; at <= text.length(); at++) {
      assertThat(Smtp.versionBefore(text, at)).as("%s at %d", text, at).isEqualTo(plain(text, at));
    }
  }

  @Test
  void awkwardEnds() {
    for (String t : new String[] {"Postfix 5.1", "ver.\r\n", "VER.\n", "ipv4:\u2028", "x v-", "xv ", "SMTPD=\r",
        "release/\u0085", "id\n\n", "ip\r\r", "a\u212Aid ", "build - ", "Exim\r\n\n"}) {
      for (int at = 0; at <= t.length(); at++) {
        assertThat(Smtp.versionBefore(t, at)).as("%s at %d", t, at).isEqualTo(plain(t, at));
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("version", "Ver", "ver.", "v", "V", "xv", "_v", "release", "REV", "build", "postfix", "Exim",
            "sendmail", "qmail", "MTA", "smtp", "smtpd", "server", "ip", "IPv4", "address", "id", "5.1.1", "550"),
        Arbitraries.of(" ", "\t", ":", "=", "/", "-", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", ".", "4",
            "\u00e9", "\u212A"),
        Arbitraries.strings().withChars("aivd4. \t:-\n\r").ofMaxLength(4));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
