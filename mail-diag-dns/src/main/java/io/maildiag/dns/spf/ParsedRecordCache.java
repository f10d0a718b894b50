package io.maildiag.dns.spf;

import io.maildiag.core.ParseResult;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded cache of parsed SPF records keyed by their text, shared by every evaluation in the JVM.
 * Parsing is a pure function of the text and its results are immutable, so sharing them across
 * evaluations and threads is safe; the same few records are evaluated over and over in real
 * traffic.
 *
 * <p>Whoever runs a sender domain's DNS chooses its record, so the cache is bounded by what it
 * holds, not only by its number of entries: only records of at most {@value #MAX_CACHED_LENGTH}
 * chars are kept (RFC 7208 section 3.4 asks that an SPF answer fit in 512 bytes), at
 * most {@value #MAX_CACHED_CHARS} chars of them in all, and of each only what an evaluation reads,
 * the record or its first error. A record's parsed form takes at most some 70 times its text, so
 * the cache holds at most about 20 MB, and a few hundred KB for ordinary records. When a bound is
 * reached, the cache is emptied and filled again (cheap, and bounded under any traffic).
 */
final class ParsedRecordCache {
  /** The most records kept. */
  static final int MAX_ENTRIES = 4096;
  /** Records longer than this are parsed every time and not kept. */
  static final int MAX_CACHED_LENGTH = 512;
  /** The most chars of record text kept in all. */
  static final long MAX_CACHED_CHARS = 256 * 1024;

  private static final ConcurrentHashMap<String, ParseResult<SpfRecord>> CACHE = new ConcurrentHashMap<>();
  /** The chars of the texts kept; under concurrent additions an estimate, corrected at each emptying. */
  private static final AtomicLong CHARS = new AtomicLong();

  private ParsedRecordCache() {}

  /**
   * The record {@code text} holds, or its first error: {@link SpfRecord#parse} with the other
   * diagnostics left out.
   */
  static ParseResult<SpfRecord> parse(String text) {
    if (text.length() > MAX_CACHED_LENGTH) {
      return essential(SpfRecord.parse(text));
    }
    ParseResult<SpfRecord> cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    ParseResult<SpfRecord> parsed = essential(SpfRecord.parse(text));
    if (CACHE.size() >= MAX_ENTRIES || CHARS.addAndGet(text.length()) > MAX_CACHED_CHARS) {
      CACHE.clear();
      CHARS.set(text.length());
    }
    CACHE.put(text, parsed);
    return parsed;
  }

  /** What an evaluation reads of a parse: the record, or the first error. */
  private static ParseResult<SpfRecord> essential(ParseResult<SpfRecord> parsed) {
    return parsed.value().isPresent() ? ParseResult.success(parsed.value().get(), List.of())
        : ParseResult.failure(parsed.errors().get(0));
  }

  /** The number of records kept (for tests). */
  static int size() {
    return CACHE.size();
  }

  /** The chars of record text kept (for tests). */
  static long chars() {
    long sum = 0;
    for (String text : CACHE.keySet()) {
      sum += text.length();
    }
    return sum;
  }
}
