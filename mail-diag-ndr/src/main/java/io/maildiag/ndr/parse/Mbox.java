package io.maildiag.ndr.parse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises input that is an mbox file (RFC 4155): messages each opened by a "From_" line
 * ({@code From MAILER-DAEMON  Thu Apr 29 23:34:45 2015}), the first at the very start of the input,
 * the others after a blank line. {@link #split} finds where the first message ends and how many
 * follow. Linear in the input; a body line that merely starts with "From " is not a separator
 * unless it has the sender and asctime date of a From_ line and follows a blank line.
 */
final class Mbox {
  private Mbox() {}

  /** Where the first message ends, and how many messages follow it (0 when the input is not an mbox). */
  record Split(int firstEnd, int more) {}

  static final Pattern FROM_LINE = Pattern.compile(
      "^From \\S+\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +"
          + "\\d{1,2} +\\d{1,2}:\\d{2}(?::\\d{2})?(?: +[A-Za-z]{1,5}| +[+-]\\d{4})? +\\d{4}(?: +[+-]\\d{4}| +[A-Za-z]{1,5})?\\s*$");

  /**
   * Splits the first {@code length} bytes of {@code in}: the first message ends before the next From_ line.
   */
  static Split split(byte[] in, int length) {
    int[] starts = starts(in, length, Integer.MAX_VALUE);
    return starts.length == 1 ? new Split(length, 0) : new Split(starts[1], starts.length - 1);
  }

  /**
   * Where each message of the first {@code length} bytes of {@code in} starts: {@code {0}} when the
   * input is not an mbox file, else 0 and the offset of every later From_ line, at most {@code max}
   * offsets. Only the lines that start with "From " can be one, so they are found with
   * String.indexOf (a vectorised intrinsic) on a Latin-1 copy, and each is checked for the blank
   * line before it.
   */
  static int[] starts(byte[] in, int length, int max) {
    if (!startsWithFrom(in, 0, length) || !isFromLine(in, 0, length)) {
      return new int[] {0};
    }
    int[] out = new int[8];
    out[0] = 0;
    int n = 1;
    int first = lineEnd(in, 0, length); // where the line after the first From_ line starts
    String text = new String(in, 0, length, StandardCharsets.ISO_8859_1);
    for (int p = text.indexOf("From ", first + 1); p >= 0 && n < max; p = text.indexOf("From ", p + 1)) {
      if ((in[p - 1] == '\n' || in[p - 1] == '\r') && afterBlankLine(in, first, p) && isFromLine(in, p, length)) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = p;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Whether the line before the line start {@code p} (after {@code first}, where lines are counted
   * from) holds only spaces and tabs: its break (CR LF is always one) and then blanks back to the
   * previous break or to {@code first}.
   */
  private static boolean afterBlankLine(byte[] in, int first, int p) {
    int e = in[p - 1] == '\n' && p - 2 >= first && in[p - 2] == '\r' ? p - 2 : p - 1;
    while (e > first && (in[e - 1] == ' ' || in[e - 1] == '\t')) {
      e--;
    }
    return e == first || in[e - 1] == '\n' || in[e - 1] == '\r';
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
    return FROM_LINE.matcher(new String(in, p, e - p, StandardCharsets.ISO_8859_1)).matches();
  }

  /** The start of the line after the one starting at {@code p} (CRLF, LF or CR endings). */
  static int lineEnd(byte[] in, int p, int length) {
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
}
