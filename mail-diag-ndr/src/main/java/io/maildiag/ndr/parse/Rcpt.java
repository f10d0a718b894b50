package io.maildiag.ndr.parse;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.ReplyCode;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A recipient being assembled from a report and the text. Mutable; internal to one analysis. */
final class Rcpt {
  String recipient = "";
  String original = "";
  String action = "";
  Optional<EnhancedStatusCode> status = Optional.empty();
  /** The Status field as given, before the diagnostic's own code was preferred. */
  Optional<EnhancedStatusCode> statusField = Optional.empty();
  Optional<ReplyCode> reply = Optional.empty();
  String diagnostic = "";
  /** The comment after the Status field's code ({@code 4.0.0 (host name lookup failure)}), if it says more than the class. */
  String statusComment = "";
  String diagnosticType = "";
  String remoteMta = "";
  Optional<OffsetDateTime> lastAttempt = Optional.empty();
  String part = "";
  String parser = "";
  String excerpt = "";
  /**
   * What the classifier reads when the diagnostic is blank: the line that named a recipient found
   * in the text ("Delivery failed 10 attempts: ADDR"), which is then all the bounce says of it.
   */
  String lineNamingRecipient = "";
  /** Where in the SMTP session (or which local program) the failure was reported, when the bounce says. */
  SmtpStage.@Nullable Found stage;
  /**
   * What the classifier reads when the diagnostic names no reason: the notice's own text, for a
   * bounce that reports this one recipient only (a DSN's "rejected by system" whose notice says why).
   */
  String notice = "";
  /** The returned message's subject, whose words in {@link #notice} are not the notice's. */
  String noticeSubject = "";
}
