package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import io.maildiag.ndr.code.Provider;
import io.maildiag.ndr.code.ProviderCodes;
import io.maildiag.ndr.code.ReplyCode;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision order: provider, text, status code, reply code, action; and the adjustments. */
class ReasonClassifierPrecedenceTest {

  static Classification classify(String status, Integer reply, String text, String action, Provider provider) {
    return ReasonClassifier.standard().classify(new ClassificationInput(
        Optional.ofNullable(status).map(EnhancedStatusCode::of), Optional.ofNullable(reply).map(ReplyCode::of),
        text, action, provider));
  }

  static Classification classify(String status, Integer reply, String text) {
    return classify(status, reply, text, "failed", Provider.OTHER);
  }

  @Nested
  class Provider_ {
    @Test
    void providerMeaningDecidesWhenTheTextAgrees() {
      Classification c = classify("5.7.509", 550,
          "Access denied, sending domain EXAMPLE.COM does not pass DMARC verification and has a DMARC policy of reject.",
          "failed", Provider.MICROSOFT);
      assertThat(c.reason()).isEqualTo(Reason.AUTH_FAILURE);
      assertThat(c.rule()).isEqualTo("provider:microsoft:5.7.509");
      assertThat(c.remediation())
          .isEqualTo(ProviderCodes.lookup(Provider.MICROSOFT, EnhancedStatusCode.of("5.7.509")).orElseThrow().remediation());
    }

    @Test
    void providerMeaningDecidesWhenTheTextSaysNothingSpecific() {
      Classification c = classify("5.7.509", 550, "Access denied", "failed", Provider.MICROSOFT);
      assertThat(c.reason()).isEqualTo(Reason.AUTH_FAILURE);
      assertThat(c.rule()).isEqualTo("provider:microsoft:5.7.509");
    }

    @Test
    void providerVariantPickedByTheTextDecides() {
      Classification c = classify("5.2.1", 550,
          "The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
          "failed", Provider.GOOGLE);
      assertThat(c.reason()).isEqualTo(Reason.RATE_LIMITED);
      assertThat(c.rule()).isEqualTo("provider:google:5.2.1");
    }

    @Test
    void strongTextBeatsAPrimaryMeaningItContradicts() {
      // Outlook.com sends 5.5.0 for many failures; the primary meaning is "mailbox unavailable"
      Classification c = classify("5.5.0", 554,
          "The mail could not be delivered to the recipient because the domain is not reachable.", "failed",
          Provider.MICROSOFT);
      assertThat(c.reason()).isEqualTo(Reason.HOST_UNKNOWN);
      assertThat(c.rule()).startsWith("text:");
    }

    @Test
    void otherProviderIsNeverLookedUp() {
      Classification c = classify("5.7.509", 550, "", "failed", Provider.OTHER);
      assertThat(c.rule()).doesNotStartWith("provider:");
    }
  }

  @Nested
  class TextAndCode {
    @Test
    void strongTextBeatsASpecificCode() {
      Classification c = classify("5.1.1", 550, "IP address blacklisted by recipient");
      assertThat(c.reason()).isEqualTo(Reason.BLOCKED);
      assertThat(c.rule()).startsWith("text:");
    }

    @Test
    void specificCodeBeatsWeakText() {
      Classification c = classify("5.1.1", 550, "Access denied");
      assertThat(c.reason()).isEqualTo(Reason.USER_UNKNOWN);
      assertThat(c.rule()).isEqualTo("status:5.1.1");
      Classification full = classify("5.2.2", 552, "Requested action aborted: try again later");
      assertThat(full.reason()).isEqualTo(Reason.MAILBOX_FULL);
      assertThat(full.rule()).isEqualTo("status:5.2.2");
    }

    @Test
    void weakTextBeatsAGenericCode() {
      Classification c = classify("5.7.1", 550, "Client host rejected: Access denied");
      assertThat(c.reason()).isEqualTo(Reason.BLOCKED);
      assertThat(c.rule()).isEqualTo("text:\"client host rejected\"");
    }

    @Test
    void genericCodeDecidesWhenNoTextRuleMatches() {
      Classification c = classify("5.7.1", 550, "Nope.");
      assertThat(c.reason()).isEqualTo(io.maildiag.ndr.code.NdrCode.defaultClassification(EnhancedStatusCode.of("5.7.1")).reason());
      assertThat(c.rule()).isEqualTo("status:5.7.1");
    }

