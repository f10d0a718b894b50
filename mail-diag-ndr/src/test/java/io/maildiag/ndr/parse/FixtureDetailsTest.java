package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import io.maildiag.ndr.code.Provider;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details a fixture carries beyond codes: diagnostics, dates, hosts, the returned message. */
class FixtureDetailsTest {

  @Test
  void rfc3464PerMessageAndPerRecipientFields() {
    BounceAnalysis a = Fixtures.analyze("postfix-dsn-two-recipients.eml");
    assertThat(a.reportingMta()).contains("mx1.example.net");
    RecipientResult bob = a.recipients().get(0);
    assertThat(bob.remoteMta()).contains("mx.example.com");
    assertThat(bob.lastAttempt()).contains(OffsetDateTime.parse("2024-05-14T09:12:44+02:00"));
    // the report's Diagnostic-Code, with the stage the text gives ("(in reply to RCPT TO command)")
    assertThat(bob.diagnosticText()).isEqualTo("550 5.1.1 <bob@example.com>: Recipient address rejected: "
        + "User unknown in virtual mailbox table (in reply to RCPT TO command)");
    assertThat(bob.evidence().parser()).isEqualTo("rfc3464");
    assertThat(bob.evidence().part()).isEqualTo("message/delivery-status (part 2)");
    assertThat(bob.evidence().excerpt()).contains("final-recipient: rfc822; bob@example.com");
  }

  @Test
  void returnedMessageHeadersAreDecoded() {
    BounceAnalysis a = Fixtures.analyze("postfix-dsn-two-recipients.eml");
    assertThat(a.original().messageId()).contains("quarterly-2024@example.net");
    assertThat(a.original().from()).contains("Alice <alice@example.net>");
    assertThat(a.original().to()).contains("bob@example.com, carol@example.org");
    assertThat(a.original().subject()).contains("Quarterly résumé");
    assertThat(a.original().date()).contains("Tue, 14 May 2024 09:12:40 +0200");
  }

  @Test
  void headersOnlyPartAndInlineOriginalAreRead() {
    assertThat(Fixtures.analyze("sendmail-dsn.eml").original().messageId()).contains("invoice-42@example.net");
    assertThat(Fixtures.analyze("exim-text.eml").original().subject()).contains("Status report");
    assertThat(Fixtures.analyze("rfc6533-global.eml").original().subject()).contains("你好");
  }

  @Test
  void genericStatusGivesWayToTheReplysOwnCode() {
    RecipientResult r = Fixtures.analyze("dsn-base64-generic-status.eml").recipients().get(0);
    assertThat(r.status()).map(Object::toString).contains("5.7.1");
    assertThat(r.diagnosticText()).startsWith("550 5.7.1 <rupert@example.com>");
  }

  @Test
  void quotedPrintableSoftBreaksAreJoined() {
    RecipientResult r = Fixtures.analyze("dsn-quoted-printable.eml").recipients().get(0);
    assertThat(r.diagnosticText()).isEqualTo("550 5.2.1 The email account that you tried to reach is disabled (“inactive”)");
  }

  @Test
  void truncatedMultiLineReplyIsCompletedFromTheTranscript() {
    RecipientResult r = Fixtures.analyze("sendmail-dsn.eml").recipients().get(0);
    assertThat(r.diagnosticText()).startsWith("550-5.7.26 Unauthenticated email from example.net")
        .contains("DMARC policy").endsWith("- gsmtp (in reply to DATA command)");
    assertThat(r.remoteMta()).contains("mx.example.com");
  }

  @Test
  void multiLineRepliesAreJoinedWithoutRepeatedPrefixes() {
    RecipientResult r = Fixtures.analyze("exim-text.eml").recipients().get(0);
    assertThat(r.diagnosticText()).contains("550-5.1.1 The email account that you tried to reach does not exist. "
        + "Please try double-checking");
    assertThat(r.remoteMta()).contains("mx.example.com");
  }

