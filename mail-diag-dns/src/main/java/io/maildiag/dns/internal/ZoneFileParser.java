package io.maildiag.dns.internal;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.dns.DnsCodes;
import io.maildiag.dns.DnsRecord;
import io.maildiag.dns.RecordType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Parses RFC 1035 master-file text with dnsjava's {@link Master} into mail-diag records. */
public final class ZoneFileParser {

  /**
   * The most records {@code $GENERATE} directives may add beyond what the text itself could hold
   * (one record per line), so that a one-line {@code $GENERATE 0-4294967295 ...} cannot exhaust
   * memory.
   */
  public static final int MAX_GENERATED_RECORDS = 65_536;

  /**
   * The widest zero-padding a {@code $GENERATE} modifier ({@code ${offset,width,base}}) may ask
   * for: no name or string in DNS is longer.
   */
  static final int MAX_GENERATE_WIDTH = 255;

  /** The message dnsjava's {@link Master} throws on {@code $INCLUDE} when includes are disabled. */
  private static final String INCLUDE_MESSAGE = "$INCLUDE encountered";

  /** The file name dnsjava's tokenizer puts in front of its messages when reading a stream. */
  private static final String STREAM_PREFIX = "<none>:";

  private ZoneFileParser() {}

  /**
   * Parses {@code text}. Names without a trailing dot are taken as absolute (the origin is the
   * root) unless an {@code $ORIGIN} says otherwise; records without a TTL get {@code defaultTtl}.
   * Never throws on bad input. Non-ASCII text is read as UTF-8 and kept as such in TXT strings.
   */
  public static ParseResult<List<DnsRecord>> parse(String text, long defaultTtl, int maxDiagnostics) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<DnsRecord> records = new ArrayList<>();
    Optional<Diagnostic> generateError = checkGenerateWidths(text);
    if (generateError.isPresent()) {
      return ParseResult.failure(generateError.get());
    }
    // A master file holds at most one record per line; anything beyond that comes from $GENERATE.
    long maxRecords = MAX_GENERATED_RECORDS + lineCount(text);
    long count = 0;
    String ascii = toAsciiMasterText(text);
    try (Master master = new Master(new ByteArrayInputStream(ascii.getBytes(StandardCharsets.US_ASCII)),
        Name.root, defaultTtl)) {
      master.disableIncludes(true);
      master.expandGenerate(true);
      while (true) {
        Record r = master.nextRecord();
        if (r == null) {
          break;
        }
        if (++count > maxRecords) {
          diagnostics.add(Diagnostic.error(DnsCodes.ZONE_TOO_LARGE,
              "the zone expands to more than " + maxRecords + " records ($GENERATE may add at most "
                  + MAX_GENERATED_RECORDS + ")"));
          return ParseResult.failure(diagnostics);
        }
        Optional<DnsRecord> converted = RecordConverter.convert(r);
        if (converted.isPresent()) {
          records.add(converted.get());
        } else if (diagnostics.size() < maxDiagnostics) {
          diagnostics.add(skipped(r));
        }
      }
    } catch (IOException | RuntimeException e) {
      // RuntimeException: dnsjava is not meant to throw anything but IOException on bad text, but
      // a parser of untrusted input must not let a slip in it escape as an exception.
      diagnostics.add(syntaxError(text, e));
      return ParseResult.failure(diagnostics);
    }
    return ParseResult.success(List.copyOf(records), diagnostics);
  }

  /** Returns the number of lines, counting LF, CR and CRLF as one break each. */
  private static long lineCount(String text) {
    long lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }

  private static Diagnostic skipped(Record r) {
    String type = RecordConverter.typeName(r.getType());
    Diagnostic d = RecordType.fromCode(r.getType()).isEmpty()
        ? Diagnostic.warning(DnsCodes.ZONE_UNSUPPORTED_TYPE, "skipped record of type " + type + " at " + r.getName())
        : Diagnostic.warning(DnsCodes.ZONE_RECORD_SKIPPED,
            "skipped " + type + " record at " + r.getName() + ": a name or value in it cannot be represented");
    return d.withEvidence(r.toString());
  }

  /**
   * Rewrites every non-ASCII character as the {@code \DDD} escapes of its UTF-8 octets, which the
   * master-file syntax reads back as those octets. dnsjava's tokenizer reads single bytes and then
   * re-encodes strings with the platform charset, which would otherwise encode UTF-8 twice. A
   * leading byte order mark is dropped. Line breaks are untouched, so line numbers still match.
   */
  static String toAsciiMasterText(String text) {
    int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    boolean ascii = true;
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return start == 0 ? text : text.substring(start);
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    boolean escaped = false;
    for (int i = start; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp < 0x80) {
        sb.append((char) cp);
        escaped = cp == '\\' && !escaped;
      } else {
        String s = text.substring(i, i + n);
        // A lone surrogate is not UTF-8; it becomes U+FFFD, as the JDK encoder would make it '?'.
        byte[] bytes = Character.isSurrogate(s.charAt(0)) && n == 1
            ? "\uFFFD".getBytes(StandardCharsets.UTF_8)
            : s.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < bytes.length; k++) {
          if (!(k == 0 && escaped)) {
            sb.append('\\');
          }
          int b = bytes[k] & 0xff;
          sb.append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10)).append((char) ('0' + b % 10));
        }
        escaped = false;
      }
      i += n;
    }
    return sb.toString();
  }

  /**
   * Refuses {@code $GENERATE} modifiers that ask for more than {@link #MAX_GENERATE_WIDTH}
   * characters of zero padding: dnsjava would build the string before failing, and a width of two
   * billion exhausts memory.
   */
  static Optional<Diagnostic> checkGenerateWidths(String text) {
    if (!containsGenerate(text)) {
      return Optional.empty();
    }
    int i = text.indexOf("${");
    while (i >= 0) {
      int j = i + 2;
      if (j < text.length() && text.charAt(j) == '-') {
        j++;
      }
      while (j < text.length() && isDigit(text.charAt(j))) {
        j++;
      }
      if (j < text.length() && text.charAt(j) == ',') {
        int k = j + 1;
        long width = 0;
        while (k < text.length() && isDigit(text.charAt(k))) {
          width = Math.min(width * 10 + (text.charAt(k) - '0'), Integer.MAX_VALUE);
          k++;
        }
        if (width > MAX_GENERATE_WIDTH) {
          return Optional.of(Diagnostic.error(DnsCodes.ZONE_SYNTAX,
                  "$GENERATE width " + (width == Integer.MAX_VALUE ? "of more digits than allowed" : width)
                      + " exceeds " + MAX_GENERATE_WIDTH)
              .withReference("RFC 1035 section 5.1")
              .at(text, i, k - i));
        }
      }
      i = text.indexOf("${", i + 2);
    }
    return Optional.empty();
  }

  /** Whether {@code $GENERATE} occurs anywhere, in any case; wider than the directive, so safe. */
  private static boolean containsGenerate(String text) {
    for (int i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
      if (text.regionMatches(true, i, "$GENERATE", 0, 9)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Diagnostic syntaxError(String text, Exception e) {
    String message = String.valueOf(e.getMessage());
    int line = lineOf(message);
    boolean include = message.contains(INCLUDE_MESSAGE);
    Diagnostic d = include
        ? Diagnostic.error(DnsCodes.ZONE_INCLUDE_REFUSED, "$INCLUDE is not allowed in a zone file read by mail-diag")
        : Diagnostic.error(DnsCodes.ZONE_SYNTAX, "invalid zone file: " + clip(stripLinePrefix(message)))
            .withReference("RFC 1035 section 5.1");
    return line > 0 ? d.at(SourceSpan.ofLine(text, line)) : d;
  }

  /**
   * Finds the line number in a dnsjava tokenizer message, {@code "<none>:12: message"} (or the
   * older {@code "line 12: message"}); 0 when there is none.
   */
  static int lineOf(String message) {
    int j;
    if (message.startsWith(STREAM_PREFIX)) {
      j = STREAM_PREFIX.length();
    } else {
      int i = message.indexOf("line ");
      if (i < 0) {
        return 0;
      }
      j = i + 5;
    }
    int value = 0;
    while (j < message.length() && isDigit(message.charAt(j)) && value < 100_000_000) {
      value = value * 10 + (message.charAt(j) - '0');
      j++;
    }
    return value;
  }

  /** The most chars of dnsjava's message kept in a diagnostic. */
  static final int MAX_MESSAGE_CHARS = 200;

  /**
   * {@code message} cut to {@link #MAX_MESSAGE_CHARS} chars: dnsjava quotes the token it could not
   * read, and a hostile file's token can be a megabyte long (the diagnostic's span still covers
   * the line).
   */
  private static String clip(String message) {
    return Excerpt.counted(message, MAX_MESSAGE_CHARS);
  }

  private static String stripLinePrefix(String message) {
    if (message.startsWith(STREAM_PREFIX)) {
      int colon = message.indexOf(": ", STREAM_PREFIX.length());
      return colon < 0 ? message : message.substring(colon + 2);
    }
    int i = message.indexOf("line ");
    if (i < 0) {
      return message;
    }
    int colon = message.indexOf(": ", i);
    return colon < 0 ? message : message.substring(colon + 2);
  }
}
