package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Plain-text notices whose layout names the recipient or the reason in a way of its own: a
 * recipient after a double dash (Mimecast), the reason in the paragraph below a sentence that names
 * the recipient (DragonFly Mail Agent), provider codes in the reply (Orange, Exchange Online), the
 * one-line notices of older servers (IMail, LISTSERV), and where the returned message starts.
 */
class EngineNoticeLayoutsTest {

  private static BounceAnalysis analyze(String message) {
    return BounceAnalyzer.withDefaults().analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  private static RecipientResult only(BounceAnalysis a) {
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0);
  }

  /** The one recipient of {@code notice}, checked to be {@code address}. */
  private static RecipientResult recipient(String notice, String address) {
    RecipientResult r = only(analyze(notice));
    assertThat(r.recipient()).isEqualTo(address);
    return r;
  }

  @Test
  void aRecipientAfterADoubleDashIsRead() {
    String notice = "From: \"postmaster\" <postmaster@mail.example.org>\n"
        + "To: <tom@example.net>\n"
        + "Subject: [Postmaster] Email Delivery Failure\n\n"
        + "This is an automated alert notification. Please do not reply.\n\n"
        + "An email that you attempted to send to the following address could not be delivered:\n"
        + "-- ann@example.org\n\n"
        + "The problem appears to be :\n"
        + "-- Recipient email address is possibly incorrect\n\n"
        + "Additional information follows :\n"
        + "-- 5.1.1 <ann@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n\n"
        + "This condition occurred after 1 attempt(s) to deliver over\n"
        + "a period of 0 hour(s).\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void aReplyWrappedOntoIndentedLinesAfterItsAddressIsReadWhole() {
    String notice = "From: MAILER-DAEMON <>\n"
        + "To: tom@example.net\n"
        + "Subject: Mail delivery failed\n\n"
        + "There was an error delivering your mail to <ann@example.org>.\n\n"
        + "mx.example.org [192.0.2.25] did not like our RCPT TO:\n"
        + "550 5.2.1 <ann@example.org>: Recipient address\n"
        + "    rejected: User unknown in local recipient table.\n"
        + "    See https://example.org/help\n\n"
        + "Message headers follow.\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.diagnosticText()).contains("Recipient address rejected: User unknown in local recipient table");
    // the status alone (5.2.1, mailbox disabled) would say suspended
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    // a line indented no deeper than a short reply's is not part of it
    String flat = notice.replace("    rejected", "rejected").replace("    See", "See");
    assertThat(recipient(flat, "ann@example.org").diagnosticText()).doesNotContain("User unknown");
  }

  @Test
  void aLongReplyWrappedOntoLinesAsDeeplyIndentedIsReadWhole() {
    String head = "From: MAILER-DAEMON <>\nTo: tom@example.net\nSubject: Mail delivery failed\n\n"
        + "There was an error delivering your mail to <ann@example.org>.\n\n"
        + "mx.example.org [192.0.2.25] did not like our RCPT TO:\n";
    // after a colon, the tail may start with a capital
    RecipientResult r = recipient(head + "551 5.7.1 <ann@example.org>: Recipient address rejected by policy:\n"
        + "Delivery not authorized, message refused. See https://example.org/help\n\nMessage headers follow.\n",
        "ann@example.org");
    assertThat(r.diagnosticText()).endsWith("Delivery not authorized, message refused. See https://example.org/help");
    // else with a lower-case word
    r = recipient(head + "550 5.7.1 <ann@example.org>: Recipient address rejected: this message was\n"
        + "classified as spam by the content filter\n\nMessage headers follow.\n", "ann@example.org");
    assertThat(r.diagnosticText()).endsWith("classified as spam by the content filter");
    assertThat(r.classification().reason()).isEqualTo(Reason.SPAM_DETECTED);
    // a sentence of its own, or a line with an address, is not the reply's tail
    r = recipient(head + "550 5.7.1 <ann@example.org>: Recipient address rejected: this message was\n"
        + "While talking to mx2.example.org:\n\nMessage headers follow.\n", "ann@example.org");
    assertThat(r.diagnosticText()).doesNotContain("While talking");
  }

