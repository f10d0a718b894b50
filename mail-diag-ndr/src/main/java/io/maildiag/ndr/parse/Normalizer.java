package io.maildiag.ndr.parse;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Normalises raw message bytes before MIME parsing: every line ending (CRLF, bare LF, bare CR,
 * and the CR CR LF that double conversion leaves behind) becomes LF; lines longer than the limit
 * are cut; a header section larger than the limit is cut at a field boundary. The output is never
 * longer than the input, and is the input array itself when nothing changes (the MIME layer only
 * reads it). Linear time: the header section is read line by line; the body's runs between CRs are
 * found a word at a time and copied in one go each, and its lines are cut in a second pass only
 * when one is too long.
 */
final class Normalizer {
  private Normalizer() {}

  /**
   * A normalised message: its bytes, which hold no CR (every line break is an LF), and the same
   * bytes as ISO-8859-1 text when the normaliser made that text anyway (null otherwise), so that
   * {@link MimeReader#read(Normalized)} need not make it again nor search it for CRs.
   */
  record Normalized(byte[] bytes, @Nullable String latin1) {}

  static byte[] normalize(byte[] in, int length, int maxLineLength, int maxHeaderBytes, Diags diags) {
    return normalizeMessage(in, length, maxLineLength, maxHeaderBytes, diags).bytes();
  }

  /** {@link #normalize}, with the text of the result when it was made on the way. */
  static Normalized normalizeMessage(byte[] in, int length, int maxLineLength, int maxHeaderBytes, Diags diags) {
    int i = 0;
    if (length > 5 && in[0] == 'F' && in[1] == 'r' && in[2] == 'o' && in[3] == 'm' && in[4] == ' ') {
      // an mbox "From " separator line is not a header field
      while (i < length && in[i] != '\n' && in[i] != '\r') {
        i++;
      }
      while (i < length && (in[i] == '\n' || in[i] == '\r')) {
        i++;
      }
    }
    if (length - i <= maxLineLength && length - i <= maxHeaderBytes) {
      // no line can be longer than the limit and the header section cannot outgrow its own: only line breaks change
      return breaksOnly(in, i, length);
    }
    return new Normalized(cut(in, i, length, maxLineLength, maxHeaderBytes, diags), null);
  }

