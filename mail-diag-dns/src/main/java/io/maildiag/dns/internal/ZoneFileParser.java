package io.maildiag.dns.internal;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.dns.DnsCodes;
import io.maildiag.dns.DnsRecord;
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

  private ZoneFileParser() {}

  /**
   * Parses {@code text}. Names without a trailing dot are taken as absolute (the origin is the
   * root) unless an {@code $ORIGIN} says otherwise; records without a TTL get {@code defaultTtl}.
   */
  public static ParseResult<List<DnsRecord>> parse(String text, long defaultTtl, int maxDiagnostics) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<DnsRecord> records = new ArrayList<>();
    try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Name.root,
        defaultTtl)) {
      master.disableIncludes(true);
      master.expandGenerate(true);
      while (true) {
        Record r = master.nextRecord();
        if (r == null) {
          break;
        }
        Optional<DnsRecord> converted = RecordConverter.convert(r);
        if (converted.isPresent()) {
          records.add(converted.get());
        } else if (diagnostics.size() < maxDiagnostics) {
          diagnostics.add(Diagnostic.warning(DnsCodes.ZONE_UNSUPPORTED_TYPE,
                  "skipped record of type " + RecordConverter.typeName(r.getType()) + " at " + r.getName())
              .withEvidence(r.toString()));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      diagnostics.add(syntaxError(text, e));
      return ParseResult.failure(diagnostics);
    }
    return ParseResult.success(List.copyOf(records), diagnostics);
  }

  private static Diagnostic syntaxError(String text, Exception e) {
    String message = String.valueOf(e.getMessage());
    int line = lineOf(message);
    boolean include = message.contains("$INCLUDE");
    Diagnostic d = include
        ? Diagnostic.error(DnsCodes.ZONE_INCLUDE_REFUSED, "$INCLUDE is not allowed in a zone file read by mail-diag")
        : Diagnostic.error(DnsCodes.ZONE_SYNTAX, "invalid zone file: " + stripLinePrefix(message))
            .withReference("RFC 1035 section 5.1");
    return line > 0 ? d.at(SourceSpan.ofLine(text, line)) : d;
  }

  /** Finds "line N" in a dnsjava tokenizer message; 0 when there is none. */
  static int lineOf(String message) {
    int i = message.indexOf("line ");
    if (i < 0) {
      return 0;
    }
    int j = i + 5;
    int value = 0;
    while (j < message.length() && Character.isDigit(message.charAt(j)) && value < 100_000_000) {
      value = value * 10 + (message.charAt(j) - '0');
      j++;
    }
    return value;
  }

  private static String stripLinePrefix(String message) {
    int i = message.indexOf("line ");
    if (i < 0) {
      return message;
    }
    int colon = message.indexOf(": ", i);
    return colon < 0 ? message : message.substring(colon + 2);
  }
}
