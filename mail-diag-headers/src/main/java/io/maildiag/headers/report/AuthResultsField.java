package io.maildiag.headers.report;

import io.maildiag.core.Diagnostic;
import io.maildiag.headers.auth.AuthenticationResults;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Authentication-Results} or {@code Authentication-Results-Original} field, parsed
 * leniently.
 *
 * @param fieldName the field name as written
 * @param original whether it is an {@code Authentication-Results-Original} (the verdicts of an
 *     earlier hop that Microsoft 365 kept when it rewrote the message)
 * @param results the parsed value, when the field could be read at all
 * @param diagnostics what was wrong with it; spans point into the field's value
 * @since 0.1
 */
public record AuthResultsField(
    String fieldName, boolean original, Optional<AuthenticationResults> results, List<Diagnostic> diagnostics) {

  /** Checks for nulls and copies the list. */
  public AuthResultsField {
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(results, "results");
    diagnostics = List.copyOf(diagnostics);
  }
}
