package io.maildiag.ndr.parse;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Lenient content-transfer-encoding decoders (RFC 2045): invalid input never throws. */
final class TransferDecoding {
  private TransferDecoding() {}

  /** Decodes {@code raw} per the encoding name; unknown encodings (7bit, 8bit, binary, x-...) pass through. */
  static byte[] decode(byte[] raw, String encoding) {
    if (encoding == null) {
      return raw;
    }
    String e = encoding.trim().toLowerCase(Locale.ROOT);
    if (e.equals("base64")) {
      return base64(raw);
    }
    if (e.equals("quoted-printable")) {
      return quotedPrintable(raw);
    }
    return raw;
  }

  /** Base64 ignoring every non-alphabet byte and stopping at padding. */
  static byte[] base64(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
    int acc = 0;
    int bits = 0;
    for (byte b : in) {
      int v = value(b);
      if (v < 0) {
        continue;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((acc >> bits) & 0xFF);
      }
    }
    return out.toByteArray();
  }

  private static int value(byte b) {
    if (b >= 'A' && b <= 'Z') {
      return b - 'A';
    }
    if (b >= 'a' && b <= 'z') {
      return b - 'a' + 26;
    }
    if (b >= '0' && b <= '9') {
      return b - '0' + 52;
    }
    if (b == '+' || b == '-') {
      return 62;
    }
    if (b == '/' || b == '_') {
      return 63;
    }
    return -1;
  }

  /** Quoted-printable: soft breaks ({@code =} at end of line) are removed, bad escapes kept as written. */
  static byte[] quotedPrintable(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    int n = in.length;
    for (int i = 0; i < n; i++) {
      byte b = in[i];
      if (b != '=') {
        out.write(b);
        continue;
      }
      // soft line break: '=' followed by optional spaces/tabs then LF (or CRLF)
      int j = i + 1;
      while (j < n && (in[j] == ' ' || in[j] == '\t')) {
        j++;
      }
      if (j < n && in[j] == '\r') {
        j++;
      }
      if (j < n && in[j] == '\n') {
        i = j;
        continue;
      }
      if (j >= n) {
        break; // a soft line break at the very end
      }
      if (i + 2 < n) {
        int hi = Character.digit(in[i + 1], 16);
        int lo = Character.digit(in[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(b);
    }
    return out.toByteArray();
  }
}
