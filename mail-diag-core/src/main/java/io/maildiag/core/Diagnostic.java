package io.maildiag.core;

import io.maildiag.core.internal.Excerpt;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of an analysis or parser: what is wrong (or noteworthy), how much it matters, the
 * evidence, how to fix it, and the standard it rests on.
 *
 * <p>Every mail-diag module reports through this one type, so that tools can render, filter and
 * serialise findings uniformly. Build instances with {@link #error}, {@link #warning} or {@link
 * #info} and the {@code with...} methods:
 *
 * <pre>{@code
 * Diagnostic d = Diagnostic.error(SpfCodes.TOO_MANY_LOOKUPS, "12 DNS-querying terms, limit is 10")
 *     .withEvidence("v=spf1 include:a include:b ...")
 *     .withRemediation("Flatten includes or remove unused senders")
 *     .withReference("RFC 7208 section 4.6.4");
 * }</pre>
 *
 * @param code stable machine-readable identifier
 * @param severity how much it matters
 * @param message one human-readable sentence, without a trailing newline; at most {@value
 *     #MAX_MESSAGE_CHARS} chars, a longer one being cut there with the count of the chars cut (a
 *     message that quotes hostile input, such as a library's exception message, stays readable)
 * @param evidence the input text the finding is about (a record, a header, a reply line)
 * @param remediation what to do about it
 * @param reference the standard and section it rests on, such as {@code RFC 7208 section 4.6.4}
 * @param span where in the parsed input the finding points, for parse diagnostics
 * @since 0.1
 */
public record Diagnostic(
    DiagnosticCode code,
    Severity severity,
    String message,
    Optional<String> evidence,
    Optional<String> remediation,
    Optional<String> reference,
    Optional<SourceSpan> span) {

  /** The most chars a message keeps; see {@link #message()}. */
  public static final int MAX_MESSAGE_CHARS = 1000;

  /** Checks that no component is null, and cuts a message longer than {@value #MAX_MESSAGE_CHARS} chars. */
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (message.length() > MAX_MESSAGE_CHARS) {
      message = Excerpt.counted(message, MAX_MESSAGE_CHARS);
    }
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(span, "span");
  }

  /** Returns a diagnostic with the given code, severity and message, and nothing else. */
  public static Diagnostic of(DiagnosticCode code, Severity severity, String message) {
    return new Diagnostic(
        code, severity, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns an {@link Severity#ERROR error} diagnostic. */
  public static Diagnostic error(DiagnosticCode code, String message) {
    return of(code, Severity.ERROR, message);
  }

  /** Returns a {@link Severity#WARNING warning} diagnostic. */
  public static Diagnostic warning(DiagnosticCode code, String message) {
    return of(code, Severity.WARNING, message);
  }

  /** Returns an {@link Severity#INFO info} diagnostic. */
  public static Diagnostic info(DiagnosticCode code, String message) {
    return of(code, Severity.INFO, message);
  }

  /** Returns a copy with the given evidence. */
  public Diagnostic withEvidence(String evidence) {
    return new Diagnostic(code, severity, message, Optional.of(evidence), remediation, reference, span);
  }

  /** Returns a copy with the given remediation hint. */
  public Diagnostic withRemediation(String remediation) {
    return new Diagnostic(code, severity, message, evidence, Optional.of(remediation), reference, span);
  }

  /** Returns a copy with the given standard reference, such as {@code RFC 5321 section 4.1.2}. */
  public Diagnostic withReference(String reference) {
    return new Diagnostic(code, severity, message, evidence, remediation, Optional.of(reference), span);
  }

  /** Returns a copy pointing at the given span of the input. */
  public Diagnostic at(SourceSpan span) {
    return new Diagnostic(code, severity, message, evidence, remediation, reference, Optional.of(span));
  }

  /** Returns a copy pointing at {@code length} characters at {@code offset} of {@code input}. */
  public Diagnostic at(CharSequence input, int offset, int length) {
    return at(SourceSpan.of(input, offset, length));
  }

  /** Returns a copy with the given severity. */
  public Diagnostic withSeverity(Severity severity) {
    return new Diagnostic(code, severity, message, evidence, remediation, reference, span);
  }

  /** Returns whether this is an {@link Severity#ERROR error}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Returns a one-line rendering: {@code error CODE at 1:5: message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(severity.jsonName()).append(' ').append(code);
    span.ifPresent(s -> sb.append(" at ").append(s));
    return sb.append(": ").append(message).toString();
  }
}
