package io.maildiag.ndr;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bounce says about one recipient, and the verdict on it.
 *
 * @param recipient the recipient address as the bounce gives it (Final-Recipient, or from the text)
 * @param originalRecipient the Original-Recipient, when given (RFC 3464 section 2.3.1)
 * @param action the RFC 3464 action ({@code failed}, {@code delayed}, {@code delivered}, {@code
 *     relayed}, {@code expanded}), given or inferred
 * @param status the enhanced status code, when the bounce states one
 * @param replyCode the SMTP reply code, when the bounce states one
 * @param diagnosticText the diagnostic text: the remote server's reply or the bounce's own words,
 *     with the SMTP stage appended in Postfix's wording ({@code (in reply to RCPT TO command)}) when
 *     the bounce names it apart from the reply (see {@link BounceAnalyzer}, "SMTP stage")
 * @param remoteMta the remote MTA that gave the reply, when known
 * @param lastAttempt the Last-Attempt-Date, when given
 * @param classification the verdict: reason, permanence, retry advice, actor, remediation, rule
 * @param evidence where the facts above were read
 * @since 0.1
 */
public record RecipientResult(
    String recipient,
    Optional<String> originalRecipient,
    String action,
    Optional<EnhancedStatusCode> status,
    Optional<ReplyCode> replyCode,
    String diagnosticText,
    Optional<String> remoteMta,
    Optional<OffsetDateTime> lastAttempt,
    Classification classification,
    Evidence evidence) {

  /** Checks for null. */
  public RecipientResult {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(originalRecipient, "originalRecipient");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(replyCode, "replyCode");
    Objects.requireNonNull(diagnosticText, "diagnosticText");
    Objects.requireNonNull(remoteMta, "remoteMta");
    Objects.requireNonNull(lastAttempt, "lastAttempt");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Returns the reason of the verdict. */
  public Reason reason() {
    return classification.reason();
  }

  /** Returns whether the failure is permanent. */
  public boolean permanent() {
    return classification.permanent();
  }
}
