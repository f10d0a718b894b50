package io.maildiag.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of parsing untrusted input: the value, if one could be built, and the diagnostics
 * found on the way, each with its position in the input.
 *
 * <p>Parsers in mail-diag never throw on bad input; they return a result. A result without a value
 * always has at least one {@link Severity#ERROR error}. A result with a value may still carry
 * warnings (and, for lenient parsers, errors that were recovered from).
 *
 * @param <T> the type of the parsed value
 * @param value the parsed value, if any
 * @param diagnostics what the parser found, in input order
 * @since 0.1
 */
public record ParseResult<T>(Optional<T> value, List<Diagnostic> diagnostics) {

  /**
   * Validates the result.
   *
   * @throws IllegalArgumentException if there is no value and no error diagnostic
   */
  public ParseResult {
    Objects.requireNonNull(value, "value");
    diagnostics = List.copyOf(diagnostics);
    if (value.isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a failed parse needs at least one error diagnostic");
    }
  }

  /** Returns a successful result without diagnostics. */
  public static <T> ParseResult<T> success(T value) {
    return new ParseResult<>(Optional.of(value), List.of());
  }

  /** Returns a successful result with the diagnostics found on the way. */
  public static <T> ParseResult<T> success(T value, List<Diagnostic> diagnostics) {
    return new ParseResult<>(Optional.of(value), diagnostics);
  }

  /**
   * Returns a failed result.
   *
   * @throws IllegalArgumentException if {@code diagnostics} holds no error
   */
  public static <T> ParseResult<T> failure(List<Diagnostic> diagnostics) {
    return new ParseResult<>(Optional.empty(), diagnostics);
  }

  /**
   * Returns a failed result with one diagnostic.
   *
   * @throws IllegalArgumentException if {@code error} is not an error
   */
  public static <T> ParseResult<T> failure(Diagnostic error) {
    return failure(List.of(error));
  }

  /** Returns whether a value was built. */
  public boolean isSuccess() {
    return value.isPresent();
  }

  /** Returns the diagnostics of severity {@link Severity#ERROR}. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** Returns whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * Returns the value.
   *
   * @throws InvalidInputException if there is no value; it carries the diagnostics
   */
  public T orElseThrow() {
    return value.orElseThrow(() -> new InvalidInputException(diagnostics));
  }

  /**
   * Returns a result with the value mapped and the same diagnostics.
   *
   * @throws NullPointerException if {@code mapper} returns null
   */
  public <U> ParseResult<U> map(Function<? super T, ? extends U> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    Optional<U> mapped = value.map(v -> Objects.requireNonNull(mapper.apply(v), "mapper returned null"));
    return new ParseResult<>(mapped, diagnostics);
  }

  /**
   * Returns the result of {@code mapper} on the value, with this result's diagnostics first.
   *
   * @throws NullPointerException if {@code mapper} is null or returns null
   */
  public <U> ParseResult<U> flatMap(Function<? super T, ParseResult<U>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    if (value.isEmpty()) {
      return new ParseResult<>(Optional.empty(), diagnostics);
    }
    ParseResult<U> next = Objects.requireNonNull(mapper.apply(value.get()), "mapper returned null");
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(next.diagnostics());
    return new ParseResult<>(next.value(), all);
  }
}
