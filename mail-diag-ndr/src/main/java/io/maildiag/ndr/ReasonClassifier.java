package io.maildiag.ndr;

import io.maildiag.core.internal.LowerCase;
import io.maildiag.ndr.classify.Advice;
import io.maildiag.ndr.classify.CodeDefaults.StatusMeaning;
import io.maildiag.ndr.classify.CodeDefaults;
import io.maildiag.ndr.classify.ProviderTokens;
import io.maildiag.ndr.classify.Stage;
import io.maildiag.ndr.classify.TextMatch;
import io.maildiag.ndr.classify.TextNormalizer;
import io.maildiag.ndr.classify.TextRules;
import io.maildiag.ndr.classify.Tier;
import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ProviderCode;
import io.maildiag.ndr.code.ProviderCodes;
import io.maildiag.ndr.code.ReplyCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides the {@link Reason}, permanence, retry advice, actor and remediation for one recipient
 * from its status code, reply code, diagnostic text, action and provider. Stateless, immutable
 * and safe for concurrent use; {@link #classify} never throws for any input and reads at most
 * {@value #MAX_TEXT_CHARS} characters of the diagnostic text.
 *
 * <h2>Decision order</h2>
 *
 * <ol start="0">
 *   <li><b>Not a bounce.</b> The action {@code delivered}, {@code relayed} or {@code expanded}
 *       gives {@link Reason#DELIVERED}, as does a 2.x.x status or a 2xx/3xx reply when the action
 *       is neither {@code failed} nor {@code delayed}; the actions {@code auto-replied} and {@code
 *       feedback} give {@link Reason#AUTO_REPLY} and {@link Reason#FEEDBACK}. Such verdicts are
 *       never permanent, advise {@link RetryAdvice#DO_NOT_RETRY} and name no actor (feedback
 *       names the sender's administrator, who should stop mailing the complainant). Rule {@code
 *       action:delivered}, {@code status:2.0.0} or {@code reply:250}.
 *   <li><b>Provider token.</b> An error token a receiver publishes the meaning of, in the first
 *       {@value #MAX_TEXT_CHARS} characters of a failure's text (not of a text that may be no
 *       bounce at all: no status, no reply and an action that is neither {@code failed} nor
 *       {@code delayed}): Cox's {@code AUP#CXBL}, Spectrum's {@code AUP#In-1310}, Orange's and La
 *       Poste's {@code OFR005_505}, {@code LPN000_630}, GoDaddy's {@code IB212} as the reply's last
 *       word. It decides over the words beside it and over the codes, with the receiver's meaning
 *       at the head of the remediation; tokens are read as the receivers write them (upper case).
 *       Rule {@code provider-token:cox:CXBL}.
 *   <li><b>Provider meaning.</b> When the provider is known (not {@link Provider#OTHER}), {@link
 *       ProviderCodes#lookup(Provider, EnhancedStatusCode, CharSequence)} gives the status code a
 *       meaning, and no strong text rule (step 2) contradicts it, that meaning decides reason,
 *       retry advice, actor and remediation. A meaning the reply's own words selected (one of
 *       several variants of a code) always decides. Providers reuse codes (Gmail's 5.7.1 covers
 *       spam, reputation, blocklisting and header faults), so a primary meaning the text
 *       contradicts gives way. Rule {@code provider:microsoft:5.7.509}.
 *   <li><b>Text rules</b> on the diagnostic text, the most informative signal in real bounces. The
 *       text is normalised first (lower case; addresses, reply codes and status codes removed;
 *       contractions expanded; punctuation as word breaks) and matched against the phrases of
 *       {@code text-rules.txt} in package {@code io.maildiag.ndr.classify}, on whole words, with
 *       no regular expressions. Each phrase is <em>strong</em> ("mailbox full", "spamhaus",
 *       "relay access denied": it names a reason on its own) or <em>weak</em> ("rejected", "try
 *       again later"). A strong match beats a weak one; among matches of the same strength the
 *       one that starts earliest wins (a server states its reason first and adds advice and
 *       boilerplate after), then the longer phrase, then the phrase listed first (the file is
 *       ordered from specific to generic). Rule {@code text:"mailbox full"}.
 *   <li><b>Status code.</b> The enhanced status code's own meaning, {@link
 *       io.maildiag.ndr.code.NdrCode#defaultClassification}, with its remediation. Rule {@code
 *       status:5.1.1}.
 *   <li><b>Reply code.</b> 421 and 451 system error, 452 system full, 500 to 504 and 555 syntax
 *       error, 521 and 556 not accepting, 530, 534, 535 and 538 security error, 551 has moved, 552
 *       mailbox full, 553 user unknown; 550 and 554 say nothing. Rule {@code reply:552}.
 *   <li><b>Undefined.</b> Rule {@code action:failed} (the action that gave the permanence) or
 *       {@code none}.
 * </ol>
 *
 * <p><b>Text against code.</b> A <em>specific</em> status code, one that names one reason and
 * that servers use that way (X.1.1, X.1.2, X.1.3, X.1.6, X.1.7, X.1.8, X.1.10, X.2.2, X.2.3,
 * X.3.1, X.3.4, X.4.4, X.4.6, X.4.7, X.5.1 to X.5.4, X.6.1 to X.6.3, X.6.7, X.7.8, X.7.10,
 * X.7.11, X.7.17, X.7.18, X.7.20 to X.7.27, X.7.29, X.7.30), beats weak text; strong text beats
 * it, because real servers send 5.1.1 or 5.2.1 with "IP address blacklisted" or "user unknown"
 * and the words are right more often than the code. When several strong phrases match, one that
 * agrees with a specific code wins over an earlier one that does not. A <em>generic</em> code
 * (X.7.1, X.2.1, X.4.1, X.5.0 ...) loses to any text rule, weak or strong.
 *
 * <p><b>Adjustments</b> after the choice, each appended to the rule ({@code
 * text:"connection timed out"+action:failed}):
 *
 * <ul>
 *   <li>a host or domain failure reported with a transient code (4.x.x, or a 4xx reply without a
 *       status) is {@link Reason#NETWORK_ERROR}: the lookup failed for now;
 *   <li>a connection failure reported with a transient code (X.0.0, X.4.0 to X.4.2, X.4.7, or a
 *       4xx reply), or with no code at all, and the action {@code failed} is {@link
 *       Reason#EXPIRED}: the sending system gave up retrying (not a failure found on the first
 *       attempt, such as a mail loop or a route that cannot be used, nor a failure the report
 *       names as what happened: a session lost once under way, a DNS answer of "try again",
 *       qmail's "wasn't able to establish an SMTP connection"; their rules are flagged {@code
 *       at-once});
 *   <li>Postfix's "type=MX: Malformed or unexpected name server reply", its reading of a null MX,
 *       is {@link Reason#NOT_ACCEPTING} with a permanent code only; with a transient one it is a
 *       DNS fault being retried ({@link Reason#NETWORK_ERROR});
 *   <li>when the text places the reply at the connection, greeting or {@code HELO} only ("after
 *       initial connection", "refused to talk to me", qmail's "my name was rejected", "in reply
 *       to EHLO command"), an address failure or a security refusal ("not authorized"), or a
 *       syntax, policy, sender or undefined refusal from weak evidence, is about the sending host:
 *       {@link Reason#BLOCKED} (no sender or recipient had been named yet);
 *   <li>when the text places the reply at {@code MAIL FROM} only ("in reply to MAIL FROM
 *       command", "after MAIL FROM", qmail's "sender was rejected"), an address failure, or a
 *       security, syntax, policy or undefined refusal from weak evidence, is about the sender:
 *       {@link Reason#REJECTED};
 *   <li>when the text places the reply at {@code DATA} only and the status is not X.1.x, an
 *       unknown-user reply is {@link Reason#FILTERED}: a mailbox that does not exist is refused
 *       at RCPT TO, so a refusal after the content was sent is a filter speaking (except at Yahoo
 *       and AOL, which accept every recipient and refuse unknown ones after the content: {@code 554
 *       delivery error: dd This user doesn't have a yahoo.com account});
 *   <li>when the failure came from a local delivery program (the {@code X-Unix} diagnostic type),
 *       a security verdict ("insufficient permission": the program could not write the mailbox,
 *       no policy refused the sender) is {@link Reason#SYSTEM_ERROR}; a system error, any verdict
 *       when a strong rule names the program or its failure ("procmail: Couldn't create ... No
 *       such user"), and an undefined, syntax or policy verdict from weak evidence are {@link
 *       Reason#MAILER_ERROR}: the program failed. A specific reason the program gives ("Disk quota
 *       exceeded") stays.
 * </ul>
 *
 * <p>An {@link Reason#EXPIRED} verdict in a delay warning (action {@code delayed}, a transient
 * code) keeps its reason, but its remediation says that the message is still being tried
 * ("Delivery is delayed: ..."), not that it expired, also where a provider's table gave the
 * code a sentence of its own.
 *
 * <p>The bounce parser ({@link BounceAnalyzer}) keeps the stage in the diagnostic text: when the
 * bounce names it apart from the reply (a sendmail or Courier transcript, qmail's sentences,
 * Exim's "SMTP error from remote mail server after RCPT TO:", Yahoo's {@code [RCPT_TO]}), it
 * appends Postfix's wording, such as {@code (in reply to RCPT TO command)}, to the reply. Callers
 * that build a {@link ClassificationInput} themselves can do the same.
 *
 * <h2>Permanence, retry advice, actor, remediation</h2>
 *
 * <p>Permanence follows the status class (5 permanent; 4 and 2 not), else the reply code (5xx
 * permanent), else the action ({@code failed} permanent, {@code delayed} not). The reason does
 * not change it: a mailbox-full reply with 5.2.2 is permanent, with 4.2.2 transient.
 *
 * <table>
 *   <caption>Retry advice</caption>
 *   <tr><th>Reason</th><th>Permanent</th><th>Transient</th></tr>
 *   <tr><td>NOT_ACCEPTING, HAS_MOVED, SUPPRESSED</td>
 *       <td>SUPPRESS_ADDRESS</td><td>SUPPRESS_ADDRESS (retrying never helps: a null MX is the
 *       domain's published refusal of all mail, a moved mailbox does not come back, a suppression
 *       list keeps the address until someone removes it)</td></tr>
 *   <tr><td>USER_UNKNOWN, HOST_UNKNOWN, SUSPENDED</td>
 *       <td>SUPPRESS_ADDRESS</td><td>RETRY_LATER (a transient code here usually means a lookup
 *       failed for now)</td></tr>
 *   <tr><td>AUTH_FAILURE, BLOCKED, BAD_REPUTATION, REQUIRE_PTR, EMAIL_TOO_LARGE,
 *       FAILED_STARTTLS, NOT_RFC_COMPLIANT, CONTENT_ERROR</td>
 *       <td>FIX_THEN_RETRY</td><td>FIX_THEN_RETRY (retrying alone cannot cure them)</td></tr>
 *   <tr><td>every other failure</td><td>DO_NOT_RETRY</td><td>RETRY_LATER</td></tr>
 *   <tr><td>DELIVERED, AUTO_REPLY, FEEDBACK</td><td colspan="2">DO_NOT_RETRY (never permanent)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Actor</caption>
 *   <tr><th>Actor</th><th>Reasons</th></tr>
 *   <tr><td>SENDER</td><td>USER_UNKNOWN, HOST_UNKNOWN, HAS_MOVED, NOT_ACCEPTING, SPAM_DETECTED,
 *       VIRUS_DETECTED, CONTENT_ERROR, EMAIL_TOO_LARGE</td></tr>
 *   <tr><td>SENDER_ADMIN</td><td>REJECTED, BLOCKED, BAD_REPUTATION, REQUIRE_PTR, AUTH_FAILURE,
 *       NOT_RFC_COMPLIANT, POLICY_VIOLATION, SECURITY_ERROR, NO_RELAYING, EXCEEDED_LIMIT,
 *       RATE_LIMITED (permanent), SYNTAX_ERROR, FAILED_STARTTLS, SUPPRESSED, FEEDBACK</td></tr>
 *   <tr><td>RECIPIENT</td><td>MAILBOX_FULL, SUSPENDED</td></tr>
 *   <tr><td>RECIPIENT_ADMIN</td><td>FILTERED, SYSTEM_FULL, MAILER_ERROR, NETWORK_ERROR (permanent), EXPIRED,
 *       ON_HOLD</td></tr>
 *   <tr><td>PROVIDER</td><td>SYSTEM_ERROR</td></tr>
 *   <tr><td>NONE</td><td>RATE_LIMITED and NETWORK_ERROR when transient, UNDEFINED, DELIVERED,
 *       AUTO_REPLY</td></tr>
 * </table>
 *
 * <p>Remediation is one concrete sentence per reason (a transient variant for MAILBOX_FULL,
 * RATE_LIMITED, SYSTEM_FULL, SYSTEM_ERROR and NETWORK_ERROR), the status code's own sentence when
 * the code decided, or the provider's advice when a provider meaning decided.
 *
 * @since 0.1
 */
public final class ReasonClassifier {
  /** Diagnostic text beyond this many characters is not read: {@value}. */
  public static final int MAX_TEXT_CHARS = 16_384;

  private static final ReasonClassifier STANDARD = new ReasonClassifier(TextRules.standard());

  private final TextRules rules;

  private ReasonClassifier(TextRules rules) {
    this.rules = rules;
  }

  /** The part of a diagnostic text the classifier reads: its first {@value #MAX_TEXT_CHARS} chars. */
  private static String readPart(String text) {
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
  }

  /** Returns the standard classifier. */
  public static ReasonClassifier standard() {
    return STANDARD;
  }

  /**
   * Classifies one recipient. Never throws: any text is accepted (only its first {@value
   * #MAX_TEXT_CHARS} characters are read) and the result is always complete.
   *
   * @throws NullPointerException if {@code input} is null
   */
  public Classification classify(ClassificationInput input) {
    return classify(input, null);
  }

  /**
   * {@link #classify(ClassificationInput)}, given the scan of the normalised diagnostic text when
   * the caller made one already (the bounce parser does, to see whether the text names its SMTP
   * stage); null to make it here. The scan must be of the {@linkplain TextRules#standard()
   * standard rules} over {@link TextNormalizer#normalize} of the input's diagnostic text.
   */
  Classification classify(ClassificationInput input, TextRules.@Nullable Scan scanned) {
    Objects.requireNonNull(input, "input");
    String action = LowerCase.root(input.action().strip());
    Optional<EnhancedStatusCode> status = input.status();
    Optional<ReplyCode> reply = input.replyCode();

    Optional<Reason> notBounce = notBounce(action, status, reply);
    if (notBounce.isPresent()) {
      Reason r = notBounce.get();
      String rule = isNotBounceAction(action) ? "action:" + action
          : status.isPresent() && status.get().isSuccess() ? "status:" + status.get()
          : reply.isPresent() ? "reply:" + reply.get() : "action:" + action;
      return verdict(r, false, rule);
    }

    // the status class, else the reply code, else the action (plain tests: no Optional per call)
    boolean permanent = status.isPresent() ? status.get().isPermanent()
        : reply.isPresent() ? reply.get().isPermanent() : "failed".equals(action);

    boolean mayBeNotBounce = status.isEmpty() && reply.isEmpty() && !action.equals("failed")
        && !action.equals("delayed");
    // a receiver's own error token ("AUP#CXBL") says why, whatever words stand beside it
    String text = readPart(input.diagnosticText());
    Optional<ProviderTokens.Token> token = mayBeNotBounce ? Optional.empty() : ProviderTokens.find(text);
    if (token.isPresent()) {
      ProviderTokens.Token t = token.get();
      Classification v = verdict(t.reason(), permanent, t.ruleName());
      String said = t.providerName() + " says " + t.meaning() + " (" + t.token() + "). ";
      return new Classification(v.reason(), v.permanent(), v.retry(), v.actor(), said + v.remediation(), v.rule());
    }
    // the text's words are indexed once, for matches and stages
    TextRules.Scan scan = scanned != null ? scanned : rules.scan(TextNormalizer.normalize(text));
    List<TextMatch> matches = scan.matches();
    TextMatch strong = best(matches, Tier.STRONG, null, mayBeNotBounce);
    TextMatch weak = best(matches, Tier.WEAK, null, mayBeNotBounce);

    // (a) provider meaning, unless strong text contradicts a meaning the text did not pick
    if (input.provider() != Provider.OTHER && status.isPresent()) {
      // the meanings are looked up once; only a code with variants needs the text to pick one
      List<ProviderCode> variants = ProviderCodes.lookupAll(input.provider(), status.get());
      if (!variants.isEmpty()) {
        ProviderCode primary = variants.get(0);
        ProviderCode p = variants.size() < 2 ? primary
            : ProviderCodes.lookup(input.provider(), status.get(), text).orElseThrow();
        // the table's meanings are distinct instances, none equal to another: identity is equality
        boolean pickedByText = p != primary;
        if (pickedByText || strong == null || strong.reason() == p.reason()) {
          String providerRule = "provider:" + input.provider().jsonName() + ":" + status.get();
          if (p.reason() == Reason.EXPIRED && action.equals("delayed") && !permanent) {
            // a delay warning: the provider's "resend" advice is for the expiry that has not come yet
            return Advice.delayWarningExpiry(providerRule);
          }
          return new Classification(p.reason(), permanent, p.retry(), p.actor(), p.remediation(), providerRule);
        }
      }
    }

    // (b) text, (c) status, (d) reply, (e) undefined
    Optional<StatusMeaning> meaning = status.isPresent() ? CodeDefaults.status(status.get()) : Optional.empty();
    Reason reason;
    String rule;
    @Nullable String remediation = null; // the status code's own sentence when the code decided
    boolean weakSource; // decided by a weak rule, a generic code, a reply code or nothing
    @Nullable TextMatch decided = null; // the text rule that decided, if one did
    if (meaning.isPresent() && meaning.get().specific()) {
      TextMatch agreeing = best(matches, Tier.STRONG, meaning.get().reason(), mayBeNotBounce);
      TextMatch chosen = agreeing != null ? agreeing : strong;
      if (chosen != null) {
        reason = chosen.reason();
        rule = chosen.ruleName();
        decided = chosen;
      } else {
        reason = meaning.get().reason();
        rule = "status:" + status.get();
        remediation = meaning.get().remediation();
      }
      weakSource = false;
    } else if (strong != null) {
      reason = strong.reason();
      rule = strong.ruleName();
      decided = strong;
      weakSource = false;
    } else if (weak != null) {
      reason = weak.reason();
      rule = weak.ruleName();
      decided = weak;
      weakSource = true;
    } else if (meaning.isPresent()) {
      reason = meaning.get().reason();
      rule = "status:" + status.get();
      remediation = meaning.get().remediation();
      weakSource = true;
    } else if (reply.isPresent() && CodeDefaults.reply(reply.get()).isPresent()) {
      reason = CodeDefaults.reply(reply.get()).get();
      rule = "reply:" + reply.get();
      weakSource = true;
    } else {
      reason = Reason.UNDEFINED;
      rule = action.isEmpty() ? "none" : "action:" + action;
      weakSource = true;
    }

    // adjustments
    Reason chosenReason = reason;
    boolean transientCode = status.isPresent() ? status.get().isTransient()
        : reply.isPresent() && reply.get().isTransient();
    int stages = scan.stageBits();
    if (reason == Reason.NOT_ACCEPTING && transientCode && decided != null
        && decided.phrase().startsWith("type mx malformed")) {
      // Postfix's bad MX answer under a transient code is a DNS fault being retried, not a null MX
      reason = Reason.HOST_UNKNOWN;
    }
    if (reason == Reason.HOST_UNKNOWN && transientCode) {
      String codeRule = status.isPresent() ? "status:" + status.get() : reply.isPresent() ? "reply:" + reply.get() : "";
      reason = Reason.NETWORK_ERROR;
      rule = rule.equals(codeRule) ? rule : rule + "+" + codeRule;
    } else if (reason == Reason.NETWORK_ERROR && action.equals("failed") && (decided == null || !rules.foundAtOnce(decided))
        && (status.isEmpty() && reply.isEmpty()
        || transientCode && (status.isEmpty() || status.get().subject() == 0
            || (status.get().subject() == 4 && (status.get().detail() <= 2 || status.get().detail() == 7))))) {
      reason = Reason.EXPIRED;
      rule = rule + "+action:failed";
    } else if (only(stages, Stage.CONNECT) && (reason == Reason.USER_UNKNOWN
            || reason == Reason.HOST_UNKNOWN || reason == Reason.SECURITY_ERROR
            || (weakSource && (reason == Reason.SYNTAX_ERROR || reason == Reason.POLICY_VIOLATION
                || reason == Reason.REJECTED || reason == Reason.UNDEFINED)))) {
      reason = Reason.BLOCKED;
      rule = rule + "+stage:connect";
    } else if (only(stages, Stage.MAIL_FROM) && (reason == Reason.USER_UNKNOWN
            || reason == Reason.HOST_UNKNOWN || (weakSource && (reason == Reason.SECURITY_ERROR
                || reason == Reason.SYNTAX_ERROR || reason == Reason.POLICY_VIOLATION
                || reason == Reason.UNDEFINED)))) {
      reason = Reason.REJECTED;
      rule = rule + "+stage:mail-from";
    } else if (reason == Reason.USER_UNKNOWN && only(stages, Stage.DATA)
        && (status.isEmpty() || status.get().subject() != 1) && input.provider() != Provider.YAHOO) {
      reason = Reason.FILTERED;
      rule = rule + "+stage:data";
    } else if ((stages & 1 << Stage.LOCAL.ordinal()) != 0 && reason == Reason.SECURITY_ERROR) {
      reason = Reason.SYSTEM_ERROR; // "insufficient permission": the program could not write the mailbox
      rule = rule + "+stage:local";
    } else if ((stages & 1 << Stage.LOCAL.ordinal()) != 0 && reason != Reason.MAILER_ERROR
        && (reason == Reason.SYSTEM_ERROR || namesLocalProgram(matches)
            || weakSource && (reason == Reason.UNDEFINED || reason == Reason.SYNTAX_ERROR
                || reason == Reason.POLICY_VIOLATION))) {
      reason = Reason.MAILER_ERROR;
      rule = rule + "+stage:local";
    }
    if (reason == Reason.EXPIRED && action.equals("delayed") && !permanent) {
      // a delay warning: the message has not expired yet, the sending system is still trying
      return Advice.delayWarningExpiry(rule);
    }
    Classification c = verdict(reason, permanent, rule);
    if (remediation != null && reason == chosenReason) {
      c = new Classification(c.reason(), c.permanent(), c.retry(), c.actor(), remediation, c.rule());
    }
    return c;
  }

  /**
   * Whether a strong rule names a local delivery program or its failure ("procmail", "pipe to",
   * "command died with status"): a mailer error, or a system error worded by the program, but not
   * the {@code X-Unix} marker itself, which every local program's report carries.
   */
  private static boolean namesLocalProgram(List<TextMatch> matches) {
    for (TextMatch m : matches) {
      if (m.tier() == Tier.STRONG && (m.reason() == Reason.MAILER_ERROR
          || m.reason() == Reason.SYSTEM_ERROR && !m.phrase().equals("x unix"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code stage} is the only SMTP stage named (the local-delivery marker aside), given the
   * stages named as bits ({@link TextRules.Scan#stageBits}).
   */
  private static boolean only(int stages, Stage stage) {
    return (stages & ~(1 << Stage.LOCAL.ordinal())) == 1 << stage.ordinal();
  }

  private static Classification verdict(Reason reason, boolean permanent, String rule) {
    return new Classification(reason, permanent, Advice.retry(reason, permanent),
        Advice.actor(reason, permanent), Advice.remediation(reason, permanent), rule);
  }

  /**
   * The earliest match of a tier (optionally of one reason); equal starts go to the longer phrase,
   * then to the earlier rule.
   */
  private static @Nullable TextMatch best(List<TextMatch> matches, Tier tier, @Nullable Reason only,
      boolean notBounceAllowed) {
    TextMatch best = null;
    for (int i = 0; i < matches.size(); i++) {
      TextMatch m = matches.get(i);
      if (m.tier() != tier || (only != null && m.reason() != only)) {
        continue;
      }
      if (!m.reason().isFailure() && !notBounceAllowed) {
        continue;
      }
      if (best == null || m.start() < best.start() || (m.start() == best.start()
          && (m.length() > best.length() || (m.length() == best.length() && m.order() < best.order())))) {
        best = m;
      }
    }
    return best;
  }

  private static boolean isNotBounceAction(String action) {
    return switch (action) {
      case "delivered", "relayed", "expanded", "deliverable", "auto-replied", "auto-reply",
          "autoreply", "vacation", "feedback", "feedback-report", "complaint", "abuse" -> true;
      default -> false;
    };
  }

  private static Optional<Reason> notBounce(String action, Optional<EnhancedStatusCode> status,
      Optional<ReplyCode> reply) {
    switch (action) {
      case "delivered", "relayed", "expanded", "deliverable":
        return Optional.of(Reason.DELIVERED);
      case "auto-replied", "auto-reply", "autoreply", "vacation":
        return Optional.of(Reason.AUTO_REPLY);
      case "feedback", "feedback-report", "complaint", "abuse":
        return Optional.of(Reason.FEEDBACK);
      case "failed", "delayed":
        return Optional.empty();
      default:
        break;
    }
    if (status.isPresent()) {
      return status.get().isSuccess() ? Optional.of(Reason.DELIVERED) : Optional.empty();
    }
    return reply.isPresent() && reply.get().isPositive() ? Optional.of(Reason.DELIVERED) : Optional.empty();
  }
}
