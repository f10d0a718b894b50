package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Utf16Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message saved as UTF-16 text rather than as its bytes ({@link Utf16Text}): read as the UTF-8
 * text of the same chars, with a {@link Codes#UTF16_INPUT} warning.
 */
final class Utf16Input {
  private Utf16Input() {}

  /** A message read from UTF-16 text: its UTF-8 bytes and what to report about it. */
  record Transcoded(byte[] bytes, List<Diagnostic> early) {}

  /**
   * The first {@code length} bytes of {@code in} as UTF-8, and {@code early} with a warning that says
   * so, when they are UTF-16 text with a byte order mark; nothing otherwise.
   */
  static Optional<Transcoded> of(byte[] in, int length, List<Diagnostic> early) {
    Optional<String> order = Utf16Text.byteOrder(in, length);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    List<Diagnostic> all = new ArrayList<>(early.size() + 1);
    all.addAll(early);
    all.add(Diagnostic.warning(Codes.UTF16_INPUT, "the input is UTF-16 text (" + order.get()
        + ", with a byte order mark), not a message's bytes as mail carries them; it was read as that text"));
    return Optional.of(new Transcoded(Utf16Text.toUtf8(in, length).orElseThrow(), all));
  }
}
