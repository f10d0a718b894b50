package io.maildiag.ndr.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Word-at-a-time byte searches for the MIME layer: eight bytes per step instead of one. A word is
 * read little-endian, so byte {@code i + k} of the array is byte {@code k} (bits 8k..8k+7) of the
 * word.
 */
final class Bytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH = 0x8080808080808080L;
  private static final long BELOW_CR = 0x0E0E0E0E0E0E0E0EL;
  static final long LF = 0x0A0A0A0A0A0A0A0AL;
  static final long CR = 0x0D0D0D0D0D0D0D0DL;
  static final long EQUALS = 0x3D3D3D3D3D3D3D3DL;
  static final long COLON = 0x3A3A3A3A3A3A3A3AL;

  private Bytes() {}

  /** Eight bytes from {@code b[i]} on, as one little-endian word. */
  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Stores {@code v} as the eight bytes from {@code b[i]} on, little-endian (the inverse of {@link #word}). */
  static void putWord(byte[] b, int i, long v) {
    LONGS.set(b, i, v);
  }

  /**
   * Whether some byte of the word is below 0x0E (a CR, an LF, a tab or another control): the cheap
   * test that lets most words of text be skipped.
   */
  static boolean hasControl(long v) {
    return ((v - BELOW_CR) & ~v & HIGH) != 0; // exact for "some byte below n" with n <= 0x80
  }

  /** The high bit of each byte of {@code v} equal to the byte repeated in {@code pattern}, all else clear. */
  static long matches(long v, long pattern) {
    long x = v ^ pattern;
    long t = (x & LOW7) + LOW7; // bit 7 of a byte set if its low seven bits are not all zero
    return ~(t | x | LOW7);
  }

  /**
   * The first index {@code i} of {@code b[from, to)} where {@code b[i]} and {@code b[i + 1]} (also
   * before {@code to}) are both the byte that {@code pattern} repeats, or {@code to}: an empty line
   * is the pair of LFs around it. {@link #matches} is exact per byte, so the two words' flags can be
   * combined.
   */
  static int indexOfPair(byte[] b, long pattern, int from, int to) {
    int i = from;
    for (; i + 9 <= to; i += 8) {
      long m = matches(word(b, i), pattern) & matches(word(b, i + 1), pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    byte c = (byte) pattern;
    for (; i + 1 < to; i++) {
      if (b[i] == c && b[i + 1] == c) {
        return i;
      }
    }
    return to;
  }

  /** Whether every byte of {@code b[from, to)} is ASCII (high bit clear), read eight at a time. */
  static boolean ascii(byte[] b, int from, int to) {
    long high = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      high |= word(b, i);
    }
    for (; i < to; i++) {
      high |= b[i];
    }
    return (high & HIGH) == 0;
  }

  /** The index of the first CR or LF in {@code b[from, to)}, or {@code to}. */
  static int lineBreak(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = word(b, i);
      if (hasControl(v)) {
        long m = matches(v, LF) | matches(v, CR);
        if (m != 0) {
          return i + (Long.numberOfTrailingZeros(m) >>> 3);
        }
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return to;
  }

  /**
   * Copies {@code in[from, to)} to {@code out} from {@code o} on with its line breaks made LFs, and
   * returns the index in {@code out} after the copy: each run of CRs followed by an LF becomes one
   * LF, each other CR an LF, so the copy is never longer than the input. Each run up to a CR is
   * found by {@link #indexOf} and copied in one go.
   */
  static int copyBreaks(byte[] in, int from, int to, byte[] out, int o) {
    int i = from;
    while (i < to) {
      int cr = indexOf(in, CR, i, to);
      System.arraycopy(in, i, out, o, cr - i); // the run up to the next CR, in one go
      o += cr - i;
      if (cr == to) {
        break;
      }
      int j = breakEnd(in, cr, to);
      if (in[j - 1] == '\n') {
        out[o++] = '\n'; // CRs and an LF: one break
      } else {
        for (int k = cr; k < j; k++) {
          out[o++] = '\n'; // bare CRs: a break each
        }
      }
      i = j;
    }
    return o;
  }

  /**
   * The end of the line break at {@code i}, a CR or an LF: past a run of CRs and the LF after it (one
   * break), a lone LF, or a run of bare CRs (a break each).
   */
  static int breakEnd(byte[] b, int i, int to) {
    int j = i;
    while (j < to && b[j] == '\r') {
      j++;
    }
    return j < to && b[j] == '\n' ? j + 1 : j;
  }

  /**
   * Whether a line of {@code b[from, to)} (lines end at LFs, and one starts at {@code from}) is
   * longer than {@code max} bytes. From the start of a line, an LF must come within {@code max + 1}
   * bytes; the last LF there starts the next look, so a text of short lines is read in steps of
   * about {@code max} bytes, each searched backwards over a line or so.
   */
  static boolean someLineLonger(byte[] b, int from, int to, int max) {
    int start = from;
    while (to - start > max) {
      int lf = start + max; // the last place an LF may be for the line at start to be short enough
      while (lf >= start && b[lf] != '\n') {
        lf--;
      }
      if (lf < start) {
        return true;
      }
      start = lf + 1;
    }
    return false;
  }

  /** The index of the first byte of {@code b[from, to)} equal to the byte that {@code pattern} repeats, or {@code to}. */
  static int indexOf(byte[] b, long pattern, int from, int to) {
    int i = from;
    for (; i + 16 <= to; i += 16) { // two words a step: one branch per sixteen bytes
      long m1 = matches(word(b, i), pattern);
      long m2 = matches(word(b, i + 8), pattern);
      if ((m1 | m2) != 0) {
        return m1 != 0 ? i + (Long.numberOfTrailingZeros(m1) >>> 3) : i + 8 + (Long.numberOfTrailingZeros(m2) >>> 3);
      }
    }
    for (; i + 8 <= to; i += 8) {
      long m = matches(word(b, i), pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    byte c = (byte) pattern;
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return to;
  }

  /**
   * Whether {@code b} holds {@code prefix} at {@code at}, ending at or before {@code to}: Arrays.equals
   * on ranges is a vectorised intrinsic.
   */
  static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
    return at + prefix.length <= to && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  /** Whether {@code b[from, to)} is all dashes. */
  static boolean allDashes(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != '-') {
        return false;
      }
    }
    return true;
  }
}
