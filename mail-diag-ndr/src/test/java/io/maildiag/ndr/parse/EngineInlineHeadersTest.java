package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Engine.Message#inlineHeaders} reads the header block as the line-splitting version did. */
class EngineInlineHeadersTest {
  private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}:.*");

  /** The plain version: split into lines, skip up to ten that are not header lines. */
  private static Headers plain(String a) {
    if (a.isEmpty()) {
      return Headers.EMPTY;
    }
    String[] lines = a.split("\n", 12);
    int skip = 0;
    for (int i = 0; i < Math.min(lines.length, 10); i++) {
      if (HEADER_LINE.matcher(lines[i]).matches()) {
        break;
      }
      skip += lines[i].length() + 1;
    }
    if (skip >= a.length()) {
      return Headers.EMPTY;
    }
    return Headers.parse(a.substring(skip), 500).headers();
  }

  @Test
  void readsAsTheSplitVersion() {
    String[] pieces = {"\n", "\n\n", "Subject: hi", "From: a@b.example", "X-A: b\n", " folded", "junk line",
        "-----Original message-----\n", ":", "A:", "1A: x", "\r", "\u2028", "\u0085", "To:", " ", "x", "\t"};
    Random random = new Random(43);
    for (int i = 0; i < 20_000; i++) {
      String a = EngineGatesTest.noise(random, pieces, random.nextInt(25));
      if (a.isEmpty()) {
        continue;
      }
      assertThat(Engine.Message.inlineHeaders(a).fields()).as(a).isEqualTo(plain(a).fields());
    }
  }
}
