package io.maildiag.dns.spf;

import io.maildiag.core.ParseResult;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, shared cache of parsed SPF records keyed by their text. Parsing is a pure function of
 * the text and results are immutable, so sharing them across evaluations and threads is safe; the
 * same few records are evaluated over and over in real traffic.
 */
final class ParsedRecordCache {
  /** The most records kept; when full, the cache is emptied and refilled (cheap and bounded). */
  static final int MAX_ENTRIES = 4096;
  /** Records longer than this are parsed every time and not kept. */
  static final int MAX_CACHED_LENGTH = 4096;

  private static final ConcurrentHashMap<String, ParseResult<SpfRecord>> CACHE = new ConcurrentHashMap<>();

  private ParsedRecordCache() {}

  static ParseResult<SpfRecord> parse(String text) {
    if (text.length() > MAX_CACHED_LENGTH) {
      return SpfRecord.parse(text);
    }
    ParseResult<SpfRecord> cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    ParseResult<SpfRecord> parsed = SpfRecord.parse(text);
    if (CACHE.size() >= MAX_ENTRIES) {
      CACHE.clear();
    }
    CACHE.put(text, parsed);
    return parsed;
  }
}
