package io.maildiag.core;

/**
 * A position and extent in a piece of text input: where a {@link Diagnostic} points.
 *
 * <p>{@code offset} and {@code length} count UTF-16 code units from the start of the input, as
 * {@link String#substring(int, int)} does. {@code line} and {@code column} are 1-based; a line
 * ends at LF, CR or CRLF.
 *
 * @param offset 0-based index of the first character
 * @param length number of characters covered (0 for a point, such as "end of input")
 * @param line 1-based line number of {@code offset}
 * @param column 1-based column of {@code offset} within its line
 * @since 0.1
 */
public record SourceSpan(int offset, int length, int line, int column) {

  /**
   * Validates the span.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public SourceSpan {
    if (offset < 0 || length < 0 || line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "invalid span: offset=" + offset + " length=" + length + " line=" + line + " column=" + column);
    }
  }

  /**
   * Returns the span of {@code length} characters at {@code offset} in {@code input}, computing
   * line and column. Offsets beyond the input are clamped to its end.
   *
   * @throws IllegalArgumentException if {@code offset} or {@code length} is negative
   */
  public static SourceSpan of(CharSequence input, int offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
    }
    int start = Math.min(offset, input.length());
    int len = Math.min(length, input.length() - start);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      char c = input.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= input.length() || input.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourceSpan(start, len, line, start - lineStart + 1);
  }

  /**
   * Returns the span of the whole of 1-based line {@code line} of {@code input} (without its line
   * break), for readers that report errors by line number. A line past the end yields an empty
   * span at the end of the input.
   *
   * @throws IllegalArgumentException if {@code line} is less than 1
   */
  public static SourceSpan ofLine(CharSequence input, int line) {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    int current = 1;
    int i = 0;
    int n = input.length();
    while (current < line && i < n) {
      char c = input.charAt(i++);
      if (c == '\r' && i < n && input.charAt(i) == '\n') {
        i++;
        current++;
      } else if (c == '\n' || c == '\r') {
        current++;
      }
    }
    if (current < line) {
      return of(input, n, 0);
    }
    int end = i;
    while (end < n && input.charAt(end) != '\n' && input.charAt(end) != '\r') {
      end++;
    }
    return new SourceSpan(i, end - i, line, 1);
  }

  /** Returns the index one past the last character covered. */
  public int end() {
    return offset + length;
  }

  /** Returns {@code line:column}, e.g. {@code 3:17}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
