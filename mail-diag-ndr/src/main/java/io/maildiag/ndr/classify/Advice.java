package io.maildiag.ndr.classify;

import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Retry advice, actor and remediation per reason; the tables are documented on {@link
 * io.maildiag.ndr.ReasonClassifier}.
 */
public final class Advice {
  /** Reasons where the address itself cannot receive mail: suppressed when permanent. */
  static final Set<Reason> SUPPRESS = EnumSet.of(Reason.USER_UNKNOWN, Reason.HOST_UNKNOWN,
      Reason.NOT_ACCEPTING, Reason.HAS_MOVED, Reason.SUSPENDED, Reason.SUPPRESSED);
  /**
   * Reasons where the address can never receive mail, so that retrying never helps even when the
   * code is transient: a null MX (RFC 7505) is the domain's published statement that it accepts no
   * mail, a moved mailbox does not come back, and the sending service's suppression list holds the
   * address until someone removes it. A transient code on them (a soft-bounce configuration, a
   * relay's generic 4xx) does not change that.
   */
  static final Set<Reason> NEVER = EnumSet.of(Reason.NOT_ACCEPTING, Reason.HAS_MOVED, Reason.SUPPRESSED);
  /** Reasons that retrying cannot cure until the sender fixes something, even when transient. */
  static final Set<Reason> FIX = EnumSet.of(Reason.AUTH_FAILURE, Reason.BLOCKED,
      Reason.BAD_REPUTATION, Reason.REQUIRE_PTR, Reason.EMAIL_TOO_LARGE, Reason.FAILED_STARTTLS,
      Reason.NOT_RFC_COMPLIANT, Reason.CONTENT_ERROR);

  private static final Map<Reason, Actor> ACTOR = new EnumMap<>(Reason.class);
  private static final Map<Reason, String> REMEDY = new EnumMap<>(Reason.class);
  private static final Map<Reason, String> REMEDY_TRANSIENT = new EnumMap<>(Reason.class);

