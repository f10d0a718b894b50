package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The SMTP stage a bounce names apart from the reply reaches the recipient's diagnostic text and
 * the verdict: bounces of Postfix, sendmail, qmail, Exim and Yahoo written for these tests.
 */
class StageEndToEndTest {

  private static RecipientResult only(String message) {
    BounceAnalysis a = Fixtures.ANALYZER.analyze(message.getBytes(StandardCharsets.UTF_8));
    assertThat(a.isBounce()).as(a.toString()).isTrue();
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0);
  }

  private static String postfix(String said, String diagnosticCode, String status) {
    return """
        From: MAILER-DAEMON@relay.example.net (Mail Delivery System)
        To: alice@example.net
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host relay.example.net.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

                           The mail system

        <dave@example.jp>: host mx.example.jp[192.0.2.7] said:
        %s

        --B1
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.example.net

        Final-Recipient: rfc822; dave@example.jp
        Action: failed
        Status: %s
        Remote-MTA: dns; mx.example.jp
        Diagnostic-Code: smtp; %s

        --B1--
        """.formatted(said, status, diagnosticCode);
  }

  @Test
  void postfixTextGivesTheStageTheReportLacks() {
    RecipientResult data = only(postfix("    550 Unknown user dave@example.jp (in reply to end of DATA\n    command)",
        "550 Unknown user dave@example.jp", "5.0.0"));
    assertThat(data.diagnosticText()).isEqualTo("550 Unknown user dave@example.jp (in reply to end of DATA command)");
    assertThat(data.reason()).isEqualTo(Reason.FILTERED);
    assertThat(data.classification().rule()).endsWith("+stage:data");

    RecipientResult mail = only(postfix("    550 5.7.1 Access denied (in reply to MAIL FROM command)",
        "550 5.7.1 Access denied", "5.7.1"));
    assertThat(mail.diagnosticText()).endsWith("(in reply to MAIL FROM command)");
    assertThat(mail.reason()).isEqualTo(Reason.REJECTED);

    RecipientResult rcpt = only(postfix("    550 Unknown user dave@example.jp (in reply to RCPT TO command)",
        "550 Unknown user dave@example.jp", "5.0.0"));
    assertThat(rcpt.reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  private static String sendmail(String transcript, String diagnosticCode) {
    return """
        From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>
        To: alice@example.net
        Subject: Returned mail: see transcript for details
        Auto-Submitted: auto-generated (failure)
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="S1"

        --S1

        The original message was received at Tue, 14 May 2024 10:00:00 +0900
        from client.example.net [192.0.2.61]

           ----- The following addresses had permanent fatal errors -----
        <dave@example.jp>
            (reason: %s)

           ----- Transcript of session follows -----
        ... while talking to mx.example.jp.:
        %s

        --S1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.example.net

        Final-Recipient: RFC822; dave@example.jp
        Action: failed
        Status: 5.0.0
        Remote-MTA: DNS; mx.example.jp
        Diagnostic-Code: SMTP; %s

        --S1--
        """.formatted(diagnosticCode, transcript, diagnosticCode);
  }

  @Test
  void sendmailTranscriptGivesTheCommand() {
    RecipientResult r = only(sendmail(">>> DATA\n<<< 550 Unknown user dave@example.jp\n554 5.0.0 Service unavailable",
        "550 Unknown user dave@example.jp"));
    assertThat(r.diagnosticText()).isEqualTo("550 Unknown user dave@example.jp (in reply to DATA command)");
    assertThat(r.reason()).isEqualTo(Reason.FILTERED);
  }

  @Test
  void sendmailPipelinedRcptReplyIsNotADataReply() {
    RecipientResult r = only(sendmail(">>> DATA\n<<< 550 5.7.1 <dave@example.jp>: Recipient address rejected: "
        + "User unknown\n550 5.1.1 <dave@example.jp>... User unknown\n<<< 554 5.5.1 Error: no valid recipients",
        "550 5.7.1 <dave@example.jp>: Recipient address rejected: User unknown"));
    assertThat(r.diagnosticText()).endsWith("(in reply to RCPT TO command)");
    assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void sendmailSummaryLineGivesWayToTheRemoteReplyAboveIt() {
    RecipientResult r = only("""
        From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>
        To: alice@example.net
        Subject: Returned mail: Remote protocol error

           ----- Transcript of session follows -----
        While talking to mx.example.edu:
        >>> MAIL From:<alice@example.net>
        <<< 550 5.7.1 Relaying denied: this server is not an open relay
        554 <erin@example.edu>... Remote protocol error

           ----- Unsent message follows -----
        From: alice@example.net
        To: erin@example.edu
        Subject: Hello

        Hello
        """);
    assertThat(r.recipient()).isEqualTo("erin@example.edu");
    assertThat(r.diagnosticText())
        .isEqualTo("550 5.7.1 Relaying denied: this server is not an open relay (in reply to MAIL FROM command)");
    assertThat(r.replyCode()).map(Object::toString).contains("550");
    assertThat(r.reason()).isEqualTo(Reason.NO_RELAYING);
  }

  private static String qmail(String block) {
    return """
        From: MAILER-DAEMON@mail.example.net
        To: alice@example.net
        Subject: failure notice

        Hi. This is the qmail-send program at mail.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <grace@example.com>:
        %s

        --- Below this line is a copy of the message.

        From: alice@example.net
        To: grace@example.com
        Subject: Picnic

        See you.
        """.formatted(block);
  }

  @Test
  void qmailSentencesGiveTheStage() {
    RecipientResult sender = only(qmail("Connected to 192.0.2.80 but sender was rejected.\n"
        + "Remote host said: 550 5.7.1 <alice@example.net>... Access denied"));
    assertThat(sender.diagnosticText()).endsWith("(in reply to MAIL FROM command)");
    assertThat(sender.reason()).isEqualTo(Reason.REJECTED);

    RecipientResult helo = only(qmail("Connected to 192.0.2.80 but my name was rejected.\n"
        + "Remote host said: 501 5.0.0 Invalid domain name"));
    assertThat(helo.diagnosticText()).endsWith("(in reply to HELO command)");
    assertThat(helo.reason()).isEqualTo(Reason.BLOCKED);

    RecipientResult rcpt = only(qmail("192.0.2.80 does not like recipient.\n"
        + "Remote host said: 550 5.1.1 <grace@example.com>... User unknown\nGiving up on 192.0.2.80."));
    assertThat(rcpt.diagnosticText()).endsWith("(in reply to RCPT TO command)");
    assertThat(rcpt.reason()).isEqualTo(Reason.USER_UNKNOWN);

    RecipientResult data = only(qmail("192.0.2.80 failed after I sent the message.\n"
        + "Remote host said: 550 5.7.1 No such user\nGiving up on 192.0.2.80."));
    assertThat(data.diagnosticText()).endsWith("(in reply to end of DATA command)");
    assertThat(data.reason()).isEqualTo(Reason.FILTERED);
  }

  @Test
  void eximAfterEndOfDataIsAFilter() {
    RecipientResult r = only("""
        From: Mail Delivery System <Mailer-Daemon@mail.example.net>
        To: alice@example.net
        Subject: Mail delivery failed: returning message to sender
        X-Failed-Recipients: bob@example.com

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          bob@example.com
            host mx.example.com [192.0.2.40]
            SMTP error from remote mail server after end of data:
            550 5.7.1 User unknown

        ------ This is a copy of the message, including all the headers. ------

        From: alice@example.net
        To: bob@example.com
        Subject: Status
        """);
    assertThat(r.diagnosticText()).contains("after end of data");
    assertThat(r.reason()).isEqualTo(Reason.FILTERED);
  }

  @Test
  void yahooBracketStage() {
    RecipientResult r = only("""
        From: MAILER-DAEMON@yahoo.example.com
        To: alice@example.net
        Subject: Failure Notice

        Sorry, we were unable to deliver your message to the following address.

        <grace@example.org>:
        Remote host said: 550 5.1.1 <alice@example.net>... User unknown [MAIL_FROM]

        --- Below this line is a copy of the message.

        From: alice@example.net
        To: grace@example.org
        Subject: Hi
        """);
    assertThat(r.diagnosticText()).endsWith("(in reply to MAIL FROM command)");
    assertThat(r.reason()).isEqualTo(Reason.REJECTED);
  }

  @Test
  void fixturesCarryTheirStage() {
    RecipientResult courier = Fixtures.analyze("courier-dsn.eml").recipients().get(0);
    assertThat(courier.diagnosticText()).endsWith("(in reply to RCPT TO command)");
    assertThat(courier.reason()).isEqualTo(Reason.USER_UNKNOWN);
    BounceAnalysis exim = Fixtures.analyze("exim-text.eml");
    assertThat(exim.recipients().get(0).diagnosticText()).contains("after RCPT TO:");
    RecipientResult erin = exim.recipients().get(1);
    assertThat(erin.diagnosticText()).contains("after MAIL FROM:");
    assertThat(erin.reason()).isEqualTo(Reason.BLOCKED); // a blocklist named at MAIL FROM is still a blocklist
    RecipientResult grace = Fixtures.analyze("qmail-text.eml").recipients().get(0);
    assertThat(grace.diagnosticText()).endsWith("(in reply to RCPT TO command)");
    assertThat(grace.reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void xUnixDiagnosticTypeMarksALocalDeliveryProgram() {
    RecipientResult r = only("""
        From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.jp>
        To: alice@example.jp
        Subject: Returned mail: see transcript for details
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="X1"

        --X1

        The original message was received at Tue, 14 May 2024 10:00:00 +0900

        --X1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.example.jp

        Final-Recipient: RFC822; frank@example.jp
        X-Actual-Recipient: X-Unix; |/home/frank/bin/filter.pl
        Action: failed
        Status: 5.0.0
        Diagnostic-Code: X-Unix; 255

        --X1--
        """);
    assertThat(r.diagnosticText()).endsWith("(X-Unix)");
    assertThat(r.reason()).isEqualTo(Reason.MAILER_ERROR);
  }
}