  @Test
  void providerSpecificMeaningsFollowTheRejectingSystem() {
    // the classifier sees the provider; we check what the analyzer hands it through the evidence trail
    BounceAnalysis ses = Fixtures.analyze("amazonses-dsn.eml");
    assertThat(ses.format()).isEqualTo("amazonses");
    assertThat(Formats.forRecipient(Provider.AMAZON_SES, "", ses.recipients().get(0).diagnosticText()))
        .isEqualTo(Provider.GOOGLE);
    assertThat(Formats.forRecipient(Provider.OTHER, "mx.example.com", "550 5.1.1 user unknown"))
        .isEqualTo(Provider.OTHER);
    assertThat(Formats.forRecipient(Provider.OTHER, "example-com.mail.protection.outlook.com", ""))
        .isEqualTo(Provider.MICROSOFT);
  }

  @Test
  void internationalisedReportKeepsUtf8Addresses() {
    BounceAnalysis a = Fixtures.analyze("rfc6533-global.eml");
    assertThat(a.recipients().get(0).recipient()).isEqualTo("用户@例子.example.com");
    assertThat(a.recipients().get(0).remoteMta()).contains("mx.例子.example.com");
    assertThat(a.recipients().get(1).recipient()).isEqualTo("jörg@example.com");
  }

  @Test
  void notBouncesGetTheirReason() {
    assertThat(Fixtures.analyze("dsn-delivered.eml").recipients().get(0).reason()).isEqualTo(Reason.DELIVERED);
    RecipientResult auto = Fixtures.analyze("autoreply-rfc3834.eml").recipients().get(0);
    assertThat(auto.reason()).isEqualTo(Reason.AUTO_REPLY);
    assertThat(auto.permanent()).isFalse();
    BounceAnalysis arf = Fixtures.analyze("arf-abuse.eml");
    assertThat(arf.feedbackType()).contains("abuse");
    assertThat(arf.recipients()).allMatch(r -> r.reason() == Reason.FEEDBACK);
    assertThat(arf.original().messageId()).contains("sale@example.net");
    assertThat(Fixtures.analyze("amazonses-json-complaint.eml").feedbackType()).contains("abuse");
  }

  @Test
  void delayIsNotPermanent() {
    BounceAnalysis a = Fixtures.analyze("dsn-delayed.eml");
    assertThat(a.kind()).isEqualTo(MessageKind.DELAY);
    assertThat(a.recipients().get(0).permanent()).isFalse();
    assertThat(a.recipients().get(0).diagnosticText()).isEqualTo("connect to mx.example.org[198.51.100.20]:25: Connection timed out");
  }

  @Test
  void quotedBouncesAndOrdinaryMailHaveNoRecipients() {
    for (String f : new String[] {"quoted-bounce-forward.eml", "quoted-bounce-attached.eml", "newsletter.eml"}) {
      BounceAnalysis a = Fixtures.analyze(f);
      assertThat(a.recipients()).as(f).isEmpty();
      assertThat(a.isBounce()).as(f).isFalse();
    }
    assertThat(Fixtures.analyze("quoted-bounce-forward.eml").diagnostics())
        .anyMatch(d -> d.code().equals(Codes.QUOTED_BOUNCE));
  }

  @Test
  void aPersonsMessageWithABounceSubjectThatAttachesTheBounceIsAQuotedBounce() {
    // the subject is the bounce's own, without "Fwd:": the person is no mail system, and the report is attached
    String m = new String(Fixtures.bytes("quoted-bounce-attached.eml"), StandardCharsets.UTF_8)
        .replace("Subject: Why did this fail?", "Subject: Undeliverable: Quarterly figures");
    BounceAnalysis a = Fixtures.analyzeText(m);
    assertThat(a.kind()).isEqualTo(MessageKind.QUOTED_BOUNCE);
    assertThat(a.recipients()).isEmpty();
    assertThat(a.diagnostics()).anyMatch(d -> d.code().equals(Codes.QUOTED_BOUNCE));
  }