  @Test
  void anHtmlNoticeBeforeAPlainPartThatIsNotItsAlternativeIsRead() {
    String head = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: tom@example.net\n"
        + "Subject: Returned Mail: User unknown\nMIME-Version: 1.0\n";
    String html = "Content-Type: text/html; charset=us-ascii\n\n<html><body>"
        + "<p>---The following addresses had delivery errors---</p>\n<p>ann@example.org [User unknown]</p>"
        + "</body></html>\n";
    String plain = "Content-Type: text/plain; charset=us-ascii\n\nHello Ann, see you on Friday.\n";
    RecipientResult r = recipient(head + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n" + html + "--b\n"
        + plain + "--b--\n", "ann@example.org");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    // an HTML alternative is not read beside its plain part, whichever comes first
    String plainNotice = "Content-Type: text/plain; charset=us-ascii\n\n"
        + "---The following addresses had delivery errors---\n\nbob@example.org [User unknown]\n";
    BounceAnalysis a = analyze(head + "Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n" + html + "--b\n"
        + plainNotice + "--b--\n");
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("bob@example.org");
    // nor when the HTML sits deeper in the alternative, inside a multipart/related with its images
    String related = "Content-Type: multipart/related; boundary=\"r\"\n\n--r\n" + html
        + "--r\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n";
    a = analyze(head + "Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n" + related + "--b\n"
        + plainNotice + "--b--\n");
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("bob@example.org");
    // the HTML notice read first is the part the evidence names
    assertThat(r.evidence().part()).isEqualTo("text/html (part 1)");
  }

  @Test
  void aLineIndentedLessThanAOneLineReplyIsNotItsTail() {
    String notice = "From: MAILER-DAEMON <>\nTo: tom@example.net\nSubject: Mail delivery failed\n\n"
        + "There was an error delivering your mail to <ann@example.org>.\n\n"
        + "    550 5.2.2 <ann@example.org>: Mailbox full, please try again much later on\n"
        + "report generated by mx.example.org; reference 1234\n\nMessage headers follow.\n";
    assertThat(recipient(notice, "ann@example.org").diagnosticText()).doesNotContain("report generated");
  }

  @Test
  void reportFieldsWrittenIntoAnHtmlNoticeAreReadWithoutTheirMarkup() {
    String notice = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\nTo: tom@example.net\n"
        + "Subject: Returned mail: User unknown\nMIME-Version: 1.0\nContent-Type: text/html; charset=us-ascii\n\n"
        + "<html><body><p>Reporting-MTA: dns; mx.example.net</p>\n"
        + "<p>Final-Recipient: rfc822;ann@example.org<br>\nAction: failed<br>\nStatus: 5.1.1<br>\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 user unknown</p></body></html>\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void aBulletIsOneOrTwoDashesAndSpace() {
    assertThat(TextScanner.P_BULLET.matcher("-- ann@example.org").matches()).isTrue();
    assertThat(TextScanner.P_BULLET.matcher("--- ann@example.org").matches()).isFalse();
    assertThat(TextScanner.P_BULLET.matcher("--ann@example.org").matches()).isFalse();
  }

  private static String dma(String reason) {
    return "From: MAILER-DAEMON <>\n"
        + "To: tom@df.example.net\n"
        + "Subject: Mail delivery failed\n\n"
        + "This is the DragonFly Mail Agent v0.13 at df.example.net.\n\n"
        + "There was an error delivering your mail to <ann@example.org>.\n\n"
        + reason + "\n\n"
        + "Message headers follow.\n\n"
        + "Subject: hello\n"
        + "To: <ann@example.org>\n"
        + "From: <tom@df.example.net>\n";
  }

