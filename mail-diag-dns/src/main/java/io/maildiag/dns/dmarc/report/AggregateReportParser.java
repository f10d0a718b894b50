package io.maildiag.dns.dmarc.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses DMARC aggregate reports with chosen limits. Immutable and safe for concurrent use; build
 * one with {@link #builder()} and share it. {@link AggregateReports} offers the same with the
 * defaults.
 *
 * <p>Input is plain XML, gzip or zip, told apart by the magic bytes ({@code 1f 8b} for gzip, {@code
 * PK\3\4} for zip), not by the file name. From a zip the first entry whose name ends in {@code
 * .xml} is read, or else the first non-directory entry. The XML is read with the JDK's StAX parser,
 * hardened: no DTD (a document type declaration is refused outright), no external entities, no
 * external DTD or schema access, secure processing on.
 *
 * <p>Bounds, each turning into an error diagnostic, never an exception or a hang:
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>default</th></tr>
 *   <tr><td>input bytes, compressed and again decompressed</td><td>{@link Limits#maxInputBytes()}</td></tr>
 *   <tr><td>records per report ({@link Builder#maxRecords})</td><td>{@value #DEFAULT_MAX_RECORDS}</td></tr>
 *   <tr><td>element nesting depth ({@link Builder#maxDepth})</td><td>{@value #DEFAULT_MAX_DEPTH}</td></tr>
 *   <tr><td>zip entries examined ({@link Builder#maxZipEntries})</td><td>{@value #DEFAULT_MAX_ZIP_ENTRIES}</td></tr>
 *   <tr><td>elements inside one top-level element such as a {@code record}</td><td>{@value #MAX_ELEMENTS_PER_SECTION}</td></tr>
 *   <tr><td>characters of text kept per element (more is truncated with a warning)</td><td>{@value #MAX_TEXT_CHARS}</td></tr>
 *   <tr><td>diagnostics per parse</td><td>{@link Limits#maxDiagnostics()}</td></tr>
 * </table>
 *
 * <p>Recovery: a missing required element, a bad value, a bad date gives a diagnostic and the
 * report is still built (a record without a usable {@code source_ip} or {@code count} is
 * skipped). When reading has to stop early (malformed or truncated XML, too deep, too many
 * records) the records read so far are kept and the result carries the error. Only input that is
 * not a {@code feedback} document at all, or that breaks a size or security bound before the
 * document starts, yields no value. Diagnostic spans carry the XML parser's line and column; the
 * offset is the parser's character offset where it gives one, else 0.
 *
 * @since 0.1
 */
public final class AggregateReportParser {

  /** Default limit on records per report. */
  public static final int DEFAULT_MAX_RECORDS = 100_000;
  /** Default limit on element nesting; the schema needs 5. */
  public static final int DEFAULT_MAX_DEPTH = 32;
  /** The highest {@link Builder#maxDepth} accepted. */
  public static final int MAX_DEPTH_CEILING = 256;
  /** Default limit on zip entries examined while looking for the XML entry. */
  public static final int DEFAULT_MAX_ZIP_ENTRIES = 64;
  /** Elements kept inside one top-level element such as a {@code record}. */
  public static final int MAX_ELEMENTS_PER_SECTION = 10_000;
  /** Characters of text kept per element. */
  public static final int MAX_TEXT_CHARS = 16_384;

  static final AggregateReportParser DEFAULT = builder().build();

  private final Limits limits;
  private final int maxRecords;
  private final int maxDepth;
  private final int maxZipEntries;

  private AggregateReportParser(Builder b) {
    this.limits = b.limits;
    this.maxRecords = b.maxRecords;
    this.maxDepth = b.maxDepth;
    this.maxZipEntries = b.maxZipEntries;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the limits in force. */
  public Limits limits() {
    return limits;
  }

  /** Returns the most records read per report. */
  public int maxRecords() {
    return maxRecords;
  }

  /** Returns the deepest element nesting accepted. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Returns the most zip entries examined. */
  public int maxZipEntries() {
    return maxZipEntries;
  }

  /**
   * Parses a report from plain, gzip or zip bytes. Never throws on bad input.
   *
   * @throws NullPointerException if {@code data} is null
   */
  public ParseResult<AggregateReport> parse(byte[] data) {
    Objects.requireNonNull(data, "data");
    try {
      if (data.length > limits.maxInputBytes()) {
        return ParseResult.failure(ReportInput.tooLarge(data.length, limits.maxInputBytes()));
      }
      ReportInput.Decoded decoded = ReportInput.decode(data, limits.maxInputBytes(), maxZipEntries);
      if (decoded.error() != null) {
        return ParseResult.failure(decoded.error());
      }
      ParseResult<AggregateReport> read = new ReportReader(this).read(decoded.xml());
      if (decoded.warning() == null) {
        return read;
      }
      List<Diagnostic> all = new ArrayList<>(read.diagnostics().size() + 1);
      all.add(decoded.warning());
      all.addAll(read.diagnostics());
      return read.value().isPresent() ? ParseResult.success(read.value().get(), all) : ParseResult.failure(all);
    } catch (RuntimeException | StackOverflowError e) {
      return ParseResult.failure(Diagnostic.error(AggregateReportCodes.DMARC_REPORT_MALFORMED_XML,
          "the report could not be read: " + e.getClass().getSimpleName()));
    }
  }

  /**
   * Reads and parses a report file. The file is not read past {@link Limits#maxInputBytes()}; a
   * read failure is a {@link AggregateReportCodes#DMARC_REPORT_IO_ERROR} diagnostic.
   *
   * @throws NullPointerException if {@code file} is null
   */
  public ParseResult<AggregateReport> parse(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException | RuntimeException e) {
      return ioFailure(file.toString(), e);
    }
  }

  /**
   * Reads and parses a report from a stream, such as a mail attachment, reading at most {@link
   * Limits#maxInputBytes()} plus one bytes. The stream is not closed.
   *
   * @throws NullPointerException if {@code in} is null
   */
  public ParseResult<AggregateReport> parse(InputStream in) {
    Objects.requireNonNull(in, "in");
    byte[] data;
    try {
      data = ReportInput.readBounded(in, limits.maxInputBytes());
    } catch (ReportInput.LimitExceeded e) {
      return ParseResult.failure(ReportInput.tooLarge(e.read, limits.maxInputBytes()));
    } catch (IOException | RuntimeException e) {
      return ioFailure("the stream", e);
    }
    return parse(data);
  }

  private static ParseResult<AggregateReport> ioFailure(String what, Exception e) {
    return ParseResult.failure(Diagnostic.error(AggregateReportCodes.DMARC_REPORT_IO_ERROR,
        "could not read " + what + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage())));
  }

  /**
   * Builds an {@link AggregateReportParser}. Each setter checks its value at once. Not safe for
   * concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Limits limits = Limits.defaults();
    private int maxRecords = DEFAULT_MAX_RECORDS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxZipEntries = DEFAULT_MAX_ZIP_ENTRIES;

    private Builder() {}

    /** Sets the limits; {@link Limits#maxInputBytes()} and {@link Limits#maxDiagnostics()} apply. */
    public Builder limits(Limits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Sets the most records read per report, default {@value #DEFAULT_MAX_RECORDS}.
     *
     * @throws IllegalArgumentException if {@code value} is less than 1
     */
    public Builder maxRecords(int value) {
      maxRecords = atLeast(value, 1, "maxRecords");
      return this;
    }

    /**
     * Sets the deepest nesting accepted, default {@value #DEFAULT_MAX_DEPTH}.
     *
     * @throws IllegalArgumentException if {@code value} is less than 5 (the schema's depth) or more
     *     than {@value #MAX_DEPTH_CEILING}
     */
    public Builder maxDepth(int value) {
      if (value > MAX_DEPTH_CEILING) {
        throw new IllegalArgumentException("maxDepth must be <= " + MAX_DEPTH_CEILING + ", was " + value);
      }
      maxDepth = atLeast(value, 5, "maxDepth");
      return this;
    }

    /**
     * Sets the most zip entries examined, default {@value #DEFAULT_MAX_ZIP_ENTRIES}.
     *
     * @throws IllegalArgumentException if {@code value} is less than 1
     */
    public Builder maxZipEntries(int value) {
      maxZipEntries = atLeast(value, 1, "maxZipEntries");
      return this;
    }

    private static int atLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
      }
      return value;
    }

    /** Returns the parser. */
    public AggregateReportParser build() {
      return new AggregateReportParser(this);
    }
  }
}
