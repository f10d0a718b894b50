package io.maildiag.ndr.code;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.ndr.Classification;
import java.util.List;
import java.util.Objects;

/**
 * The front door for "what does this status code mean": the IANA registry, the subject, the
 * provider meanings and a default verdict, in one {@link CodeExplanation}.
 *
 * <pre>{@code
 * CodeExplanation e = NdrCode.explain(EnhancedStatusCode.of("5.7.26"));
 * e.title();                          // "Multiple authentication checks failed"
 * e.defaultClassification().reason(); // AUTH_FAILURE
 * e.providerMeaning(Provider.GOOGLE); // Gmail's "Sender is unauthenticated"
 * }</pre>
 *
 * <p>Stateless; all methods are safe for concurrent use.
 *
 * @since 0.1
 */
public final class NdrCode {

  private NdrCode() {}

  /** Explains {@code code}. */
  public static CodeExplanation explain(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    var entry = StatusCodeRegistry.lookup(code);
    boolean classRegistered = entry.map(e -> e.allowsClass(code.statusClass())).orElse(true);
    return new CodeExplanation(code, StatusClass.of(code), entry, StatusSubject.of(code), classRegistered,
        ProviderCodes.lookup(code), defaultClassification(code));
  }

  /**
   * Parses {@code text} as an enhanced status code, ignoring surrounding white space, and explains
   * it. Never throws on bad input: a text that is not a code yields a failed result whose
   * diagnostic ({@link EnhancedStatusCode#STATUS_CODE_INVALID}) points into {@code text}.
   */
  public static ParseResult<CodeExplanation> explain(String text) {
    Objects.requireNonNull(text, "text");
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    ParseResult<EnhancedStatusCode> parsed = EnhancedStatusCode.parse(text.substring(start, end));
    if (start == 0) {
      return parsed.map(NdrCode::explain);
    }
    int shift = start;
    List<Diagnostic> shifted = parsed.diagnostics().stream()
        .map(d -> d.span().map(s -> d.at(SourceSpan.of(text, s.offset() + shift, s.length()))).orElse(d))
        .toList();
    return new ParseResult<>(parsed.value().map(NdrCode::explain), shifted);
  }

  /**
   * Returns the verdict the code alone supports, for use when no provider meaning or diagnostic
   * text decides: reason, permanence, retry advice, who must act and a remediation, with the rule
   * {@code status:<code>}.
   *
   * <p>Every registered code has a rule of its own (for example {@code X.1.1} user unknown,
   * suppress the address; {@code X.2.2} mailbox full, the recipient must act; {@code X.7.26}
   * authentication failure, the sender's administrator must fix it). An unregistered detail falls
   * back to its subject ({@code X.4.x} network error, {@code X.7.x} policy violation, ...).
   * Class 2 codes are {@link io.maildiag.ndr.Reason#DELIVERED}; class 4 codes are not permanent and
   * mostly {@link io.maildiag.ndr.RetryAdvice#RETRY_LATER}, except where something must be fixed
   * before a retry can succeed (authentication, PTR, TLS). The reason is {@link
   * io.maildiag.ndr.Reason#UNDEFINED} only where the code carries no cause: {@code X.0.0},
   * {@code X.1.0}, {@code X.2.0}, {@code X.1.9}, success-only codes used with a failure class, and
   * unregistered details in subjects 0 to 2 and 8 to 999.
   */
  public static Classification defaultClassification(EnhancedStatusCode code) {
    Objects.requireNonNull(code, "code");
    return DefaultClassifications.classify(code);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
