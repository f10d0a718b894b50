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
 * @param action the RFC 3464 action ({@code failed}, {@code delayed}, {@code delivered}, {@code
 *     relayed}, {@code expanded}), given or inferred, in any case and with white space around it
 *     allowed. For messages that are not bounces the classifier also reads {@code deliverable} (a
 *     delivery), {@code auto-replied}, {@code auto-reply}, {@code autoreply} and {@code vacation} (an
 *     auto-reply), and {@code feedback}, {@code feedback-report}, {@code complaint} and {@code abuse}
 *     (a feedback report). Any other value names no action: the codes and the text decide.
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
