package io.maildiag.dns;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.dns.internal.ZoneFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A resolver that answers from an RFC 1035 master file: the offline mode ("analyse this domain
 * without a network") and the what-if mode ("how would these proposed records evaluate?").
 *
 * <pre>{@code
 * ZoneFileResolver zone = ZoneFileResolver.load(Path.of("example.zone")).orElseThrow();
 * DnsOutcome mx = zone.lookup(DomainName.of("example.com"), RecordType.MX);
 * }</pre>
 *
 * <p>The file may hold records of any number of zones and needs no SOA. Owner names are absolute:
 * a name without a trailing dot is taken relative to the root (so {@code example.com} means {@code
 * example.com.}) unless an {@code $ORIGIN} directive sets another origin. {@code $TTL} and {@code
 * $GENERATE} are honoured ({@code $GENERATE} may add at most 65,536 records beyond what the text
 * holds); {@code $INCLUDE} is refused, so that a zone file cannot make mail-diag read other
 * files. Records without a TTL get {@value #DEFAULT_TTL} seconds. Text is UTF-8: non-ASCII
 * characters in TXT strings are kept, and a leading byte order mark is ignored. Records of types
 * mail-diag does not surface are skipped with a warning ({@link DnsCodes#ZONE_UNSUPPORTED_TYPE}),
 * as are records with names or values mail-diag cannot represent ({@link
 * DnsCodes#ZONE_RECORD_SKIPPED}).
 *
 * <p>Answers follow the rules of {@link LocalDnsResolver}: names not in the file are NXDOMAIN,
 * names in it without the asked type are NODATA. Immutable and safe for concurrent use.
 *
 * @since 0.1
 */
public final class ZoneFileResolver implements LocalDnsResolver {

  /** The TTL of records that state none and follow no {@code $TTL}: {@value} seconds. */
  public static final long DEFAULT_TTL = 3600;

  private final InMemoryDnsResolver delegate;

  private ZoneFileResolver(InMemoryDnsResolver delegate) {
    this.delegate = delegate;
  }

  /** Parses master-file text with the {@linkplain Limits#defaults() default limits}. */
  public static ParseResult<ZoneFileResolver> parse(String text) {
    return parse(text, Limits.defaults());
  }

  /**
   * Parses master-file text. Never throws on bad input: a syntax error is a diagnostic with the
   * line it is on.
   */
  public static ParseResult<ZoneFileResolver> parse(String text, Limits limits) {
    long size = utf8Length(text, limits.maxInputBytes());
    if (size > limits.maxInputBytes()) {
      return ParseResult.failure(Diagnostic.error(DnsCodes.ZONE_TOO_LARGE,
          "zone text is larger than the limit of " + limits.maxInputBytes() + " bytes (in UTF-8)"));
    }
    ParseResult<List<DnsRecord>> records = ZoneFileParser.parse(text, DEFAULT_TTL, limits.maxDiagnostics());
    return records.map(list -> new ZoneFileResolver(
        InMemoryDnsResolver.builder().maxCnameChain(limits.maxCnameChain()).records(list).build()));
  }

  /** Returns the UTF-8 length of {@code text}, or any value above {@code max} once it exceeds it. */
  private static long utf8Length(String text, long max) {
    if (text.length() > max) {
      return text.length();
    }
    long n = 0;
    for (int i = 0; i < text.length() && n <= max; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Reads and parses a master file with the {@linkplain Limits#defaults() default limits}. */
  public static ParseResult<ZoneFileResolver> load(Path path) {
    return load(path, Limits.defaults());
  }

  /**
   * Reads and parses a master file (UTF-8). An unreadable or oversized file is a diagnostic, not an
   * exception.
   */
  public static ParseResult<ZoneFileResolver> load(Path path, Limits limits) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
    } catch (IOException | SecurityException e) {
      return ParseResult.failure(Diagnostic.error(DnsCodes.ZONE_UNREADABLE,
          "cannot read zone file " + path + ": " + describe(e)));
    }
    if (bytes.length > limits.maxInputBytes()) {
      return ParseResult.failure(Diagnostic.error(DnsCodes.ZONE_TOO_LARGE,
          "zone file " + path + " is larger than the limit of " + limits.maxInputBytes() + " bytes"));
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), limits);
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return String.valueOf(e.getMessage());
  }

  @Override
  public CompletionStage<DnsOutcome> resolve(DnsQuery query) {
    return delegate.resolve(query);
  }

  @Override
  public boolean covers(DnsQuery query) {
    return delegate.covers(query);
  }

  @Override
  public List<DnsRecord> records() {
    return delegate.records();
  }
}
