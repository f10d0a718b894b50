package io.maildiag.core.internal;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import java.util.Objects;

/**
 * Where a message's header section starts in input pasted or saved with empty lines first. An
 * empty line ends the header section (RFC 5322 section 2.1), so a message with a blank line before
 * its first field would have no header section at all; the analyzers leave such lines out when the
 * first line that is not empty starts a header field or an mbox From_ line, and say so.
 */
public final class MessageStart {
  private MessageStart() {}

  /**
   * Returns where the header section starts in the first {@code length} bytes of {@code bytes}:
   * after the empty lines (or lines of spaces and tabs; each ended by CR LF, LF or CR) that come
   * first, when at least one does and a header field or an mbox From_ line follows them; 0
   * otherwise.
   *
   * @param bytes the input
   * @param length how many of its bytes are the input
   * @return the offset of the header section's first line, or 0
   * @throws IndexOutOfBoundsException if {@code length} is negative or past the array's end
   */
  public static int afterEmptyLines(byte[] bytes, int length) {
    Objects.checkFromIndexSize(0, length, bytes.length);
    int i = 0;
    boolean empty = false;
    while (true) {
      int j = i;
      while (j < length && (bytes[j] == ' ' || bytes[j] == '\t')) {
        j++;
      }
      if (j >= length || bytes[j] != '\n' && bytes[j] != '\r') {
        break;
      }
      j += bytes[j] == '\r' && j + 1 < length && bytes[j + 1] == '\n' ? 2 : 1;
      i = j;
      empty = true;
    }
    return empty && i < length && (fieldStartsAt(bytes, i, length) || fromLineAt(bytes, i, length)) ? i : 0;
  }

  /**
   * Returns the info an analyzer reports, under its own {@code code}, when it left out the empty
   * lines {@link #afterEmptyLines} found.
   *
   * @param code the analyzer's code for leading empty lines
   * @return the diagnostic
   */
  public static Diagnostic diagnostic(DiagnosticCode code) {
    return Diagnostic.info(code, "the input starts with empty lines before its header section; they were left out");
  }

  /**
   * Returns whether a header field starts at {@code from} of {@code bytes[0, end)}: a name of
   * printable ASCII other than the colon (RFC 5322 section 2.2), then the colon, with white space
   * allowed before it (the obsolete syntax of section 4.5).
   *
   * @param bytes the input
   * @param from where the line starts
   * @param end where the input ends
   * @return whether the line starts a header field
   * @throws IndexOutOfBoundsException if {@code from} and {@code end} are not a range of the array
   */
  public static boolean fieldStartsAt(byte[] bytes, int from, int end) {
    Objects.checkFromToIndex(from, end, bytes.length);
    int i = from;
    while (i < end && bytes[i] > ' ' && bytes[i] < 127 && bytes[i] != ':') {
      i++;
    }
    if (i == from) {
      return false;
    }
    while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
      i++;
    }
    return i < end && bytes[i] == ':';
  }

  private static boolean fromLineAt(byte[] bytes, int from, int end) {
    return end - from >= 5 && bytes[from] == 'F' && bytes[from + 1] == 'r' && bytes[from + 2] == 'o'
        && bytes[from + 3] == 'm' && bytes[from + 4] == ' ';
  }
}