  @Test
  void theParagraphBelowTheSentenceGivesTheReason() {
    RecipientResult r = only(analyze(dma("Could not deliver for the last 432000 seconds. Giving up.")));
    assertThat(r.recipient()).isEqualTo("ann@example.org");
    assertThat(r.diagnosticText()).contains("Could not deliver for the last 432000 seconds");
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void aParagraphThatIsNotAReasonStaysOut() {
    RecipientResult r = only(analyze(dma("Please check the address and try again.")));
    assertThat(r.diagnosticText()).doesNotContain("Please check");
  }

  private static String postfix(String host, String reply) {
    return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n"
        + "To: tom@example.net\n"
        + "Subject: Undelivered Mail Returned to Sender\n\n"
        + "I'm sorry to have to inform you that your message could not\n"
        + "be delivered to one or more recipients. It's attached below.\n\n"
        + "<ann@" + host + ">: host smtp-in." + host + "[192.0.2.5] said: " + reply
        + " (in reply to end of DATA command)\n";
  }

  private static Reason reason(String host, String reply) {
    return only(analyze(postfix(host, reply))).classification().reason();
  }

  @Test
  void orangeNamesItsSpamVerdictByCode() {
    assertThat(reason("orange.fr", "550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]"))
        .isEqualTo(Reason.SPAM_DETECTED);
    // another code with the same words is not the spam filter's
    assertThat(reason("orange.fr", "550 5.2.0 Mail rejete. Mail rejected. OUK_513")).isNotEqualTo(Reason.SPAM_DETECTED);
  }

  @Test
  void exchangeOnlineSaysWhyAMessageExpired() {
    assertThat(reason("example.org", "550 5.4.316 Message expired, connection refused")).isEqualTo(Reason.NETWORK_ERROR);
    assertThat(reason("example.org", "550 5.4.312 Message expired, DNS query failed")).isEqualTo(Reason.NETWORK_ERROR);
    assertThat(reason("example.org", "550 5.4.300 Message expired")).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void dominoSaysInJapaneseThatTheUserIsNotInItsDirectory() {
    String notice = "From: Postmaster <postmaster@example.co.jp>\n"
        + "To: tom@example.net\n"
        + "Subject: =?ISO-2022-JP?B?GyRCRD5BdzhCOjpIQk0iGyhC?=\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=UTF-8\n\n"
        + "Your message\n\n  Subject: hello\n\nwas not delivered to:\n\n  ann@example.co.jp\n\nbecause:\n\n"
        + "  \u30e6\u30fc\u30b6\u30fc Ann (ann@example.co.jp) \u306f Domino "
        + "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u306b\u306f\u898b\u3064\u304b\u308a\u307e\u305b\u3093\u3002\n";
    RecipientResult r = recipient(notice, "ann@example.co.jp");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  private static String oneLine(String body) {
    return "From: postmaster@mail.example.org\n"
        + "To: tom@example.net\n"
        + "Subject: Undeliverable Mail\n\n"
        + body + "\n\n\nOriginal message follows.\n\nSubject: hello\n";
  }

  @Test
  void olderServersNameTheRecipientInOneLine() {
    for (String line : new String[] {"Delivery failed 20 attempts: ann@example.org",
        "undeliverable to ann@example.org", "Invalid final delivery userid: ann@example.org",
        "Error-for:  ann@example.org",
        "The following message, addressed to 'ann@example.org', failed because it has not been collected"}) {
      BounceAnalysis a = analyze(oneLine(line));
      assertThat(a.recipients()).as(line).extracting(RecipientResult::recipient).containsExactly("ann@example.org");
    }
  }

  @Test
  void aLineThatNamesTheRecipientIsReadWhenNothingElseIsSaid() {
    RecipientResult r = only(analyze(oneLine("Delivery failed 20 attempts: ann@example.org")));
    // the one line the notice has is also its gist
    assertThat(r.diagnosticText()).isEqualTo("Delivery failed 20 attempts: ann@example.org");
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
    assertThat(r.evidence().excerpt()).isEqualTo("Delivery failed 20 attempts: ann@example.org");
    // a line that says nothing of a reason leaves it undefined
    RecipientResult plain = only(analyze(oneLine("Error-for:  ann@example.org")));
    assertThat(plain.classification().reason()).isEqualTo(Reason.UNDEFINED);
    // a diagnostic, when there is one, is what is read
    RecipientResult said = only(analyze(oneLine("Delivery failed 20 attempts: ann@example.org\nMailbox quota exceeded")));
    assertThat(said.classification().reason()).isEqualTo(Reason.MAILBOX_FULL);
  }

  @Test
  void aMailboxExpiredForDisuseIsSuspended() {
    String notice = "From: MAILER-DAEMON@mx.example.com.ar\n"
        + "To: tom@example.net\n"
        + "Subject: failure notice\n\n"
        + "Su mensaje no pudo ser entregado - Your message could not be delivered.\n\n"
        + "<ann@example.com.ar>:\n"
        + "Esta casilla ha expirado por falta de uso.\n\n"
        + "--- Mensaje original adjunto.\n";
    RecipientResult r = recipient(notice, "ann@example.com.ar");
    assertThat(r.classification().reason()).isEqualTo(Reason.SUSPENDED);
  }

  @Test
  void chineseJapaneseAndKoreanLabelsNameTheRecipient() {
    for (String label : new String[] {"\u6536\u4ef6\u4eba\uff1a", "\u6536\u4fe1\u4eba: ", "\u5b9b\u5148\uff1a",
        "\u53d7\u4fe1\u8005: ", "\uc218\uc2e0\uc790: ", "\ubc1b\ub294 \uc0ac\ub78c: "}) {
      String notice = "From: postmaster@mail.example.cn\n"
          + "To: tom@example.net\n"
          + "Subject: Undelivered Mail\n"
          + "Content-Type: text/plain; charset=UTF-8\n\n"
          + "\u5f88\u62b1\u6b49\u60a8\u7684\u90ae\u4ef6\u6ca1\u6709\u53d1\u9001\u6210\u529f\u3002\n"
          + label + "ann@example.org\n"
          + "552 5.2.2 Mailbox full\n";
      RecipientResult r = only(analyze(notice));
      assertThat(r.recipient()).as(label).isEqualTo("ann@example.org");
      assertThat(r.classification().reason()).as(label).isEqualTo(Reason.MAILBOX_FULL);
    }
  }

  @Test
  void aSpamFirewallNamesTheRecipientAfterYourMessageTo() {
    String notice = "From: Barracuda Spam Firewall <postmaster@bar.example.com>\n"
        + "To: tom@example.net\n"
        + "Subject: Message you sent blocked by our bulk email filter\n\n"
        + "Your message to: ann@example.org\n"
        + "was blocked by our Spam Firewall. The email you sent with the following subject has NOT BEEN DELIVERED:\n\n"
        + "Subject: Hello\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.classification().reason()).isEqualTo(Reason.SPAM_DETECTED);
  }

  @Test
  void momentumNamesTheRecipientAfterThreeAngles() {
    String notice = "From: Mail Delivery System <mailer-daemon@mta.example.com>\n"
        + "To: tom@example.net\n"
        + "Subject: Undeliverable: Call\n\n"
        + "This message was created automatically by the mail system.\n\n"
        + "A message that you sent could not be delivered to one or more of its\n"
        + "recipients. This is a permanent error. The following address(es) failed:\n\n"
        + ">>> ann@example.org (Undelivered): 551 RATELIMITED: ann@example.org cannot receive any more emails today.\n\n"
        + "------ This is a copy of the original message, including all headers. ------\n\n"
        + "From: tom@example.net\nTo: bob@example.org\nSubject: Call\n\nHello\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(551));
    assertThat(r.classification().reason()).isEqualTo(Reason.RATE_LIMITED);
    // a transcript's client line is no bullet
    assertThat(TextScanner.P_BULLET.matcher(">>> RCPT TO:<ann@example.org>").matches()).isFalse();
  }

  @Test
  void anEmptyPlainAlternativeLeavesTheHtmlNotice() {
    String notice = "From: postmaster@mail.example.com\n"
        + "To: tom@example.net\n"
        + "Subject: Undeliverable: Report\n"
        + "Content-Type: multipart/alternative; boundary=b\n\n"
        + "--b\nContent-Type: text/plain; charset=UTF-8\n\n\n"
        + "--b\nContent-Type: text/html; charset=UTF-8\n\n"
        + "<html><body><p><b>Delivery has failed to these recipients or groups:</b></p>\n"
        + "<p><a href=\"mailto:ann@example.org\">ann@example.org</a><br>\n"
        + "The email address you entered couldn't be found.</p>\n"
        + "<p><b>Diagnostic information for administrators:</b></p>\n"
        + "<p>Generating server: mail.example.com<br></p>\n"
        + "<p>ann@example.org<br>\nRemote Server returned '&lt; #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; "
        + "not found&gt;'<br></p>\n"
        + "</body></html>\n"
        + "--b--\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void exchangeOnlinesErrorDetailsGiveTheReason() {
    String notice = "From: postmaster@example.onmicrosoft.com\n"
        + "To: tom@example.net\n"
        + "Subject: Undeliverable: Correct person?\n\n"
        + "Your message to ann@example.org couldn't be delivered.\n\n"
        + "ann wasn't found at example.org.\n\n"
        + "Action Required                 Recipient\n\n"
        + "Unknown To address\n\n"
        + "Original Message Details\n"
        + "Created Date:   8/13/2015 11:53:18 AM\n"
        + "Sender Address: tom@example.net\n"
        + "Recipient Address:      ann@example.org\n"
        + "Subject:        Correct person?\n\n"
        + "Error Details\n"
        + "Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n"
        + "DSN generated by:       BY1PR01MB1157.prod.exchangelabs.com\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(r.status()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("5.1.10"));
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(Engine.reportedError("x\nReported error: y  \nz")).isEqualTo("y");
    assertThat(Engine.reportedError("no such line")).isEmpty();
  }

  @Test
  void olderExchangeNamesTheRecipientInItsX400Form() {
    String notice = "From: System Administrator <postmaster@example.com>\n"
        + "To: tom@example.net\n"
        + "Subject: Undeliverable: RE: Waiver\n\n"
        + "Your message\n\n"
        + "  To:      list@example.net\n"
        + "  Subject: RE: Waiver\n"
        + "  Sent:    Fri, 4 Oct 2002 17:10:56 -0400\n\n"
        + "did not reach the following recipient(s):\n\n"
        + "c=US;a= ;p=EXAMPLE;o=Site2;dda:SMTP=ann@example.COM; on Fri, 4 Oct 2002\n"
        + "17:12:28 -0400\n"
        + "    The recipient name is not recognized\n"
        + "    MSEXCH:IMS:EXAMPLE:Site2:IMS-01 0 (000C05A6) Unknown Recipient\n";
    RecipientResult r = recipient(notice, "ann@example.COM");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(TextScanner.x400Smtp("c=US;a= ;p=X;o=Y;DDA:smtp=ann@example.org;")).isEqualTo("ann@example.org");
    assertThat(TextScanner.x400Smtp("c=US;a= ;p=X;o=Y;dda:SMTP=not an address;")).isNull();
    assertThat(TextScanner.x400Smtp("a=b; ann@example.org")).isNull();
  }

  @Test
  void aPlainNoticeLabelledHtmlKeepsItsLines() {
    String notice = "From: MAILER-DAEMON@yahoo.example.com\n"
        + "To: list-bounces@lists.example.org\n"
        + "Content-Type: text/html; charset=utf-8\n\n"
        + "I'm afraid I wasn't able to deliver the following message.\n"
        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        + "Subject: [List] Re: Folders\n"
        + "To: ann@example.org\n\n"
        + "---Below this line is a copy of the message.\n";
    RecipientResult r = recipient(notice, "ann@example.org");
    assertThat(Html.hasMarkup("plain <ann@example.org>: 550 unknown")).isFalse();
    assertThat(Html.hasMarkup("a<BR>b")).isTrue();
    assertThat(Html.hasMarkup("<b>x</b>")).isTrue();
    assertThat(Html.hasMarkup("a&nbsp;b")).isTrue();
  }

  @Test
  void attemptsAreCountedInDigits() {
    assertThat(AnchorMatchers.label("Delivery failed 20 attempts: ann@example.org")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.label("Delivery failed 1 attempt: ann@example.org")).isGreaterThanOrEqualTo(0);
    assertThat(AnchorMatchers.label("Delivery failed many attempts: ann@example.org")).isEqualTo(AnchorMatchers.NO);
    assertThat(AnchorMatchers.label("Delivery failed 12345 attempts: ann@example.org")).isEqualTo(AnchorMatchers.NO);
  }

  @Test
  void theReturnedMessageStartsAtItsMarker() {
    String notice = "From: postmaster@mail.example.org\n"
        + "To: tom@example.net\n"
        + "Subject: Mail delivery failure\n\n"
        + "The following message, addressed to 'ann@example.org',\n"
        + "failed because it has not been collected after 30 days\n\n"
        + "---- START OF RETURNED MESSAGE ----\n"
        + "From: tom@example.net\n"
        + "To: list@lists.example.net\n"
        + "Subject: digest\n";
    BounceAnalysis a = analyze(notice);
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactly("ann@example.org");
    assertThat(a.recipients().get(0).classification().reason()).isEqualTo(Reason.EXPIRED);
    assertThat(LineMatchers.endMarker("---- START OF RETURNED MESSAGE ----")).isTrue();
  }

  @Test
  void anUndisclosedAddressIsReadByTheOneItWasGeneratedFrom() {
    String exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
        + "To: tom@example.net\n"
        + "Subject: Mail delivery failed: returning message to sender\n\n"
        + "This message was created automatically by mail delivery software.\n\n"
        + "A message that you sent could not be delivered to one or more of its\n"
        + "recipients. This is a permanent error. The following address(es) failed:\n\n"
        + "  an undisclosed address\n"
        + "    (generated from ann@example.org)\n\n"
        + "------ This is a copy of the message, including all the headers. ------\n\n"
        + "Subject: hello\n";
    assertThat(analyze(exim).recipients()).extracting(RecipientResult::recipient).containsExactly("ann@example.org");
  }

  @Test
  void underAnAddressLineTheExpandedFromNoteAddsNoRecipient() {
    String sendmail = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\n"
        + "To: tom@example.net\n"
        + "Subject: Returned mail: see transcript for details\n\n"
        + "   ----- The following addresses had permanent fatal errors -----\n"
        + "ann@lists.example.org\n"
        + "    (expanded from: ann@example.org)\n\n"
        + "   ----- Transcript of session follows -----\n"
        + "550 5.1.1 ann@lists.example.org... User unknown\n";
    assertThat(analyze(sendmail).recipients()).extracting(RecipientResult::recipient)
        .containsExactly("ann@lists.example.org");
  }

  @Test
  void anEximDelayWarningWithoutAReasonSaysHowLongTheMessageWaited() {
    String notice = "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
        + "To: ann@example.org\n"
        + "Subject: Warning: message 1Gdrvl-0006Gp-PU delayed 48 hours\n\n"
        + "This message was created automatically by mail delivery software.\n"
        + "A message that you sent has not yet been delivered to one or more of its\n"
        + "recipients after more than 48 hours on the queue on mx.example.org.\n\n"
        + "The message identifier is:     1Gdrvl-0006Gp-PU\n"
        + "The subject of the message is: Offers\n"
        + "The date of the message is:    Sat, 28 Oct 2006 14:25:13 -0300\n\n"
        + "The address to which the message has not yet been delivered is:\n\n"
        + "  bob@example.net\n\n"
        + "No action is required on your part. Delivery attempts will continue for\n"
        + "some time, and this warning may be repeated at intervals if the message\n"
        + "remains undelivered.\n";
    RecipientResult r = recipient(notice, "bob@example.net");
    assertThat(r.action()).isEqualTo("delayed");
    assertThat(r.diagnosticText()).contains("after more than 48 hours on the queue").doesNotContain("identifier");
    assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(r.permanent()).isFalse();
  }

  @Test
  void aVirusScannersFooterIsNotTheDiagnostic() {
    String notice = "From: postmaster@example.com\n"
        + "To: ann@example.org\n"
        + "MIME-Version: 1.0\n"
        + "Subject: Delivery Status Notification (Failure)\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        + "--B\nContent-Type: text/plain\n\n"
        + "This is an automatically generated Delivery Status Notification.\n\n"
        + "Delivery to the following recipients failed.\n\n"
        + "       bob@example.com\n\n\n"
        + "__________ Informaci\u00f3n de NOD32, revisi\u00f3n 1.1856 (20061106) __________\n\n"
        + "Este mensaje ha sido analizado con  NOD32 antivirus system\nhttp://www.nod32.com\n\n"
        + "--B\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns;mx.example.com\n\n"
        + "Final-Recipient: rfc822;bob@example.com\nAction: failed\nStatus: 5.1.1\n\n"
        + "--B--\n";
    RecipientResult r = recipient(notice, "bob@example.com");
    assertThat(r.diagnosticText()).doesNotContainIgnoringCase("nod32").doesNotContain("analizado");
    assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void theReturnedSubjectBesideTheRecipientIsNotTheDiagnostic() {
    // Yahoo's failure notice that gives no reason: its one sentence is the gist
    String notice = "From: MAILER-DAEMON@yahoo.com\n"
        + "To: ann@example.org\n"
        + "Subject: Failure Notice\n\n"
        + "I'm afraid I wasn't able to deliver the following message.\n"
        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        + "Subject: Offers\n"
        + "To: bob@example.com\n\n"
        + "--- Below this line is a copy of the message.\n";
    RecipientResult r = recipient(notice, "bob@example.com");
    assertThat(r.diagnosticText()).startsWith("I'm afraid I wasn't able to deliver").doesNotContain("Offers");
    // a reason after the subject line is still read
    String french = "From: MAILER-DAEMON@example.fr\n"
        + "To: ann@example.org\n"
        + "Subject: Delivery failure\n\n"
        + "A message could not be delivered to:\n\n"
        + "bob@example.fr\n"
        + "Subject: Offers\n"
        + "L'adresse de messagerie r\u00e9f\u00e9renc\u00e9e ci-dessus n'existe pas.\n";
    RecipientResult f = recipient(french, "bob@example.fr");
    assertThat(f.diagnosticText()).startsWith("L'adresse de messagerie").doesNotContain("Offers");
  }

  @Test
  void anUndefinedStatusDiagnosticGivesWayToTheText() {
    String notice = "From: Mail Delivery Subsystem <mailer-daemon@example.net>\n"
        + "To: ann@example.org\n"
        + "Subject: Returned mail: delivery problems encountered\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        + "--B\nContent-Type: text/plain\n\n"
        + "The following addresses had delivery problems:\n\n"
        + "<bob@example.net>\n"
        + "\tPermanent Failure: 522_mailbox_full;_group_quota_sz=37748397/37748736_ct=1356/100000\n\n"
        + "--B\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; example.net\n\n"
        + "Final-Recipient: rfc822; <bob@example.net>\nAction: failed\nStatus: 5.0.0\n"
        + "Diagnostic-Code: smtp; Permanent Failure: Other undefined Status\n\n"
        + "--B--\n";
    RecipientResult r = recipient(notice, "bob@example.net");
    assertThat(r.diagnosticText()).contains("522_mailbox_full");
    assertThat(r.reason()).isEqualTo(Reason.MAILBOX_FULL);
  }

  @Test
  void aReportWithoutAReasonTakesTheNoticesOwn() {
    // Coremail: the report says "rejected by system"; the notice says why, in Chinese
    String notice = "From: Postmaster@example.cn\n"
        + "To: ann@example.org\n"
        + "Subject: Returned mail\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        + "--B\nContent-Type: text/plain; charset=utf-8\n\n"
        + "\u62b1\u6b49\uff0c\u60a8\u7684\u90ae\u4ef6\u88ab\u9000\u56de\u6765\u4e86\n"
        + "  \u6536\u4ef6\u4eba bob@example.cn\n\n"
        + "  \u9000\u4fe1\u539f\u56e0\uff1a\u60a8\u53d1\u9001\u7684\u90ae\u4ef6\u88ab\u6000\u7591\u4e3a\u662f"
        + "\u5783\u573e\u90ae\u4ef6\uff0c\u62d2\u7edd\u63a5\u6536\u3002\n"
        + "  rejected by system\n\n"
        + "--B\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; example.cn\n\n"
        + "Final-Recipient: rfc822; bob@example.cn\nAction: failed\nStatus: 5.0.0\n"
        + "Diagnostic-Code: SMTP; rejected by system\n\n"
        + "--B--\n";
    RecipientResult r = recipient(notice, "bob@example.cn");
    assertThat(r.diagnosticText()).isEqualTo("rejected by system");
    assertThat(r.reason()).isEqualTo(Reason.SPAM_DETECTED);
    assertThat(r.classification().rule()).endsWith("+notice");

    // generic words of the notice ("a problem occurred") are not a reason
    String generic = notice.replace("\u60a8\u53d1\u9001\u7684\u90ae\u4ef6\u88ab\u6000\u7591\u4e3a\u662f"
        + "\u5783\u573e\u90ae\u4ef6\uff0c\u62d2\u7edd\u63a5\u6536\u3002", "A problem occurred while delivering it.");
    assertThat(recipient(generic, "bob@example.cn").reason()).isEqualTo(Reason.UNDEFINED);

    // the notice's quoted header fields and the returned subject are not its words
    String quoted = notice.replace("  rejected by system\n\n--B\nContent-Type: message/delivery-status",
        "  Subject: Over quota: please clean your mailbox\n  X-Virus-Scanned: ClamAV\n"
            + "  Your message about 'spam complaint handling' was not delivered.\n\n"
            + "--B\nContent-Type: message/delivery-status")
        .replace("\u60a8\u53d1\u9001\u7684\u90ae\u4ef6\u88ab\u6000\u7591\u4e3a\u662f"
            + "\u5783\u573e\u90ae\u4ef6\uff0c\u62d2\u7edd\u63a5\u6536\u3002", "")
        .replace("--B--\n", "--B\nContent-Type: text/rfc822-headers\n\nFrom: ann@example.org\n"
            + "To: bob@example.cn\nSubject: spam complaint handling\n\n--B--\n");
    assertThat(recipient(quoted, "bob@example.cn").reason()).isEqualTo(Reason.UNDEFINED);

    // a virus scanner's footer in the notice is no reason
    String footer = notice.replace("\u60a8\u53d1\u9001\u7684\u90ae\u4ef6\u88ab\u6000\u7591\u4e3a\u662f"
        + "\u5783\u573e\u90ae\u4ef6\uff0c\u62d2\u7edd\u63a5\u6536\u3002",
        "\n  This message was scanned for viruses and dangerous content by MailScanner.\n"
            + "  A virus was detected in a message sent from this server last week.\n");
    assertThat(recipient(footer, "bob@example.cn").reason()).isEqualTo(Reason.UNDEFINED);

    // a strong rule that names no failure (an automatic reply) does not let a generic one through
    String auto = notice.replace("\u60a8\u53d1\u9001\u7684\u90ae\u4ef6\u88ab\u6000\u7591\u4e3a\u662f"
        + "\u5783\u573e\u90ae\u4ef6\uff0c\u62d2\u7edd\u63a5\u6536\u3002",
        "This is an automatic reply. A problem occurred while delivering it.");
    assertThat(recipient(auto, "bob@example.cn").reason()).isEqualTo(Reason.UNDEFINED);

    // with two recipients the notice may speak of either: it decides for neither
    String two = notice.replace("Diagnostic-Code: SMTP; rejected by system\n\n",
        "Diagnostic-Code: SMTP; rejected by system\n\n"
            + "Final-Recipient: rfc822; carl@example.cn\nAction: failed\nStatus: 5.0.0\n"
            + "Diagnostic-Code: SMTP; rejected by system\n\n");
    assertThat(analyze(two).recipients()).extracting(RecipientResult::reason)
        .containsExactly(Reason.UNDEFINED, Reason.UNDEFINED);
  }

  @Test
  void theNoticesProseIsWithoutQuotedFieldsAndTheReturnedSubject() {
    String region = "Delivery failed.\nSubject: Mailbox full at last\n  (folded)\nX-Virus-Scanned: ClamAV\n"
        + "Reason: the mailbox is full\nYour message 'Mailbox full at last' was returned.\n";
    assertThat(Engine.noticeProse(region, "Mailbox full at last"))
        .isEqualTo("Delivery failed.\nReason: the mailbox is full\nYour message ' ' was returned.\n");
    assertThat(Engine.noticeProse("a: b\nno colon here\n", "")).isEqualTo("a: b\nno colon here\n");
    assertThat(Engine.noticeProse("  Subject: over quota\n     folded\n  Mailbox full\n", ""))
        .as("indented fields, and their lines indented deeper").isEqualTo("  Mailbox full\n");
    assertThat(Engine.noticeProse("Subject: x", "x")).isEmpty();
  }

  @Test
  void onlyTheFootersParagraphsAreLeftOut() {
    String region = "550 5.1.1 user unknown\n\nThis mail was scanned for viruses by Example AV\nhttp://av.example\n\nBye\n";
    assertThat(Engine.withoutScannerFooters(region)).isEqualTo("550 5.1.1 user unknown\n\n\nBye\n");
    assertThat(Engine.withoutScannerFooters("550 5.1.1 user unknown\n")).isEqualTo("550 5.1.1 user unknown\n");
    // a footer in any case is found, as its words are compared lower-cased
    assertThat(Engine.withoutScannerFooters("550 5.1.1 user unknown\n\nThis message is ViRuS-FrEe\n"))
        .isEqualTo("550 5.1.1 user unknown\n\n");
    // each footer word, in any ASCII case: the quick look before lower-casing lets every one through
    java.util.Random random = new java.util.Random(11);
    for (String word : Engine.SCANNER_FOOTER_WORDS) {
      for (int k = 0; k < 20; k++) {
        StringBuilder cased = new StringBuilder();
        for (char c : word.toCharArray()) {
          cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        assertThat(Engine.withoutScannerFooters("550 5.1.1 user unknown\n\nFooter: " + cased + " here\n"))
            .as(cased.toString()).isEqualTo("550 5.1.1 user unknown\n\n");
      }
    }
  }

  @Test
  void anAddressInALaterSentenceOfTheReplyIsNotARecipient() {
    String notice = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
        + "To: ann@example.org\n"
        + "Subject: Delivery Status Notification (Failure)\n\n"
        + "This is an automatically generated Delivery Status Notification\n\n"
        + "Delivery to the following recipient failed permanently:\n\n"
        + "     info@example.lv\n\n"
        + "Technical details of permanent failure: \n"
        + "PERM_FAILURE: SMTP Error (state 9): 550 5.7.1 Your message (sent through 192.0.2.44) was blocked by "
        + "EXAMPLE DNSBL. If you are not a spammer, open http://www.example.lv/DNSBL and follow instructions, or send "
        + "an e-mail message from another address to dz@example.lv with the blocked sender e-mail name.\n\n"
        + "   ----- Original message -----\n\n"
        + "From: ann@example.org\n"
        + "To: info@example.lv\n"
        + "Subject: Hello\n";
    RecipientResult r = recipient(notice, "info@example.lv");
    assertThat(r.diagnosticText()).contains("blocked by EXAMPLE DNSBL");
    assertThat(r.reason()).isEqualTo(Reason.BLOCKED);
    // the reply's own recipient, in its first sentence, is still read
    assertThat(TextScanner.inLaterSentenceOfReply("550 5.1.1 <bob@example.net>: User unknown. Try again.",
        "bob@example.net")).isFalse();
  }
  @Test
  void theWordsAnMtaPutsBeforeAMultiLineReplyAreNotReadAsItsReason() {
    // Postfix: the report's Diagnostic-Code joins the reply's lines with their codes; the notice
    // gives the reply after "host ... said:", whose "host" and the reply's "blocked" once read as a
    // client block (a real Postfix bounce of a real Gmail reply, hosts and ids changed)
    String notice = "From: Mail Delivery System <MAILER-DAEMON@mta.example.org>\n"
        + "Subject: Undelivered Mail Returned to Sender\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
        + "--b\nContent-Type: text/plain\n\n"
        + "This is the mail system at host mta.example.org.\n\n"
        + "<ann@example.com>: host mx.example.com[192.0.2.7] said: 552-5.7.0 This message was\n"
        + "    blocked because its content presents a potential 552-5.7.0 security issue.\n"
        + "    Please visit 552-5.7.0  https://support.google.com/mail/?p=BlockedMessage\n"
        + "    to review our 552 5.7.0 message content and attachment content guidelines.\n"
        + "    (in reply to end of DATA command)\n\n"
        + "--b\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; mta.example.org\n\n"
        + "Final-Recipient: rfc822; ann@example.com\nAction: failed\nStatus: 5.7.0\n"
        + "Remote-MTA: dns; mx.example.com\n"
        + "Diagnostic-Code: smtp; 552-5.7.0 This message was blocked because its content\n"
        + "    presents a potential 552-5.7.0 security issue. Please visit 552-5.7.0\n"
        + "    https://support.google.com/mail/?p=BlockedMessage to review our 552 5.7.0\n"
        + "    message content and attachment content guidelines.\n\n--b--\n";

    RecipientResult r = only(analyze(notice));
    assertThat(r.classification().reason()).isNotEqualTo(Reason.BLOCKED);
    assertThat(r.diagnosticText()).startsWith("552-5.7.0 This message was blocked").doesNotContain("said:");
  }
}
