package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.internal.MessageStart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The form an input comes in, when it is not a message's bytes as mail carries them: gzip-compressed
 * (a Dovecot mailbox with its compression plugin, an archived {@code .eml.gz}), which is
 * decompressed; text an editor saved with a byte order mark ({@link MarkedInput}), which is read as
 * UTF-8 without it; a message with empty lines before its header section, which are left out; or
 * a file of another kind altogether (an Outlook {@code .msg} item, a zip archive, data compressed
 * with bzip2, xz or zstd), which is named in a {@link Codes#NOT_A_MESSAGE} error instead of being
 * read as text. Each is recognised by its first bytes only.
 */
final class InputForm {
  private InputForm() {}

  /**
   * The input to analyse: {@code bytes} ({@code length} of them) and the diagnostics so far, or,
   * when {@code foreign} is set, no message at all but a file of the kind it names.
   */
  record Prepared(byte[] bytes, int length, List<Diagnostic> early, @Nullable String foreign) {}

  /** A file kind by its first bytes. */
  private record Signature(byte[] magic, String kind) {}

  private static final List<Signature> FOREIGN = List.of(
      new Signature(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
          "an OLE compound file, such as an Outlook item (.msg); export the message as .eml (its MIME source) to"
              + " analyse it"),
      new Signature(bytes('P', 'K', 3, 4), "a zip archive; extract the message files from it to analyse them"),
      new Signature(bytes('B', 'Z', 'h', '9'), "bzip2-compressed data; decompress it to analyse the message"),
      new Signature(bytes(0xFD, '7', 'z', 'X', 'Z', 0), "xz-compressed data; decompress it to analyse the message"),
      new Signature(bytes(0x28, 0xB5, 0x2F, 0xFD), "zstd-compressed data; decompress it to analyse the message"));

  private static final int GZIP_FIRST = 0x1F;
  private static final int GZIP_SECOND = 0x8B;

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /**
   * Whether the first {@code length} bytes of {@code in} are surely a message's bytes as they are:
   * its first byte opens none of the other forms (a line break or white space, a mark, a
   * signature), as a header field's name does: the common case, answered before any other check.
   */
  static boolean plain(byte[] in, int length) {
    if (length == 0) {
      return true;
    }
    int b = in[0] & 0xff;
    return b >= 'C' && b <= 'Z' && b != 'P' || b >= 'a' && b <= 'z' || b == 'A';
  }

  /**
   * Prepares the first {@code length} bytes of {@code in}: decompressed when gzip-compressed (to at
   * most {@code maxBytes}), as UTF-8 without the mark when they start with a byte order mark,
   * recognised as foreign when another known kind of file, and otherwise as they are.
   */
  static Prepared of(byte[] in, int length, List<Diagnostic> early, int maxBytes) {
    if (plain(in, length)) {
      return new Prepared(in, length, early, null);
    }
    if (length >= 2 && (in[0] & 0xff) == GZIP_FIRST && (in[1] & 0xff) == GZIP_SECOND) {
      return gunzip(in, length, early, maxBytes);
    }
    return unpacked(in, length, early);
  }

  /** {@link #of} for input that is not gzip-compressed. */
  private static Prepared unpacked(byte[] in, int length, List<Diagnostic> early) {
    Optional<MarkedInput.Transcoded> marked = MarkedInput.of(in, length, early);
    if (marked.isPresent()) {
      return trimmed(marked.get().bytes(), marked.get().bytes().length, marked.get().early());
    }
    for (Signature s : FOREIGN) {
      if (startsWith(in, length, s.magic())) {
        return new Prepared(in, length, early, s.kind());
      }
    }
    return trimmed(in, length, early);
  }

  /**
   * The input without the empty lines before its header section ({@link
   * MessageStart#afterEmptyLines}), with an info that says so, when it has such lines.
   */
  private static Prepared trimmed(byte[] in, int length, List<Diagnostic> early) {
    int start = MessageStart.afterEmptyLines(in, length);
    if (start == 0) {
      return new Prepared(in, length, early, null);
    }
    List<Diagnostic> all = new ArrayList<>(early.size() + 1);
    all.addAll(early);
    all.add(MessageStart.diagnostic(Codes.LEADING_EMPTY_LINES));
    return new Prepared(Arrays.copyOfRange(in, start, length), length - start, all, null);
  }

  /**
   * Whether {@code in[0, length)} starts with {@code magic}; a bzip2 block size, the last byte of
   * its magic, is any digit from 1 to 9.
   */
  private static boolean startsWith(byte[] in, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    int last = magic.length - 1;
    if (magic[0] == 'B' && magic[1] == 'Z') {
      return Arrays.equals(in, 0, last, magic, 0, last) && in[last] >= '1' && in[last] <= '9';
    }
    return Arrays.equals(in, 0, magic.length, magic, 0, magic.length);
  }

  /**
   * The gzip-compressed input decompressed, with an info that says so: at most {@code maxBytes}
   * bytes (the rest is left, with {@link Codes#INPUT_TOO_LARGE}); data that breaks off or is corrupt
   * gives what was decompressed before, with {@link Codes#INPUT_UNREADABLE}.
   */
  private static Prepared gunzip(byte[] in, int length, List<Diagnostic> early, int maxBytes) {
    List<Diagnostic> all = new ArrayList<>(early);
    byte[] out = new byte[(int) Math.min(maxBytes + 1L, Math.max(8192L, 4L * length))];
    int n = 0;
    String broken = null;
    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, 0, length), 8192)) {
      while (n <= maxBytes) {
        if (n == out.length) {
          out = Arrays.copyOf(out, (int) Math.min(maxBytes + 1L, 2L * out.length));
        }
        int r = gz.read(out, n, out.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException | RuntimeException e) {
      broken = e.getClass().getSimpleName();
    }
    all.add(Diagnostic.info(Codes.COMPRESSED_INPUT, "the input is gzip-compressed (" + length
        + " bytes); it was decompressed and read"));
    if (n > maxBytes) {
      n = maxBytes;
      all.add(Diagnostic.error(Codes.INPUT_TOO_LARGE, "decompressed, the message is larger than " + maxBytes
          + " bytes; only the first " + maxBytes + " bytes were analysed"));
    } else if (broken != null) {
      all.add(Diagnostic.error(Codes.INPUT_UNREADABLE, "the gzip data is broken (" + broken + ") after " + n
          + " decompressed bytes; the bytes decompressed so far were analysed"));
    }
    return unpacked(out, n, all);
  }
}
