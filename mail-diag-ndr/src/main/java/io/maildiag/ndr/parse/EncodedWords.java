package io.maildiag.ndr.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** RFC 2047 encoded-word decoding, lenient: unknown charsets fall back, bad encodings stay as written. */
final class EncodedWords {
  private EncodedWords() {}

  /** An encoded word; {@link #next} finds it without the regular expression. */
  static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?\\s]{0,4000})\\?=");
  private static final int MAX = 64 * 1024;

  static String decode(String s) {
    if (s.indexOf("=?") < 0) {
      return s;
    }
    String in = s.length() > MAX ? s.substring(0, MAX) : s;
    int[] w = new int[4]; // charset end, encoding, text end, word end of the word found by next
    StringBuilder out = new StringBuilder(in.length());
    int last = 0;
    boolean prevWasWord = false;
    String pendingCharset = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (int start = next(in, 0, w); start >= 0; start = next(in, w[3], w)) {
      String between = in.substring(last, start);
      boolean onlySpace = between.isBlank();
      String charset = in.substring(start + 2, w[0]);
      int star = charset.indexOf('*'); // RFC 2231 language suffix
      if (star >= 0) {
        charset = charset.substring(0, star);
      }
      String text = in.substring(w[1] + 2, w[2]);
      byte[] bytes = in.charAt(w[1]) == 'b' || in.charAt(w[1]) == 'B' ? base64(text) : qp(text);
      if (bytes == null) { // undecodable: keep literally
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(between).append(in, start, w[3]);
        prevWasWord = false;
        last = w[3];
        continue;
      }
      if (!(prevWasWord && onlySpace)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(between);
      } else if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
      }
      pendingCharset = charset;
      pending.write(bytes, 0, bytes.length);
      prevWasWord = true;
      last = w[3];
    }
    flush(out, pending, pendingCharset);
    out.append(in, last, in.length());
    return out.toString();
  }

  /**
   * The start of the first match of {@link #WORD} in {@code s} at or after {@code from}, or -1,
   * found without the regular expression: at each "=?" in turn, the charset is the longest run of
   * chars other than '?' and whitespace ({@code \s}), so no shorter choice can match where the
   * longest does not, and the same holds for the encoded text. On a match {@code w} holds the
   * charset's end, the encoding letter's index, the text's end and the match's end.
   */
  static int next(String s, int from, int[] w) {
    int n = s.length();
    for (int start = s.indexOf("=?", from); start >= 0; start = s.indexOf("=?", start + 1)) {
      int c = run(s, start + 2, 64);
      if (c == start + 2 || c + 2 >= n || s.charAt(c) != '?') {
        continue; // no charset, more than 64 chars of it, or no '?' after it
      }
      char e = s.charAt(c + 1);
      if (e != 'b' && e != 'B' && e != 'q' && e != 'Q' || s.charAt(c + 2) != '?') {
        continue;
      }
      int t = run(s, c + 3, 4000);
      if (t + 1 < n && s.charAt(t) == '?' && s.charAt(t + 1) == '=') {
        w[0] = c;
        w[1] = c + 1;
        w[2] = t;
        w[3] = t + 2;
        return start;
      }
    }
    return -1;
  }

  /**
   * The end of the longest run of {@code [^?\s]} from {@code from} of at most {@code max} code
   * points (the regex counts a surrogate pair as one character).
   */
  private static int run(String s, int from, int max) {
    int n = s.length();
    int i = from;
    for (int count = 0; count < max && i < n && isWordChar(s.charAt(i)); count++) {
      i += Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
    }
    return i;
  }

  /** A char of {@code [^?\s]}: anything but '?' and the six {@code \s} chars. */
  private static boolean isWordChar(char c) {
    return c != '?' && c != ' ' && (c < '\t' || c > '\r');
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (pending.size() == 0) {
      return;
    }
    byte[] b = pending.toByteArray();
    pending.reset();
    Charset cs = Charsets.lookup(charset);
    String s = null;
    if (cs != null) {
      s = Charsets.strict(b, cs);
    }
    if (s == null) {
      s = Charsets.strict(b, StandardCharsets.UTF_8);
    }
    if (s == null) {
      s = cs != null ? new String(b, cs) : new String(b, StandardCharsets.ISO_8859_1);
    }
    out.append(s);
  }

  static byte[] base64(String s) {
    byte[] out = TransferDecoding.base64(s.getBytes(StandardCharsets.ISO_8859_1));
    return out;
  }

  static byte[] qp(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && hex(s, i + 1) >= 0) {
        out.write(hex(s, i + 1));
        i += 2;
      } else {
        out.write(c > 0xFF ? '?' : c);
      }
    }
    return out.toByteArray();
  }

  /** The value of two hex digits at {@code i}, or -1. */
  static int hex(CharSequence s, int i) {
    if (i + 1 >= s.length()) {
      return -1;
    }
    int a = Character.digit(s.charAt(i), 16);
    int b = Character.digit(s.charAt(i + 1), 16);
    return a < 0 || b < 0 ? -1 : a * 16 + b;
  }
}
