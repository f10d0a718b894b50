package io.maildiag.ndr.code;

import static io.maildiag.ndr.Actor.NONE;
import static io.maildiag.ndr.Actor.RECIPIENT;
import static io.maildiag.ndr.Actor.RECIPIENT_ADMIN;
import static io.maildiag.ndr.Actor.SENDER;
import static io.maildiag.ndr.Actor.SENDER_ADMIN;
import static io.maildiag.ndr.Reason.AUTH_FAILURE;
import static io.maildiag.ndr.Reason.CONTENT_ERROR;
import static io.maildiag.ndr.Reason.DELIVERED;
import static io.maildiag.ndr.Reason.EMAIL_TOO_LARGE;
import static io.maildiag.ndr.Reason.EXCEEDED_LIMIT;
import static io.maildiag.ndr.Reason.EXPIRED;
import static io.maildiag.ndr.Reason.FAILED_STARTTLS;
import static io.maildiag.ndr.Reason.HAS_MOVED;
import static io.maildiag.ndr.Reason.HOST_UNKNOWN;
import static io.maildiag.ndr.Reason.MAILBOX_FULL;
import static io.maildiag.ndr.Reason.NETWORK_ERROR;
import static io.maildiag.ndr.Reason.NOT_ACCEPTING;
import static io.maildiag.ndr.Reason.POLICY_VIOLATION;
import static io.maildiag.ndr.Reason.RATE_LIMITED;
import static io.maildiag.ndr.Reason.REJECTED;
import static io.maildiag.ndr.Reason.REQUIRE_PTR;
import static io.maildiag.ndr.Reason.SECURITY_ERROR;
import static io.maildiag.ndr.Reason.SPAM_DETECTED;
import static io.maildiag.ndr.Reason.SUSPENDED;
import static io.maildiag.ndr.Reason.SYNTAX_ERROR;
import static io.maildiag.ndr.Reason.SYSTEM_ERROR;
import static io.maildiag.ndr.Reason.SYSTEM_FULL;
import static io.maildiag.ndr.Reason.UNDEFINED;
import static io.maildiag.ndr.Reason.USER_UNKNOWN;
import static io.maildiag.ndr.RetryAdvice.DO_NOT_RETRY;
import static io.maildiag.ndr.RetryAdvice.FIX_THEN_RETRY;
import static io.maildiag.ndr.RetryAdvice.RETRY_LATER;
import static io.maildiag.ndr.RetryAdvice.SUPPRESS_ADDRESS;

import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Classification;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.HashMap;
import java.util.Map;

/**
 * The code-only verdicts behind {@link NdrCode#defaultClassification}: one rule per registered
 * code, and one per subject for unregistered details.
 */
final class DefaultClassifications {

  /** How a code is read when permanent (class 5) and when transient (class 4). */
  record Rule(
      Reason permanentReason, Actor permanentActor, RetryAdvice permanentRetry,
      Reason transientReason, Actor transientActor, RetryAdvice transientRetry, String remediation) {}

  private static final String TRANSIENT_PREFIX = "Temporary: the sending server retries. If it keeps failing: ";

  private static final Map<String, Rule> BY_KEY = new HashMap<>();
  private static final Map<Integer, Rule> BY_SUBJECT = new HashMap<>();

  private DefaultClassifications() {}

  /** A rule whose transient form is "wait, the sending server retries". */
  private static void waitable(String key, Reason reason, Actor actor, RetryAdvice permanentRetry, String remediation) {
    BY_KEY.put(key, new Rule(reason, actor, permanentRetry, reason, NONE, RETRY_LATER, remediation));
  }

  /** A rule where someone must fix something whatever the class. */
  private static void fix(String key, Reason reason, Actor actor, String remediation) {
    BY_KEY.put(key, new Rule(reason, actor, FIX_THEN_RETRY, reason, actor, FIX_THEN_RETRY, remediation));
  }

  /**
   * A rule for an address that can never receive mail, whatever the class: a transient code does
   * not make a null MX or a moved mailbox come back, so retrying never helps.
   */
  private static void never(String key, Reason reason, Actor actor, String remediation) {
    BY_KEY.put(key, new Rule(reason, actor, SUPPRESS_ADDRESS, reason, actor, SUPPRESS_ADDRESS, remediation));
  }

