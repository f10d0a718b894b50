package io.maildiag.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void aTextThatFitsIsReturnedWhole() {
    assertThat(Excerpt.of("abcd", 4)).isEqualTo("abcd");
    assertThat(Excerpt.of("", 4)).isEmpty();
    assertThat(Excerpt.counted("x".repeat(40), 40)).isEqualTo("x".repeat(40));
  }

  @Test
  void aLongerTextIsCutWithinTheBound() {
    assertThat(Excerpt.of("abcdefgh", 7)).isEqualTo("abcd...");
    assertThat(Excerpt.of("abcde", 4)).isEqualTo("a...");
    assertThat(Excerpt.counted("y".repeat(1000), 40)).isEqualTo("y".repeat(17) + "... (1000 chars in all)");
  }

  @Test
  void aSurrogatePairIsNotSplit() {
    String face = "\uD83D\uDE00";
    assertThat(Excerpt.of("ab" + face + "cdef", 6)).isEqualTo("ab...");
    assertThat(Excerpt.of("abc" + face + "def", 6)).isEqualTo("abc...");
    String counted = Excerpt.counted("z".repeat(17) + face + "z".repeat(100), 40);
    assertThat(counted).isEqualTo("z".repeat(17) + "... (119 chars in all)");
  }

  @Test
  void tooSmallABoundIsRefused() {
    assertThatThrownBy(() -> Excerpt.of("abcdef", 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Excerpt.counted("abcdef", 39)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void anExcerptIsBoundedWholeOrAMarkedStart(@ForAll String s, @ForAll @IntRange(min = 4, max = 300) int max) {
    String e = Excerpt.of(s, max);
    assertThat(e.length()).isLessThanOrEqualTo(max);
    if (s.length() <= max) {
      assertThat(e).isSameAs(s);
    } else {
      String start = e.substring(0, e.length() - 3);
      assertThat(e).endsWith("...");
      assertThat(s).startsWith(start);
      assertThat(start.length()).isGreaterThanOrEqualTo(max - 4);
      assertThat(start.isEmpty() || !Character.isHighSurrogate(start.charAt(start.length() - 1))).isTrue();
    }
  }

  @Property
  void aCountedExcerptIsBoundedAndSaysHowLongTheTextWas(@ForAll String s,
      @ForAll @IntRange(min = 40, max = 300) int max) {
    String e = Excerpt.counted(s, max);
    assertThat(e.length()).isLessThanOrEqualTo(max);
    if (s.length() > max) {
      assertThat(e).endsWith("... (" + s.length() + " chars in all)");
      String start = e.substring(0, e.lastIndexOf("... (" + s.length()));
      assertThat(s).startsWith(start);
      assertThat(start.isEmpty() || !Character.isHighSurrogate(start.charAt(start.length() - 1))).isTrue();
    } else {
      assertThat(e).isSameAs(s);
    }
  }
}
