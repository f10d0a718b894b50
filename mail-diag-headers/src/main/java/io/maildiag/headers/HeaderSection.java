package io.maildiag.headers;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.LowerCase;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The header section of a message: its fields in order, as read from the start of an RFC 5322
 * message up to the first empty line.
 *
 * <p>Reading rules:
 *
 * <ul>
 *   <li>Lines may end in CRLF, LF or a lone CR, mixed freely; the raw text keeps them as they were.
 *   <li>A line that starts with a space or tab continues the field before it (folding).
 *   <li>A line without a colon, or whose name holds characters outside {@code !} to {@code ~}, is
 *       reported ({@link HeaderCodes#HEADERS_MALFORMED_LINE}) and joined to the previous field, as
 *       happens when a mail client's "show headers" box loses folding indentation.
 *   <li>A first line of the form {@code From sender date} (an mbox separator) is skipped.
 *   <li>Bytes are read as UTF-8 (RFC 6532); when they are not valid UTF-8 the section is read as
 *       ISO-8859-1, which keeps every byte ({@link HeaderCodes#HEADERS_NOT_UTF8}).
 *   <li>At most {@link Limits#maxHeaderBytes()} bytes (characters for text input) and {@link
 *       Limits#maxHeaderFields()} fields are read; lines longer than {@link Limits#maxLineLength()}
 *       are reported. Time and memory are linear in the size read.
 * </ul>
 *
 * <p>Parsing never fails: the result always holds a section, possibly empty, and the diagnostics
 * (at most {@link Limits#maxDiagnostics()}) say what was wrong. Spans point into {@link #text()}.
 *
 * <pre>{@code
 * HeaderSection headers = HeaderSection.parse(Files.readAllBytes(eml)).orElseThrow();
 * headers.first("Subject").map(HeaderField::decodedValue).ifPresent(System.out::println);
 * for (HeaderField received : headers.all("Received")) { ... }
 * }</pre>
 *
 * <p>Instances are immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class HeaderSection {

  /** Fields whose syntax is structured; their values are never RFC 2047 decoded. */
  private static final Set<String> STRUCTURED = Set.of(
      "received", "x-received", "date", "message-id", "in-reply-to", "references", "return-path",
      "content-type", "content-transfer-encoding", "content-disposition", "content-id", "mime-version",
      "dkim-signature", "arc-seal", "arc-message-signature", "arc-authentication-results",
      "authentication-results", "received-spf", "resent-date", "resent-message-id", "list-id",
      "list-unsubscribe", "list-unsubscribe-post", "list-post", "list-help", "list-subscribe",
      "x-google-dkim-signature", "domainkey-signature", "x-original-authentication-results");

  private static final HeaderSection EMPTY = new HeaderSection(
      List.of(), new String[0], "", OptionalInt.empty(), StandardCharsets.US_ASCII);

  private final List<HeaderField> fields;
  private final String text;
  private final OptionalInt bodyOffset;
  private final Charset charset;
  private final Map<String, List<HeaderField>> byName;

  /**
   * @param lowerNames the fields' names in lower case ({@link HeaderField#lowerCaseName()}), index
   *     for index, so that each name is lower-cased once
   */
  private HeaderSection(List<HeaderField> fields, String[] lowerNames, String text, OptionalInt bodyOffset,
      Charset charset) {
    this.fields = List.copyOf(fields);
    this.text = text;
    this.bodyOffset = bodyOffset;
    this.charset = charset;
    int n = this.fields.size();
    // Most names occur once: those get an immutable one-element list straight away; only repeated
    // names go through an ArrayList, copied once at the end.
    Map<String, List<HeaderField>> index = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
    boolean repeated = false;
    for (int i = 0; i < n; i++) {
      HeaderField f = this.fields.get(i);
      List<HeaderField> l = index.putIfAbsent(lowerNames[i], List.of(f));
      if (l != null) {
        if (!(l instanceof ArrayList)) {
          List<HeaderField> grown = new ArrayList<>(4);
          grown.addAll(l);
          l = grown;
          index.put(lowerNames[i], l);
          repeated = true;
        }
        l.add(f);
      }
    }
    if (repeated) {
      index.replaceAll((k, v) -> v instanceof ArrayList ? List.copyOf(v) : v);
    }
    this.byName = Collections.unmodifiableMap(index);
  }

  private static String[] lowerNames(List<HeaderField> fields) {
    String[] names = new String[fields.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = fields.get(i).lowerCaseName();
    }
    return names;
  }

  /** Returns a section without fields. */
  public static HeaderSection empty() {
    return EMPTY;
  }

  /**
   * Returns a section holding the given fields, in order, such as fields built with {@link
   * HeaderField#of(String, String)}. Its {@link #text()} is the fields' raw text joined by CRLF;
   * spans are kept as the fields carry them.
   */
  public static HeaderSection of(List<HeaderField> fields) {
    StringBuilder sb = new StringBuilder();
    for (HeaderField f : fields) {
      sb.append(f.raw()).append("\r\n");
    }
    return new HeaderSection(fields, lowerNames(fields), sb.toString(), OptionalInt.empty(), StandardCharsets.UTF_8);
  }

  /** Parses the header section at the start of {@code message} with {@link Limits#defaults()}. */
  public static ParseResult<HeaderSection> parse(byte[] message) {
    return parse(message, Limits.defaults());
  }

  /**
   * Parses the header section at the start of {@code message}, the raw bytes of a message (an
   * {@code .eml} file) or of its header alone. Never throws on bad input.
   *
   * @param message the raw bytes
   * @param limits the bounds on size, field count, line length and diagnostics
   * @return the section, always present, and what was wrong with it
   */
  public static ParseResult<HeaderSection> parse(byte[] message, Limits limits) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(limits, "limits");
    Diags diags = new Diags(limits.maxDiagnostics());
    int max = limits.maxHeaderBytes();
    int scanLimit = Math.min(message.length, max);
    // One pass over the bytes: find the empty line that ends the header and the first 8-bit byte.
    int length = message.length;
    int headerEnd = scanLimit;
    int bodyAt = -1;
    int firstHigh = -1;
    int lineStart = 0;
    int k = 0;
    while (k < scanLimit) {
      byte c = message[k];
      if (c == '\n' || c == '\r') {
        int next = k + 1;
        if (c == '\r' && next < length && message[next] == '\n') {
          next++;
        }
        if (k == lineStart) {
          headerEnd = lineStart;
          bodyAt = next;
          break;
        }
        lineStart = next;
        k = next;
      } else {
        if (c < 0 && firstHigh < 0) {
          firstHigh = k;
        }
        k++;
      }
    }
    OptionalInt body = bodyAt >= 0 ? OptionalInt.of(bodyAt) : OptionalInt.empty();
    boolean truncated = bodyAt < 0 && message.length > max;
    if (truncated) {
      headerEnd = lastLineBreak(headerEnd, message);
    }
    boolean ascii = firstHigh < 0 || firstHigh >= headerEnd;
    String text;
    Charset charset;
    if (ascii) {
      text = new String(message, 0, headerEnd, StandardCharsets.ISO_8859_1);
      charset = StandardCharsets.US_ASCII;
    } else {
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(message, 0, headerEnd))
            .toString();
        charset = StandardCharsets.UTF_8;
      } catch (CharacterCodingException e) {
        text = new String(message, 0, headerEnd, StandardCharsets.ISO_8859_1);
        charset = StandardCharsets.ISO_8859_1;
        diags.add(Diagnostic.warning(HeaderCodes.HEADERS_NOT_UTF8,
                "the header holds 8-bit bytes that are not UTF-8; read as ISO-8859-1")
            .withReference("RFC 6532 section 3.2"));
      }
    }
    return build(text, body, charset, truncated, max, limits, diags);
  }

  /** Parses the header section at the start of {@code message} with {@link Limits#defaults()}. */
  public static ParseResult<HeaderSection> parse(String message) {
    return parse(message, Limits.defaults());
  }

  /**
   * Parses the header section at the start of {@code message}, the text of a message or of its
   * header alone (as pasted from a mail client). Never throws on bad input.
   *
   * @param message the text
   * @param limits the bounds on size (counted in characters here), field count, line length and
   *     diagnostics
   * @return the section, always present, and what was wrong with it
   */
  public static ParseResult<HeaderSection> parse(String message, Limits limits) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(limits, "limits");
    Diags diags = new Diags(limits.maxDiagnostics());
    int max = limits.maxHeaderBytes();
    int scanLimit = Math.min(message.length(), max);
    int[] end = findEnd(message, scanLimit);
    int headerEnd = end[0];
    OptionalInt body = end[1] >= 0 ? OptionalInt.of(end[1]) : OptionalInt.empty();
    boolean truncated = end[1] < 0 && message.length() > max;
    if (truncated) {
      headerEnd = lastLineBreak(headerEnd, message);
    }
    return build(message.substring(0, headerEnd), body, StandardCharsets.UTF_8, truncated, max, limits, diags);
  }

  /**
   * Finds the end of the header: returns {start of the empty line, offset of the body} or
   * {scanLimit, -1} when no empty line lies within scanLimit. A message that starts with an empty
   * line has an empty header.
   */
  private static int[] findEnd(String s, int scanLimit) {
    int length = s.length();
    int lineStart = 0;
    int k = 0;
    while (k < scanLimit) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r') {
        int lineEnd = k;
        int next = k + 1;
        if (c == '\r' && next < length && s.charAt(next) == '\n') {
          next++;
        }
        if (lineEnd == lineStart) {
          return new int[] {lineStart, next};
        }
        lineStart = next;
        k = next;
      } else {
        k++;
      }
    }
    return new int[] {scanLimit, -1};
  }

  private static int lastLineBreak(int end, byte[] b) {
    for (int k = end - 1; k > 0; k--) {
      byte c = b[k];
      if (c == '\n' || c == '\r') {
        return k + 1;
      }
    }
    return end;
  }

  private static int lastLineBreak(int end, String s) {
    for (int k = end - 1; k > 0; k--) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r') {
        return k + 1;
      }
    }
    return end;
  }

  private static ParseResult<HeaderSection> build(String text, OptionalInt body, Charset charset,
      boolean truncated, int max, Limits limits, Diags diags) {
    if (truncated) {
      diags.add(Diagnostic.error(HeaderCodes.HEADERS_TOO_LARGE,
              "the header section is larger than " + max + " bytes; the rest was ignored")
          .at(new SourceSpan(text.length(), 0, 1, 1)));
    }
    Reader reader = new Reader(text, limits, diags);
    List<HeaderField> fields = reader.read();
    if (body.isEmpty() && !truncated && !fields.isEmpty()) {
      diags.add(Diagnostic.info(HeaderCodes.HEADERS_NO_BLANK_LINE,
          "no empty line ends the header section; the whole input was read as header"));
    }
    if (fields.isEmpty()) {
      diags.add(Diagnostic.error(HeaderCodes.HEADERS_EMPTY, "the input holds no header field"));
    }
    return ParseResult.success(
        new HeaderSection(fields, reader.lowerNames.toArray(new String[0]), text, body, charset), diags.list());
  }

  static boolean isStructured(String name) {
    return STRUCTURED.contains(LowerCase.root(name));
  }

  /** {@link #isStructured(String)} for a name already in lower case. */
  private static boolean isStructuredLowerCase(String lowerCaseName) {
    return STRUCTURED.contains(lowerCaseName);
  }

  /** Returns every field, in the order of the input (newest trace fields first, as written). */
  public List<HeaderField> fields() {
    return fields;
  }

  /** Returns the fields named {@code name} (ignoring case), in input order; empty if there are none. */
  public List<HeaderField> all(String name) {
    List<HeaderField> l = byName.get(LowerCase.root(name));
    return l == null ? List.of() : l;
  }

  /** Returns the first field named {@code name} (ignoring case), the topmost one. */
  public Optional<HeaderField> first(String name) {
    List<HeaderField> l = all(name);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Returns the decoded value of the first field named {@code name}. */
  public Optional<String> value(String name) {
    return first(name).map(HeaderField::decodedValue);
  }

  /** Returns whether a field named {@code name} is present. */
  public boolean contains(String name) {
    return byName.containsKey(LowerCase.root(name));
  }

  /** Returns the number of fields. */
  public int size() {
    return fields.size();
  }

  /** Returns whether there is no field. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Returns the text that was parsed (the header section as decoded, without the empty line); spans point into it. */
  public String text() {
    return text;
  }

  /**
   * Returns where the body starts in the input (bytes for byte input, characters for text input):
   * just after the empty line that ends the header. Empty when no empty line was found.
   */
  public OptionalInt bodyOffset() {
    return bodyOffset;
  }

  /**
   * Returns the charset the bytes were read with: US-ASCII, UTF-8 or (for 8-bit input that is not
   * UTF-8) ISO-8859-1. Encoding {@link HeaderField#raw()} with it gives back the original bytes.
   */
  public Charset charset() {
    return charset;
  }

  /** Returns the fields one per line, unfolded. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (HeaderField f : fields) {
      sb.append(f).append('\n');
    }
    return sb.toString();
  }

  /** A bounded diagnostics list. */
  static final class Diags {
    private final int max;
    private final List<Diagnostic> list = new ArrayList<>();
    private boolean truncated;

    Diags(int max) {
      this.max = max;
    }

    void add(Diagnostic d) {
      if (list.size() < max) {
        list.add(d);
      } else if (!truncated) {
        truncated = true;
        // Replace nothing: one final note says diagnostics were dropped.
        list.add(Diagnostic.of(HeaderCodes.HEADERS_DIAGNOSTICS_TRUNCATED, Severity.INFO,
            "more than " + max + " diagnostics; the rest were dropped"));
      }
    }

    List<Diagnostic> list() {
      return list;
    }
  }

  /** The line reader: one pass over the text. */
  private static final class Reader {
    private final String text;
    private final Limits limits;
    private final Diags diags;
    private final List<HeaderField> fields = new ArrayList<>();
    /** The fields' names in lower case, index for index with {@link #fields}. */
    final List<String> lowerNames = new ArrayList<>();
    private int line = 1;

    // The field being read.
    private int fieldStart = -1;
    private int fieldLine;
    private int nameEnd;
    private int colon;
    private int fieldEnd;
    /** Whether the field being read spans more than one line (so its value holds line breaks). */
    private boolean multiLine;

    Reader(String text, Limits limits, Diags diags) {
      this.text = text;
      this.limits = limits;
      this.diags = diags;
    }

    List<HeaderField> read() {
      int n = text.length();
      int pos = 0;
      boolean firstLine = true;
      boolean stopped = false;
      while (pos < n && !stopped) {
        int lineEnd = pos;
        int nul = -1;
        for (char c; lineEnd < n && (c = text.charAt(lineEnd)) != '\n' && c != '\r'; lineEnd++) {
          if (c == 0 && nul < 0) {
            nul = lineEnd;
          }
        }
        if (nul >= 0) {
          diags.add(Diagnostic.warning(HeaderCodes.HEADERS_NUL_CHARACTER, "NUL character in the header")
              .at(span(nul, 1, line, nul - pos + 1)));
        }
        int next = lineEnd;
        if (next < n) {
          next += text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n' ? 2 : 1;
        }
        stopped = !line(pos, lineEnd, firstLine);
        firstLine = false;
        pos = next;
        line++;
      }
      finish();
      return fields;
    }

    private SourceSpan span(int offset, int length, int lineNo, int column) {
      return new SourceSpan(offset, length, lineNo, column);
    }

    /** Handles one line; returns false to stop reading. */
    private boolean line(int start, int end, boolean firstLine) {
      int len = end - start;
      if (len > limits.maxLineLength()) {
        diags.add(Diagnostic.warning(HeaderCodes.HEADERS_LINE_TOO_LONG,
                "line of " + len + " characters is longer than " + limits.maxLineLength())
            .withReference("RFC 5322 section 2.1.1")
            .at(span(start, 0, line, 1)));
      }
      char c0 = len > 0 ? text.charAt(start) : 0;
      if (c0 == ' ' || c0 == '\t') {
        if (fieldStart < 0) {
          diags.add(Diagnostic.warning(HeaderCodes.HEADERS_LEADING_CONTINUATION,
                  "continuation line before the first field; ignored")
              .at(span(start, len, line, 1)));
          return true;
        }
        fieldEnd = end;
        multiLine = true;
        return true;
      }
      if (firstLine && text.startsWith("From ", start) && !isFieldFrom(start, end)) {
        diags.add(Diagnostic.info(HeaderCodes.HEADERS_MBOX_FROM_LINE, "mbox 'From ' separator line skipped")
            .at(span(start, len, line, 1)));
        return true;
      }
      int colonAt = -1;
      int nameEnd = -1;
      boolean validName = true;
      for (int k = start; k < end; k++) {
        char c = text.charAt(k);
        if (c == ':') {
          colonAt = k;
          break;
        }
        if (c == ' ' || c == '\t') {
          if (nameEnd < 0) {
            nameEnd = k;
          }
        } else if (nameEnd >= 0 || c < 33 || c > 126) {
          validName = false;
          break;
        }
      }
      if (colonAt < 0 || !validName || colonAt == start || nameEnd == start) {
        if (fieldStart < 0) {
          diags.add(Diagnostic.warning(HeaderCodes.HEADERS_MALFORMED_LINE,
                  "line is not a header field (no 'name:'); ignored")
              .withReference("RFC 5322 section 2.2")
              .at(span(start, len, line, 1)));
        } else {
          diags.add(Diagnostic.warning(HeaderCodes.HEADERS_MALFORMED_LINE,
                  "line is not a header field (no 'name:') nor a continuation; joined to the field above")
              .withReference("RFC 5322 section 2.2")
              .at(span(start, len, line, 1)));
          fieldEnd = end;
          multiLine = true;
        }
        return true;
      }
      finish();
      if (fields.size() >= limits.maxHeaderFields()) {
        diags.add(Diagnostic.error(HeaderCodes.HEADERS_TOO_MANY_FIELDS,
                "more than " + limits.maxHeaderFields() + " header fields; the rest were ignored")
            .at(span(start, 0, line, 1)));
        return false;
      }
      if (nameEnd >= 0) {
        diags.add(Diagnostic.info(HeaderCodes.HEADERS_WHITESPACE_BEFORE_COLON,
                "white space between the field name and the colon (obsolete syntax)")
            .withReference("RFC 5322 section 4.5")
            .at(span(start, colonAt - start + 1, line, 1)));
      }
      fieldStart = start;
      fieldLine = line;
      this.nameEnd = nameEnd >= 0 ? nameEnd : colonAt;
      colon = colonAt;
      fieldEnd = end;
      multiLine = false;
      return true;
    }

    /** "From : x" (obsolete white space before the colon) is a field, not an mbox separator. */
    private boolean isFieldFrom(int start, int end) {
      int k = start + 4;
      while (k < end && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
        k++;
      }
      return k < end && text.charAt(k) == ':';
    }

    private void finish() {
      if (fieldStart < 0) {
        return;
      }
      String name = text.substring(fieldStart, nameEnd);
      String lowerName = LowerCase.root(name);
      String raw = text.substring(fieldStart, fieldEnd);
      String rawValue = text.substring(colon + 1, fieldEnd);
      String unfolded;
      if (multiLine) {
        unfolded = strip(EncodedWords.unfold(rawValue));
      } else {
        // One line: no line break to unfold; trim on the text directly.
        int a = colon + 1;
        int b = fieldEnd;
        while (a < b && (text.charAt(a) == ' ' || text.charAt(a) == '\t')) {
          a++;
        }
        while (b > a && (text.charAt(b - 1) == ' ' || text.charAt(b - 1) == '\t')) {
          b--;
        }
        unfolded = a == colon + 1 && b == fieldEnd ? rawValue : text.substring(a, b);
      }
      SourceSpan span = span(fieldStart, fieldEnd - fieldStart, fieldLine, 1);
      String decoded;
      if (isStructuredLowerCase(lowerName)) {
        decoded = unfolded;
      } else {
        decoded = EncodedWords.decode(unfolded, (code, message, offset, length) ->
            diags.add(Diagnostic.of(code, Severity.WARNING, message + " in field " + name)
                .withReference("RFC 2047")
                .withEvidence(unfolded.substring(offset, Math.min(unfolded.length(), offset + length)))
                .at(span)));
      }
      fields.add(new HeaderField(name, raw, rawValue, unfolded, decoded, span));
      lowerNames.add(lowerName);
      fieldStart = -1;
    }

    private static String strip(String s) {
      int a = 0;
      int b = s.length();
      while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
        a++;
      }
      while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
        b--;
      }
      return s.substring(a, b);
    }
  }

}
