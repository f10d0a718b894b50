package io.maildiag.ndr.classify;

import io.maildiag.ndr.Classification;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.NdrCode;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import java.util.Set;

/**
 * What a status code or reply code says on its own, for {@link io.maildiag.ndr.ReasonClassifier}.
 *
 * <p>The reason an enhanced status code names is {@link NdrCode#defaultClassification}'s (RFC 3463
 * and the IANA registry). This class adds whether the code is <em>specific</em>: whether its
 * registered meaning names one reason unambiguously and servers use it that way (X.1.1 bad
 * destination mailbox, X.2.2 mailbox full, X.3.4 message too big, X.7.26 multiple authentication
 * checks failed ...). A specific code beats a weak text rule. The other codes are
 * <em>generic</em> (X.7.1 delivery not authorized, X.4.1 no answer from host, X.2.1 mailbox
 * disabled, which many servers send for any refusal): they decide only when no text rule
 * matches.
 */
public final class CodeDefaults {
  /**
   * The meaning of a status code on its own.
   *
   * @param reason the reason, from {@link NdrCode#defaultClassification}
   * @param specific whether the code beats a weak text rule
   * @param remediation the code's own remediation sentence
   */
  public record StatusMeaning(Reason reason, boolean specific, String remediation) {}

  /** Subject.detail of the specific codes, the class aside. */
  private static final Set<String> SPECIFIC = Set.of(
      "1.1", // bad destination mailbox address
      "1.2", // bad destination system address
      "1.3", // bad destination mailbox address syntax
      "1.6", // destination mailbox has moved, no forwarding address
      "1.7", // bad sender's mailbox address syntax
      "1.8", // bad sender's system address
      "1.10", // recipient address has null MX (RFC 7505)
      "2.2", // mailbox full
      "2.3", // message length exceeds administrative limit
      "3.1", // mail system full
      "3.4", // message too big for system
      "4.4", // unable to route
      "4.6", // routing loop detected
      "4.7", // delivery time expired
      "5.1", "5.2", "5.4", // invalid command, syntax error, invalid command arguments
      "5.3", // too many recipients
      "6.1", "6.2", "6.3", "6.7", // media not supported, conversions, non-ASCII addresses
      "7.8", // authentication credentials invalid
      "7.10", "7.11", // encryption needed
      "7.17", "7.18", // mailbox / domain owner has changed (RFC 7293)
      "7.20", "7.21", "7.22", // DKIM
      "7.23", "7.24", // SPF
      "7.25", // reverse DNS validation failed
      "7.26", // multiple authentication checks failed
      "7.27", // sender address has null MX
      "7.29", // ARC validation failure (RFC 8617)
      "7.30"); // REQUIRETLS support required (RFC 8689)

  /** Meanings already worked out, by {@link #slot}; the classifier asks for the same few codes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Optional<StatusMeaning>[] KNOWN = new Optional[2 * 8 * 64];

  private CodeDefaults() {}

  /**
   * Returns what {@code code} means on its own, if it names a failure reason; empty for 2.x.x
   * codes and for codes that carry no cause (X.0.0, X.1.0, X.2.0 ...).
   */
  public static Optional<StatusMeaning> status(EnhancedStatusCode code) {
    if (code.isSuccess()) {
      return Optional.empty();
    }
    int slot = slot(code);
    if (slot < 0) {
      return meaning(code);
    }
    Optional<StatusMeaning> m = KNOWN[slot];
    if (m == null) {
      m = meaning(code);
      KNOWN[slot] = m; // immutable: a thread that misses the write computes the same value
    }
    return m;
  }

  /** The place of a 4.x.x or 5.x.x code with subject 0 to 7 and detail 0 to 63 in {@link #KNOWN}, or -1. */
  private static int slot(EnhancedStatusCode code) {
    if (code.subject() > 7 || code.detail() > 63) {
      return -1;
    }
    return ((code.isPermanent() ? 1 : 0) * 8 + code.subject()) * 64 + code.detail();
  }

  private static Optional<StatusMeaning> meaning(EnhancedStatusCode code) {
    Classification c = NdrCode.defaultClassification(code);
    if (!c.reason().isFailure() || c.reason() == Reason.UNDEFINED) {
      return Optional.empty();
    }
    return Optional.of(new StatusMeaning(c.reason(), SPECIFIC.contains(code.subject() + "." + code.detail()),
        c.remediation()));
  }

  /**
   * Returns what a reply code means on its own (RFC 5321 section 4.2.3, RFC 7504, RFC 4954), if
   * it names a reason. 550 and 554 are too broad to name one and give nothing.
   */
  public static Optional<Reason> reply(ReplyCode code) {
    Reason r = switch (code.value()) {
      case 421, 451 -> Reason.SYSTEM_ERROR; // service not available; local error in processing
      case 452 -> Reason.SYSTEM_FULL; // insufficient system storage
      case 500, 501, 502, 503, 504, 555 -> Reason.SYNTAX_ERROR;
      case 521, 556 -> Reason.NOT_ACCEPTING; // host / domain does not accept mail (RFC 7504)
      case 530, 534, 535, 538 -> Reason.SECURITY_ERROR; // authentication (RFC 4954)
      case 551 -> Reason.HAS_MOVED; // user not local; please try <forward-path>
      case 552 -> Reason.MAILBOX_FULL; // exceeded storage allocation
      case 553 -> Reason.USER_UNKNOWN; // mailbox name not allowed
      default -> null;
    };
    return Optional.ofNullable(r);
  }
}
