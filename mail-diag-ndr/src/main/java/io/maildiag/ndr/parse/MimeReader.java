package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.internal.LowerCase;
import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Builds a bounded {@link MimePart} tree. Jakarta Mail is the reference MIME reader: the tree is
 * what Jakarta Mail reads (parts share the one input buffer through Jakarta's shared streams, so
 * nesting costs no copies; only text-like leaves are read into memory). {@link MimeSplitter} is the
 * fast path that builds the same tree directly from byte offsets, without Jakarta's per-object
 * overhead; when it meets a structure it is not sure to read exactly as Jakarta Mail does, it
 * declines and the message is read here with Jakarta Mail, so edge cases stay on the reference
 * reader. Nesting deeper than the limit, too many parts and malformed multiparts become
 * diagnostics, never exceptions.
 */
final class MimeReader {
  /** At most this many parts are read from one message. */
  static final int MAX_PARTS = 512;
  /**
   * The most characters a boundary line may have, its two leading dashes included: the most a line
   * may hold (RFC 5322, section 2.1.1; RFC 2046 allows 70 for the boundary itself). A multipart with a
   * longer boundary, given or taken from its first boundary-like line, is read as text: Jakarta Mail
   * prepares its search for a boundary in time that grows with the square of the boundary's length.
   */
  static final int MAX_BOUNDARY_LINE = 998;
  /**
   * Text-like leaves are read up to this many raw bytes each: a longer one is cut at the end of its
   * last line that fits ({@link #leafEnd}) and reported ({@link #leafTooLarge}).
   */
  static final int MAX_LEAF_BYTES = 4 * 1024 * 1024;


  private final int maxDepth;
  private final int maxHeaderFields;
  private final Diags diags;
  private final Deadline deadline;
  private int parts;

  MimeReader(int maxDepth, int maxHeaderFields, Diags diags, Deadline deadline) {
    this.maxDepth = maxDepth;
    this.maxHeaderFields = Math.max(1, maxHeaderFields);
    this.diags = diags;
    this.deadline = deadline;
  }

  /** The Jakarta Mail session, made only when a message first needs the Jakarta path. */
  private static final class Jakarta {
    static final Session SESSION = Session.getInstance(sessionProperties());
  }

  private static Properties sessionProperties() {
    Properties p = new Properties();
    p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
    p.setProperty("mail.mime.multipart.allowempty", "true");
    p.setProperty("mail.mime.address.strict", "false");
    return p;
  }

  /** Reads the whole normalised message. Never throws. */
  MimePart read(byte[] bytes) {
    return read(bytes, null, false);
  }

  /**
   * Reads a message as {@link Normalizer#normalizeMessage} gave it, the same as {@link #read(byte[])}
   * of its bytes: they hold no CR, so they need no search for one, and their text is not made again
   * when the normaliser made it. Never throws.
   */
  MimePart read(Normalizer.Normalized message) {
    return read(message.bytes(), message.latin1(), true);
  }

  private MimePart read(byte[] bytes, @Nullable String latin1, boolean crFree) {
    MimePart fast;
    try {
      fast = new MimeSplitter(maxDepth, maxHeaderFields, deadline).split(bytes, latin1, crFree, diags);
    } catch (RuntimeException e) {
      fast = null; // never expected; the reference path then reads the message as it always did
    }
    return fast != null ? fast : readWithJakarta(bytes);
  }

  /**
   * Reads the whole normalised message with Jakarta Mail only (the reference path), its service
   * look-ups answered from memory ({@link ServiceFiles}). Never throws.
   */
  MimePart readWithJakarta(byte[] bytes) {
    return ServiceFiles.around(() -> readWithJakartaHere(bytes));
  }

