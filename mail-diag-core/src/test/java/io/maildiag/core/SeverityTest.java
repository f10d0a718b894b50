package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void jsonNamesAreLowerCase() {
    assertThat(Severity.ERROR.jsonName()).isEqualTo("error");
    assertThat(Severity.WARNING.jsonName()).isEqualTo("warning");
    assertThat(Severity.INFO.jsonName()).isEqualTo("info");
  }

  @Test
  void naturalOrderSortsMostSevereFirst() {
    List<Severity> sorted = Arrays.asList(Severity.INFO, Severity.ERROR, Severity.WARNING);
    sorted.sort(null);
    assertThat(sorted).containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
  }
}
