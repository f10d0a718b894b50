package io.maildiag.ndr.parse;

import io.maildiag.core.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link MimeReader}: splits a normalised message (bare LF line endings) into the
 * same bounded {@link MimePart} tree that {@link MimeReader} builds with Jakarta Mail, working with
 * offsets into the one input buffer instead of Jakarta's stream objects.
 *
 * <p>Jakarta Mail remains the reference MIME reader. This class reproduces exactly what the Jakarta
 * path yields for the structures it knows: header sections (field names and unfolded, re-decoded
 * values as {@code MimeReader.headersOf} reports them), multipart bodies (preamble, boundary lines
 * with trailing blanks or transport padding, the first boundary line standing in for a missing
 * boundary parameter, a missing end boundary, the epilogue, a part whose header section runs to the
 * end and so is dropped, an end boundary before any start boundary), message/rfc822 parts, and the
 * same depth, part and leaf-size limits with the same diagnostics in the same order. Boundary lines
 * are looked for only among the lines that start with "--", which one word-at-a-time scan of the
 * buffer finds.
 *
 * <p>Whenever it meets a structure it is not sure to read exactly as Jakarta Mail does (a carriage
 * return in a header section or in a buffer holding a multipart body, a header section that starts
 * with a folded line, a folded field without a colon, a boundary parameter outside printable
 * ASCII), it declines, and {@link MimeReader} reads the whole message with Jakarta Mail instead.
 * Diagnostics are held back until the whole message has been read, so a declined attempt leaves no
 * trace. {@code MimeSplitterDifferentialTest} checks that both paths build equal trees.
 */
final class MimeSplitter {
  private static final byte[] EMPTY = new byte[0];
  /** Thrown (preallocated, no stack trace) when the message is left to Jakarta Mail. */
  private static final Decline DECLINE = new Decline();

  private final int maxDepth;
  private final int maxHeaderFields;
  private final Deadline deadline;
  /** Diagnostics in order, each with whether it is reported once per code; replayed on success. */
  private final List<Diagnostic> pending = new ArrayList<>();
  private final List<Boolean> pendingOnce = new ArrayList<>();
  /** The dash-line indexes of the buffers split so far (usually one). */
  private final List<DashLines> indexed = new ArrayList<>(2);
  private int parts;
  /** The fields of the header section being read, reused from section to section. */
  private Headers.Field[] scratch = new Headers.Field[16];
  /** Where the content after the header section last read by {@link #section} starts. */
  private int contentStart;
  /**
   * The indexes of that section's first Content-Type and Content-Transfer-Encoding fields, or -1:
   * noted while the fields are made, so that the entity needs no second pass over them.
   */
  private int typeField;
  private int encodingField;
  /** The whole message as ISO-8859-1 text, for String.indexOf (a vectorised intrinsic); set by split. */
  private byte[] message;
  private String messageText;
  /** Whether the message has no CR: then its lines are found by LF alone. */
  private boolean messageCrFree;

  MimeSplitter(int maxDepth, int maxHeaderFields, Deadline deadline) {
    this.maxDepth = maxDepth;
    this.maxHeaderFields = Math.max(1, maxHeaderFields);
    this.deadline = deadline;
  }

  /**
   * The tree of the whole message, its diagnostics added to {@code diags}; or null (and nothing
   * added) when the message has a structure that is left to Jakarta Mail.
   */
  MimePart split(byte[] bytes, Diags diags) {
    return split(bytes, null, false, diags);
  }

