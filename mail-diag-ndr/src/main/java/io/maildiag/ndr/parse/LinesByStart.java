package io.maildiag.ndr.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lines of a text kept by how they start, for finding, for many prefixes, the first line that starts
 * with each. The lines' starts are sorted, so the lines that start with a prefix are one range of
 * them, found by binary search. Used where one text is asked once for each of thousands of
 * recipients (see {@link TextScanner.FullReplies} and {@link SmtpStage.TranscriptReplies}).
 */
final class LinesByStart {
  /** A line's start ({@link #START} chars at most) and its number. */
  private record Start(String start, int line) {}

  /** The chars of a line kept: a prefix longer than this finds nothing. */
  static final int START = 40;

  private final Start[] starts;

  private LinesByStart(Start[] starts) {
    this.starts = starts;
  }

  /** Collects lines, in any order, and sorts them once. */
  static final class Builder {
    private final List<Start> starts = new ArrayList<>();

    /** Adds line {@code line}, which reads {@code text}. */
    void add(String text, int line) {
      starts.add(new Start(text.substring(0, Math.min(text.length(), START)), line));
    }

    LinesByStart build() {
      Start[] out = starts.toArray(new Start[0]);
      Arrays.sort(out, Comparator.comparing(Start::start).thenComparingInt(Start::line));
      return new LinesByStart(out);
    }
  }

  /**
   * The lowest number of a line that starts with {@code prefix} (at most {@link #START} chars), or
   * -1. The lines read are those in the range that starts so: a caller that keeps its answers by
   * prefix reads each line at most once for each length of prefix it can start.
   */
  int first(String prefix) {
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid].start.compareTo(prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int first = -1;
    for (int k = lo; k < starts.length && starts[k].start.startsWith(prefix); k++) {
      if (first < 0 || starts[k].line < first) {
        first = starts[k].line;
      }
    }
    return first;
  }
}
