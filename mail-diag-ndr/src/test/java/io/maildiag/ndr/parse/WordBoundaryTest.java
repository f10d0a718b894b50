package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link WordBoundary} draws JDK 17's {@code \b} on the JDK that runs the tests, against a
 * reference written from JDK 17's {@code Pattern.Bound}: a word char is a letter, a digit or an
 * underscore, or a non-spacing mark after a letter or digit.
 */
class WordBoundaryTest {

  private static final Pattern ANY = Pattern.compile(WordBoundary.ANY);
  private static final Pattern BEFORE = Pattern.compile(WordBoundary.BEFORE);
  private static final Pattern AFTER = Pattern.compile(WordBoundary.AFTER);

  private static boolean isMark(char c) {
    return Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** Whether the char at {@code x} is a mark run's end that a letter or digit carries (JDK 17's hasBaseCharacter). */
  private static boolean carried(String s, int x) {
    for (; x >= 0; x--) {
      char c = s.charAt(x);
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      if (!isMark(c)) {
        return false;
      }
    }
    return false;
  }

  private static boolean word(String s, int x) {
    char c = s.charAt(x);
    return c == '_' || Character.isLetterOrDigit(c) || isMark(c) && carried(s, x);
  }

  /** JDK 17's {@code \b} at {@code i} of {@code s}. */
  private static boolean boundary(String s, int i) {
    boolean left = i > 0 && word(s, i - 1);
    boolean right = i < s.length() && word(s, i);
    return left != right;
  }

  private static boolean at(Pattern p, String s, int i) {
    return p.matcher(s).region(i, s.length()).useTransparentBounds(true).lookingAt();
  }

  @Provide
  Arbitrary<String> texts() {
    // letters of several scripts, digits, marks (never more than a few in a row), and the rest
    return Arbitraries.of("a", "Z", "\u00e9", "\u00c9", "\u0436", "\u4e2d", "5", "\u0660", "_", " ", ".", "-", "(",
        ")", "\u0301", "\u0301\u0301", "\u05b7", "\u00a0", "\n", "\u2160", "\u00b2").list().ofMaxSize(14)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void anyIsJdk17sBoundary(@ForAll("texts") String s) {
    for (int i = 0; i <= s.length(); i++) {
      assertThat(at(ANY, s, i)).as("%s at %d", s, i).isEqualTo(boundary(s, i));
    }
  }

  @Property(tries = 3000)
  void beforeALetterAndAfterOneAsWell(@ForAll("texts") String s) {
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && Character.isLetter(s.charAt(i))) {
        assertThat(at(BEFORE, s, i)).as("before, %s at %d", s, i).isEqualTo(boundary(s, i));
      }
      if (i > 0 && Character.isLetter(s.charAt(i - 1))) {
        assertThat(at(AFTER, s, i)).as("after, %s at %d", s, i).isEqualTo(boundary(s, i));
      }
    }
  }

  @Test
  void aLetterOfAnotherScriptIsPartOfTheWord() {
    assertThat(at(BEFORE, "\u00e9after", 1)).isFalse();
    assertThat(at(BEFORE, " after", 1)).isTrue();
    assertThat(at(AFTER, "gsmtp\u00e9", 5)).isFalse();
    assertThat(at(AFTER, "gsmtp\u0301", 5)).isFalse();
    assertThat(at(AFTER, "gsmtp.", 5)).isTrue();
    assertThat(at(ANY, "recipient(s)a", 12)).isTrue();
    assertThat(at(ANY, "\u00e9\u0301a", 2)).isFalse();
  }
}
