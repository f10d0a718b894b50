package io.maildiag.dns.dmarc.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.internal.Excerpt;
import io.maildiag.core.internal.LowerCase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/** Container detection and bounded decompression. */
final class ReportInput {

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private ReportInput() {}

  /** The XML bytes, or the error that stopped decoding; and a warning about the container, if any. */
  record Decoded(byte @Nullable [] xml, @Nullable Diagnostic error, @Nullable Diagnostic warning) {
    Decoded(byte @Nullable [] xml, @Nullable Diagnostic error) {
      this(xml, error, null);
    }
  }

  /** Thrown by {@link #readBounded} when the stream holds more than allowed. */
  static final class LimitExceeded extends IOException {
    final long read;

    LimitExceeded(long read) {
      super("more than the limit");
      this.read = read;
    }
  }

  static Diagnostic tooLarge(long size, long max) {
    return Diagnostic.error(AggregateReportCodes.DMARC_REPORT_TOO_LARGE,
            "the input has " + (size > max ? "more than " + max : size) + " bytes, the limit is " + max)
        .withRemediation("raise Limits.maxInputBytes if the report is genuine");
  }

  static Decoded decode(byte[] data, long max, int maxZipEntries) {
    try {
      if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
          return new Decoded(readBounded(in, max), null);
        }
      }
      if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' && (data[2] == 3 || data[2] == 5)) {
        return unzip(data, max, maxZipEntries);
      }
      return new Decoded(data, null);
    } catch (LimitExceeded e) {
      return new Decoded(null, bomb(max));
    } catch (IOException | RuntimeException e) {
      return new Decoded(null, Diagnostic.error(AggregateReportCodes.DMARC_REPORT_BAD_ARCHIVE,
          "the compressed report is corrupt: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage())));
    }
  }

  private static Diagnostic bomb(long max) {
    return Diagnostic.error(AggregateReportCodes.DMARC_REPORT_DECOMPRESSED_TOO_LARGE,
            "the report decompresses to more than " + max + " bytes; decompression stopped")
        .withRemediation("raise Limits.maxInputBytes if the report is genuine");
  }

  /** Reads the first XML entry; every byte inflated, skipped entries included, counts against max. */
  private static Decoded unzip(byte[] data, long max, int maxZipEntries) throws IOException {
    byte[] buf = new byte[8192];
    long inflated = 0;
    byte @Nullable [] firstFile = null;
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      int entries = 0;
      while ((e = zin.getNextEntry()) != null) {
        if (++entries > maxZipEntries) {
          break;
        }
        if (e.isDirectory()) {
          continue;
        }
        boolean xml = LowerCase.root(e.getName()).endsWith(".xml");
        if (xml || firstFile == null) {
          byte[] content = readBounded(zin, max - inflated);
          if (xml) {
            return new Decoded(content, null, moreFiles(zin, e.getName()));
          }
          inflated += content.length;
          firstFile = content;
        } else {
          int n;
          while ((n = zin.read(buf)) > 0) {
            inflated += n;
            if (inflated > max) {
              throw new LimitExceeded(inflated);
            }
          }
        }
      }
    }
    if (firstFile != null) {
      return new Decoded(firstFile, null);
    }
    return new Decoded(null, Diagnostic.error(AggregateReportCodes.DMARC_REPORT_NO_XML_ENTRY,
        "the zip archive has no file entry among the first " + maxZipEntries + " entries"));
  }

  /**
   * A warning when another file entry follows the one read ({@code read}), else null. Only entry
   * headers are read: the next entry's data is not inflated.
   */
  private static @Nullable Diagnostic moreFiles(ZipInputStream zin, String read) throws IOException {
    for (int i = 0; i < 16; i++) {
      ZipEntry next = zin.getNextEntry();
      if (next == null) {
        return null;
      }
      if (!next.isDirectory()) {
        return Diagnostic.warning(AggregateReportCodes.DMARC_REPORT_MORE_FILES, "the zip archive holds more files"
                + " than the report read, '" + Excerpt.of(read, 100) + "'; the others were not read (one report"
                + " per archive)")
            .withReference("RFC 7489 section 7.2.1.1");
      }
    }
    return null;
  }

  /** Reads the stream to its end, failing once more than {@code max} bytes have been read. */
  static byte[] readBounded(InputStream in, long max) throws IOException {
    long limit = Math.min(Math.max(max, 0), MAX_ARRAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, 65536));
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf, 0, (int) Math.min(buf.length, limit - total + 1))) > 0) {
      total += n;
      if (total > limit) {
        throw new LimitExceeded(total);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

}
