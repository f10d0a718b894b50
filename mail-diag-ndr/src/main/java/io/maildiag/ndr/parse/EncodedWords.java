package io.maildiag.ndr.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 2047 encoded-word decoding, lenient: unknown charsets fall back, bad encodings stay as written. */
final class EncodedWords {
  private EncodedWords() {}

  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?\\s]{0,4000})\\?=");
  private static final int MAX = 64 * 1024;

  static String decode(String s) {
    if (s.indexOf("=?") < 0) {
      return s;
    }
    String in = s.length() > MAX ? s.substring(0, MAX) : s;
    Matcher m = WORD.matcher(in);
    StringBuilder out = new StringBuilder(in.length());
    int last = 0;
    boolean prevWasWord = false;
    String pendingCharset = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    while (m.find()) {
      String between = in.substring(last, m.start());
      boolean onlySpace = between.isBlank();
      String charset = m.group(1);
      int star = charset.indexOf('*'); // RFC 2231 language suffix
      if (star >= 0) {
        charset = charset.substring(0, star);
      }
      byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : qp(m.group(3));
      if (bytes == null) { // undecodable: keep literally
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(between).append(m.group());
        prevWasWord = false;
        last = m.end();
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
      last = m.end();
    }
    flush(out, pending, pendingCharset);
    out.append(in, last, in.length());
    return out.toString();
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
