package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Headers#parse}, which copies each value once, against the StringBuilder parser it replaced. */
class HeadersParseEquivalenceTest {

  @Property(tries = 5000)
  void sameAsTheReference(@ForAll("blocks") String text, @ForAll @IntRange(min = 0, max = 6) int maxFields) {
    Headers.Parsed fast = Headers.parse(text, maxFields);
    Headers.Parsed ref = reference(text, maxFields);
    assertThat(dump(fast)).isEqualTo(dump(ref));
  }

  @Provide
  Arbitrary<String> blocks() {
    return Arbitraries.of("From: a@b", "Subject:  x  ", "To:", " folded", "\tfolded tab", "  ", "", "X-A : b",
        "not a header", ":", "Bad Name: x", "Subject :", "Na\u00efve: y", "K: \u0085v\u0085", "\u0000: z", "A:\u3000b\u3000",
        "Long" + "x".repeat(80) + ": v", "\r", "A: b\r").list().ofMaxSize(10).map(l -> String.join("\n", l));
  }

  private static List<String> dump(Headers.Parsed p) {
    List<String> out = new ArrayList<>();
    for (Headers.Field f : p.headers().fields()) {
      out.add("[" + f.name() + "]=[" + f.value() + "]");
    }
    out.add(p.bodyStart() + " " + p.sawBlankLine());
    return out;
  }

  static Headers.Parsed reference(String text, int maxFields) {
    List<Headers.Field> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    String name = null;
    StringBuilder value = new StringBuilder();
    boolean blank = false;
    while (i < n) {
      int eol = text.indexOf('\n', i);
      int end = eol < 0 ? n : eol;
      int next = eol < 0 ? n : eol + 1;
      if (end == i) {
        blank = true;
        i = next;
        break;
      }
      char c = text.charAt(i);
      if ((c == ' ' || c == '\t') && name != null) {
        value.append(' ').append(text, i, end);
        i = next;
        continue;
      }
      int colon = text.indexOf(':', i);
      if (colon < 0 || colon >= end || colon == i || !isFieldName(text, i, colon)) {
        break; // not a header line: the block ends here
      }
      if (name != null && out.size() < maxFields) {
        out.add(new Headers.Field(name, value.toString().trim()));
      }
      name = text.substring(i, colon).trim();
      value.setLength(0);
      value.append(text, colon + 1, end);
      i = next;
    }
    if (name != null && out.size() < maxFields) {
      out.add(new Headers.Field(name, value.toString().trim()));
    }
    return new Headers.Parsed(new Headers(out), i, blank);
  }
  private static boolean isFieldName(String s, int from, int to) {
    if (to - from > 76) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c <= ' ' || c >= 127) {
        // allow trailing spaces before the colon ("Subject :")
        if (c == ' ' && s.substring(k, to).isBlank()) {
          return k > from;
        }
        return false;
      }
    }
    return true;
  }
}
