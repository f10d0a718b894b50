package io.maildiag.headers;

import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.internal.LowerCase;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Unfolding (RFC 5322 section 2.2.3) and RFC 2047 encoded-word decoding. Linear in the input: no
 * regular expressions, and each position is scanned a bounded number of times.
 */
final class EncodedWords {

  /** Receives a problem found while decoding, at an offset of the decoded input. */
  interface Problems {
    void report(DiagnosticCode code, String message, int offset, int length);
  }

  /** Longest encoded-word accepted; RFC 2047 says 75, real mail goes beyond. */
  private static final int MAX_WORD = 4096;
  private static final int MAX_CHARSET = 64;

  private EncodedWords() {}

  /**
   * Removes line breaks (CRLF, LF or CR). A break followed by white space is a fold and simply
   * disappears; a break followed by anything else (a malformed continuation) becomes one space.
   */
  static String unfold(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (i + 1 < n && s.charAt(i + 1) != ' ' && s.charAt(i + 1) != '\t') {
          sb.append(' ');
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Decodes the encoded-words in {@code s}. Malformed words and words in unknown charsets stay as
   * they are and are reported. White space between two adjacent encoded-words is dropped (RFC 2047
   * section 6.2), and adjacent words in the same charset are joined before decoding so that a
   * character split across two words survives. CR and LF produced by decoding become spaces.
   */
  static String decode(String s, @Nullable Problems problems) {
    int first = s.indexOf("=?");
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, first);
    int i = first;
    int n = s.length();
    int skipUntil = -1;
    // Pending run of adjacent encoded-words in one charset.
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    Charset pendingCharset = null;
    int lastWordEnd = -1;
    while (i < n) {
      int start = s.indexOf("=?", i);
      if (start < 0 || start < skipUntil) {
        if (start >= 0) {
          // Inside a region already known to hold no complete word: copy up to its end.
          int to = Math.min(skipUntil, n);
          pendingCharset = flush(out, pending, pendingCharset);
          out.append(s, i, to);
          i = to;
          continue;
        }
        pendingCharset = flush(out, pending, pendingCharset);
        out.append(s, i, n);
        break;
      }
      Word w = parseWord(s, start);
      if (w == null || w.end < 0) {
        if (w != null && w.scannedTo > start) {
          skipUntil = w.scannedTo;
        }
        pendingCharset = flush(out, pending, pendingCharset);
        out.append(s, i, start + 2);
        i = start + 2;
        continue;
      }
      boolean adjacent = lastWordEnd >= 0 && isBlank(s, lastWordEnd, start);
      if (!adjacent) {
        pendingCharset = flush(out, pending, pendingCharset);
        out.append(s, i, start);
      }
      Charset cs = charset(w.charset);
      byte[] bytes = cs == null ? null : w.bytes(s);
      if (cs == null || bytes == null) {
        if (problems != null) {
          if (cs == null) {
            problems.report(HeaderCodes.HEADERS_ENCODED_WORD_UNKNOWN_CHARSET,
                "encoded-word in unknown charset '" + w.charset + "' kept as it is", start, w.end - start);
          } else {
            problems.report(HeaderCodes.HEADERS_ENCODED_WORD_MALFORMED,
                "malformed " + w.encoding + "-encoded word kept as it is", start, w.end - start);
          }
        }
        pendingCharset = flush(out, pending, pendingCharset);
        if (adjacent) {
          out.append(s, i, start);
        }
        out.append(s, start, w.end);
        lastWordEnd = -1;
        i = w.end;
        continue;
      }
      if (pendingCharset != null && !pendingCharset.equals(cs)) {
        pendingCharset = flush(out, pending, pendingCharset);
      }
      pending.write(bytes, 0, bytes.length);
      pendingCharset = cs;
      lastWordEnd = w.end;
      i = w.end;
    }
    flush(out, pending, pendingCharset);
    return out.toString();
  }

  private static @Nullable Charset flush(StringBuilder out, ByteArrayOutputStream pending, @Nullable Charset cs) {
    if (cs != null && pending.size() > 0) {
      String text;
      try {
        text = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(pending.toByteArray()))
            .toString();
      } catch (java.nio.charset.CharacterCodingException | RuntimeException e) {
        text = new String(pending.toByteArray(), StandardCharsets.ISO_8859_1);
      }
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        out.append(c == '\r' || c == '\n' || c == 0 ? ' ' : c);
      }
    }
    pending.reset();
    return null;
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Every charset of this runtime by lower-case canonical name and alias, built once. Looking up an
   * unknown name with {@link Charset#forName} makes the JDK scan every charset provider, which is
   * slow; hostile input full of unknown names must not trigger that per word.
   */
  private static final class Known {
    static final Map<String, Charset> BY_NAME = build();

    private static Map<String, Charset> build() {
      Map<String, Charset> m = new HashMap<>();
      for (Charset cs : Charset.availableCharsets().values()) {
        m.put(cs.name().toLowerCase(Locale.ROOT), cs);
        for (String alias : cs.aliases()) {
          m.putIfAbsent(alias.toLowerCase(Locale.ROOT), cs);
        }
      }
      return Map.copyOf(m);
    }
  }

  private static @Nullable Charset charset(String name) {
    int star = name.indexOf('*');
    String n = LowerCase.root(star >= 0 ? name.substring(0, star) : name);
    return Known.BY_NAME.get(n);
  }

  /** A candidate encoded-word; {@code end} is -1 when it is not complete. */
  private static final class Word {
    String charset = "";
    char encoding;
    int textStart;
    int textEnd;
    int end = -1;
    int scannedTo;

    byte @Nullable [] bytes(String s) {
      String text = s.substring(textStart, textEnd);
      return encoding == 'B' ? base64(text) : quoted(text);
    }
  }

  /** Parses the word at {@code start} ("=?"), or returns null when it cannot be one. */
  private static @Nullable Word parseWord(String s, int start) {
    int n = s.length();
    int p = start + 2;
    int csStart = p;
    while (p < n && p - csStart <= MAX_CHARSET) {
      char c = s.charAt(p);
      if (c == '?' || c <= 32 || c >= 127 || c == '(' || c == ')' || c == '"') {
        break;
      }
      p++;
    }
    if (p >= n || s.charAt(p) != '?' || p == csStart) {
      return null;
    }
    Word w = new Word();
    w.charset = s.substring(csStart, p);
    p++;
    if (p + 1 >= n || s.charAt(p + 1) != '?') {
      return null;
    }
    char e = Character.toUpperCase(s.charAt(p));
    if (e != 'B' && e != 'Q') {
      return null;
    }
    w.encoding = e;
    p += 2;
    w.textStart = p;
    int limit = Math.min(n, start + MAX_WORD);
    while (p < limit) {
      char c = s.charAt(p);
      if (c == ' ' || c == '\t') {
        break;
      }
      if (c == '?' && p + 1 < n && s.charAt(p + 1) == '=') {
        w.textEnd = p;
        w.end = p + 2;
        return w;
      }
      p++;
    }
    w.scannedTo = p;
    return w;
  }

  private static byte @Nullable [] base64(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 3);
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c != '=') {
        sb.append(c);
      }
    }
    int rem = sb.length() % 4;
    if (rem == 1) {
      return null;
    }
    if (rem > 0) {
      sb.append("==", 0, 4 - rem);
    }
    try {
      return Base64.getDecoder().decode(sb.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The value of an ASCII hex digit, or -1 (unlike Character.digit, no fullwidth digits). */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static byte @Nullable [] quoted(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int n = text.length();
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=') {
        if (k + 2 >= n) {
          return null;
        }
        int hi = hex(text.charAt(k + 1));
        int lo = hex(text.charAt(k + 2));
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        k += 2;
      } else if (c > 126) {
        return null;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
