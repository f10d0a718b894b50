package io.maildiag.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by the throwing twins of the parsers ({@code of(...)}, {@link ParseResult#orElseThrow()})
 * when input is invalid. Carries the diagnostics that explain why.
 *
 * <p>The non-throwing {@code parse(...)} methods never throw this; use them for untrusted input.
 *
 * @since 0.1
 */
public final class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: null in a deserialized copy, whose message still names the first error. */
  private final transient @Nullable List<Diagnostic> diagnostics;

  /** Creates the exception from the diagnostics of a failed parse; the message is the first error. */
  public InvalidInputException(List<Diagnostic> diagnostics) {
    super(firstMessage(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static String firstMessage(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .findFirst()
        .or(() -> diagnostics.stream().findFirst())
        .map(Diagnostic::toString)
        .orElse("invalid input");
  }

  /**
   * Returns the diagnostics of the failed parse; empty in a copy made by Java serialization, which
   * keeps only the message.
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics == null ? List.of() : diagnostics;
  }
}