  private static void rule(String key, Rule rule) {
    BY_KEY.put(key, rule);
  }

  static {
    waitable("X.0.0", UNDEFINED, SENDER_ADMIN, DO_NOT_RETRY,
        "The code gives only the class; read the diagnostic text of the reply for the cause.");
    // X.1 addressing
    waitable("X.1.0", UNDEFINED, SENDER, DO_NOT_RETRY,
        "An address in the message caused the failure; check the sender and recipient addresses.");
    waitable("X.1.1", USER_UNKNOWN, SENDER, SUPPRESS_ADDRESS,
        "Check the recipient address for typos; if it is right, the mailbox does not exist: remove it from your lists.");
    waitable("X.1.2", HOST_UNKNOWN, SENDER, SUPPRESS_ADDRESS,
        "Check the domain of the recipient address; if it is right, the domain cannot receive mail: remove the address.");
    waitable("X.1.3", USER_UNKNOWN, SENDER, SUPPRESS_ADDRESS,
        "The recipient address is not valid syntax; correct it or remove it from your lists.");
    waitable("X.1.4", USER_UNKNOWN, SENDER, FIX_THEN_RETRY,
        "The address matches several recipients; use the recipient's exact, full address.");
    waitable("X.1.5", UNDEFINED, NONE, DO_NOT_RETRY,
        "X.1.5 reports a valid address and belongs to success reports; read the diagnostic text for the failure.");
    never("X.1.6", HAS_MOVED, SENDER,
        "The recipient no longer uses this address and left no forwarding address; ask for the new one and remove this one.");
    waitable("X.1.7", REJECTED, SENDER_ADMIN, FIX_THEN_RETRY,
        "The sender address is not valid syntax; fix the envelope sender or From address of the sending system.");
    waitable("X.1.8", REJECTED, SENDER_ADMIN, FIX_THEN_RETRY,
        "The sender's domain does not exist or cannot receive replies; use a sender domain with working DNS (MX or A).");
    waitable("X.1.9", UNDEFINED, NONE, DO_NOT_RETRY,
        "The message was relayed to a system that reports no further status; nothing more is known.");
    never("X.1.10", NOT_ACCEPTING, SENDER,
        "The recipient domain publishes a null MX and accepts no mail; remove the address.");
    // X.2 mailbox
    waitable("X.2.0", UNDEFINED, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "Something about the recipient's mailbox caused the failure; read the diagnostic text.");
    waitable("X.2.1", SUSPENDED, SENDER, SUPPRESS_ADDRESS,
        "The recipient's mailbox is disabled; stop sending to it unless the recipient confirms it is active again.");
    rule("X.2.2", new Rule(MAILBOX_FULL, RECIPIENT, DO_NOT_RETRY, MAILBOX_FULL, RECIPIENT, RETRY_LATER,
        "The recipient must free space in the mailbox; if it stays full, the address is probably abandoned."));
    fix("X.2.3", EMAIL_TOO_LARGE, SENDER,
        "The message exceeds the recipient's per-mailbox size limit; send a smaller message (share large files as links).");
    waitable("X.2.4", SYSTEM_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The recipient is a mailing list that could not be expanded; its administrator must fix the list.");
    // X.3 mail system
    waitable("X.3.0", SYSTEM_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The receiving mail system reported a problem; its administrator must fix it.");
    waitable("X.3.1", SYSTEM_FULL, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The receiving mail system is out of storage; its administrator must free space.");
    rule("X.3.2", new Rule(NOT_ACCEPTING, RECIPIENT_ADMIN, DO_NOT_RETRY, SYSTEM_ERROR, NONE, RETRY_LATER,
        "The receiving host does not accept messages (shutdown, maintenance, load, or it accepts no mail at all)."));
    fix("X.3.3", CONTENT_ERROR, SENDER_ADMIN,
        "The message uses features the destination does not support; send it without them.");
    fix("X.3.4", EMAIL_TOO_LARGE, SENDER,
        "The message is larger than the receiving system accepts; send a smaller message (share large files as links).");
    waitable("X.3.5", SYSTEM_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The receiving system is misconfigured; its administrator must fix it.");
    waitable("X.3.6", UNDEFINED, NONE, DO_NOT_RETRY,
        "X.3.6 reports an accepted message with a changed priority; read the diagnostic text for the failure.");
    // X.4 network and routing
    waitable("X.4.0", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "A network or routing problem prevented delivery; check the recipient domain's MX hosts.");
    waitable("X.4.1", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The receiving host did not answer; its administrator must make it reachable on port 25.");
    waitable("X.4.2", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The connection to the receiving host broke or timed out during the transaction.");
    waitable("X.4.3", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "A directory server (usually DNS) was unavailable; check the recipient domain's name servers.");
    waitable("X.4.4", HOST_UNKNOWN, SENDER, SUPPRESS_ADDRESS,
        "No route to the recipient domain (no usable MX or address records); check the domain, remove the address if it is right.");
    waitable("X.4.5", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "The mail system was congested.");
    waitable("X.4.6", NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY,
        "A routing or forwarding loop was detected; check MX records, routing and forwarding rules.");
    rule("X.4.7", new Rule(EXPIRED, RECIPIENT_ADMIN, FIX_THEN_RETRY, EXPIRED, RECIPIENT_ADMIN, FIX_THEN_RETRY,
        "Delivery kept failing until the message expired; look for the last temporary error in the report and resend"
            + " once the receiving side is reachable."));
    // X.5 mail delivery protocol
    fix("X.5.0", SYNTAX_ERROR, SENDER_ADMIN,
        "A protocol problem occurred with the next hop; check the SMTP dialogue of the sending system.");
    fix("X.5.1", SYNTAX_ERROR, SENDER_ADMIN,
        "A command was out of sequence or unsupported; fix the sending software.");
    fix("X.5.2", SYNTAX_ERROR, SENDER_ADMIN,
        "A command could not be interpreted; fix the sending software.");
    rule("X.5.3", new Rule(EXCEEDED_LIMIT, SENDER_ADMIN, FIX_THEN_RETRY, EXCEEDED_LIMIT, SENDER_ADMIN, RETRY_LATER,
        "Too many recipients for one message; split the recipients over several messages."));
    fix("X.5.4", SYNTAX_ERROR, SENDER_ADMIN,
        "A command had invalid arguments; fix the sending software.");
    fix("X.5.5", SYNTAX_ERROR, SENDER_ADMIN,
        "A protocol version mismatch could not be resolved; update or reconfigure the sending software.");
    fix("X.5.6", SYNTAX_ERROR, SENDER_ADMIN,
        "The AUTH exchange line was too long; use another authentication mechanism or client.");
    // X.6 content or media
    fix("X.6.0", CONTENT_ERROR, SENDER,
        "Something in the content made the message undeliverable; read the diagnostic text and change the content.");
    fix("X.6.1", CONTENT_ERROR, SENDER, "The media type of the message is not supported; send it in another format.");
    fix("X.6.2", CONTENT_ERROR, SENDER, "The content must be converted but conversion is prohibited; send it in a supported form.");
    fix("X.6.3", CONTENT_ERROR, SENDER_ADMIN,
        "The content could not be converted for the next hop (for example 8bit to 7bit); send 7bit-safe content.");
    fix("X.6.4", CONTENT_ERROR, SENDER, "A lossy conversion was needed and not allowed; send the content in a supported form.");
    fix("X.6.5", CONTENT_ERROR, SENDER, "A required content conversion failed; send the content in another form.");
    fix("X.6.6", CONTENT_ERROR, SENDER_ADMIN,
        "The message content could not be fetched from the remote system (BURL); check the submission setup.");
    fix("X.6.7", CONTENT_ERROR, SENDER,
        "Non-ASCII (internationalized) addresses are not accepted here; use an ASCII address.");
    fix("X.6.8", CONTENT_ERROR, SENDER_ADMIN,
        "A UTF-8 reply is required but the client does not permit it; use an SMTPUTF8-capable client.");
    fix("X.6.9", CONTENT_ERROR, SENDER,
        "The message has UTF-8 header fields the next hop cannot accept; use ASCII addresses and headers.");
    fix("X.6.10", CONTENT_ERROR, SENDER_ADMIN,
        "A UTF-8 reply is required but the client does not permit it; use an SMTPUTF8-capable client.");
    // X.7 security or policy
    waitable("X.7.0", POLICY_VIOLATION, SENDER_ADMIN, DO_NOT_RETRY,
        "A security or policy check refused the message; read the diagnostic text for the policy.");
    waitable("X.7.1", POLICY_VIOLATION, SENDER_ADMIN, DO_NOT_RETRY,
        "The sender is not authorized to send to this recipient (filtering, blocklist, relay or recipient restriction);"
            + " read the diagnostic text.");
    waitable("X.7.2", POLICY_VIOLATION, SENDER, DO_NOT_RETRY,
        "The sender may not send to this mailing list; ask the list owner for permission.");
    fix("X.7.3", SECURITY_ERROR, SENDER_ADMIN, "A secure messaging conversion was required and not possible.");
    fix("X.7.4", SECURITY_ERROR, SENDER_ADMIN,
        "The message uses security features the delivery path does not support; send it without them.");
    fix("X.7.5", SECURITY_ERROR, SENDER_ADMIN, "A cryptographic operation failed (missing or invalid key).");
    fix("X.7.6", SECURITY_ERROR, SENDER_ADMIN, "The cryptographic algorithm is not supported; use another algorithm.");
    fix("X.7.7", SECURITY_ERROR, SENDER_ADMIN, "The message failed an integrity check (corrupted or altered in transit).");
    fix("X.7.8", SECURITY_ERROR, SENDER, "Authentication failed: check the username and password (or token).");
    fix("X.7.9", SECURITY_ERROR, SENDER_ADMIN, "The authentication mechanism is too weak; use a stronger mechanism.");
    fix("X.7.10", FAILED_STARTTLS, SENDER_ADMIN, "Encryption is needed first; enable STARTTLS before authenticating.");
    fix("X.7.11", FAILED_STARTTLS, SENDER_ADMIN,
        "This authentication mechanism requires an encrypted connection; enable STARTTLS.");
    fix("X.7.12", SECURITY_ERROR, SENDER, "A password transition is needed; authenticate once with the PLAIN mechanism.");
    fix("X.7.13", SECURITY_ERROR, SENDER,
        "The sending account is disabled; its administrator must re-enable it.");
    fix("X.7.14", SECURITY_ERROR, SENDER_ADMIN,
        "A trust relationship with a third-party server is required to fetch the content; configure it.");
    rule("X.7.15", new Rule(POLICY_VIOLATION, SENDER, FIX_THEN_RETRY, POLICY_VIOLATION, NONE, RETRY_LATER,
        "The message priority is too low for the receiving server; send later or with a higher priority."));
    fix("X.7.16", EMAIL_TOO_LARGE, SENDER,
        "The message is too big for its priority; send a smaller message or with another priority.");
    waitable("X.7.17", HAS_MOVED, SENDER, SUPPRESS_ADDRESS,
        "The mailbox changed owner since the date the sender required; the intended recipient is gone: remove the address.");
    waitable("X.7.18", HAS_MOVED, SENDER, SUPPRESS_ADDRESS,
        "The recipient's domain changed owner since the date the sender required; remove the address.");
    fix("X.7.19", SECURITY_ERROR, SENDER,
        "The receiver cannot verify the required mailbox ownership date; decide whether to resend without RRVS.");
    fix("X.7.20", AUTH_FAILURE, SENDER_ADMIN, "No passing DKIM signature; sign outgoing mail with DKIM and publish the key.");
    fix("X.7.21", AUTH_FAILURE, SENDER_ADMIN,
        "No acceptable DKIM signature; sign with a domain and key the receiver accepts.");
    fix("X.7.22", AUTH_FAILURE, SENDER_ADMIN,
        "No DKIM signature from the From domain; sign with the domain of the From address.");
    fix("X.7.23", AUTH_FAILURE, SENDER_ADMIN,
        "SPF failed; add the sending servers to the SPF record of the envelope sender domain.");
    rule("X.7.24", new Rule(AUTH_FAILURE, SENDER_ADMIN, FIX_THEN_RETRY, AUTH_FAILURE, SENDER_ADMIN, RETRY_LATER,
        "SPF evaluation failed with an error; check that the SPF record is valid, within 10 DNS lookups, and that its DNS"
            + " answers."));
    fix("X.7.25", REQUIRE_PTR, SENDER_ADMIN,
        "The sending IP failed reverse DNS validation; publish a PTR record whose name resolves back to the IP.");
    fix("X.7.26", AUTH_FAILURE, SENDER_ADMIN,
        "Several authentication checks failed; make SPF and DKIM pass and align with the From domain (DMARC).");
    fix("X.7.27", REJECTED, SENDER_ADMIN,
        "The sender domain publishes a null MX, so it cannot receive replies; send from a domain that accepts mail.");
    rule("X.7.28", new Rule(SPAM_DETECTED, SENDER_ADMIN, FIX_THEN_RETRY, RATE_LIMITED, SENDER_ADMIN, RETRY_LATER,
        "The message looks like part of a flood of similar abusive messages; lower the volume and send only wanted mail."));
    fix("X.7.29", AUTH_FAILURE, SENDER_ADMIN,
        "ARC validation failed; check the ARC sealing of the forwarding or mailing-list systems on the path.");
    fix("X.7.30", FAILED_STARTTLS, SENDER,
        "The message required REQUIRETLS and the next hop does not support it; resend without REQUIRETLS if acceptable.");

    // Unregistered details: by subject.
    BY_SUBJECT.put(0, new Rule(UNDEFINED, SENDER_ADMIN, DO_NOT_RETRY, UNDEFINED, NONE, RETRY_LATER,
        "The code gives no detail; read the diagnostic text of the reply for the cause."));
    BY_SUBJECT.put(1, new Rule(UNDEFINED, SENDER, DO_NOT_RETRY, UNDEFINED, NONE, RETRY_LATER,
        "An addressing problem; check the sender and recipient addresses and read the diagnostic text."));
    BY_SUBJECT.put(2, new Rule(UNDEFINED, RECIPIENT_ADMIN, DO_NOT_RETRY, UNDEFINED, NONE, RETRY_LATER,
        "A problem with the recipient's mailbox; read the diagnostic text."));
    BY_SUBJECT.put(3, new Rule(SYSTEM_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY, SYSTEM_ERROR, NONE, RETRY_LATER,
        "A problem with the receiving mail system; its administrator must fix it."));
    BY_SUBJECT.put(4, new Rule(NETWORK_ERROR, RECIPIENT_ADMIN, DO_NOT_RETRY, NETWORK_ERROR, NONE, RETRY_LATER,
        "A network, routing or DNS problem; check the recipient domain's DNS and MX hosts."));
    BY_SUBJECT.put(5, new Rule(SYNTAX_ERROR, SENDER_ADMIN, FIX_THEN_RETRY, SYNTAX_ERROR, NONE, RETRY_LATER,
        "A mail protocol problem; check the SMTP dialogue of the sending system."));
    BY_SUBJECT.put(6, new Rule(CONTENT_ERROR, SENDER, FIX_THEN_RETRY, CONTENT_ERROR, NONE, RETRY_LATER,
        "The content of the message was refused; read the diagnostic text and change the content."));
    BY_SUBJECT.put(7, new Rule(POLICY_VIOLATION, SENDER_ADMIN, DO_NOT_RETRY, POLICY_VIOLATION, NONE, RETRY_LATER,
        "A security or policy check refused the message; read the diagnostic text for the policy."));
  }

  /** The catch-all for subjects 8 to 999. */
  private static final Rule UNKNOWN_SUBJECT = new Rule(UNDEFINED, SENDER_ADMIN, DO_NOT_RETRY, UNDEFINED, NONE,
      RETRY_LATER, "The code's subject is not registered; read the diagnostic text of the reply.");

  /** Returns whether {@code key} has a rule of its own. */
  static boolean hasRule(String key) {
    return BY_KEY.containsKey(key);
  }

  static Classification classify(EnhancedStatusCode code) {
    String rule = "status:" + code;
    if (code.isSuccess()) {
      return new Classification(DELIVERED, false, DO_NOT_RETRY, NONE,
          "Nothing to do: the status reports a successful delivery action.", rule);
    }
    Rule r = BY_KEY.get(code.registryKey());
    if (r == null) {
      r = BY_SUBJECT.getOrDefault(code.subject(), UNKNOWN_SUBJECT);
    }
    if (code.isPermanent()) {
      return new Classification(r.permanentReason(), true, r.permanentRetry(), r.permanentActor(), r.remediation(), rule);
    }
    String remediation = r.transientRetry() == RETRY_LATER ? TRANSIENT_PREFIX + r.remediation() : r.remediation();
    return new Classification(r.transientReason(), false, r.transientRetry(), r.transientActor(), remediation, rule);
  }
}