  /**
   * {@link #split(byte[], Diags)} of a message whose ISO-8859-1 text is {@code latin1} when not null
   * (not made again), and that holds no CR when {@code crFree} is true (then not searched for one).
   */
  MimePart split(byte[] bytes, @Nullable String latin1, boolean crFree, Diags diags) {
    MimePart root;
    try {
      message = bytes;
      messageText = latin1 != null ? latin1 : new String(bytes, StandardCharsets.ISO_8859_1);
      messageCrFree = crFree || messageText.indexOf('\r') < 0;
      root = entity(bytes, 0, bytes.length, "", 0, true, ContentType.TEXT_PLAIN);
    } catch (Decline d) {
      return null;
    }
    for (int i = 0; i < pending.size(); i++) {
      if (pendingOnce.get(i)) {
        diags.once(pending.get(i));
      } else {
        diags.add(pending.get(i));
      }
    }
    return root;
  }

  private void add(Diagnostic d) {
    pending.add(d);
    pendingOnce.add(Boolean.FALSE);
  }

  private void once(Diagnostic d) {
    pending.add(d);
    pendingOnce.add(Boolean.TRUE);
  }

  /** One message or body part: its header section and content in {@code b[from, to)}. */
  private MimePart entity(byte[] b, int from, int to, String path, int depth, boolean messageRoot,
      ContentType fallbackType) {
    parts++;
    Headers headers = section(b, from, to);
    int content = contentStart;
    // what headers.get("Content-Type") and get("Content-Transfer-Encoding") return, found by section
    ContentType type = ContentType.parse(typeField < 0 ? null : headers.valueAt(typeField), fallbackType);
    String cte = encodingField < 0 ? null : headers.valueAt(encodingField);
    boolean tooDeep = depth >= maxDepth;
    if ((type.isMultipart() || type.isEmbeddedMessage()) && tooDeep) {
      once(Diagnostic.warning(Codes.MIME_TOO_DEEP, "MIME nesting deeper than " + maxDepth + " levels was not read"));
      return new MimePart(path, depth, headers, type, EMPTY, messageRoot);
    }
    if (type.isMultipart()) {
      MimePart node = new MimePart(path, depth, headers, type, EMPTY, messageRoot);
      if (multipart(b, content, to, node, type)) {
        return node;
      }
      // not a usable multipart: read it as text so that its words are still seen
      return leaf(path, depth, headers, ContentType.TEXT_PLAIN, b, content, to, cte, messageRoot);
    }
    if (type.isEmbeddedMessage()) {
      MimePart node = new MimePart(path, depth, headers, type, EMPTY, messageRoot);
      byte[] inner = b;
      int innerFrom = content;
      int innerTo = to;
      if (!isIdentity(cte)) {
        inner = leafBytes(b, content, to, path, cte);
        innerFrom = 0;
        innerTo = inner.length;
      }
      if (parts < MimeReader.MAX_PARTS && deadline.ok()) {
        node.children.add(entity(inner, innerFrom, innerTo, path.isEmpty() ? "1" : path + ".1", depth + 1, true,
            ContentType.TEXT_PLAIN));
      }
      return node;
    }
    String mime = type.mimeType();
    boolean readable = type.isText() || type.isHeadersOnly() || type.isDeliveryStatus()
        || mime.startsWith("message/") || mime.equals("application/json")
        || mime.equals("application/octet-stream") && isSmall(content, to);
    return readable ? leaf(path, depth, headers, type, b, content, to, cte, messageRoot)
        : new MimePart(path, depth, headers, type, EMPTY, messageRoot);
  }

  /**
   * A leaf whose content {@code b[from, to)} is read up to {@link MimeReader#MAX_LEAF_BYTES} raw bytes
   * ({@link MimeReader#leafEnd}), decoded when first read.
   */
  private MimePart leaf(String path, int depth, Headers headers, ContentType type, byte[] b, int from, int to,
      String cte, boolean messageRoot) {
    return new MimePart(path, depth, headers, type, b, from, leafEnd(b, from, to, path), cte, messageRoot);
  }

  /** {@link MimeReader#leafEnd}, reporting a cut. */
  private int leafEnd(byte[] b, int from, int to, String path) {
    int end = MimeReader.leafEnd(b, from, to);
    if (end < to) {
      add(MimeReader.leafTooLarge(path, end - from));
    }
    return end;
  }

