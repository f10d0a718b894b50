package io.maildiag.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A message saved as UTF-16 text rather than as its bytes, as an editor's or a mail program's "save
 * as Unicode text" writes it: it starts with a byte order mark ({@code FF FE}, little-endian, or
 * {@code FE FF}, big-endian). A message as mail carries it is never UTF-16 (its header section is
 * ASCII, RFC 5322), so the analyzers read such input as the UTF-8 bytes of the same text, and say
 * so. Only a mark at the very start counts; nothing is guessed without one.
 */
public final class Utf16Text {
  private Utf16Text() {}

  /**
   * Returns the byte order of the UTF-16 text in the first {@code length} bytes of {@code bytes}:
   * {@code "little-endian"} or {@code "big-endian"} after the matching mark, nothing otherwise.
   *
   * @param bytes the input
   * @param length how many of its bytes are the input
   * @return the byte order named by the mark the input starts with, if it starts with one
   */
  public static Optional<String> byteOrder(byte[] bytes, int length) {
    if (length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      return Optional.of("little-endian");
    }
    if (length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
      return Optional.of("big-endian");
    }
    return Optional.empty();
  }

  /**
   * Returns the UTF-8 bytes of the UTF-16 text in the first {@code length} bytes of {@code bytes},
   * the byte order mark left out, when it starts with one; a last odd byte and an unpaired
   * surrogate each become U+FFFD.
   *
   * @param bytes the input
   * @param length how many of its bytes are the input
   * @return the text as UTF-8, or nothing when the input does not start with a byte order mark
   */
  public static Optional<byte[]> toUtf8(byte[] bytes, int length) {
    Optional<String> order = byteOrder(bytes, length);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    Charset charset = bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    return Optional.of(new String(bytes, 2, length - 2, charset).getBytes(StandardCharsets.UTF_8));
  }
}
