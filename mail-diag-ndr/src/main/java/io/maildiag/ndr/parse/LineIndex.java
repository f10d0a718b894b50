package io.maildiag.ndr.parse;

import java.util.Arrays;

/**
 * Where the lines of a text start, found only as far as they are asked for. The entries are where
 * each of the first {@link TextScanner#MAX_LINES} lines ({@code text.split("\n", -1)}) starts, and
 * one more: where the next line starts, or one past the text's end when the last line is the text's
 * last. The scan reads a bounce text up to the line that starts the returned message and a few
 * more, and the lines after those are counted only if the text after the cut is asked for.
 */
final class LineIndex {
  private final String text;
  /** The entries found so far, {@link #known} of them. */
  private int[] starts;
  private int known;
  /** Whether every entry is found: {@code starts[known - 1]} is the last. */
  private boolean complete;

  LineIndex(String text) {
    this.text = text;
    // grown as lines are found: the scan often stops long before the text's end
    starts = new int[Math.min(TextScanner.MAX_LINES + 1, Math.min(64, text.length() / 32 + 8))];
    known = 1; // the first line starts at 0
  }

  /** Whether line {@code i} (counted from 0) is one of the text's first {@link TextScanner#MAX_LINES}. */
  boolean has(int i) {
    while (!complete && known < i + 2) {
      findNext();
    }
    return i + 1 < known;
  }

  /** Where line {@code i} starts; it or a later line was asked for with {@link #has}. */
  int start(int i) {
    return starts[i];
  }

  /** The length of line {@code i} (without its newline), which {@link #has}. */
  int length(int i) {
    return starts[i + 1] - 1 - starts[i];
  }

  /** The number of lines, at most {@link TextScanner#MAX_LINES}. */
  int count() {
    while (!complete) {
      findNext();
    }
    return known - 1;
  }

  /**
   * Whether the text has more lines than {@link TextScanner#MAX_LINES}: lines past those are not
   * indexed (the last indexed line ends at a newline with more text after it).
   */
  boolean cutShort() {
    count();
    return starts[known - 1] <= text.length();
  }

  /** Every entry. */
  int[] all() {
    count();
    return Arrays.copyOf(starts, known);
  }

  /** Finds the next entry. */
  private void findNext() {
    int k = known;
    if (k == starts.length) {
      starts = Arrays.copyOf(starts, Math.min(TextScanner.MAX_LINES + 1, k * 2));
    }
    int nl = text.indexOf('\n', starts[k - 1]);
    if (nl < 0) {
      starts[k] = text.length() + 1;
      complete = true;
    } else {
      starts[k] = nl + 1;
      complete = k == TextScanner.MAX_LINES;
    }
    known = k + 1;
  }
}