  private MimePart readWithJakartaHere(byte[] bytes) {
    try {
      MimeMessage msg = new MimeMessage(Jakarta.SESSION, new SharedByteArrayInputStream(bytes));
      return convert(msg, "", 0, true, ContentType.TEXT_PLAIN);
    } catch (MessagingException | RuntimeException e) {
      diags.add(Diagnostic.warning(Codes.MIME_MALFORMED, "the message could not be parsed as MIME ("
          + e.getClass().getSimpleName() + "); it was read as plain text"));
      return new MimePart("", 0, Headers.EMPTY, ContentType.TEXT_PLAIN, bytes, true);
    }
  }

  private MimePart convert(Part p, String path, int depth, boolean messageRoot, ContentType fallbackType) {
    parts++;
    Headers headers = headersOf(p);
    ContentType type = ContentType.parse(headers.get("Content-Type").orElse(null), fallbackType);
    String cte = headers.get("Content-Transfer-Encoding").orElse(null);
    boolean tooDeep = depth >= maxDepth;
    if ((type.isMultipart() || type.isEmbeddedMessage()) && tooDeep) {
      diags.once(Diagnostic.warning(Codes.MIME_TOO_DEEP,
          "MIME nesting deeper than " + maxDepth + " levels was not read"));
      return new MimePart(path, depth, headers, type, new byte[0], messageRoot);
    }
    if (type.isMultipart()) {
      MimePart node = new MimePart(path, depth, headers, type, new byte[0], messageRoot);
      if (readMultipart(p, node, type)) {
        return node;
      }
      // not a usable multipart: read it as text so that its words are still seen
      return new MimePart(path, depth, headers, ContentType.TEXT_PLAIN, leafBytes(p, path, cte), messageRoot);
    }
    if (type.isEmbeddedMessage()) {
      MimePart node = new MimePart(path, depth, headers, type, new byte[0], messageRoot);
      try {
        MimeMessage inner;
        InputStream rawIn = isIdentity(cte) ? raw(p) : null;
        if (rawIn != null) {
          inner = new MimeMessage(Jakarta.SESSION, rawIn);
        } else {
          byte[] decoded = leafBytes(p, path, cte);
          inner = new MimeMessage(Jakarta.SESSION, new SharedByteArrayInputStream(decoded));
        }
        if (parts < MAX_PARTS && deadline.ok()) {
          node.children.add(convert(inner, path.isEmpty() ? "1" : path + ".1", depth + 1, true,
              ContentType.TEXT_PLAIN));
        }
      } catch (MessagingException | RuntimeException e) {
        diags.add(Diagnostic.warning(Codes.MIME_MALFORMED,
            "an attached message (" + node.label() + ") could not be parsed"));
      }
      return node;
    }
    boolean readable = type.isText() || type.isHeadersOnly() || type.isDeliveryStatus()
        || type.mimeType().startsWith("message/") || type.mimeType().equals("application/json")
        || type.mimeType().equals("application/octet-stream") && isSmall(p);
    byte[] body = readable ? leafBytes(p, path, cte) : new byte[0];
    return new MimePart(path, depth, headers, type, body, messageRoot);
  }

