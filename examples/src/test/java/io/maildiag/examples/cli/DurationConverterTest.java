package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsUnitsAndIso() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(converter.convert("PT2.5S")).isEqualTo(Duration.ofMillis(2500));
    assertThat(converter.convert(" 4S ")).isEqualTo(Duration.ofSeconds(4));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anHourOrMoreIsTooLongNotMalformed() {
    assertThatThrownBy(() -> converter.convert("2h")).isInstanceOf(TypeConversionException.class)
        .hasMessage("'2h' is not a duration between 1ms and 1h");
    assertThatThrownBy(() -> converter.convert("99999999999999h")).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("is not a duration");
  }

  @Test
  void refusesNonPositiveHugeAndMalformed() {
    for (String bad : new String[] {"0", "0ms", "-5s", "61m", "0.0001s", "abc", "", "ms"}) {
      assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
    }
  }
}
