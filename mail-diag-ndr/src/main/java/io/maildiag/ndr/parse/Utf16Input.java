package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message saved as UTF-16 text rather than as its bytes, as a mail program's or an editor's "save
 * as Unicode text" writes it: it starts with a byte order mark ({@code FF FE}, little-endian, or
 * {@code FE FF}, big-endian). A message on the wire is never UTF-16 (its header section is ASCII,
 * RFC 5322), so such a file is read as the UTF-8 text of the same chars, with a warning; a mark
 * anywhere but at the start changes nothing.
 */
final class Utf16Input {
  private Utf16Input() {}

  /** A message read from UTF-16 text: its UTF-8 bytes and what to report about it. */
  record Transcoded(byte[] bytes, List<Diagnostic> early) {}

  /** Whether the first {@code length} bytes of {@code in} start with a UTF-16 byte order mark. */
  static boolean marked(byte[] in, int length) {
    return length >= 2 && (in[0] == (byte) 0xFF && in[1] == (byte) 0xFE || in[0] == (byte) 0xFE && in[1] == (byte) 0xFF);
  }

  /**
   * The first {@code length} bytes of {@code in}, which {@link #marked} holds for, as UTF-8 without
   * the mark, and {@code early} with a warning that says so. A last odd byte and an unpaired
   * surrogate each become U+FFFD.
   */
  static Transcoded toUtf8(byte[] in, int length, List<Diagnostic> early) {
    boolean little = in[0] == (byte) 0xFF;
    Charset charset = little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    byte[] utf8 = new String(in, 2, length - 2, charset).getBytes(StandardCharsets.UTF_8);
    List<Diagnostic> all = new ArrayList<>(early.size() + 1);
    all.addAll(early);
    all.add(Diagnostic.warning(Codes.UTF16_INPUT, "the input is UTF-16 text (" + (little ? "little" : "big")
        + "-endian, with a byte order mark), not a message's bytes as mail carries them; it was read as that text"));
    return new Transcoded(utf8, all);
  }
}