  /** The general path of {@link #normalizeMessage} for {@code in[from, length)}: lines cut, the header section limited. */
  private static byte[] cut(byte[] in, int from, int length, int maxLineLength, int maxHeaderBytes, Diags diags) {
    boolean inHeader = true;
    boolean lineEmpty = true;
    boolean headerCut = false;
    int headerBytes = 0;
    long cutLines = 0;
    int i = from;
    // made only here: most messages take the path above and never need it
    byte[] out = new byte[length]; // the output is never longer than the input
    int o = 0;
    // the header section, line by line: its lines are cut, and the section at a field boundary
    while (i < length && inHeader) {
      byte b = in[i];
      if (b == '\r' || b == '\n') {
        int j = Bytes.breakEnd(in, i, length);
        int breaks = in[j - 1] == '\n' ? 1 : j - i; // CRs and an LF are one break; bare CRs a break each
        for (int k = 0; k < breaks; k++) {
          if (inHeader && lineEmpty) {
            inHeader = false; // the blank line that ends the header section
          }
          if (!(inHeader && headerCut)) {
            out[o++] = '\n';
          }
          lineEmpty = true;
        }
        i = j;
        continue;
      }
      // the content of one whole line: the run up to the next line break, copied in one go
      int j = Bytes.lineBreak(in, i + 1, length);
      int len = j - i;
      // only a line's first byte can start the cut: the section is cut at a field boundary
      if (!headerCut && headerBytes + 1 > maxHeaderBytes) {
        headerCut = true;
        diags.once(io.maildiag.core.Diagnostic.warning(Codes.HEADER_TOO_LARGE,
            "the header section is larger than " + maxHeaderBytes + " bytes; the rest of it was ignored"));
      }
      headerBytes += len;
      lineEmpty = false;
      if (!headerCut) {
        int keep = Math.min(len, maxLineLength);
        System.arraycopy(in, i, out, o, keep);
        o += keep;
        if (len > maxLineLength) {
          cutLines++;
        }
      }
      i = j;
    }
    // the body: its line breaks made LFs in one pass, then its lines cut in place if one is too long
    int bodyStart = o;
    o = Bytes.copyBreaks(in, i, length, out, o);
    if (Bytes.someLineLonger(out, bodyStart, o, maxLineLength)) {
      long[] cut = cutLines(out, bodyStart, o, maxLineLength);
      o = (int) cut[0];
      cutLines += cut[1];
    }
    if (cutLines > 0) {
      diags.once(io.maildiag.core.Diagnostic.warning(Codes.LINE_TOO_LONG,
          cutLines + " line(s) longer than " + maxLineLength + " characters were cut"));
    }
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /**
   * Cuts the lines of {@code b[from, to)} (LF breaks only) longer than {@code max} to their first
   * {@code max} bytes, in place (what is kept never moves right); returns the new end and the number
   * of lines cut.
   */
  private static long[] cutLines(byte[] b, int from, int to, int max) {
    int w = from;
    long cut = 0;
    for (int line = from; line < to; ) {
      int lf = Bytes.indexOf(b, Bytes.LF, line, to);
      int len = lf - line;
      if (len > max) {
        cut++;
      }
      int keep = Math.min(len, max);
      System.arraycopy(b, line, b, w, keep);
      w += keep;
      if (lf < to) {
        b[w++] = '\n';
      }
      line = lf + 1;
    }
    return new long[] {w, cut};
  }

  /**
   * {@code in[from, length)} with its line breaks made LFs, nothing cut: each run of CRs followed by
   * an LF becomes one LF, each other CR an LF. The first CR is found with String.indexOf on a Latin-1
   * copy (a vectorised intrinsic); input without CRs is not copied again, or copied once when it is
   * a part of the array; from the first CR on, {@link Bytes#copyBreaks} copies the runs between CRs.
   */
  private static Normalized breaksOnly(byte[] in, int from, int length) {
    String text = new String(in, from, length - from, StandardCharsets.ISO_8859_1);
    int cr = text.indexOf('\r');
    if (cr < 0) {
      // nothing changes: the input itself when it is all of it (nothing here writes to the result);
      // the text searched is then the result's own
      return new Normalized(from == 0 && length == in.length ? in : java.util.Arrays.copyOfRange(in, from, length), text);
    }
    byte[] out = new byte[length - from];
    System.arraycopy(in, from, out, 0, cr);
    int o = Bytes.copyBreaks(in, from + cr, length, out, cr);
    return new Normalized(o == out.length ? out : java.util.Arrays.copyOf(out, o), null);
  }

  /**
   * {@link #normalizeMessage}, and a message with no empty line but lines of white space (a relay
   * that writes every blank line as a space) has those lines made empty ({@link
   * #whiteLinesAsEmpty}), with a warning: in a message larger than the header section's limit,
   * before the header section (then the whole message) is cut at that limit.
   */
  static Normalized normalizeReadingWhiteLines(byte[] in, int length, int maxLineLength, int maxHeaderBytes,
      Diags diags) {
    byte[] input = in;
    int n = length;
    boolean madeEmpty = false;
    if (n > maxHeaderBytes) {
      byte[] blanked = whiteLinesAsEmpty(normalizeMessage(in, n, Integer.MAX_VALUE, Integer.MAX_VALUE, diags).bytes());
      if (blanked != null) {
        input = blanked;
        n = blanked.length;
        madeEmpty = true;
      }
    }
    Normalized normalized = normalizeMessage(input, n, maxLineLength, maxHeaderBytes, diags);
    byte[] blanked = whiteLinesAsEmpty(normalized.bytes());
    if (blanked != null) {
      normalized = new Normalized(blanked, null);
      madeEmpty = true;
    }
    if (madeEmpty) {
      diags.add(io.maildiag.core.Diagnostic.warning(Codes.MIME_MALFORMED,
          "the message has no empty line; its lines of white space were read as empty lines"));
    }
    return normalized;
  }

  /**
   * {@code b} (normalised: LF line breaks only) with its lines of white space made empty, when it
   * has no empty line at all but such lines (a relay that writes every blank line as a space): in
   * a message without an empty line, they are the only possible end of its header section and of
   * its parts' headers. Null when that is not the case, which most messages show within their
   * header section: an empty line ends it.
   */
  static byte @Nullable [] whiteLinesAsEmpty(byte[] b) {
    int n = b.length;
    if (n > 0 && (b[0] == '\n' || Bytes.indexOfPair(b, Bytes.LF, 0, n) < n)) {
      return null; // an empty line, found in one search rather than line by line below
    }
    boolean white = false;
    for (int line = 0; line < n; ) {
      int lf = Bytes.indexOf(b, Bytes.LF, line, n);
      if (lf == line) {
        return null; // an empty line
      }
      if (lf < n && isWhite(b, line, lf)) {
        white = true;
      }
      line = lf + 1;
    }
    if (!white) {
      return null;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (int line = 0; line < n; ) {
      int lf = Bytes.indexOf(b, Bytes.LF, line, n);
      if (lf < n && isWhite(b, line, lf)) {
        out[o++] = '\n';
      } else {
        int end = lf < n ? lf + 1 : n;
        System.arraycopy(b, line, out, o, end - line);
        o += end - line;
      }
      line = lf + 1;
    }
    return java.util.Arrays.copyOf(out, o);
  }

  /** Whether {@code b[from, to)} is spaces and tabs only (and not empty). */
  private static boolean isWhite(byte[] b, int from, int to) {
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
