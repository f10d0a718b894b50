package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import org.junit.jupiter.api.Test;

/** The shared cache of parsed records stays bounded by what it holds, whatever records it is fed. */
class ParsedRecordCacheTest {

  /** A record of {@code length} chars, distinct for each {@code n}: modifiers, the costliest terms to keep. */
  private static String record(int n, int length) {
    StringBuilder sb = new StringBuilder("v=spf1 n=").append(n);
    while (sb.length() + 4 <= length) {
      sb.append(" a=b");
    }
    return sb.toString();
  }

  @Test
  void hostileRecordsFillItOnlyUpToItsBound() {
    for (int n = 0; n < 3000; n++) {
      ParseResult<SpfRecord> parsed = ParsedRecordCache.parse(record(n, ParsedRecordCache.MAX_CACHED_LENGTH));
      assertThat(parsed.isSuccess()).isTrue();
      assertThat(parsed.diagnostics()).isEmpty();
    }
    assertThat(ParsedRecordCache.chars()).isLessThanOrEqualTo(ParsedRecordCache.MAX_CACHED_CHARS);
    assertThat(ParsedRecordCache.size()).isLessThanOrEqualTo(ParsedRecordCache.MAX_ENTRIES).isPositive();
  }

  @Test
  void aLongRecordIsParsedButNotKept() {
    String longRecord = record(-1, ParsedRecordCache.MAX_CACHED_LENGTH + 100);
    ParsedRecordCache.parse(longRecord);
    ParsedRecordCache.parse("v=spf1 -all");
    long before = ParsedRecordCache.chars();
    assertThat(ParsedRecordCache.parse(longRecord).isSuccess()).isTrue();
    assertThat(ParsedRecordCache.chars()).isEqualTo(before);
  }

  @Test
  void aFailureKeepsOnlyItsFirstError() {
    ParseResult<SpfRecord> parsed = ParsedRecordCache.parse("v=spf1 ip4:300.1.1.1 ip4:400.1.1.1 foo:bar");
    assertThat(parsed.isSuccess()).isFalse();
    assertThat(parsed.diagnostics()).hasSize(1);
    assertThat(parsed.errors()).hasSize(1);
    assertThat(ParsedRecordCache.parse("v=spf1 ip4:300.1.1.1 ip4:400.1.1.1 foo:bar")).isSameAs(parsed);
  }
}
