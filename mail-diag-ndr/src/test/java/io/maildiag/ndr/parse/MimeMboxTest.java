package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Mbox#split} and {@link Mbox#starts}, which look only at lines starting "From ", against a line-by-line splitter. */
class MimeMboxTest {

  @Property(tries = 5000)
  void sameAsTheLineByLineSplit(@ForAll("mbox") byte[] in, @ForAll @IntRange(min = 0, max = 6) int cut) {
    int length = Math.max(0, in.length - cut);
    assertThat(Mbox.split(in, length)).isEqualTo(reference(in, length));
  }

  @Property(tries = 5000)
  void everyMessageStartsWhereTheLineByLineSplitFindsAFromLine(@ForAll("mbox") byte[] in,
      @ForAll @IntRange(min = 0, max = 6) int cut, @ForAll @IntRange(min = 1, max = 4) int max) {
    int length = Math.max(0, in.length - cut);
    int[] all = referenceStarts(in, length);
    assertThat(Mbox.starts(in, length, Integer.MAX_VALUE)).containsExactly(all);
    assertThat(Mbox.starts(in, length, max)).containsExactly(java.util.Arrays.copyOf(all, Math.min(max, all.length)));
  }

  /** The start of each message, line by line: 0, then each From_ line after a blank line. */
  static int[] referenceStarts(byte[] in, int length) {
    java.util.List<Integer> out = new java.util.ArrayList<>(java.util.List.of(0));
    if (startsWithFrom(in, 0, length) && isFromLine(in, 0, length)) {
      boolean previousBlank = false;
      int i = lineEnd(in, 0, length);
      while (i < length) {
        int end = lineEnd(in, i, length);
        if (previousBlank && startsWithFrom(in, i, length) && isFromLine(in, i, length)) {
          out.add(i);
        }
        previousBlank = isBlank(in, i, end);
        i = end;
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Provide
  Arbitrary<byte[]> mbox() {
    Arbitrary<String> piece = Arbitraries.of("From MAILER-DAEMON Thu Apr 29 23:34:45 2015", "From a@b Mon Jan  1 00:00:00 2024",
        "From x", "From ", ">From a@b Mon Jan 1 00:00 2024", "\n", "\r\n", "\r", "\r\r\n", " ", "\t", "text", "\n\n",
        "Subject: From you");
    return Arbitraries.of("From MAILER-DAEMON Thu Apr 29 23:34:45 2015\n", "From x\n", "", "\n")
        .flatMap(head -> piece.list().ofMaxSize(16)
            .map(l -> (head + String.join("", l)).getBytes(StandardCharsets.ISO_8859_1)));
  }

  static Mbox.Split reference(byte[] in, int length) {
    if (!startsWithFrom(in, 0, length) || !isFromLine(in, 0, length)) {
      return new Mbox.Split(length, 0);
    }
    int firstEnd = -1;
    int more = 0;
    boolean previousBlank = false;
    int i = lineEnd(in, 0, length); // skip the first From_ line
    while (i < length) {
      int start = i;
      int end = lineEnd(in, start, length);
      boolean blank = isBlank(in, start, end);
      if (previousBlank && startsWithFrom(in, start, length) && isFromLine(in, start, length)) {
        if (firstEnd < 0) {
          firstEnd = start;
        }
        more++;
      }
      previousBlank = blank;
      i = end;
    }
    return new Mbox.Split(firstEnd < 0 ? length : firstEnd, more);
  }

  private static boolean startsWithFrom(byte[] in, int p, int length) {
    return p + 5 <= length && in[p] == 'F' && in[p + 1] == 'r' && in[p + 2] == 'o' && in[p + 3] == 'm'
        && in[p + 4] == ' ';
  }

  private static boolean isFromLine(byte[] in, int p, int length) {
    int e = p;
    while (e < length && e - p < 300 && in[e] != '\n' && in[e] != '\r') {
      e++;
    }
    return Mbox.FROM_LINE.matcher(new String(in, p, e - p, StandardCharsets.ISO_8859_1)).matches();
  }

  /** The start of the line after the one starting at {@code p} (CRLF, LF or CR endings). */
  private static int lineEnd(byte[] in, int p, int length) {
    int i = p;
    while (i < length && in[i] != '\n' && in[i] != '\r') {
      i++;
    }
    if (i < length && in[i] == '\r') {
      i++;
    }
    if (i < length && in[i] == '\n') {
      i++;
    }
    return i;
  }

  private static boolean isBlank(byte[] in, int start, int end) {
    for (int i = start; i < end; i++) {
      if (in[i] != '\n' && in[i] != '\r' && in[i] != ' ' && in[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
