package io.maildiag.headers.report;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One cross-check between two parts of a header that should agree.
 *
 * @param kind what was compared
 * @param outcome whether they agree, or why the check could not run
 * @param expected the reference value: the crossing hop's IP, the Return-Path domain, the From domain
 * @param observed the value compared with it: the CIP, the {@code smtp.mailfrom} domain, the DKIM
 *     {@code d=} or SPF domain
 * @param alignment for the alignment checks, how the domains align
 * @param detail one sentence for people
 * @since 0.1
 */
public record ConsistencyCheck(
    Kind kind, Outcome outcome, Optional<String> expected, Optional<String> observed,
    Optional<Alignment> alignment, String detail) {

  /** Checks for nulls. */
  public ConsistencyCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(detail, "detail");
  }

  /** What a check compares. */
  public enum Kind {
    /** Microsoft 365's {@code CIP} against the client IP of the hop that entered the receiving organisation. */
    CONNECTING_IP,
    /** Authentication-Results {@code smtp.mailfrom} domain against the Return-Path domain. */
    RETURN_PATH,
    /** The DKIM signing domains against the From domain. */
    DKIM_ALIGNMENT,
    /** The SPF-checked domain ({@code smtp.mailfrom}) against the From domain. */
    SPF_ALIGNMENT;

    /** Returns the lower-case, hyphenated name: {@code dkim-alignment}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The outcome of a check. */
  public enum Outcome {
    /** The two values agree (for alignment: strict or relaxed). */
    CONSISTENT,
    /** They disagree; a finding says so. */
    INCONSISTENT,
    /** One of the values is missing, so nothing was compared. */
    NOT_CHECKED;

    /** Returns the lower-case, hyphenated name: {@code not-checked}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * How an authenticated domain aligns with the From domain (as DMARC, RFC 7489 section 3.1, would
   * see it, with the organisational-domain heuristic of {@link HeaderAnalyzer}).
   */
  public enum Alignment {
    /** The domains are equal. */
    STRICT,
    /** The domains differ but share the organisational domain. */
    RELAXED,
    /** Different organisational domains. */
    NONE;

    /** Returns the lower-case name. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
