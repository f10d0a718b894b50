package io.maildiag.headers.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The canonicalization algorithms of RFC 6376 section 3.4, on octet strings. */
final class Canonicalizer {
  private Canonicalizer() {}

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  /** Canonicalizes one header field, {@code raw} being octets without the final CRLF; appends CRLF if asked. */
  static String header(DkimCanonicalization c, String raw, boolean crlf) {
    if (c == DkimCanonicalization.SIMPLE) {
      return crlf ? raw + "\r\n" : raw;
    }
    int colon = raw.indexOf(':');
    String name = colon < 0 ? raw : raw.substring(0, colon);
    String value = colon < 0 ? "" : raw.substring(colon + 1);
    StringBuilder sb = new StringBuilder(raw.length() + 2);
    // Lower-case the name (ASCII only) and drop white space before the colon.
    String n = name;
    int ne = n.length();
    while (ne > 0 && isWsp(n.charAt(ne - 1))) {
      ne--;
    }
    for (int i = 0; i < ne; i++) {
      char ch = n.charAt(i);
      sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    }
    sb.append(':');
    // Unfold, compress white space runs, trim both ends.
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\r' || ch == '\n') {
        continue;
      }
      if (isWsp(ch)) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      sb.append(ch);
      started = true;
    }
    if (crlf) {
      sb.append("\r\n");
    }
    return sb.toString();
  }

  /** Canonicalizes a body (octets, CRLF line ends) per RFC 6376 sections 3.4.3 and 3.4.4. */
  static byte[] body(DkimCanonicalization c, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
    int n = body.length;
    int pendingEmpty = 0;
    boolean any = false;
    int i = 0;
    while (i < n) {
      int lineEnd = i;
      while (lineEnd < n && !(body[lineEnd] == '\r' && lineEnd + 1 < n && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      boolean terminated = lineEnd < n;
      byte[] line = canonicalLine(c, body, i, lineEnd);
      if (line.length == 0) {
        pendingEmpty++;
      } else {
        for (; pendingEmpty > 0; pendingEmpty--) {
          out.write('\r');
          out.write('\n');
        }
        out.write(line, 0, line.length);
        out.write('\r');
        out.write('\n');
        any = true;
      }
      i = terminated ? lineEnd + 2 : lineEnd;
    }
    if (!any && c == DkimCanonicalization.SIMPLE) {
      return new byte[] {'\r', '\n'};
    }
    return out.toByteArray();
  }

  private static byte[] canonicalLine(DkimCanonicalization c, byte[] b, int from, int to) {
    if (c == DkimCanonicalization.SIMPLE) {
      byte[] line = new byte[to - from];
      System.arraycopy(b, from, line, 0, line.length);
      return line;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      byte ch = b[i];
      if (ch == ' ' || ch == '\t') {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        out.write(' ');
        pendingSpace = false;
      }
      out.write(ch);
    }
    return out.toByteArray();
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
