package io.maildiag.ndr;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one recipient's failure, as input to {@link ReasonClassifier}.
 *
 * @param status the enhanced status code, if stated
 * @param replyCode the SMTP reply code, if stated
 * @param diagnosticText the diagnostic text (remote reply or the bounce's words); may be empty
 * @param action the RFC 3464 action ({@code failed}, {@code delayed}, ...), given or inferred
 * @param provider the provider that reported or rejected, when recognised
 * @since 0.1
 */
public record ClassificationInput(
    Optional<EnhancedStatusCode> status, Optional<ReplyCode> replyCode, String diagnosticText, String action,
    Provider provider) {

  /** Checks for null. */
  public ClassificationInput {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(replyCode, "replyCode");
    Objects.requireNonNull(diagnosticText, "diagnosticText");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(provider, "provider");
  }
}
