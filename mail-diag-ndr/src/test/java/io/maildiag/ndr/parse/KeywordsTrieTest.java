package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trie, its pair filter and its skips: for random word sets over a small alphabet (shared
 * prefixes, words that are prefixes of others, one-character words, long words) and texts with
 * upper case, non-ASCII characters, words cut short and words at the very end, {@link Keywords#next} and {@link Keywords#at} agree with
 * a plain comparison at each position.
 */
class KeywordsTrieTest {

  @Property(tries = 2000)
  void nextAndAtAgreeWithAPlainComparison(@ForAll("wordSets") List<String> words, @ForAll("texts") String text) {
    Keywords k = new Keywords(words.toArray(new String[0]));
    for (int from = -1; from <= text.length() + 1; from++) {
      assertThat(k.next(text, from)).as(words + " in " + text + " from " + from)
          .isEqualTo(plainNext(words, text, Math.max(0, from)));
      assertThat(k.at(text, from)).as(words + " at " + from + " of " + text)
          .isEqualTo(from >= 0 && from < text.length() && plainNext(words, text, from) == from);
    }
  }

  @Property(tries = 2000)
  void longWordsAreFoundAcrossSkips(@ForAll("longWordSets") List<String> words,
      @ForAll("longPieces") List<String> pieces, @ForAll long seed) {
    // the pieces with words between them, some cut short by a character, some in upper case
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (String piece : pieces) {
      String w = words.get(random.nextInt(words.size()));
      w = random.nextBoolean() ? w : w.substring(0, w.length() - 1);
      text.append(piece).append(random.nextBoolean() ? w : w.toUpperCase(Locale.ROOT));
    }
    nextAndAtAgreeWithAPlainComparison(words, text.toString());
  }

  /** The first index at or after {@code from} where a word starts, with only A-Z folded to a-z. */
  private static int plainNext(List<String> words, String text, int from) {
    for (int i = from; i < text.length(); i++) {
      for (String w : words) {
        if (i + w.length() <= text.length() && foldsTo(text, i, w)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean foldsTo(String text, int at, String word) {
    for (int j = 0; j < word.length(); j++) {
      char c = text.charAt(at + j);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      if (lower != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<List<String>> wordSets() {
    return Arbitraries.strings().withChars("abk- :#5").ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(7);
  }

  @Provide
  Arbitrary<List<String>> longWordSets() {
    return Arbitraries.strings().withChars("ab- k").ofMinLength(6).ofMaxLength(9).list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<String>> longPieces() {
    return Arbitraries.strings().withChars("abAB- kK\u212A\u00e9").ofMaxLength(8).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abkABK- :#5\u212A\u0130\u00e9\u00c1\u2028\n").ofMaxLength(14);
  }
}
