package io.maildiag.ndr.parse;

import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.internal.LowerCase;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Decodes bytes to text with a declared charset, falling back sensibly when it is unknown or wrong. */
final class Charsets {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Charsets() {}

  /**
   * Decodes {@code bytes}. With no or an ASCII charset declared: UTF-8 if the bytes are valid
   * UTF-8, else ISO-8859-1. With a declared charset Java knows: that charset, unless the bytes are
   * invalid in it, in which case UTF-8 (if valid) or the declared charset with replacement. With an
   * unknown charset: UTF-8 if valid, else ISO-8859-1, and a diagnostic.
   */
  static String decode(byte[] bytes, String declared, Diags diags) {
    return decode(bytes, 0, bytes.length, declared, diags);
  }

  /** {@link #decode(byte[], String, Diags)} of {@code bytes[off, off + len)}, read in place. */
  static String decode(byte[] bytes, int off, int len, String declared, Diags diags) {
    if (len == 0) {
      return "";
    }
    if (declared != null && !BY_NAME.containsKey(declared)) {
      String ascii = asciiText(bytes, off, len);
      if (ascii != null && asciiReadsAsItself(declared)) {
        // what every path below gives such text (ISO-2022-JP escapes are not ASCII here), without
        // looking up a charset name not met yet (a Japanese or Chinese one loads the JDK's extended
        // charsets); the names met before are known, and the text is decoded the usual way
        return ascii;
      }
    }
    Charset cs = lookup(declared); // looked up once for all the paths below
    String common = asUtf8OrLatin1(bytes, off, len, cs);
    if (common != null) {
      return common;
    }
    String ascii = asciiText(bytes, off, len);
    if (ascii != null && asciiReadsAsItself(declared)) {
      return ascii; // pure ASCII (ISO-2022-JP escapes fall through below)
    }
    if (cs == null || cs.equals(StandardCharsets.US_ASCII)) {
      String utf8 = strict(bytes, off, len, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return utf8;
      }
      if (cs == null && declared != null && !declared.isBlank()) {
        diags.once(io.maildiag.core.Diagnostic.info(Codes.CHARSET_FALLBACK,
            "unknown charset '" + clip(declared) + "'; the text was read as ISO-8859-1"));
      }
      return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
    String s = strict(bytes, off, len, cs);
    if (s != null) {
      return s;
    }
    if (!cs.equals(StandardCharsets.UTF_8)) {
      String utf8 = strict(bytes, off, len, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return utf8;
      }
    }
    diags.once(io.maildiag.core.Diagnostic.info(Codes.CHARSET_FALLBACK,
        "text is not valid " + cs.name() + "; undecodable bytes were replaced"));
    return new String(bytes, off, len, cs);
  }

  /**
   * What {@link #decode} gives for the charsets most parts declare, in one pass, or null when the
   * general path must decide. ISO-8859-1 (declared) reads every byte as is. With no charset, an
   * unknown one, US-ASCII or UTF-8, valid UTF-8 is read as UTF-8, and ASCII (ESC included) reads the
   * same as UTF-8 or ISO-8859-1; the String constructor replaces exactly the bytes a strict decoder
   * rejects with U+FFFD, so text without one was valid (a real U+FFFD goes the general way).
   */
  private static String asUtf8OrLatin1(byte[] bytes, int off, int len, @Nullable Charset cs) {
    if (cs == null || cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)) {
      String utf8 = new String(bytes, off, len, StandardCharsets.UTF_8);
      return utf8.indexOf('\uFFFD') < 0 ? utf8 : null;
    }
    if (cs.equals(StandardCharsets.ISO_8859_1)) {
      return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
    return null;
  }

  /**
   * Whether {@link #decode} reads ASCII bytes other than ESC declared as {@code declared} as the
   * ASCII characters: for every name but those of UTF-7, UTF-16, UTF-32 and "unicode", which
   * decode such bytes otherwise. The name, trimmed and lower-cased (Locale.ROOT), is searched for
   * those words with ASCII letters compared ignoring case, without making it: no other char
   * lower-cases to one of their letters (the dotted capital I lower-cases to an i and a combining
   * dot, which no word has after its i).
   */
  static boolean asciiReadsAsItself(String declared) {
    if (declared == null) {
      return true;
    }
    int from = 0;
    int to = declared.length();
    while (from < to && declared.charAt(from) <= ' ') { // String.trim
      from++;
    }
    while (to > from && declared.charAt(to - 1) <= ' ') {
      to--;
    }
    if (Keywords.startsWithAscii(declared, from, "unicode")) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if ((declared.charAt(i) | 0x20) == 'u' && (Keywords.startsWithAscii(declared, i, "utf-7")
          || Keywords.startsWithAscii(declared, i, "utf-16") || Keywords.startsWithAscii(declared, i, "utf-32"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes as text when {@link #isAscii} holds (the same text as ISO-8859-1 gives), else null. The
   * US-ASCII String constructor checks and copies with the JDK's vectorised intrinsics, and replaces
   * every byte over 0x7F (and only those) with U+FFFD, which makes the string UTF-16: a Latin-1
   * string answers indexOf(U+FFFD) at once. ESC is then looked for with the intrinsic indexOf.
   */
  static String asciiText(byte[] bytes) {
    return asciiText(bytes, 0, bytes.length);
  }

  private static String asciiText(byte[] bytes, int off, int len) {
    if (!isAscii(bytes, off, off + Math.min(len, ASCII_PROBE))) {
      return null; // most text that is not ASCII shows it early: no copy for it
    }
    String s = new String(bytes, off, len, StandardCharsets.US_ASCII);
    return s.indexOf('\uFFFD') < 0 && s.indexOf(0x1B) < 0 ? s : null;
  }

  /** How many bytes {@link #asciiText} tests with the early-exit loop before it copies. */
  private static final int ASCII_PROBE = 256;

  /** Whether every byte is ASCII other than ESC (which starts ISO-2022 sequences). */
  static boolean isAscii(byte[] bytes) {
    return isAscii(bytes, 0, bytes.length);
  }

  /** {@link #isAscii(byte[])} of {@code bytes[from, n)}. */
  private static boolean isAscii(byte[] bytes, int from, int n) {
    int i = from;
    for (; i + 16 <= n; i += 16) { // two words a step: one branch per sixteen bytes
      long v1 = (long) LONGS.get(bytes, i);
      long v2 = (long) LONGS.get(bytes, i + 8);
      long esc1 = v1 ^ 0x1B1B1B1B1B1B1B1BL;
      long esc2 = v2 ^ 0x1B1B1B1B1B1B1B1BL;
      // a high bit set, or a zero byte in either v ^ ESC (as below)
      long zero = ((esc1 - 0x0101010101010101L) & ~esc1) | ((esc2 - 0x0101010101010101L) & ~esc2);
      if (((v1 | v2 | zero) & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i + 8 <= n; i += 8) { // eight bytes at a time
      long v = (long) LONGS.get(bytes, i);
      long esc = v ^ 0x1B1B1B1B1B1B1B1BL;
      // a high bit set, or a zero byte in v ^ ESC (the classic "has a zero byte" test)
      if ((v & HIGH_BITS) != 0 || ((esc - 0x0101010101010101L) & ~esc & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i < n; i++) {
      byte b = bytes[i];
      if (b < 0 || b == 0x1B) {
        return false;
      }
    }
    return true;
  }

  /** Re-decodes a header value Jakarta read byte-per-char (ISO-8859-1): UTF-8 when valid, else as is. */
  static String headerValue(String latin1) {
    boolean high = false;
    for (int i = 0; i < latin1.length(); i++) {
      char c = latin1.charAt(i);
      if (c > 0xFF) {
        return latin1;
      }
      if (c >= 0x80) {
        high = true;
      }
    }
    if (!high) {
      return latin1;
    }
    byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
    String utf8 = strict(b, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : latin1;
  }

  /** Charsets by declared name; the JDK's own lookup caches only the last two names asked for. */
  private static final ConcurrentHashMap<String, Optional<Charset>> BY_NAME = new ConcurrentHashMap<>();
  /** Names beyond this many are looked up each time, so that hostile input cannot grow the cache. */
  private static final int MAX_CACHED = 256;

  /** The charset that a declared name means (common aliases included), or null if Java has none; cached. */
  static Charset lookup(String name) {
    if (name == null) {
      return null;
    }
    Optional<Charset> known = BY_NAME.get(name);
    if (known != null) {
      return known.orElse(null);
    }
    Charset cs = find(name);
    if (BY_NAME.size() < MAX_CACHED) {
      BY_NAME.put(name, Optional.ofNullable(cs));
    }
    return cs;
  }

  /** Looks the name up: quotes dropped, a few aliases Java lacks mapped, unknown names null. */
  private static Charset find(String name) {
    String n = name.trim().replace("\"", "").replace("'", "");
    if (n.isEmpty()) {
      return null;
    }
    String lower = LowerCase.root(n);
    if (lower.equals("utf8")) {
      return StandardCharsets.UTF_8;
    }
    if (lower.equals("ascii") || lower.equals("us-ascii") || lower.equals("ansi_x3.4-1968")) {
      return StandardCharsets.US_ASCII;
    }
    if (lower.equals("iso-8859-8-i")) {
      lower = "iso-8859-8";
    }
    if (lower.equals("ks_c_5601-1987") || lower.equals("ks_c_5601")) {
      lower = "x-windows-949";
    }
    if (lower.equals("cp932") || lower.equals("shift-jis") || lower.equals("x-sjis")) {
      lower = "windows-31j";
    }
    try {
      return Charset.isSupported(lower) ? Charset.forName(lower) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String strict(byte[] bytes, Charset cs) {
    return strict(bytes, 0, bytes.length, cs);
  }

  /** {@code bytes[off, off + len)} decoded with {@code cs}, or null if they are not valid in it. */
  static String strict(byte[] bytes, int off, int len, Charset cs) {
    if (cs.equals(StandardCharsets.ISO_8859_1)) {
      return new String(bytes, off, len, cs); // every byte is valid ISO-8859-1
    }
    if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)) {
      // the String constructor is much cheaper than a decoder; it replaces exactly what a strict
      // decoder rejects with U+FFFD, so without one the bytes were valid (a real U+FFFD is checked below)
      String lenient = new String(bytes, off, len, cs);
      if (lenient.indexOf('\uFFFD') < 0) {
        return lenient;
      }
    }
    if (cs.name().equals("ISO-2022-JP")) {
      String jp = Iso2022Jp.decode(bytes, off, len);
      if (jp != null) {
        return jp;
      }
    }
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decodeOrNull(dec, ByteBuffer.wrap(bytes, off, len));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * What {@code dec.decode(in)} returns, as a string, or null where it would throw a {@link
   * CharacterCodingException}: the same steps, read from the {@link CoderResult}s rather than from
   * an exception. Text that is not valid in its declared charset is common in bounces, and an
   * exception per such part costs more than decoding it.
   */
  private static @Nullable String decodeOrNull(CharsetDecoder dec, ByteBuffer in) {
    if (!in.hasRemaining()) {
      return ""; // as decode(in) returns an empty buffer without decoding
    }
    int n = (int) Math.min(Integer.MAX_VALUE - 8, (long) Math.ceil(in.remaining() * (double) dec.averageCharsPerByte()));
    CharBuffer out = CharBuffer.allocate(Math.max(n, 16));
    dec.reset();
    for (;;) {
      CoderResult cr = in.hasRemaining() ? dec.decode(in, out, true) : CoderResult.UNDERFLOW;
      if (cr.isUnderflow()) {
        cr = dec.flush(out);
      }
      if (cr.isUnderflow()) {
        break;
      }
      if (cr.isOverflow()) {
        // as CharsetDecoder.decode grows its buffer: twice the size plus one
        CharBuffer bigger = CharBuffer.allocate(2 * out.capacity() + 1);
        out.flip();
        bigger.put(out);
        out = bigger;
        continue;
      }
      return null; // malformed or unmappable input: what decode(in) reports by an exception
    }
    out.flip();
    return out.toString();
  }

  /**
   * ISO-2022-JP as most Japanese mail writes it: ASCII, and JIS X 0208 between {@code ESC $ B} and
   * {@code ESC ( B}. Each JIS pair is read through a table taken from the JDK's own decoder, so the
   * text is the same; anything else (other escapes, controls or line breaks inside JIS text, pairs
   * the JDK does not map) is left to the JDK's decoder. The table is filled as pairs are first met:
   * a message uses a few hundred of the 8,836 pairs at most.
   */
  static final class Iso2022Jp {
    /** The JDK's ISO-2022-JP, or null if it has none. */
    private static final @Nullable Charset CHARSET = charset();
    /** In {@link #TABLE}: a pair not decoded yet (no JIS pair decodes to this non-character). */
    private static final char UNKNOWN = '\uFFFF';
    /**
     * JIS X 0208 row and cell (each 0x21 to 0x7E) to the JDK's char; 0 for a pair it rejects,
     * {@link #UNKNOWN} for one not met yet. Threads that race on an entry write the same value.
     */
    private static final char @Nullable [] TABLE = CHARSET == null ? null : unknownPairs();

    private Iso2022Jp() {}

    /** The text of {@code b[off, off + len)}, or null when the JDK's decoder must decide. */
    static String decode(byte[] b, int off, int len) {
      if (TABLE == null) {
        return null;
      }
      char[] out = new char[len];
      int o = 0;
      boolean jis = false;
      CharsetDecoder dec = null; // made when a pair is first met
      int end = off + len;
      for (int i = off; i < end; ) {
        int x = b[i] & 0xFF;
        if (x == 0x1B) {
          if (i + 2 < end && b[i + 2] == 'B' && (b[i + 1] == '$' || b[i + 1] == '(')) {
            jis = b[i + 1] == '$';
            i += 3;
            continue;
          }
          return null;
        }
        if (jis) {
          int y = i + 1 < end ? b[i + 1] & 0xFF : 0;
          if (x < 0x21 || x > 0x7E || y < 0x21 || y > 0x7E) {
            return null;
          }
          int k = (x - 0x21) * 94 + (y - 0x21);
          char c = TABLE[k];
          if (c == UNKNOWN) {
            if (dec == null) {
              dec = CHARSET.newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            c = pair(dec, x, y);
            TABLE[k] = c;
          }
          if (c == 0) {
            return null;
          }
          out[o++] = c;
          i += 2;
        } else {
          if (x >= 0x80 || x == 0x0E || x == 0x0F) {
            return null; // not ASCII, or shift codes
          }
          out[o++] = (char) x;
          i++;
        }
      }
      return new String(out, 0, o);
    }

    private static @Nullable Charset charset() {
      try {
        return Charset.forName("ISO-2022-JP");
      } catch (RuntimeException e) {
        return null;
      }
    }

    /** A table of 94 by 94 pairs, none decoded yet. */
    private static char[] unknownPairs() {
      char[] table = new char[94 * 94];
      java.util.Arrays.fill(table, UNKNOWN);
      return table;
    }

    /** The JIS X 0208 pair {@code x y} alone, decoded by {@code dec}: its one char, or 0 if rejected. */
    static char pair(CharsetDecoder dec, int x, int y) {
      byte[] in = {0x1B, '$', 'B', (byte) x, (byte) y, 0x1B, '(', 'B'};
      CharBuffer out = CharBuffer.allocate(8);
      dec.reset();
      if (!dec.decode(ByteBuffer.wrap(in), out, true).isError() && !dec.flush(out).isError()
          && out.position() == 1 && out.get(0) != 0 && out.get(0) != UNKNOWN) {
        return out.get(0);
      }
      return 0;
    }
  }

  private static String clip(String s) {
    return Excerpt.of(s, 43);
  }
}