  @Test
  void aGatewaysTagBeforeAReplysOrForwardsSubjectKeepsItAQuotedBounce() {
    for (String f : new String[] {"quoted-bounce-reply.eml", "quoted-bounce-forward.eml"}) {
      for (String tag : new String[] {"[EXTERNAL] ", "***SPAM*** ", "[EXT] [list] "}) {
        String m = new String(Fixtures.bytes(f), StandardCharsets.UTF_8).replaceFirst("(?m)^Subject: ", "Subject: " + tag);
        BounceAnalysis a = Fixtures.analyzeText(m);
        assertThat(a.kind()).as("%s %s", tag, f).isEqualTo(MessageKind.QUOTED_BOUNCE);
        assertThat(a.recipients()).as("%s %s", tag, f).isEmpty();
      }
    }
    assertThat(Engine.replySubject("[EXTERNAL] RE: Undeliverable")).isTrue();
    assertThat(Engine.forwardSubject("***SPAM*** Fwd: Undeliverable")).isTrue();
    assertThat(Engine.replySubject("[EXTERNAL] Undeliverable: RE")).isFalse();
    assertThat(Engine.replySubject("*** RE: x")).isFalse(); // stars with no word between are no tag
  }

  @Test
  void exchangeDiagnosticsComeFromTheAdministratorSection() {
    BounceAnalysis a = Fixtures.analyze("exchange2010-text.eml");
    assertThat(a.recipients().get(0).diagnosticText()).isEqualTo("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##");
    BounceAnalysis o365 = Fixtures.analyze("microsoft365-text.eml");
    assertThat(o365.recipients().get(0).diagnosticText()).startsWith("Remote Server returned '550 5.1.10");
    BounceAnalysis ex2003 = Fixtures.analyze("exchange2003-text.eml");
    assertThat(ex2003.recipients().get(0).diagnosticText()).startsWith("The recipient name is not recognized")
        .contains("000C05A6");
  }

  @Test
  void qmailCodesInParenthesesAreRead() {
    BounceAnalysis a = Fixtures.analyze("qmail-text.eml");
    assertThat(a.recipients().get(1).diagnosticText()).isEqualTo("Sorry, I couldn't find any host named example.org. (#5.1.2)");
    assertThat(a.recipients().get(2).diagnosticText()).isEqualTo("vdelivermail: user is over quota");
  }

  @Test
  void gmailResponseSectionIsTheDiagnostic() {
    RecipientResult r = Fixtures.analyze("gmail-modern-no-dsn.eml").recipients().get(0);
    assertThat(r.diagnosticText()).startsWith("550 5.1.1 The email account that you tried to reach does not exist.");
    assertThat(Fixtures.analyze("gmail-text.eml").recipients().get(0).diagnosticText())
        .isEqualTo("552 5.2.2 <victor@example.com>... Mailbox Full");
  }

  @Test
  void diagnosticsOfProseBouncesWithoutCodes() {
    assertThat(Fixtures.analyze("domino-text.eml").recipients().get(0).diagnosticText())
        .contains("not listed in Domino Directory");
    assertThat(Fixtures.analyze("kddi-text.eml").recipients().get(0).diagnosticText())
        .contains("As their mailbox is full.");
    assertThat(Fixtures.analyze("biglobe-text.eml").recipients().get(0).diagnosticText())
        .isEqualTo("The number of messages in recipient's mailbox exceeded the local limit.");
    assertThat(Fixtures.analyze("imail-text.eml").recipients().get(0).diagnosticText())
        .isEqualTo("Unknown user: kenji@imail.example.com");
  }

  @Test
  void sesNotificationCarriesTheOriginalMessage() {
    BounceAnalysis a = Fixtures.analyze("amazonses-json-bounce.eml");
    assertThat(a.original().subject()).contains("Newsletter");
    assertThat(a.original().messageId()).contains("0100018f-bbbb-000000");
    assertThat(a.reportingMta()).contains("a1-23.smtp-out.us-west-2.amazonses.com");
  }

  @Test
  void autoReplyPointsAtTheOriginalMessage() {
    BounceAnalysis a = Fixtures.analyze("autoreply-outlook.eml");
    assertThat(a.original().messageId()).isEqualTo(Optional.of("project-update@example.net"));
    assertThat(a.recipients().get(0).diagnosticText()).contains("out of the office");
  }
}
