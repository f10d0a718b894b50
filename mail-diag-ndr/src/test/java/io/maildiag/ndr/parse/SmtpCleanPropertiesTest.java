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

/** Smtp.clean, written without per-call regular expressions, gives what the regular expressions gave. */
class SmtpCleanPropertiesTest {

  @Property(tries = 1000)
  void cleanIsTheRegexClean(@ForAll("replies") String block) {
    assertThat(Smtp.clean(block)).isEqualTo(regexClean(block));
  }

  @Property(tries = 1000)
  void aLineThatNeedsNoCleaningComesBackAsItIs(@ForAll("replies") String block) {
    String line = block.replace('\n', ' ');
    String cleaned = Smtp.clean(line);
    assertThat(cleaned).isEqualTo(regexClean(line));
    if (Smtp.isCleanLine(line)) {
      assertThat(cleaned).isSameAs(line).isEqualTo(regexClean(line));
    }
  }

  @Test
  void cleanLinesAreTheirOwnClean() {
    for (String line : new String[] {"User unknown", "550 User unknown", "550 5.1.1 User unknown 550 5.1.1 again",
        "5.1.1 x", "<<< 550 x", "a  b", "a\tb", "a\u00a0b", " a", "a ", "a\u2028", "x".repeat(1000),
        "x".repeat(1001), "550-5.1.1 a 550-5.1.1 b"}) {
      assertThat(Smtp.clean(line)).isEqualTo(regexClean(line));
    }
    assertThat(Smtp.isCleanLine("550 User unknown")).isTrue();
    assertThat(Smtp.isCleanLine("550 5.1.1 User unknown")).isTrue();
    assertThat(Smtp.isCleanLine("550 5.1.1 User unknown 550 5.1.1 again")).isFalse();
    assertThat(Smtp.isCleanLine("550 5.1.1 User unknown 550-5.1.1")).isFalse();
    assertThat(Smtp.isCleanLine("550 5.1.1 a550 5.1.1 b")).isTrue();
    assertThat(Smtp.isCleanLine("a  b")).isFalse();
  }

  @Test
  void longBlocksStopWhereTheRegexCleanStopped() {
    String spaced = ("a" + " ".repeat(100) + "b\n").repeat(40);
    String tabbed = ("550-5.1.1 x\t\t\u00a0 y" + "\t".repeat(150) + "\n").repeat(30) + "550 5.1.1 end";
    for (String block : new String[] {spaced, tabbed, spaced + tabbed}) {
      assertThat(Smtp.clean(block)).isEqualTo(regexClean(block));
    }
  }

  @Property(tries = 1000)
  void withoutRepeatsIsTheRegexReplacement(@ForAll("replies") String tail) {
    for (String[] pair : new String[][] {{"550", "5.1.1"}, {"421", "4.7.0"}, {"550", "5.7.26"}}) {
      String regex = "(?<=\\s)" + Pattern.quote(pair[0]) + "[ -]" + Pattern.quote(pair[1]) + "(?:\\s+|$)";
      assertThat(Smtp.withoutRepeats(tail, pair[0], pair[1])).isEqualTo(tail.replaceAll(regex, ""));
    }
  }

  @Property(tries = 1000)
  void repeatsFromIsWhatWithoutRepeatsDrops(@ForAll("replies") String s) {
    for (String[] pair : new String[][] {{"550", "5.1.1"}, {"421", "4.7.0"}}) {
      for (int from = 0; from <= s.length(); from += 1 + s.length() / 7) {
        String tail = s.substring(from);
        assertThat(Smtp.repeatsFrom(s, from, pair[0], pair[1]))
            .isEqualTo(!Smtp.withoutRepeats(tail, pair[0], pair[1]).equals(tail));
      }
    }
  }

  @Provide
  Arbitrary<String> replies() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("550", "550-5.1.1", "550 5.1.1", "550-5.7.26", "421 4.7.0", "421-4.7.0", "5.1.1", "<<< ",
            "<<<550 5.1.1 x", "#5.1.1", "The email account", "does not exist.", "Please try", "https://x.example/y",
            "User unknown", "(in reply to RCPT TO command)"),
        Arbitraries.of(" ", "  ", "\t", "\u00a0", "\n", "\r", "\r\n", "\n\n", " \n ", "\u0085", "\u2028", "\u000B",
            "-"),
        Arbitraries.strings().withChars("ab 5.-\t\n").ofMaxLength(6),
        Arbitraries.strings().withChars("ab \t\u00a0").ofMinLength(100).ofMaxLength(400));
    return piece.list().ofMaxSize(24).map(l -> String.join("", l));
  }

  private static final Pattern HSPACE = Pattern.compile("[ \\t\\u00a0]+");
  private static final String ESC = "([245])\\.(\\d{1,3})\\.(\\d{1,3})";
  /** The leading reply/status pair {@link Smtp#leadingPair} finds by hand. */
  static final Pattern LEADING_PAIR =
      Pattern.compile("([245]\\d\\d)[ -]" + "(" + ESC.replace("(", "(?:") + ")\\s");
  /** The multi-line prefix {@link Smtp#multilinePrefixEnd} reads by hand. */
  static final Pattern MULTILINE_PREFIX =
      Pattern.compile("^\\s*(?:<<<\\s*)?([245]\\d\\d)[ -]" + "(?:#?" + ESC + "\\s*)?");

  /** Smtp.clean as it was written with regular expressions. */
  private static String regexClean(String block) {
    StringBuilder out = new StringBuilder();
    String firstCode = null;
    for (String line : block.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      Matcher m = MULTILINE_PREFIX.matcher(l);
      if (m.find()) {
        String code = m.group(1);
        if (firstCode == null) {
          firstCode = code;
          if (l.startsWith("<<<")) {
            l = l.substring(3).strip();
          }
        } else if (code.equals(firstCode)) {
          l = l.substring(m.end()).strip();
        }
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(l);
      if (out.length() > Smtp.MAX_TEXT * 2) {
        break;
      }
    }
    String s = HSPACE.matcher(out.toString()).replaceAll(" ").strip();
    Matcher lead = LEADING_PAIR.matcher(s);
    if (lead.find()) {
      String prefix = Pattern.quote(lead.group(1)) + "[ -]" + Pattern.quote(lead.group(2));
      String head = s.substring(0, lead.end());
      String tail = s.substring(lead.end()).replaceAll("(?<=\\s)" + prefix + "(?:\\s+|$)", "");
      s = (head + tail).strip();
    }
    return Smtp.bound(s);
  }
}
