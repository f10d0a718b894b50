package io.maildiag.headers.received;

import io.maildiag.core.Diagnostic;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A date-time read from a mail header by {@link MailDates#parse(String)}: the value, when one could
 * be built, and the {@link DateDefect defects} found on the way.
 *
 * @param text the text that was read
 * @param dateTime the date-time with the offset as written (UTC for {@code -0000}, military and
 *     unknown zones); empty when none could be built
 * @param defects what was wrong or unusual, in declaration order
 * @since 0.1
 */
public record MailDate(String text, Optional<OffsetDateTime> dateTime, Set<DateDefect> defects) {

  /**
   * Copies the defects.
   *
   * @throws IllegalArgumentException if there is no date-time and no defect of severity error
   */
  public MailDate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dateTime, "dateTime");
    defects = defects.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(defects));
    if (dateTime.isEmpty() && defects.stream().noneMatch(d -> d.severity() == io.maildiag.core.Severity.ERROR)) {
      throw new IllegalArgumentException("a date without value needs an error defect");
    }
  }

  /** Returns the instant, if a date-time was built. */
  public Optional<Instant> instant() {
    return dateTime.map(OffsetDateTime::toInstant);
  }

  /** Returns whether a date-time was built. */
  public boolean isValid() {
    return dateTime.isPresent();
  }

  /** Returns whether {@code defect} was found. */
  public boolean has(DateDefect defect) {
    return defects.contains(defect);
  }

  /**
   * Returns whether the offset carries no real local-zone information ({@code -0000}, a military
   * letter, an unknown or missing zone): the instant is right (or a guess) but the sender's local
   * time is not known.
   */
  public boolean unknownLocalZone() {
    return has(DateDefect.UNKNOWN_LOCAL_ZONE) || has(DateDefect.MILITARY_ZONE)
        || has(DateDefect.UNKNOWN_ZONE) || has(DateDefect.MISSING_ZONE);
  }

  /** Returns one diagnostic per defect, with the date text as evidence. */
  public List<Diagnostic> toDiagnostics() {
    List<Diagnostic> out = new ArrayList<>(defects.size());
    for (DateDefect d : defects) {
      out.add(Diagnostic.of(d.code(), d.severity(), "date '" + text + "': " + d.description())
          .withEvidence(text)
          .withReference(d == DateDefect.TWO_DIGIT_YEAR || d == DateDefect.THREE_DIGIT_YEAR
              || d == DateDefect.MILITARY_ZONE || d == DateDefect.OBSOLETE_ZONE_NAME
              ? "RFC 5322 section 4.3" : "RFC 5322 section 3.3"));
    }
    return List.copyOf(out);
  }

  /** Returns the ISO form of the value, or {@code invalid}, and the defects. */
  @Override
  public String toString() {
    return dateTime.map(OffsetDateTime::toString).orElse("invalid") + (defects.isEmpty() ? "" : " " + defects);
  }
}
