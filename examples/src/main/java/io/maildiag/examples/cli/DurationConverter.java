package io.maildiag.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --timeout}: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, a plain number of
 * seconds, or ISO-8601 ({@code PT2.5S}). Positive and at most one hour; anything else is a usage
 * error.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  static final Duration MAX = Duration.ofHours(1);

  @Override
  public Duration convert(String value) {
    Duration d = parse(value.strip().toLowerCase(Locale.ROOT));
    if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
      throw new TypeConversionException("'" + value + "' is not a duration between 1ms and 1h");
    }
    return d;
  }

  private static Duration parse(String s) {
    try {
      if (s.startsWith("pt")) {
        return Duration.parse(s);
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
      }
      if (s.endsWith("s")) {
        return seconds(s.substring(0, s.length() - 1));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip()));
      }
      if (s.endsWith("h")) {
        // read so that "2h" is refused as too long, not as no duration at all
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).strip()));
      }
      return seconds(s);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException("'" + s + "' is not a duration (use e.g. 500ms, 3s, 1m, 1h or PT2S)");
    }
  }

  private static Duration seconds(String s) {
    return Duration.ofMillis(new java.math.BigDecimal(s.strip()).movePointRight(3).longValueExact());
  }
}
