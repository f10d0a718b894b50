package io.maildiag.dns.dmarc.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes XML bytes to text before StAX sees them (XML 1.0 appendix F): BOM, else the encoding
 * declaration, else UTF-8. Doing it here keeps bad bytes a diagnostic (the JDK's parser prints
 * them to {@code System.err}) and replaces them with U+FFFD so the rest of the report survives.
 */
final class XmlText {

  private static final Pattern DECL = Pattern.compile(
      "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,39})[\"']");

  private XmlText() {}

  /** The text, the charset used, and the byte offset of the first undecodable byte (or -1). */
  record Decoded(String text, Charset charset, long firstBadByte, @Nullable String unsupported) {}

  static Decoded decode(byte[] b) {
    int skip = 0;
    Charset cs = StandardCharsets.UTF_8;
    String unsupported = null;
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      skip = 3;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      skip = 2;
      cs = StandardCharsets.UTF_16BE;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      skip = 2;
      cs = StandardCharsets.UTF_16LE;
    } else if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
      cs = StandardCharsets.UTF_16BE;
    } else if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
      cs = StandardCharsets.UTF_16LE;
    } else {
      String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1);
      Matcher m = DECL.matcher(head);
      if (m.find()) {
        String name = m.group(1);
        try {
          Charset declared = Charset.forName(name);
          if (declared.newEncoder().maxBytesPerChar() <= 1.0f || declared.equals(StandardCharsets.UTF_8)) {
            cs = declared; // only ASCII-compatible ones can have been declared in ASCII
          } else {
            unsupported = name;
          }
        } catch (IllegalArgumentException e) {
          unsupported = name;
        }
      }
    }
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    // every supported charset yields at most one char per byte; U+FFFD replaces at least one byte
    CharBuffer out = CharBuffer.allocate(b.length - skip + 16);
    long firstBad = -1;
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (!r.isError()) {
        break; // underflow: all consumed (overflow cannot happen, see above)
      }
      if (firstBad < 0) {
        firstBad = in.position();
      }
      out.put('\uFFFD');
      in.position(Math.min(in.limit(), in.position() + Math.max(1, r.length())));
    }
    dec.flush(out);
    out.flip();
    return new Decoded(out.toString(), cs, firstBad, unsupported);
  }
}