  static {
    a(Reason.USER_UNKNOWN, Actor.SENDER,
        "Check the address for typos; if it is right, the mailbox does not exist: remove the "
            + "address from your lists.");
    a(Reason.HOST_UNKNOWN, Actor.SENDER,
        "Check the domain part of the address for typos; if it is right, the domain has no mail "
            + "service: remove the address.");
    a(Reason.MAILBOX_FULL, Actor.RECIPIENT,
        "The recipient's mailbox is full and not being emptied: reach the recipient another way, "
            + "and stop sending if it stays full.");
    t(Reason.MAILBOX_FULL,
        "The recipient's mailbox is full: the sending system retries; if it keeps failing, reach "
            + "the recipient another way.");
    a(Reason.SUSPENDED, Actor.RECIPIENT,
        "The recipient's account is disabled or suspended: stop sending to it and reach the "
            + "recipient another way.");
    a(Reason.HAS_MOVED, Actor.SENDER,
        "The recipient has moved and left no forwarding: ask the recipient for the new address "
            + "and update your records.");
    a(Reason.NOT_ACCEPTING, Actor.SENDER,
        "The recipient domain publishes that it accepts no mail (null MX): remove the address.");
    a(Reason.FILTERED, Actor.RECIPIENT_ADMIN,
        "A filter or rule at the recipient refused the message: ask the recipient or their "
            + "administrator to allow your address or domain.");
    a(Reason.REJECTED, Actor.SENDER_ADMIN,
        "The receiving system refused the sender: use an envelope sender and From address whose "
            + "domain exists, resolves in DNS and accepts replies, and check that the sender may post "
            + "to the destination (lists, groups).");
    a(Reason.BLOCKED, Actor.SENDER_ADMIN,
        "The sending IP address or host is blocked: look up the blocklist named in the reply, fix"
            + " the cause (compromised account, open relay, dynamic address, missing authentication) "
            + "and request delisting.");
    a(Reason.BAD_REPUTATION, Actor.SENDER_ADMIN,
        "The sending IP address or domain has a poor reputation: lower volume and complaints, "
            + "send only to recipients who asked for mail, authenticate with SPF, DKIM and DMARC, and "
            + "watch the provider's postmaster tools.");
    a(Reason.REQUIRE_PTR, Actor.SENDER_ADMIN,
        "Give the sending IP address a PTR record whose host name resolves back to the same "
            + "address (forward-confirmed reverse DNS), and use that name in HELO.");
    a(Reason.AUTH_FAILURE, Actor.SENDER_ADMIN,
        "Publish an SPF record that covers the sending IP address, sign with a DKIM key aligned "
            + "with the From domain, and check that DMARC passes; then send again.");
    a(Reason.NOT_RFC_COMPLIANT, Actor.SENDER_ADMIN,
        "Fix the message format in the sending software (a single From address, a valid "
            + "Message-ID and Date, no duplicate header fields, CRLF line endings); then send again.");
    a(Reason.POLICY_VIOLATION, Actor.SENDER_ADMIN,
        "The message breaks a policy of the receiving system: read the policy page named in the "
            + "reply, change the message or sending practice, and ask the recipient's postmaster if "
            + "unsure.");
    a(Reason.SPAM_DETECTED, Actor.SENDER,
        "The message was judged to be spam: review its content and links, authenticate the "
            + "sending domain, send only to recipients who asked for it, and send again once fixed.");
    a(Reason.VIRUS_DETECTED, Actor.SENDER,
        "A virus or malware was found: scan the sending computer and the attachments, and send "
            + "the message again without the infected content.");
    a(Reason.SECURITY_ERROR, Actor.SENDER_ADMIN,
        "A security requirement of the receiving system was not met: authenticate the SMTP "
            + "session (SMTP AUTH or an allowed address) or meet the requirement the reply names.");
    a(Reason.NO_RELAYING, Actor.SENDER_ADMIN,
        "The server refused to relay: send through your own authenticated submission server, and "
            + "check that the recipient domain's MX records point at the right servers.");
    a(Reason.CONTENT_ERROR, Actor.SENDER,
        "The content was refused (attachment type, encoding or headers): remove or replace the "
            + "attachment, or fix the encoding, then send again.");
    a(Reason.EMAIL_TOO_LARGE, Actor.SENDER,
        "The message is larger than the receiver accepts: shrink or remove attachments (share "
            + "large files by link), then send again.");
    a(Reason.EXCEEDED_LIMIT, Actor.SENDER_ADMIN,
        "A sending or recipient limit was exceeded: send to fewer recipients per message, or "
            + "spread the sending over time within the quota.");
    a(Reason.RATE_LIMITED, Actor.SENDER_ADMIN,
        "The receiver refused because of the sending rate: lower the rate and the number of "
            + "concurrent connections, then send again.");
    t(Reason.RATE_LIMITED,
        "The receiver is rate-limiting or greylisting: the sending system retries; if it "
            + "persists, lower the sending rate and concurrent connections.");
    a(Reason.SYSTEM_FULL, Actor.RECIPIENT_ADMIN,
        "The receiving system is out of storage: send again later, and tell the recipient's "
            + "administrator if it persists.");
    t(Reason.SYSTEM_FULL,
        "The receiving system is out of storage: the sending system retries; tell the recipient's"
            + " administrator if it persists.");
    a(Reason.SYSTEM_ERROR, Actor.PROVIDER,
        "The receiving system failed internally: send again later, and contact the recipient's "
            + "postmaster if it persists.");
    t(Reason.SYSTEM_ERROR,
        "The receiving system failed internally: the sending system retries; contact the "
            + "recipient's postmaster if it persists.");
    a(Reason.MAILER_ERROR, Actor.RECIPIENT_ADMIN,
        "The recipient's local delivery program (a pipe, procmail, a filter script) failed: the "
            + "recipient or their administrator must fix it; send again once it works.");
    t(Reason.MAILER_ERROR,
        "The recipient's local delivery program (a pipe, procmail, a filter script) failed: the "
            + "sending system retries; the recipient or their administrator must fix it if it persists.");
    a(Reason.NETWORK_ERROR, Actor.RECIPIENT_ADMIN,
        "A network, routing or DNS problem prevented delivery: check the recipient domain's MX "
            + "records and that its servers are reachable.");
    t(Reason.NETWORK_ERROR,
        "A network or DNS problem delayed delivery: the sending system retries; if it persists, "
            + "check the recipient domain's MX records and reachability.");
    a(Reason.EXPIRED, Actor.RECIPIENT_ADMIN,
        "Delivery was retried until the message expired: check that the recipient domain's mail "
            + "servers are reachable, then send again.");
    a(Reason.SYNTAX_ERROR, Actor.SENDER_ADMIN,
        "The receiving server refused an SMTP command or parameter as malformed: check the "
            + "sending software and the address format.");
    a(Reason.FAILED_STARTTLS, Actor.SENDER_ADMIN,
        "TLS could not be negotiated or was required: make sure the sending server supports "
            + "STARTTLS with a current TLS version and valid certificates, or meet the receiver's TLS "
            + "policy.");
    a(Reason.SUPPRESSED, Actor.SENDER_ADMIN,
        "The sending service suppressed the address after earlier bounces or complaints: remove "
            + "it from your lists, and take it off the suppression list only if you know it works "
            + "again.");
    a(Reason.ON_HOLD, Actor.RECIPIENT_ADMIN,
        "The message is held in quarantine or for review: ask the recipient or their "
            + "administrator to release it.");
    a(Reason.UNDEFINED, Actor.NONE,
        "The reason could not be determined: read the diagnostic text, and contact the "
            + "recipient's postmaster if the failure persists.");
    a(Reason.DELIVERED, Actor.NONE, "Nothing to do: the message was delivered.");
    a(Reason.AUTO_REPLY, Actor.NONE, "Nothing to do: this is an automatic reply, not a delivery failure.");
    a(Reason.FEEDBACK, Actor.SENDER_ADMIN,
        "A recipient reported the message (feedback loop): stop sending to the complaining "
            + "address and review why it received the message.");
  }

