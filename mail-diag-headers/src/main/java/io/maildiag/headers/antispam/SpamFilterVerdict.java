package io.maildiag.headers.antispam;

import io.maildiag.core.internal.UpperCase;
import java.util.Optional;

/**
 * The {@code SFV} (spam filtering verdict) field of Microsoft's {@code X-Forefront-Antispam-Report},
 * as Microsoft documents it in "Anti-spam message headers in Microsoft 365".
 *
 * @since 0.1
 */
public enum SpamFilterVerdict {
  /** {@code SFV:BLK}: filtering skipped, message blocked: the sender is on the recipient's Blocked Senders list. */
  BLK("filtering was skipped and the message was blocked: the sender is in the recipient's Blocked Senders list", true),
  /** {@code SFV:NSPM}: spam filtering judged the message not spam. */
  NSPM("spam filtering marked the message as not spam", false),
  /** {@code SFV:SFE}: filtering skipped, message allowed: the sender is on the recipient's Safe Senders list. */
  SFE("filtering was skipped and the message was allowed: the sender is in the recipient's Safe Senders list", false),
  /** {@code SFV:SKA}: filtering skipped: the sender is on an anti-spam policy's allowed senders or domains list. */
  SKA("spam filtering was skipped: the sender is in an anti-spam policy's allowed senders or domains list", false),
  /** {@code SFV:SKB}: marked as spam: the sender is on an anti-spam policy's blocked senders or domains list. */
  SKB("marked as spam: the sender is in an anti-spam policy's blocked senders or domains list", true),
  /** {@code SFV:SKI}: filtering skipped for another reason, such as mail inside the tenant. */
  SKI("spam filtering was skipped for another reason (for example mail inside the organisation)", false),
  /** {@code SFV:SKN}: marked not spam before filtering, such as by a mail flow rule setting SCL -1. */
  SKN("marked as not spam before spam filtering (for example a mail flow rule that sets SCL -1)", false),
  /** {@code SFV:SKQ}: released from quarantine to the recipients. */
  SKQ("the message was released from quarantine", false),
  /** {@code SFV:SKS}: marked as spam before filtering, such as by a mail flow rule setting SCL 5 to 9. */
  SKS("marked as spam before spam filtering (for example a mail flow rule that sets SCL 5 to 9)", true),
  /** {@code SFV:SPM}: spam filtering judged the message spam. */
  SPM("spam filtering marked the message as spam", true);

  private final String meaning;
  private final boolean spam;

  SpamFilterVerdict(String meaning, boolean spam) {
    this.meaning = meaning;
    this.spam = spam;
  }

  /** Returns the code as it appears in the header, such as {@code NSPM}. */
  public String code() {
    return name();
  }

  /** Returns what the verdict means, in one English sentence. */
  public String meaning() {
    return meaning;
  }

  /** Returns whether the verdict treats the message as spam. */
  public boolean isSpam() {
    return spam;
  }

  /** Returns whether spam filtering was skipped or overridden before it ran (SKA, SKI, SKN, SFE, SKQ). */
  public boolean skippedFiltering() {
    return this == SKA || this == SKI || this == SKN || this == SFE || this == SKQ;
  }

  /** Returns the verdict with the given code, ignoring case; empty for unknown codes. */
  public static Optional<SpamFilterVerdict> fromCode(String code) {
    try {
      return Optional.of(valueOf(UpperCase.root(code.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
