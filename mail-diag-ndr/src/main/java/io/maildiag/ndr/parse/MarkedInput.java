package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.internal.ByteOrderMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message saved by an editor, with a byte order mark first ({@link ByteOrderMark}): read as the
 * UTF-8 bytes of its text, the mark left out, with a {@link Codes#BYTE_ORDER_MARK} diagnostic (a
 * warning for UTF-16 text, an info for a UTF-8 mark).
 */
final class MarkedInput {
  private MarkedInput() {}

  /** A message read from marked text: its UTF-8 bytes and what to report about it. */
  record Transcoded(byte[] bytes, List<Diagnostic> early) {}

  /**
   * The first {@code length} bytes of {@code in} as UTF-8 without their mark, and {@code early} with
   * a diagnostic that says so, when they start with a byte order mark; nothing otherwise.
   */
  static Optional<Transcoded> of(byte[] in, int length, List<Diagnostic> early) {
    Optional<String> encoding = ByteOrderMark.encoding(in, length);
    if (encoding.isEmpty()) {
      return Optional.empty();
    }
    List<Diagnostic> all = new ArrayList<>(early.size() + 1);
    all.addAll(early);
    all.add(ByteOrderMark.diagnostic(Codes.BYTE_ORDER_MARK, encoding.get()));
    return Optional.of(new Transcoded(ByteOrderMark.toUtf8(in, length).orElseThrow(), all));
  }
}
