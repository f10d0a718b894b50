package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsvResourceTest {

  /** Lines end as BufferedReader.readLine ends them (LF, CR or CRLF) and are numbered from 1. */
  @Test
  void linesEndAtLfCrOrCrlf() {
    List<TsvResource.Row> rows = TsvResource.read("line-ends.tsv", 2, 2);
    assertThat(rows).extracting(TsvResource.Row::line).containsExactly(2, 4, 5);
    assertThat(rows).extracting(TsvResource.Row::fields)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("last", "line"));
  }

  @Test
  void theBundledTablesLoad() {
    assertThat(TsvResource.read("provider-codes.tsv", 9, 10)).hasSizeGreaterThan(100);
    assertThat(TsvResource.read("enhanced-status-codes.tsv", 7, 7)).hasSizeGreaterThan(50);
  }
}
