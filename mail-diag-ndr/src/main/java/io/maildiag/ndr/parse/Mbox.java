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

  private static final Pattern FROM_LINE = Pattern.compile(
      "^From \\S+\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +"
          + "\\d{1,2} +\\d{1,2}:\\d{2}(?::\\d{2})?(?: +[A-Za-z]{1,5}| +[+-]\\d{4})? +\\d{4}(?: +[+-]\\d{4}| +[A-Za-z]{1,5})?\\s*$");

  /** Splits the first {@code length} bytes of {@code in}: the first message ends before the next From_ line. */
  static Split split(byte[] in, int length) {
    if (!startsWithFrom(in, 0, length) || !isFromLine(in, 0, length)) {
      return new Split(length, 0);
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
    return new Split(firstEnd < 0 ? length : firstEnd, more);
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
