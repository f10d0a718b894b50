package io.maildiag.ndr;

import io.maildiag.core.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of one message: what kind of message it is, who reported it, each recipient with
 * its verdict, and what the bounce says about the original message.
 *
 * @param kind what kind of message it is
 * @param format the format recognised: {@code rfc3464}, or the reporting system's family such as
 *     {@code postfix}, {@code exim}, {@code exchange}, {@code gmail}; {@code unknown} when none
 * @param reportingMta the system that wrote the report, when known (Reporting-MTA or the sender)
 * @param recipients the recipients in the order the message lists them; empty for not-bounces
 *     without recipients
 * @param original what the bounce says about the original message
 * @param feedbackType the ARF feedback type ({@code abuse}, {@code fraud}, ...) for feedback reports
 * @param diagnostics problems met while reading the message (malformed MIME, limits reached)
 * @since 0.1
 */
public record BounceAnalysis(
    MessageKind kind,
    String format,
    Optional<String> reportingMta,
    List<RecipientResult> recipients,
    OriginalMessage original,
    Optional<String> feedbackType,
    List<Diagnostic> diagnostics) {

  /** Checks for null and copies the lists. */
  public BounceAnalysis {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reportingMta, "reportingMta");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(feedbackType, "feedbackType");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Returns whether the message reports at least one failed recipient. */
  public boolean isBounce() {
    return kind == MessageKind.BOUNCE;
  }
}
