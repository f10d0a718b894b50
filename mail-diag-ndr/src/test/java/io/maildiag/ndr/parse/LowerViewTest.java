package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LowerView} answers as searches in the lower-cased copy it does without. */
class LowerViewTest {
  private static final String[] PIECES = {"Mail System", "POSTFIX", "postfix", " program", "-queue-id", ";", "MSEXCH:",
      "\u00c9t\u00c9", "\u00d7\u00de\u00df\u00b5", "\u00ff", "\u0130", "\u03a3", "A\u03a3 ", "\u0141", "\ud83d\ude00",
      "\ud801\udc00", "@", "`", "Z[", "\n", " ", "x", "X-", "** ", "address not found **", "\u212a", "o\u212a", "ok",
      "M\u0130", "mi", "I", "i", "Q", "q", "1", "\"", "notificationType\"", "-----", "FROM", "fr", "om", "Sender:"};
  private static final String[] WORDS = {"mail system", "postfix program", "-queue-id", ";", "msexch:", "x-", "x-postfix",
      "** address not found **", "ok", "k", "mi", "i", "mi ", "ix", "q1", "\"notificationtype\"", "------", "from",
      "sender:", "ki", "kk", "z[", "a", "xx", "@`", "\n\n"};

  /** Whether {@code w} is in {@code text} lower-cased at the place of {@code text}'s index {@code i}. */
  private static boolean at(String text, int i, String w) {
    return text.substring(i, Math.min(text.length(), i + w.length())).toLowerCase(Locale.ROOT).startsWith(w);
  }

  @Test
  void answersAsTheLowerCasedCopy() {
    Random random = new Random(11);
    for (int i = 0; i < 30_000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, random.nextInt(12));
      int limit = random.nextInt(text.length() + 2);
      LowerView whole = new LowerView(text);
      LowerView v = random.nextBoolean() ? whole : whole.upTo(limit);
      String searched = v.text();
      assertThat(searched).isEqualTo(v == whole || limit >= text.length() ? text : text.substring(0, limit));
      String lower = searched.toLowerCase(Locale.ROOT);
      for (String w : WORDS) {
        boolean holds = lower.contains(w);
        assertThat(v.contains(w)).as("%s in %s", w, searched).isEqualTo(holds);
        if (holds) {
          assertThat(v.mayContain(w)).isTrue();
        }
        // every place, in order, by a cursor
        List<Integer> places = new ArrayList<>();
        for (int k = 0; k < searched.length(); k++) {
          if (at(searched, k, w)) {
            places.add(k);
          }
        }
        List<Integer> found = new ArrayList<>();
        LowerView.Cursor c = v.cursor(w);
        for (int p = c.next(0); p >= 0; p = c.next(p + 1)) {
          found.add(p);
        }
        assertThat(found).as("%s in %s", w, searched).isEqualTo(places);
        if (!places.isEmpty()) {
          assertThat(v.indexOf(w, 0)).isEqualTo(places.get(0));
        }
      }
      assertThat(v.containsEither("x-", "postfix", "queue-id"))
          .isEqualTo(lower.contains("x-postfix") || lower.contains("x-queue-id"));
      assertThat(v.containsEither("** ", "address not found **", "k"))
          .isEqualTo(lower.contains("** address not found **") || lower.contains("** k"));
      assertThat(v.containsEither("m", "i", "q"))
          .isEqualTo(lower.contains("mi") || lower.contains("mq"));
      // every piece of the lower-cased text that is ASCII may be in it
      for (int from = 0; from < lower.length(); from += 1 + random.nextInt(3)) {
        String w = lower.substring(from, Math.min(lower.length(), from + 1 + random.nextInt(12)));
        if (w.chars().allMatch(ch -> ch < 128)) {
          assertThat(v.mayContain(w)).as("%s in %s", w, lower).isTrue();
          assertThat(v.contains(w)).as("%s in %s", w, lower).isTrue();
        }
      }
    }
  }

  @Test
  void cursorFindsEveryPlaceInOrder() {
    LowerView v = new LowerView("From fROM from\u212a FROM");
    LowerView.Cursor c = v.cursor("from");
    List<Integer> found = new ArrayList<>();
    for (int p = c.next(0); p >= 0; p = c.next(p + 1)) {
      found.add(p);
    }
    assertThat(found).containsExactly(0, 5, 10, 16);
    assertThat(new LowerView("\u0130").contains("i")).isTrue();
    assertThat(new LowerView("\u0130x").contains("ix")).isFalse();
    assertThat(new LowerView("o\u212a").contains("ok")).isTrue();
    assertThat(new LowerView("").contains("a")).isFalse();
  }
}
