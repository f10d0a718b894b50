package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The hashed field-name lookup of {@link MimeSplitter#name} against plain trimming, at every offset,
 * and folded values unfolded at the LFs the section noted against the ones searched for.
 */
class MimeSplitterNamesTest {
  private static final String[] NAMES = {"Received", "From", "To", "Cc", "Subject", "Content-Type", "Content-type",
      "content-type", "Content-Transfer-Encoding", "ARC-Authentication-Results", "X-Received", "Received-SPF",
      "X-Receive", "Receivedd", "Recei ved", "X-MS-Exchange-Organization-AuthSource", "Message-ID", "Message-Id",
      "Message-id", "MESSAGE-ID", "Status", "Action", "A", "", "Return-Path", "Return-path", "Dáte", "X-Loop",
      "Final-Recipient", "Final-Recipienx", "Original-recipient", "X-Google-DKIM-Signature", "X-Google-DKIM-Signaturf"};

  /** What name must return: the trimmed bytes as ISO-8859-1 text. */
  private static String plain(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1).trim();
  }

  @Property(tries = 3000)
  void nameIsTheTrimmedText(@ForAll("names") String name, @ForAll("pads") String before,
      @ForAll("pads") String after, @ForAll @IntRange(min = 0, max = 12) int tail, @ForAll @IntRange(min = 0, max = 3) int lead) {
    // the name at the given offset, with up to twelve bytes after it: chunks near the array's end
    String text = "x".repeat(lead) + before + name + after + ":v".repeat(tail).substring(0, tail);
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    int to = lead + before.length() + name.length() + after.length();
    String got = MimeSplitter.name(b, lead, to);
    assertThat(got).isEqualTo(plain(b, lead, to));
  }

  @Test
  void commonNamesAreShared() {
    for (String name : new String[] {"Received", "Content-Type", "Content-type", "ARC-Authentication-Results"}) {
      for (int tail = 0; tail < 10; tail++) {
        byte[] b = (name + ":".repeat(tail)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MimeSplitter.name(b, 0, name.length())).isSameAs(name);
      }
    }
  }

  @Property(tries = 2000)
  void chunkPacksTheBytes(@ForAll("bytes") byte[] b, @ForAll @IntRange(min = 0, max = 40) int at,
      @ForAll @IntRange(min = 1, max = 8) int n) {
    if (at + n > b.length) {
      return;
    }
    long expected = 0;
    for (int k = n - 1; k >= 0; k--) {
      expected = expected << 8 | (b[at + k] & 0xFF);
    }
    assertThat(MimeSplitter.chunk(b, at, at + n)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> known = Arbitraries.of(NAMES);
    Arbitrary<String> mutated = Arbitraries.of(NAMES).flatMap(n -> Arbitraries.integers().between(0, Math.max(0, n.length() - 1))
        .flatMap(i -> Arbitraries.chars().with('a', 'A', '-', 'e', 'E', 'x', '\u00e9', ' ')
            .map(c -> n.isEmpty() ? String.valueOf(c) : n.substring(0, i) + c + n.substring(i + 1))));
    Arbitrary<String> random = Arbitraries.strings().withChars("aAeE-XRx\u00ff \t").ofMaxLength(40);
    return Arbitraries.oneOf(known, mutated, random);
  }

  @Provide
  Arbitrary<String> pads() {
    return Arbitraries.strings().withChars(" \t\u0001").ofMaxLength(2);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(48);
  }
}
