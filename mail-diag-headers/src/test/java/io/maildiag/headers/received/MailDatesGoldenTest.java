package io.maildiag.headers.received;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line per date form in {@code src/test/resources/dates/dates.tsv}: input, the expected
 * date-time (or {@code -}), the expected defects. Every rule of {@link MailDates} has lines.
 */
class MailDatesGoldenTest {

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String line : Golden.read(Path.of("src/test/resources/dates/dates.tsv")).split("\n")) {
      if (line.startsWith("#") || line.isBlank() && !line.startsWith("\t")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      out.add(Arguments.of(cols[0], cols[1], cols.length > 2 ? cols[2] : ""));
    }
    return out;
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("cases")
  void readsAsRecorded(String input, String expected, String defects) {
    MailDate d = MailDates.parse(input);
    assertThat(d.dateTime().map(OffsetDateTime::toString).orElse("-")).as(input).isEqualTo(expected);
    String actual = d.defects().stream().map(Enum::name).collect(Collectors.joining(","));
    assertThat(actual).as(input).isEqualTo(defects);
  }
}
