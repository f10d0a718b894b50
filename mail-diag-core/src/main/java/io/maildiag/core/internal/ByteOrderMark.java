package io.maildiag.core.internal;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A message saved by an editor rather than as its bytes: it starts with a byte order mark. {@code EF
 * BB BF} marks UTF-8 (Windows Notepad long wrote it), {@code FF FE} and {@code FE FF} mark UTF-16,
 * little- and big-endian ("save as Unicode text"). A message as mail carries it has no mark and is
 * never UTF-16 (its header section is ASCII, RFC 5322), so the analyzers read marked input as the
 * UTF-8 bytes of the same text, without the mark, and say so. Only a mark at the very start counts;
 * nothing is guessed without one.
 */
public final class ByteOrderMark {
  private ByteOrderMark() {}

  /**
   * Returns the encoding the mark at the start of the first {@code length} bytes of {@code bytes}
   * names: {@code "UTF-8"}, {@code "UTF-16LE"} or {@code "UTF-16BE"}; nothing when they do not
   * start with one.
   *
   * @param bytes the input
   * @param length how many of its bytes are the input
   * @return the encoding the mark names, if the input starts with a mark
   * @throws IndexOutOfBoundsException if {@code length} is negative or past the array's end
   */
  public static Optional<String> encoding(byte[] bytes, int length) {
    Objects.checkFromIndexSize(0, length, bytes.length);
    if (length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      return Optional.of("UTF-8");
    }
    if (length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      return Optional.of("UTF-16LE");
    }
    if (length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
      return Optional.of("UTF-16BE");
    }
    return Optional.empty();
  }

  /**
   * Returns the text of the first {@code length} bytes of {@code bytes} as UTF-8, the mark left
   * out, when they start with one: UTF-8 as it is, UTF-16 converted (a last odd byte and an
   * unpaired surrogate each become U+FFFD).
   *
   * @param bytes the input
   * @param length how many of its bytes are the input
   * @return the text as UTF-8, or nothing when the input does not start with a mark
   * @throws IndexOutOfBoundsException if {@code length} is negative or past the array's end
   */
  public static Optional<byte[]> toUtf8(byte[] bytes, int length) {
    Optional<String> encoding = encoding(bytes, length);
    if (encoding.isEmpty()) {
      return Optional.empty();
    }
    if (encoding.get().equals("UTF-8")) {
      return Optional.of(Arrays.copyOfRange(bytes, 3, length));
    }
    Charset charset = encoding.get().equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    return Optional.of(new String(bytes, 2, length - 2, charset).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns what to tell about input that starts with a mark for {@code encoding} (one that {@link
   * #encoding} gave), as the sentence of a diagnostic.
   *
   * @param encoding the encoding the mark names
   * @return the sentence
   */
  public static String describe(String encoding) {
    if (encoding.equals("UTF-8")) {
      return "the input starts with a UTF-8 byte order mark, as an editor saves text; the mark was left out";
    }
    return "the input is " + encoding + " text (with a byte order mark), not a message's bytes as mail carries"
        + " them; it was read as that text";
  }

  /**
   * Returns the diagnostic an analyzer reports, under its own {@code code}, for input that starts
   * with a mark for {@code encoding}: a warning for UTF-16 text, which is not a message's bytes, and
   * an info for a UTF-8 mark, which only precedes them; its message is {@link #describe}'s.
   *
   * @param code the analyzer's code for marked input
   * @param encoding the encoding the mark names (one that {@link #encoding} gave)
   * @return the diagnostic
   */
  public static Diagnostic diagnostic(DiagnosticCode code, String encoding) {
    String sentence = describe(encoding);
    return encoding.equals("UTF-8") ? Diagnostic.info(code, sentence) : Diagnostic.warning(code, sentence);
  }
}
