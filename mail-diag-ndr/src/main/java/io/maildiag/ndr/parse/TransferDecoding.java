package io.maildiag.ndr.parse;

import java.util.Arrays;

/** Lenient content-transfer-encoding decoders (RFC 2045): invalid input never throws. */
final class TransferDecoding {
  /** Base64 value of each byte (both the standard and the URL-safe alphabet), -1 for any other byte. */
  private static final byte[] BASE64 = new byte[256];
  /** Value of each ASCII hex digit, -1 for any other byte (what Character.digit(b, 16) gives for a byte). */
  private static final byte[] HEX = new byte[256];

  static {
    Arrays.fill(BASE64, (byte) -1);
    for (int c = 'A'; c <= 'Z'; c++) {
      BASE64[c] = (byte) (c - 'A');
    }
    for (int c = 'a'; c <= 'z'; c++) {
      BASE64[c] = (byte) (c - 'a' + 26);
    }
    for (int c = '0'; c <= '9'; c++) {
      BASE64[c] = (byte) (c - '0' + 52);
    }
    BASE64['+'] = 62;
    BASE64['-'] = 62;
    BASE64['/'] = 63;
    BASE64['_'] = 63;
    Arrays.fill(HEX, (byte) -1);
    for (int c = '0'; c <= '9'; c++) {
      HEX[c] = (byte) (c - '0');
    }
    for (int c = 'a'; c <= 'f'; c++) {
      HEX[c] = (byte) (c - 'a' + 10);
      HEX[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
    }
  }

  private TransferDecoding() {}

  /** Decodes {@code raw} per the encoding name; unknown encodings (7bit, 8bit, binary, x-...) pass through. */
  static byte[] decode(byte[] raw, String encoding) {
    if (encoding == null) {
      return raw;
    }
    String e = encoding.trim();
    if (named(e, "base64")) {
      return base64(raw);
    }
    if (named(e, "quoted-printable")) {
      return quotedPrintable(raw);
    }
    return raw;
  }

  /** Like {@link #decode(byte[], String)} for {@code buf[from, to)}; always a new array. */
  static byte[] decode(byte[] buf, int from, int to, String encoding) {
    return decodeSized(buf, from, to, encoding).toArray();
  }

  /** Decoded content: {@code bytes[0, length)}; the array may be longer. */
  static final class Decoded {
    final byte[] bytes;
    final int length;

    Decoded(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    /** The decoded bytes in an array of their own length (the same array when it fits). */
    byte[] toArray() {
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
  }

  /**
   * Like {@link #decode(byte[], int, int, String)}, but the decoder's output array is handed over
   * as it is, with the length it filled, rather than copied to its exact length: a reader that
   * takes a range (the charset decoding of a part's text) then needs no second copy.
   */
  static Decoded decodeSized(byte[] buf, int from, int to, String encoding) {
    if (encoding != null) {
      String e = encoding.trim();
      if (named(e, "base64")) {
        return base64Sized(buf, from, to);
      }
      if (named(e, "quoted-printable")) {
        return quotedPrintableSized(buf, from, to);
      }
    }
    return new Decoded(Arrays.copyOfRange(buf, from, to), to - from);
  }

  /**
   * Whether {@code e.toLowerCase(Locale.ROOT)} equals {@code lower}, an ASCII name without 'k', compared
   * without building the lower case: only ASCII letters lower-case to ASCII letters other than 'k'
   * (the Kelvin sign's), and the dotted capital I lower-cases to two chars.
   */
  static boolean named(String e, String lower) {
    int n = lower.length();
    if (e.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = e.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #decode} changes content in this encoding (base64 or quoted-printable), rather than copying it. */
  static boolean transforms(String encoding) {
    if (encoding == null) {
      return false;
    }
    String e = encoding.trim();
    return named(e, "base64") || named(e, "quoted-printable");
  }

  /** Base64 ignoring every non-alphabet byte and stopping at padding. */
  static byte[] base64(byte[] in) {
    return base64Sized(in, 0, in.length).toArray();
  }

  private static Decoded base64Sized(byte[] in, int from, int to) {
    byte[] out = new byte[(to - from) * 3 / 4 + 3];
    int o = 0;
    int acc = 0;
    int bits = 0;
    for (int i = from; i < to; i++) {
      int v = BASE64[in[i] & 0xFF];
      if (v < 0) {
        continue;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (byte) (acc >> bits);
      }
    }
    return new Decoded(out, o);
  }

  /** Quoted-printable: soft breaks ({@code =} at end of line) are removed, bad escapes kept as written. */
  static byte[] quotedPrintable(byte[] in) {
    return quotedPrintableSized(in, 0, in.length).toArray();
  }

  private static Decoded quotedPrintableSized(byte[] in, int from, int n) {
    byte[] out = new byte[n - from];
    int o = 0;
    int i = from;
    while (i < n) {
      // copy eight bytes at a time up to the next '=': a whole word is stored, and only its bytes
      // before the '=' count (the output never runs ahead of the input, so the word fits)
      while (i + 8 <= n) {
        long v = Bytes.word(in, i);
        Bytes.putWord(out, o, v);
        long m = Bytes.matches(v, Bytes.EQUALS);
        if (m != 0) {
          int k = Long.numberOfTrailingZeros(m) >>> 3;
          i += k;
          o += k;
          break;
        }
        i += 8;
        o += 8;
      }
      if (i + 8 > n) {
        // the last few bytes, one at a time
        while (i < n && in[i] != '=') {
          out[o++] = in[i++];
        }
        if (i >= n) {
          break;
        }
      }
      // in[i] is '='; soft line break: '=' followed by optional spaces/tabs then LF (or CRLF)
      int j = i + 1;
      while (j < n && (in[j] == ' ' || in[j] == '\t')) {
        j++;
      }
      if (j < n && in[j] == '\r') {
        j++;
      }
      if (j < n && in[j] == '\n') {
        i = j + 1;
        continue;
      }
      if (j >= n) {
        break; // a soft line break at the very end
      }
      if (i + 2 < n) {
        int hi = HEX[in[i + 1] & 0xFF];
        int lo = HEX[in[i + 2] & 0xFF];
        if (hi >= 0 && lo >= 0) {
          out[o++] = (byte) (hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      out[o++] = '=';
      i++;
    }
    return new Decoded(out, o);
  }
}