    @Test
    void strongTextAgreeingWithTheCodeWinsOverAnEarlierOne() {
      Classification c = classify("5.2.2", 550, "User unknown or mailbox full");
      assertThat(c.reason()).isEqualTo(Reason.MAILBOX_FULL);
      Classification noCode = classify(null, 550, "User unknown or mailbox full");
      assertThat(noCode.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void earliestStrongPhraseWins() {
      Classification c = classify(null, 550, "Message expired: unable to deliver in 840 minutes. Connection timed out");
      assertThat(c.reason()).isEqualTo(Reason.EXPIRED);
      Classification d = classify("4.4.1", null, "Connection timed out; message could not be delivered for 5 days",
          "delayed", Provider.OTHER);
      assertThat(d.reason()).isEqualTo(Reason.NETWORK_ERROR);
    }

    @Test
    void equalStartGoesToTheLongerPhrase() {
      // "blocked by the recipient" (filtered) and "blocked by" (blocked) start together
      Classification c = classify(null, 550, "Blocked by the recipient's rules for unwanted senders");
      assertThat(c.reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void replyCodeDecidesWhenNothingElseDoes() {
      assertThat(classify(null, 552, "").rule()).isEqualTo("reply:552");
      assertThat(classify(null, 552, "").reason()).isEqualTo(Reason.MAILBOX_FULL);
      assertThat(classify(null, 556, "").reason()).isEqualTo(Reason.NOT_ACCEPTING);
      assertThat(classify(null, 550, "").reason()).isEqualTo(Reason.UNDEFINED);
    }

    @Test
    void nothingKnownIsUndefined() {
      Classification c = classify(null, null, "", "failed", Provider.OTHER);
      assertThat(c.reason()).isEqualTo(Reason.UNDEFINED);
      assertThat(c.rule()).isEqualTo("action:failed");
      assertThat(c.permanent()).isTrue();
      Classification none = classify(null, null, "", "", Provider.OTHER);
      assertThat(none.rule()).isEqualTo("none");
      assertThat(none.permanent()).isFalse();
    }

    @Test
    void addressesInTheTextAreNotRead() {
      // local parts must not look like words
      Classification c = classify(null, 550, "<mailbox-full@example.com>: Recipient address rejected: User unknown");
      assertThat(c.reason()).isEqualTo(Reason.USER_UNKNOWN);
      Classification d = classify(null, 550, "<this-user-does-not-exist@example.com>... Relaying denied");
      assertThat(d.reason()).isEqualTo(Reason.NO_RELAYING);
    }

    @Test
    void multiLineReplyPrefixesDoNotBreakPhrases() {
      Classification c = classify("5.7.26", 550,
          "550-5.7.26 Unauthenticated email from example.com is not accepted due to 550-5.7.26 domain's DMARC policy.");
      assertThat(c.reason()).isEqualTo(Reason.AUTH_FAILURE);
      assertThat(c.rule()).isEqualTo("text:\"unauthenticated email\"");
    }
  }

  @Nested
  class Adjustments {
    @Test
    void transientHostFailureIsANetworkError() {
      Classification c = classify("4.0.0", null,
          "DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN Domain name not found: example.invalid");
      assertThat(c.reason()).isEqualTo(Reason.NETWORK_ERROR);
      assertThat(c.rule()).isEqualTo("text:\"nxdomain\"+status:4.0.0");
      assertThat(c.permanent()).isFalse();
    }

    @Test
    void givenUpConnectionFailureExpired() {
      Classification c = classify("4.4.1", null, "connect to mx.example.com[192.0.2.1]:25: Connection timed out");
      assertThat(c.reason()).isEqualTo(Reason.EXPIRED);
      assertThat(c.rule()).isEqualTo("text:\"connection timed out\"+action:failed");
      Classification delayed = classify("4.4.1", null, "connect to mx.example.com[192.0.2.1]:25: Connection timed out",
          "delayed", Provider.OTHER);
      assertThat(delayed.reason()).isEqualTo(Reason.NETWORK_ERROR);
      // a final report of a connection failure that gives no code at all: the sender gave up too
      Classification noCode = classify(null, null, "The recipient server did not accept our requests to connect.");
      assertThat(noCode.reason()).isEqualTo(Reason.EXPIRED);
      // a permanent reply is the remote server's word, not a queue that ran out
      Classification permanent = classify(null, 554, "554 connection refused");
      assertThat(permanent.reason()).isNotEqualTo(Reason.EXPIRED);
    }

    @Test
    void mailFromStageMakesAddressFailuresAboutTheSender() {
      Classification c = classify(null, 553,
          "host mx.example.org said: 553 sender.example.net does not exist (in reply to MAIL FROM command)");
      assertThat(c.reason()).isEqualTo(Reason.REJECTED);
      assertThat(c.rule()).endsWith("+stage:mail-from");
      Classification weak = classify("5.7.1", 550, "Access denied (in reply to MAIL FROM command)");
      assertThat(weak.reason()).isEqualTo(Reason.REJECTED);
      Classification rcpt = classify("5.7.1", 550, "Access denied (in reply to RCPT TO command)");
      assertThat(rcpt.reason()).isNotEqualTo(Reason.REJECTED);
    }

    @Test
    void unknownUserAfterDataIsAFilter() {
      Classification c = classify("5.0.0", 550, "550 Unknown user (in reply to end of DATA command)");
      assertThat(c.reason()).isEqualTo(Reason.FILTERED);
      assertThat(c.rule()).endsWith("+stage:data");
      Classification explicit = classify("5.1.1", 550, "550 5.1.1 Unknown user (in reply to end of DATA command)");
      assertThat(explicit.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }
  }

  @Nested
  class Stages {
    @Test
    void refusalsAtTheConnectionOrHeloAreAboutTheSendingHost() {
      Classification helo = classify("5.0.0", 501, "501 5.0.0 Invalid domain name (in reply to HELO command)");
      assertThat(helo.reason()).isEqualTo(Reason.BLOCKED);
      assertThat(helo.rule()).endsWith("+stage:connect");
      Classification greeting = classify(null, 554,
          "host mx.example.org[192.0.2.1] refused to talk to me: 554 Access denied");
      assertThat(greeting.reason()).isEqualTo(Reason.BLOCKED);
      Classification exim = classify("5.7.1", 550,
          "SMTP error from remote mail server after initial connection: 550 5.7.1 not authorized");
      assertThat(exim.reason()).isEqualTo(Reason.BLOCKED);
      // a specific verdict stays: the greeting may well name the reverse-DNS or rate problem
      Classification ptr = classify("5.7.1", 554,
          "SMTP error from remote mail server after initial connection: 554 5.7.1 Missing reverse DNS for 192.0.2.2");
      assertThat(ptr.reason()).isEqualTo(Reason.REQUIRE_PTR);
      Classification rate = classify("4.7.0", 421, "421 4.7.0 Too many connections from your IP (after initial connection)");
      assertThat(rate.reason()).isEqualTo(Reason.RATE_LIMITED);
    }

    @Test
    void policyRefusalAtMailFromIsAboutTheSender() {
      Classification c = classify("5.7.0", 550, "550 5.7.0 Not allowed (in reply to MAIL FROM command)");
      assertThat(c.reason()).isEqualTo(Reason.REJECTED);
      Classification qmail = classify("5.1.1", 550,
          "Connected to 192.0.2.80 but sender was rejected. Remote host said: 550 5.1.1 <alice@example.net>... User unknown");
      assertThat(qmail.reason()).isEqualTo(Reason.REJECTED);
    }

    @Test
    void unknownUserAfterDataAtYahooIsStillUnknown() {
      // Yahoo and AOL accept every RCPT TO and refuse unknown mailboxes after the content
      Classification yahoo = classify("5.0.0", 554, "554 delivery error: dd This user doesn't have a yahoo.com account "
          + "(nobody@yahoo.com) [0] - mta1234.mail.ne1.yahoo.com (in reply to end of DATA command)", "failed",
          Provider.YAHOO);
      assertThat(yahoo.reason()).isEqualTo(Reason.USER_UNKNOWN);
      Classification other = classify("5.0.0", 554, "554 delivery error: dd This user doesn't have an account "
          + "(in reply to end of DATA command)", "failed", Provider.OTHER);
      assertThat(other.reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void conflictingStagesChangeNothing() {
      Classification c = classify("5.0.0", 550,
          "550 Unknown user after RCPT TO:<a@example.org> (in reply to end of DATA command)");
      assertThat(c.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }

    @Test
    void localDeliveryProgramFailuresAreMailerErrors() {
      Classification exit = classify("5.0.0", null, "255 (X-Unix)");
      assertThat(exit.reason()).isEqualTo(Reason.MAILER_ERROR);
      Classification weak = classify("5.5.0", null, "syntax problem in the filter (X-Unix)");
      assertThat(weak.reason()).isEqualTo(Reason.MAILER_ERROR);
      assertThat(classify("4.3.0", null, "temporary failure (X-Unix)").reason()).isEqualTo(Reason.MAILER_ERROR);
      assertThat(classify("4.5.0", 451, "451 4.0.0 Operating system error (X-Unix)").reason()).isEqualTo(Reason.MAILER_ERROR);
      // procmail wrote the words: its failure, whatever it says of the user
      Classification procmail = classify("5.1.1", null,
          "procmail: Couldn't create \"/var/spool/mail/frank\" id: example.org: No such user (X-Unix)");
      assertThat(procmail.reason()).isEqualTo(Reason.MAILER_ERROR);
      assertThat(procmail.rule()).endsWith("+stage:local");
      // a delivery program without permission to write the mailbox failed; no policy refused anyone
      Classification permission = classify("5.3.0", 550, "550 5.0.0 <a@example.org>... Insufficient permission (X-Unix)");
      assertThat(permission.reason()).isEqualTo(Reason.SYSTEM_ERROR);
      assertThat(permission.rule()).endsWith("+stage:local");
      assertThat(classify("5.3.0", 550, "550 5.0.0 <a@example.org>... Insufficient permission").reason())
          .isEqualTo(Reason.SECURITY_ERROR);
      // a delivery agent that says the mailbox is full or the user unknown is believed
      Classification full = classify("5.2.2", null, "maildrop: maildir over quota. (X-Unix)");
      assertThat(full.reason()).isEqualTo(Reason.MAILBOX_FULL);
      Classification unknown = classify("5.1.1", null, "dovecot-lda: Unknown user frank (X-Unix)");
      assertThat(unknown.reason()).isEqualTo(Reason.USER_UNKNOWN);
    }
  }

  @Nested
  class Tokens {
    @Test
    void aTokenDecidesAFailureButNotATextThatMayBeNoBounce() {
      Classification failed = classify("5.1.0", 550, "550 5.1.0 <a@example.org> sender rejected. AUP#CXBL", "failed",
          Provider.OTHER);
      assertThat(failed.reason()).isEqualTo(Reason.BLOCKED);
      assertThat(failed.rule()).isEqualTo("provider-token:cox:CXBL");
      assertThat(failed.remediation()).startsWith("Cox says ");
      Classification maybeNot = classify(null, null, "I am out of the office until Monday. Ticket IB212", "",
          Provider.OTHER);
      assertThat(maybeNot.rule()).doesNotStartWith("provider-token");
    }
  }

  @Nested
  class NotBounces {
    @Test
    void deliveredActionWinsOverTheCode() {
      Classification c = classify("5.1.1", 550, "User unknown", "delivered", Provider.OTHER);
      assertThat(c.reason()).isEqualTo(Reason.DELIVERED);
      assertThat(c.rule()).isEqualTo("action:delivered");
      assertThat(c.actor()).isEqualTo(Actor.NONE);
      assertThat(c.retry()).isEqualTo(RetryAdvice.DO_NOT_RETRY);
    }

    @Test
    void successStatusWithoutActionIsDelivered() {
      Classification c = classify("2.0.0", 250, "250 2.0.0 Ok: queued as 12345", "", Provider.OTHER);
      assertThat(c.reason()).isEqualTo(Reason.DELIVERED);
      assertThat(c.rule()).isEqualTo("status:2.0.0");
    }

    @Test
    void autoReplyWordsAreIgnoredInFailures() {
      Classification c = classify("5.1.1", 550, "User unknown. I am out of the office.", "failed", Provider.OTHER);
      assertThat(c.reason()).isEqualTo(Reason.USER_UNKNOWN);
      Classification d = classify(null, null, "Vacation notice could not be delivered: mailbox full", "failed", Provider.OTHER);
      assertThat(d.reason()).isEqualTo(Reason.MAILBOX_FULL);
    }
  }
}