  /** Jakarta's size check: the raw content is believed only when non-empty. */
  private static boolean isSmall(int from, int to) {
    int size = to - from;
    return size > 0 && size < 256 * 1024;
  }

  /** The content, transfer-decoded leniently, read up to {@link MimeReader#MAX_LEAF_BYTES} raw bytes. */
  private byte[] leafBytes(byte[] b, int from, int to, String path, String cte) {
    return TransferDecoding.decode(b, from, leafEnd(b, from, to, path), cte);
  }

  private static boolean isIdentity(String cte) {
    if (cte == null) {
      return true;
    }
    String c = cte.trim();
    return c.isEmpty() || TransferDecoding.named(c, "7bit") || TransferDecoding.named(c, "8bit")
        || TransferDecoding.named(c, "binary");
  }

  // ---------------------------------------------------------------- multipart

  /**
   * Splits a multipart body as Jakarta's MimeMultipart does and converts its parts into
   * {@code node}; false (with Jakarta's diagnostic) when it is not a usable multipart.
   */
  private boolean multipart(byte[] b, int from, int to, MimePart node, ContentType type) {
    DashLines dash = dashLines(b, from);
    String param = type.param("boundary");
    byte[] bnd = param == null || param.isEmpty() ? null : boundaryBytes(param);
    if (bnd != null && bnd.length > MimeReader.MAX_BOUNDARY_LINE) {
      return longBoundary(node);
    }
    // the preamble: lines up to the first boundary line (trailing blanks ignored); only lines
    // starting with "--" can be one, so only those are looked at
    int pos = -1;
    for (int k = dash.first(from); k < dash.count; k++) {
      int line = dash.starts[k];
      if (line >= to) {
        break;
      }
      int le = lineEnd(b, line, to);
      int e = le;
      while (e > line && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
        e--;
      }
      int len = e - line;
      if (bnd != null) {
        if (len == bnd.length && Bytes.startsWith(b, line, e, bnd)) {
          pos = le < to ? le + 1 : to;
          break;
        }
        if (len == bnd.length + 2 && Bytes.startsWith(b, line, e, bnd) && b[e - 1] == '-' && b[e - 2] == '-') {
          return missingStart(node); // an end boundary before any part
        }
      } else if (len > 2 && !(len > 4 && Bytes.allDashes(b, line, e))) {
        if (len > MimeReader.MAX_BOUNDARY_LINE) {
          return longBoundary(node);
        }
        bnd = Arrays.copyOfRange(b, line, e); // no boundary parameter: the first boundary-like line is one
        pos = le < to ? le + 1 : to;
        break;
      }
    }
    if (pos < 0) {
      return missingStart(node);
    }
    int[] ranges = new int[16];
    int count = 0;
    boolean done = false;
    while (!done) {
      int start = pos;
      int bodyStart = dash.bodyStart(pos, to); // after the part's header section
      if (bodyStart < 0) {
        break; // the header section runs to the end: Jakarta drops this part
      }
      // the body ends before the next boundary line: the boundary at the start of a line (or
      // right at the body's start), then "--" (the end), or blanks (transport padding) and LF
      int end = to; // no (further) boundary: the missing end boundary is ignored
      done = true;
      for (int k = dash.first(bodyStart); k < dash.count; k++) {
        int p = dash.starts[k];
        if (p + bnd.length > to) {
          break;
        }
        if (!Bytes.startsWith(b, p, to, bnd)) {
          continue;
        }
        int q = p + bnd.length;
        if (q + 1 < to && b[q] == '-' && b[q + 1] == '-') {
          end = p == bodyStart ? p : p - 1; // the end boundary; the epilogue is ignored
          break;
        }
        while (q < to && (b[q] == ' ' || b[q] == '\t')) {
          q++;
        }
        if (q < to && b[q] == '\n') {
          end = p == bodyStart ? p : p - 1;
          pos = q + 1;
          done = false;
          break;
        }
      }
      if (count * 2 == ranges.length) {
        ranges = Arrays.copyOf(ranges, ranges.length * 2);
      }
      ranges[count * 2] = start;
      ranges[count * 2 + 1] = end;
      count++;
    }
    if (count == 0) {
      add(Diagnostic.warning(Codes.MIME_MALFORMED, node.label() + " has no parts"));
      return false;
    }
    boolean digest = type.mimeType().equals("multipart/digest");
    for (int i = 0; i < count; i++) {
      if (parts >= MimeReader.MAX_PARTS) {
        once(Diagnostic.warning(Codes.TOO_MANY_PARTS,
            "the message has more than " + MimeReader.MAX_PARTS + " MIME parts; the rest were not read"));
        break;
      }
      if (!deadline.ok()) {
        break;
      }
      String childPath = node.path.isEmpty() ? Integer.toString(i + 1) : node.path + "." + (i + 1);
      node.children.add(entity(b, ranges[i * 2], ranges[i * 2 + 1], childPath, node.depth + 1, false,
          digest ? ContentType.MESSAGE_RFC822 : ContentType.TEXT_PLAIN));
    }
    return true;
  }