  private Advice() {}

  private static void a(Reason r, Actor actor, String remedy) {
    ACTOR.put(r, actor);
    REMEDY.put(r, remedy);
  }

  private static void t(Reason r, String remedy) {
    REMEDY_TRANSIENT.put(r, remedy);
  }

  /**
   * Returns the retry advice: not-bounces get {@code DO_NOT_RETRY}; the {@link #NEVER} reasons
   * (null MX, moved, suppressed) {@code SUPPRESS_ADDRESS} even when transient; the {@link #FIX}
   * reasons {@code FIX_THEN_RETRY} even when transient; other transient failures {@code
   * RETRY_LATER}; permanent {@link #SUPPRESS} reasons {@code SUPPRESS_ADDRESS}; other permanent
   * failures {@code DO_NOT_RETRY}.
   */
  public static RetryAdvice retry(Reason reason, boolean permanent) {
    if (!reason.isFailure()) {
      return RetryAdvice.DO_NOT_RETRY;
    }
    if (NEVER.contains(reason)) {
      return RetryAdvice.SUPPRESS_ADDRESS;
    }
    if (FIX.contains(reason)) {
      return RetryAdvice.FIX_THEN_RETRY;
    }
    if (!permanent) {
      return RetryAdvice.RETRY_LATER;
    }
    return SUPPRESS.contains(reason) ? RetryAdvice.SUPPRESS_ADDRESS : RetryAdvice.DO_NOT_RETRY;
  }

  /** Returns who must act; transient rate limits and network errors need nobody. */
  public static Actor actor(Reason reason, boolean permanent) {
    if (!permanent && (reason == Reason.RATE_LIMITED || reason == Reason.NETWORK_ERROR)) {
      return Actor.NONE;
    }
    return ACTOR.get(reason);
  }

  /**
   * What to do about {@link Reason#EXPIRED} in a delay warning (action {@code delayed}): the message
   * has been queued past the sending system's warning time and is still being retried.
   */
  public static final String DELAYED_EXPIRY = "Delivery is delayed: the sending system keeps retrying until the"
      + " message's time in its queue runs out. Check that the recipient domain's mail servers are reachable;"
      + " nothing needs resending yet.";

  /**
   * The verdict on an expiry in a delay warning (a transient code, action {@code delayed}): the
   * advice of a transient {@link Reason#EXPIRED}, with {@link #DELAYED_EXPIRY} as its remediation.
   *
   * @param rule the rule that decided
   */
  public static Classification delayWarningExpiry(String rule) {
    return new Classification(Reason.EXPIRED, false, retry(Reason.EXPIRED, false), actor(Reason.EXPIRED, false),
        DELAYED_EXPIRY, rule);
  }

  /** Returns one concrete sentence on what to do. */
  public static String remediation(Reason reason, boolean permanent) {
    String s = permanent ? null : REMEDY_TRANSIENT.get(reason);
    return s != null ? s : REMEDY.get(reason);
  }
}