  private boolean readMultipart(Part p, MimePart node, ContentType type) {
    String boundary = type.param("boundary");
    int boundaryLine = boundary == null || boundary.isEmpty() ? firstBoundaryLine(p) : boundary.length() + 2;
    if (boundaryLine > MAX_BOUNDARY_LINE) {
      diags.add(longBoundary(node));
      return false;
    }
    String ct = boundary == null || boundary.isEmpty()
        ? "multipart/mixed"
        : "multipart/mixed; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    try {
      // Jakarta reads every part at once: it is handed one part more than may still be read
      int keep = Math.max(1, MAX_PARTS - parts + 1);
      MimeMultipart mm = new MimeMultipart(new RawSource(p, ct, partsCut(p, boundary, keep)));
      int count = mm.getCount();
      if (count == 0) {
        diags.add(Diagnostic.warning(Codes.MIME_MALFORMED, node.label() + " has no parts"));
        return false;
      }
      boolean digest = type.mimeType().equals("multipart/digest");
      for (int i = 0; i < count; i++) {
        if (parts >= MAX_PARTS) {
          diags.once(Diagnostic.warning(Codes.TOO_MANY_PARTS,
              "the message has more than " + MAX_PARTS + " MIME parts; the rest were not read"));
          break;
        }
        if (!deadline.ok()) {
          break;
        }
        BodyPart bp = mm.getBodyPart(i);
        String childPath = node.path.isEmpty() ? Integer.toString(i + 1) : node.path + "." + (i + 1);
        node.children.add(convert(bp, childPath, node.depth + 1, false,
            digest ? ContentType.MESSAGE_RFC822 : ContentType.TEXT_PLAIN));
      }
      return true;
    } catch (MessagingException | RuntimeException e) {
      diags.add(Diagnostic.warning(Codes.MIME_MALFORMED,
          node.label() + " is not a valid multipart (" + e.getMessage() + "); it was read as text"));
      return false;
    }
  }

  private Headers headersOf(Part p) {
    List<Headers.Field> out = new ArrayList<>();
    try {
      Enumeration<Header> e = p.getAllHeaders();
      int n = 0;
      while (e.hasMoreElements()) {
        Header h = e.nextElement();
        if (++n > maxHeaderFields) {
          diags.once(Diagnostic.warning(Codes.TOO_MANY_HEADER_FIELDS,
              "more than " + maxHeaderFields + " header fields; the rest were ignored"));
          break;
        }
        String v = h.getValue() == null ? "" : h.getValue();
        out.add(new Headers.Field(h.getName(), Charsets.headerValue(Headers.unfold(v)).trim()));
      }
    } catch (MessagingException | RuntimeException e) {
      diags.add(Diagnostic.warning(Codes.MIME_MALFORMED, "a header section could not be read"));
    }
    return new Headers(out);
  }

  private static boolean isIdentity(String cte) {
    if (cte == null) {
      return true;
    }
    String c = LowerCase.root(cte.trim());
    return c.isEmpty() || c.equals("7bit") || c.equals("8bit") || c.equals("binary");
  }

  private static boolean isSmall(Part p) {
    try {
      int size = p.getSize();
      return size >= 0 && size < 256 * 1024;
    } catch (MessagingException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The part's content, transfer-decoded leniently, read up to {@link #MAX_LEAF_BYTES} raw bytes
   * ({@link #leafEnd}).
   */
  private byte[] leafBytes(Part p, String path, String cte) {
    try (InputStream in = raw(p)) {
      if (in == null) {
        return new byte[0];
      }
      byte[] raw = in.readNBytes(MAX_LEAF_BYTES + 1);
      int end = leafEnd(raw, 0, raw.length);
      if (end < raw.length) {
        diags.add(leafTooLarge(path, end));
        raw = Arrays.copyOf(raw, end);
      }
      return TransferDecoding.decode(raw, cte);
    } catch (IOException | MessagingException | RuntimeException e) {
      diags.once(Diagnostic.warning(Codes.ENCODING_BROKEN, "a part's content could not be read"));
      return new byte[0];
    }
  }

  /**
   * Where the raw content {@code b[from, to)} of a leaf is cut: {@code to} when it holds at most
   * {@link #MAX_LEAF_BYTES} bytes, else just after the last line break (LF, or CR when there is no
   * LF) among its first {@link #MAX_LEAF_BYTES} bytes, so that no field or line is read half; at
   * {@link #MAX_LEAF_BYTES} when none of them is a line break.
   */
  static int leafEnd(byte[] b, int from, int to) {
    if (to - from <= MAX_LEAF_BYTES) {
      return to;
    }
    int limit = from + MAX_LEAF_BYTES;
    int cr = -1;
    for (int i = limit - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
      if (b[i] == '\r' && cr < 0) {
        cr = i + 1;
      }
    }
    return cr > 0 ? cr : limit;
  }

  /** The diagnostic of a leaf at {@code path} cut at {@link #leafEnd}, after {@code kept} raw bytes. */
  static Diagnostic leafTooLarge(String path, int kept) {
    return Diagnostic.warning(Codes.PART_TOO_LARGE, (path.isEmpty() ? "the message body" : "MIME part " + path)
        + " is larger than " + MAX_LEAF_BYTES + " bytes; only its first " + kept
        + " bytes (up to the end of a line) were read");
  }

  /** The diagnostic of a multipart whose boundary line is longer than {@link #MAX_BOUNDARY_LINE}. */
  static Diagnostic longBoundary(MimePart node) {
    return Diagnostic.warning(Codes.MIME_MALFORMED, node.label() + " is not a valid multipart (its boundary is longer than "
        + MAX_BOUNDARY_LINE + " characters); it was read as text");
  }

  /**
   * The length of the line that Jakarta Mail takes for the boundary of a multipart without a
   * boundary parameter: the first line (ended by LF or CR, trailing blanks and tabs left out) of more
   * than two characters that starts with "--" and is not all dashes; -1 when there is none or the
   * content cannot be read.
   */
  static int firstBoundaryLine(Part p) {
    try (InputStream in = raw(p)) {
      return in == null ? -1 : firstBoundaryLine(in);
    } catch (IOException | MessagingException | RuntimeException e) {
      return -1;
    }
  }

  /** {@link #firstBoundaryLine(Part)} of a stream, read in one pass. */
  static int firstBoundaryLine(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    int length = 0; // of the line so far
    int kept = 0; // its length without trailing blanks
    boolean dashStart = false; // it starts with "--"
    boolean allDashes = true; // of its first kept chars
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        byte b = buf[i];
        if (b == '\n' || b == '\r') {
          if (kept > 2 && dashStart && !(kept > 4 && allDashes)) {
            return kept;
          }
          length = 0;
          kept = 0;
          allDashes = true;
          continue;
        }
        if (length == 0) {
          dashStart = b == '-';
        } else if (length == 1) {
          dashStart &= b == '-';
        }
        length++;
        if (b != ' ' && b != '\t') {
          allDashes &= b == '-' && kept == length - 1;
          kept = length;
        }
      }
    }
    return kept > 2 && dashStart && !(kept > 4 && allDashes) ? kept : -1;
  }

  /**
   * Where Jakarta Mail's view of multipart {@code p}'s content ends ({@link MultipartCut}): before
   * the part after the first {@code keep}, when the content holds more; {@link MultipartCut#NONE}
   * when it does not, when it is too short to, or when it cannot be read as a shared stream.
   */
  static int partsCut(Part p, @Nullable String boundary, int keep) {
    int shortest = boundary == null || boundary.isEmpty() ? 3 : boundary.length() + 2;
    try (InputStream in = raw(p)) {
      // a part takes at least its boundary line, its line break and the empty line of its header
      // section; the boundary line of part keep + 1 then needs its line break
      if (!(in instanceof SharedInputStream) || in.available() < (long) (keep + 1) * (shortest + 2) - 1) {
        return MultipartCut.NONE;
      }
      byte[] content = in.readAllBytes();
      return MultipartCut.cut(content, content.length, boundary, keep);
    } catch (IOException | MessagingException | RuntimeException e) {
      return MultipartCut.NONE;
    }
  }

  private static InputStream raw(Part p) throws MessagingException {
    if (p instanceof MimeBodyPart bp) {
      return bp.getRawInputStream();
    }
    if (p instanceof MimeMessage m) {
      return m.getRawInputStream();
    }
    return null;
  }

  /**
   * Presents a part's raw content to MimeMultipart as a shared stream view, without copying: the
   * whole content, or its first {@code end} bytes ({@link #partsCut}).
   */
  private static final class RawSource implements DataSource {
    private final Part part;
    private final String contentType;
    private final int end;

    RawSource(Part part, String contentType, int end) {
      this.part = part;
      this.contentType = contentType;
      this.end = end;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      try {
        InputStream in = raw(part);
        if (in == null) {
          throw new IOException("no content");
        }
        return end >= 0 && in instanceof SharedInputStream shared ? shared.newStream(0, end) : in;
      } catch (MessagingException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getName() {
      return "part";
    }
  }
}
