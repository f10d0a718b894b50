package io.maildiag.ndr.parse;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where the content of a multipart can end for Jakarta Mail to read only its first parts. Jakarta's
 * {@code MimeMultipart} reads every part of a multipart at once, whatever number of them is then
 * used, and each part costs it two service look-ups on the class path (tens of microseconds): a
 * message of a few hundred kilobytes made of empty parts took seconds. {@link MimeReader} reads at
 * most {@link MimeReader#MAX_PARTS} parts, so it hands Jakarta the content only up to the start of
 * the part after the last one it may read.
 *
 * <p>The search follows Jakarta's reading of a multipart on a stream that supports {@code mark}
 * (every stream {@link MimeReader} gives it):
 *
 * <ul>
 *   <li>lines end at LF, CR LF, CR CR LF, or a CR before anything else;
 *   <li>the preamble runs to the first line that, without trailing blanks and tabs, is {@code "--"}
 *       and the boundary ({@code "--"}, the boundary and {@code "--"} ends the multipart with no part);
 *       without a boundary parameter, the first line of more than two characters that starts with
 *       {@code "--"} and is not all dashes is the boundary line;
 *   <li>each part's header section runs to its first empty line (a part whose header section the
 *       content ends in is not a part);
 *   <li>in the body, the boundary line starts a new part where it starts the body or follows a CR or
 *       LF, and is followed by blanks and tabs and the end of a line; followed by {@code "--"} it
 *       ends the multipart.
 * </ul>
 *
 * <p>Jakarta fails on a whole multipart when one of its parts has a header section that starts
 * with a folded line (an {@code IndexOutOfBoundsException} in {@code InternetHeaders}). Past the cut
 * such a part is no longer read, so the parts before it are: as {@link MimeSplitter} reads them,
 * which parses no part it does not read.
 */
final class MultipartCut {
  /** No cut: the content holds no more parts than asked for, or Jakarta would read it otherwise. */
  static final int NONE = -1;

  private MultipartCut() {}

  /**
   * Where to end {@code content[0, length)} so that Jakarta Mail reads the same first {@code keep}
   * parts and no more: the start of the boundary line that starts part {@code keep + 1}, or {@link
   * #NONE}. Part {@code keep} of the cut content may end differently (it runs to the cut, the line
   * break before the boundary line included); the parts before it are read exactly as before.
   *
   * @param boundary the multipart's boundary parameter; null or empty when it has none
   * @param keep how many parts must stay, at least 1
   */
  static int cut(byte[] content, int length, @Nullable String boundary, int keep) {
    long r = scan(content, length, boundary, keep);
    return r < 0 ? NONE : (int) r;
  }

  /**
   * How many parts Jakarta Mail reads from {@code content[0, length)}: 0 when it finds no first
   * boundary line; -1 when the boundary holds a line break or a character past Latin-1 (such a
   * boundary is not followed here).
   */
  static int countParts(byte[] content, int length, @Nullable String boundary) {
    long r = scan(content, length, boundary, Integer.MAX_VALUE);
    return r == UNSUPPORTED ? -1 : (int) -r - 1;
  }

  /** {@link #scan}'s answer for a boundary it does not follow. */
  private static final long UNSUPPORTED = Long.MIN_VALUE;

  /**
   * Reads the multipart: the start of the boundary line of part {@code keep + 1} if it has that
   * part (its header section ends), else {@code -(parts + 1)}, or {@link #UNSUPPORTED}.
   */
  private static long scan(byte[] c, int n, @Nullable String boundary, int keep) {
    byte[] b = null;
    if (boundary != null && !boundary.isEmpty()) {
      b = new byte[boundary.length() + 2];
      b[0] = '-';
      b[1] = '-';
      for (int i = 0; i < boundary.length(); i++) {
        char ch = boundary.charAt(i);
        if (ch > 0xff || ch == '\n' || ch == '\r') {
          return UNSUPPORTED; // Jakarta compares the preamble's lines as text and the body as bytes
        }
        b[i + 2] = (byte) ch;
      }
    }
    // the preamble
    int pos = 0;
    while (true) {
      if (pos >= n) {
        return -1; // no first boundary line: no part
      }
      int end = Bytes.lineBreak(c, pos, n);
      int next = afterBreak(c, end, n);
      int t = end;
      while (t > pos && (c[t - 1] == ' ' || c[t - 1] == '\t')) {
        t--;
      }
      int len = t - pos;
      if (b != null) {
        if (len == b.length && Bytes.startsWith(c, pos, n, b)) {
          pos = next;
          break;
        }
        if (len == b.length + 2 && Bytes.startsWith(c, pos, n, b) && c[t - 2] == '-' && c[t - 1] == '-') {
          return -1; // the closing line first: no part
        }
      } else if (len > 2 && c[pos] == '-' && c[pos + 1] == '-' && !(len > 4 && Bytes.allDashes(c, pos, t))) {
        b = Arrays.copyOfRange(c, pos, t);
        pos = next;
        break;
      }
      pos = next;
    }
    int parts = 0;
    int cut = NONE; // the start of the boundary line of part keep + 1, once found
    while (true) {
      // the part's header section, to its empty line
      while (true) {
        if (pos >= n) {
          return -(parts + 1L); // the content ends in the header section: that part is not read
        }
        int end = Bytes.lineBreak(c, pos, n);
        boolean empty = end == pos;
        pos = afterBreak(c, end, n);
        if (empty) {
          break;
        }
      }
      parts++;
      if (parts > keep) {
        return cut;
      }
      // the part's body, to the next boundary line
      int found = -1;
      for (int i = pos; i + b.length <= n; i++) {
        if (i > pos && c[i - 1] != '\n' && c[i - 1] != '\r' || !Bytes.startsWith(c, i, n, b)) {
          continue;
        }
        int j = i + b.length;
        if (j + 1 < n && c[j] == '-' && c[j + 1] == '-') {
          return -(parts + 1L); // the closing line
        }
        while (j < n && (c[j] == ' ' || c[j] == '\t')) {
          j++;
        }
        if (j < n && (c[j] == '\n' || c[j] == '\r')) {
          found = i;
          pos = c[j] == '\r' && j + 1 < n && c[j + 1] == '\n' ? j + 2 : j + 1;
          break;
        }
      }
      if (found < 0) {
        return -(parts + 1L); // the content ends in this part's body
      }
      if (parts == keep) {
        cut = found;
      }
    }
  }

  /** Where the line after the line break at {@code i} starts: past LF, CR LF, CR CR LF or CR. */
  private static int afterBreak(byte[] c, int i, int n) {
    if (i >= n) {
      return n;
    }
    if (c[i] == '\n') {
      return i + 1;
    }
    if (i + 1 < n && c[i + 1] == '\n') {
      return i + 2;
    }
    if (i + 2 < n && c[i + 1] == '\r' && c[i + 2] == '\n') {
      return i + 3;
    }
    return i + 1;
  }
}