  /** {@link MimeReader#longBoundary}: a boundary line too long to search for. */
  private boolean longBoundary(MimePart node) {
    add(MimeReader.longBoundary(node));
    return false;
  }

  /** Jakarta's "Missing start boundary" failure (empty multiparts are not allowed). */
  private boolean missingStart(MimePart node) {
    add(Diagnostic.warning(Codes.MIME_MALFORMED,
        node.label() + " is not a valid multipart (Missing start boundary); it was read as text"));
    return false;
  }

  /** "--" and the boundary parameter; declines characters that Jakarta's parameter parsing might read differently. */
  private static byte[] boundaryBytes(String param) {
    byte[] out = new byte[param.length() + 2];
    out[0] = '-';
    out[1] = '-';
    for (int i = 0; i < param.length(); i++) {
      char c = param.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw DECLINE;
      }
      out[i + 2] = (byte) c;
    }
    return out;
  }

  // ---------------------------------------------------------------- header sections

  /**
   * Reads a header section as Jakarta's InternetHeaders does: fields up to the first empty line
   * (or the end), folded lines joined to their field; values unfolded, re-decoded as UTF-8 where
   * valid and trimmed, as {@code MimeReader.headersOf} reports them. Each value is decoded when
   * first read: most values of attached messages and body parts are never read, and the format
   * detector reads the message's own from the bytes ({@link #putAsciiValue}). Sets {@link
   * #contentStart} to where the content after the section starts.
   */
  private Headers section(byte[] b, int from, int to) {
    Headers.Field[] fields = scratch;
    int n = 0;
    int pos = from;
    int fieldStart = -1;
    int fieldEnd = -1;
    int colon = -1;
    boolean folded = false;
    int content = to;
    typeField = -1;
    encodingField = -1;
    while (pos < to) {
      int le = lineEnd(b, pos, to);
      if (le == pos) {
        content = pos + 1; // the empty line that ends the section
        break;
      }
      byte c = b[pos];
      if (c == ' ' || c == '\t') {
        if (fieldStart < 0) {
          throw DECLINE; // Jakarta treats a folded first line specially
        }
        fieldEnd = le;
        folded = true;
      } else {
        if (fieldStart >= 0 && ++n <= maxHeaderFields) {
          fields = add(fields, n - 1, field(b, fieldStart, fieldEnd, colon, folded));
          noteField(fields[n - 1].name(), n - 1);
        }
        fieldStart = pos;
        fieldEnd = le;
        colon = Bytes.indexOf(b, Bytes.COLON, pos, le);
        if (colon == le) {
          colon = -1;
        }
        folded = false;
      }
      pos = le < to ? le + 1 : to;
    }
    if (fieldStart >= 0 && ++n <= maxHeaderFields) {
      fields = add(fields, n - 1, field(b, fieldStart, fieldEnd, colon, folded));
      noteField(fields[n - 1].name(), n - 1);
    }
    if (n > maxHeaderFields) {
      once(Diagnostic.warning(Codes.TOO_MANY_HEADER_FIELDS,
          "more than " + maxHeaderFields + " header fields; the rest were ignored"));
    }
    scratch = fields;
    contentStart = content;
    int count = Math.min(n, maxHeaderFields);
    // the section's lines: up to the empty line, or all of b[from, to) without one
    return count == 0 ? Headers.EMPTY
        : new Headers(Arrays.copyOf(fields, count), b, from, content == to ? to : content - 1);
  }

  /**
   * Notes field {@code i} as the section's first Content-Type or Content-Transfer-Encoding field
   * (names compared as {@link Headers#get} compares them), while its name is in the cache.
   */
  private void noteField(String name, int i) {
    int len = name.length();
    if (len == 12 && typeField < 0 && Headers.sameName(name, "Content-Type")) {
      typeField = i;
    } else if (len == 25 && encodingField < 0 && Headers.sameName(name, "Content-Transfer-Encoding")) {
      encodingField = i;
    }
  }

  /** {@code fields} with {@code f} at index {@code i}, grown when full. */
  private static Headers.Field[] add(Headers.Field[] fields, int i, Headers.Field f) {
    if (i == fields.length) {
      fields = Arrays.copyOf(fields, fields.length * 2);
    }
    fields[i] = f;
    return fields;
  }

  /**
   * One field from its lines {@code b[from, to)} (folds are single LFs): the name before the colon,
   * trimmed; the value after it, unfolded, re-decoded and trimmed when first read. A line without a
   * colon is both name and value, as Jakarta reads it.
   */
  private Headers.Field field(byte[] b, int from, int to, int colon, boolean folded) {
    if (colon < 0) {
      if (folded) {
        throw DECLINE; // Jakarta would look for a colon in the folded lines
      }
      return new Headers.Field(latin1Trimmed(b, from, to), b, from, to, false);
    }
    return new Headers.Field(name(b, from, colon), b, colon + 1, to, folded);
  }

  /** Field names seen in most bounces, shared instead of built anew for each field. */
  private static final String[] COMMON_NAMES = {"Received", "From", "To", "Cc", "Subject", "Date", "Message-ID",
      "Message-Id", "MIME-Version", "Mime-Version", "Content-Type", "Content-Transfer-Encoding",
      "Content-Description", "Content-Disposition", "Content-ID", "Return-Path", "Reporting-MTA", "Final-Recipient",
      "Original-Recipient", "Action", "Status", "Diagnostic-Code", "Remote-MTA", "Arrival-Date", "Last-Attempt-Date",
      "X-Postfix-Queue-ID", "X-Postfix-Sender", "Received-From-MTA", "Auto-Submitted", "X-Failed-Recipients",
      "DKIM-Signature", "Delivered-To", "References", "In-Reply-To", "Reply-To", "Sender", "X-Mailer",
      "X-Original-To", "Authentication-Results", "Content-Language", "Thread-Topic", "Thread-Index",
      "Accept-Language", "X-MS-Has-Attach", "X-MS-TNEF-Correlator", "X-Spam-Status", "X-Spam-Checker-Version",
      "List-Unsubscribe", "Precedence", "X-Mailer-Daemon-Error", "X-Loop", "Errors-To", "Will-Retry-Until",
      "X-Received", "Return-path", "Content-type", "Received-SPF", "Message-id", "MIME-version", "X-Gm-Message-State",
      "X-Google-DKIM-Signature", "X-Google-Smtp-Source", "User-Agent", "X-SenderID", "X-SES-Outgoing",
      "X-Originating-IP", "Envelope-to", "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results",
      "X-Virus-Scanned", "X-Priority", "Delivery-date", "X-Original-Message-ID", "Content-Length",
      "X-OriginalArrivalTime", "X-Apparently-To", "X-OriginatorOrg", "Original-recipient"};
  /** Names longer than this are never among {@link #COMMON_NAMES}: they are not looked up. */
  private static final int COMMON_MAX_LENGTH = 32;
  private static final int NAME_TABLE_BITS = 8;
  /**
   * {@link #COMMON_NAMES} by length and first eight bytes, open-addressed (linear probing): slot
   * {@code s} holds at {@code 2s} a name's first word and at {@code 2s + 1} its length shifted by
   * 16 bits and its index plus one, or 0 when empty; both in one cache line. One probe finds most
   * names.
   */
  private static final long[] NAME_TABLE = new long[2 << NAME_TABLE_BITS];
  private static final int NAME_SLOTS = 1 << NAME_TABLE_BITS;
  /** Each common name's ISO-8859-1 bytes as {@link #chunk little-endian words}, eight bytes each. */
  private static final long[][] COMMON_WORDS = new long[COMMON_NAMES.length][];

  static {
    for (int k = 0; k < COMMON_NAMES.length; k++) {
      byte[] name = COMMON_NAMES[k].getBytes(StandardCharsets.ISO_8859_1);
      long[] words = new long[(name.length + 7) / 8];
      for (int w = 0; w < words.length; w++) {
        words[w] = chunk(name, w * 8, name.length);
      }
      COMMON_WORDS[k] = words;
      int s = nameSlot(words[0], name.length);
      while (NAME_TABLE[2 * s + 1] != 0) {
        s = (s + 1) & (NAME_SLOTS - 1);
      }
      NAME_TABLE[2 * s] = words[0];
      NAME_TABLE[2 * s + 1] = (long) name.length << 16 | (k + 1);
    }
  }

  /** The table slot where a name of this length and first word is looked for first. */
  private static int nameSlot(long first, int len) {
    return (int) (((first ^ len) * 0x9E3779B97F4A7C15L) >>> (64 - NAME_TABLE_BITS));
  }

  /**
   * The bytes {@code b[at, min(at + 8, to))} (at least one) as a little-endian word, the bytes past
   * {@code to} zero: the unit in which names are compared.
   */
  static long chunk(byte[] b, int at, int to) {
    int n = to - at;
    if (n >= 8) {
      return Bytes.word(b, at);
    }
    if (at + 8 <= b.length) {
      return Bytes.word(b, at) & (-1L >>> (64 - 8 * n)); // the bytes past to masked off
    }
    long v = 0; // near the end of the array: byte by byte
    for (int k = n - 1; k >= 0; k--) {
      v = v << 8 | (b[at + k] & 0xFF);
    }
    return v;
  }

  /** A field name: {@link #latin1Trimmed}, but a common name is the shared string rather than a new one. */
  static String name(byte[] b, int from, int to) {
    from = trimmedFrom(b, from, to);
    to = trimmedTo(b, from, to);
    int len = to - from;
    if (len > 0 && len <= COMMON_MAX_LENGTH) {
      long first = chunk(b, from, to);
      for (int s = nameSlot(first, len); ; s = (s + 1) & (NAME_SLOTS - 1)) {
        long info = NAME_TABLE[2 * s + 1];
        if (info == 0) {
          break;
        }
        if (NAME_TABLE[2 * s] == first && (int) (info >>> 16) == len) {
          int k = (int) (info & 0xFFFF) - 1;
          if (len <= 8 || sameWords(b, from, to, COMMON_WORDS[k])) {
            return COMMON_NAMES[k];
          }
        }
      }
    }
    return new String(b, from, len, StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code b[from, to)} after its first eight bytes (compared already) holds {@code words} after the first. */
  private static boolean sameWords(byte[] b, int from, int to, long[] words) {
    for (int w = 1; w < words.length; w++) {
      if (chunk(b, from + 8 * w, to) != words[w]) {
        return false;
      }
    }
    return true;
  }

  /** The first index of {@code b[from, to)} past the leading bytes up to U+0020 (String.trim's start), or {@code to}. */
  private static int trimmedFrom(byte[] b, int from, int to) {
    while (from < to && (b[from] & 0xFF) <= ' ') {
      from++;
    }
    return from;
  }

  /** The end of {@code b[from, to)} without its trailing bytes up to U+0020 (String.trim's end). */
  private static int trimmedTo(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] & 0xFF) <= ' ') {
      to--;
    }
    return to;
  }

  /** The bytes as ISO-8859-1 text without leading and trailing characters up to U+0020 (String.trim). */
  private static String latin1Trimmed(byte[] b, int from, int to) {
    from = trimmedFrom(b, from, to);
    to = trimmedTo(b, from, to);
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * A field value: LFs of folds removed (what Headers.unfold leaves of Jakarta's CRLF folds),
   * UTF-8 when valid else ISO-8859-1 (Charsets.headerValue), trimmed. Trimming the bytes first gives
   * the same text: only ASCII bytes map to characters up to U+0020. {@link Headers.Field} calls this
   * when the value is first read.
   */
  static String value(byte[] b, int from, int to, boolean folded) {
    from = trimmedFrom(b, from, to);
    to = trimmedTo(b, from, to);
    byte[] src = b;
    int off = from;
    int len = to - from;
    int lf = folded ? Bytes.indexOf(b, Bytes.LF, from, to) : to;
    if (lf < to) {
      // the runs between the LFs, copied one after the other
      src = new byte[len];
      len = 0;
      int run = from;
      while (true) {
        System.arraycopy(b, run, src, len, lf - run);
        len += lf - run;
        if (lf == to) {
          break;
        }
        run = lf + 1;
        lf = Bytes.indexOf(b, Bytes.LF, run, to);
      }
      off = 0;
    }
    return decodeValue(src, off, len);
  }

  /**
   * {@link #value} of {@code b[from, to)} written to {@code out} from {@code o} on, a byte a char,
   * when its bytes are ASCII (then they decode to themselves): the index after it, or -1 when a byte
   * is past ASCII. Trims and drops the LFs of folds as {@link #value} does.
   */
  static int putAsciiValue(byte[] b, int from, int to, boolean folded, byte[] out, int o) {
    from = trimmedFrom(b, from, to);
    to = trimmedTo(b, from, to);
    if (!folded) {
      System.arraycopy(b, from, out, o, to - from);
      return Bytes.ascii(b, from, to) ? o + to - from : -1;
    }
    int high = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      high |= c;
      if (c != '\n') {
        out[o++] = c;
      }
    }
    return high < 0 ? -1 : o;
  }

  /** The value bytes {@code src[off, off + len)} as UTF-8 when valid, else ISO-8859-1 (Charsets.headerValue). */
  private static String decodeValue(byte[] src, int off, int len) {
    // lenient UTF-8 is as fast as a copy for ASCII; without a replacement character it was valid
    String lenient = new String(src, off, len, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    String utf8 = Charsets.strict(src, off, len, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : new String(src, off, len, StandardCharsets.ISO_8859_1);
  }

  /** The end of the line starting at {@code from}: the index of its LF, or {@code to}. Declines at a CR. */
  private int lineEnd(byte[] b, int from, int to) {
    if (b == message && messageCrFree) { // no CR in the message: the next LF ends the line
      int lf = messageText.indexOf('\n', from);
      return lf < 0 || lf > to ? to : lf;
    }
    int i = Bytes.lineBreak(b, from, to);
    if (i < to && b[i] == '\r') {
      throw DECLINE; // Jakarta's line reader treats CR, CR LF and CR CR LF as line ends
    }
    return i;
  }

  /**
   * The dash-line index of {@code b} from {@code from} on, made once per buffer (the message, or a
   * decoded embedded message): the outermost multipart comes first, so later ones start after it.
   */
  private DashLines dashLines(byte[] b, int from) {
    for (int i = 0; i < indexed.size(); i++) {
      DashLines d = indexed.get(i);
      if (d.buf == b) {
        if (d.from <= from) {
          return d;
        }
        indexed.remove(i);
        break;
      }
    }
    DashLines d = b == message ? new DashLines(b, from, messageText, messageCrFree) : new DashLines(b, from, null, false);
    if (d.hasCr) {
      throw DECLINE; // Jakarta also ends lines at CRs, and before CR LF when it finds a boundary
    }
    indexed.add(d);
    return d;
  }

  /**
   * Where the lines that start with "--" begin in one buffer from a line start on, in order. A
   * boundary line can only be one of these in a buffer without CRs (Jakarta accepts a boundary
   * only at the start of the content or after a line break), so multipart bodies are split by
   * looking at these lines only.
   */
  private static final class DashLines {
    final byte[] buf;
    final int from;
    int[] starts = new int[8];
    int count;
    boolean hasCr;
    /** The text searched, and the index in {@link #buf} of its first char. */
    private final String text;
    private final int base;

    /**
     * Indexes {@code b} from {@code from} on, searching {@code whole} (all of {@code b} as ISO-8859-1
     * text, known to hold no CR if {@code crFree}) when given, else a Latin-1 copy of the rest:
     * String.indexOf is a vectorised intrinsic, faster than a word loop.
     */
    DashLines(byte[] b, int from, String whole, boolean crFree) {
      buf = b;
      this.from = from;
      String t = whole;
      int at = 0;
      if (t == null) {
        t = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        at = from;
      }
      text = t;
      base = at;
      if (!crFree && text.indexOf('\r', from - base) >= 0) {
        hasCr = true;
        return;
      }
      line(from);
      for (int k = text.indexOf("\n--", from - base); k >= 0; k = text.indexOf("\n--", k + 3)) {
        line(base + k + 1);
      }
    }

    private void line(int at) {
      if (at + 1 < buf.length && buf[at] == '-' && buf[at + 1] == '-') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = at;
      }
    }

    /**
     * Where the content of a part whose header section starts at line start {@code at} begins: after
     * the first empty line in {@code [at, to)}, or -1 if there is none (the section runs to the end).
     * The buffer holds no CR from {@link #from} on (else it was declined), so the empty line is the
     * first LF at {@code at} or right after another LF: one search instead of one per line.
     */
    int bodyStart(int at, int to) {
      if (at >= to) {
        return -1;
      }
      if (buf[at] == '\n') {
        return at + 1;
      }
      int k = blankAfter(at);
      int empty = k < 0 ? -1 : k + 1; // the LF that is a line of its own
      return empty >= 0 && empty < to ? empty + 1 : -1;
    }

    /** The last search of {@link #blankAfter}: no "\n\n" starts in {@code [blankFrom, blankAt)}; -1 before the first. */
    private int blankFrom = -1;
    private int blankAt;

    /**
     * The index in {@link #buf} of the first "\n\n" at or after {@code at}, or -1. The search may run
     * past the part's end; the last answer is kept, so that parts whose section runs to their end
     * (at most one per multipart, the last) do not search the same stretch again and again.
     */
    private int blankAfter(int at) {
      if (blankFrom >= 0 && at >= blankFrom && (blankAt < 0 || at <= blankAt)) {
        return blankAt;
      }
      int k = text.indexOf("\n\n", at - base);
      blankFrom = at;
      blankAt = k < 0 ? -1 : k + base;
      return blankAt;
    }

    /** The index in {@link #starts} of the first line at or after {@code from} ({@link #count} if none). */
    int first(int from) {
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Signals a structure left to Jakarta Mail. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Decline() {
      super("left to Jakarta Mail", null, false, false);
    }
  }
}
