package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.classify.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading the SMTP stage from the words of several mail systems, and from session transcripts. */
class SmtpStageTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Postfix
      "host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: User unknown (in reply to RCPT TO command)|RCPT_TO",
      "host mx.example.com[192.0.2.1] said: 550 Access denied (in reply to MAIL FROM command)|MAIL_FROM",
      "host mx.example.com[192.0.2.1] said: 550 : User unknown (in reply to end of DATA command)|DATA",
      "host mx.example.com[192.0.2.1] said: 554 Protocol violation (in reply to DATA command)|DATA",
      "host mx.example.com[192.0.2.1] said: 504 5.5.2 <x>: Helo command rejected (in reply to EHLO command)|CONNECT",
      "host mx.example.com[192.0.2.1] refused to talk to me: 554 5.7.1 Service unavailable|CONNECT",
      "lost connection with mx.example.com[192.0.2.1] while sending RCPT TO|RCPT_TO",
      // Exim
      "SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 unknown|RCPT_TO",
      "SMTP error from remote mail server after MAIL FROM:<a@example.net> SIZE=1830: 553 sender rejected|MAIL_FROM",
      "SMTP error from remote mail server after end of data: 550 5.7.1 content rejected|DATA",
      "SMTP error from remote mail server after pipelined RCPT TO:<bob@example.com>: 550 no such user|RCPT_TO",
      "SMTP error from remote mail server after initial connection: 554 5.7.1 go away|CONNECT",
      // GMX and web.de
      "SMTP error from remote server after RCPT command: host: mx.example.jp reason: 550 5.1.1 unknown|RCPT_TO",
      "SMTP error from remote server after MAIL command: host: mx.example.jp reason: 553 sender rejected|MAIL_FROM",
      // qmail
      "192.0.2.80 does not like recipient. Remote host said: 550 5.1.1 unknown|RCPT_TO",
      "Connected to 192.0.2.80 but sender was rejected. Remote host said: 553 5.1.8 domain missing|MAIL_FROM",
      "Connected to 192.0.2.80 but my name was rejected. Remote host said: 501 Invalid HELO|CONNECT",
      "192.0.2.80 failed after I sent the message. Remote host said: 554 5.7.1 spam|DATA",
      "192.0.2.80 failed on DATA command. Remote host said: 554 no valid recipients|DATA",
      // Yahoo
      "Remote host said: 501 5.1.8 Sender address rejected [MAIL_FROM]|MAIL_FROM",
      "Remote host said: 550 5.1.1 <a@example.com>... User Unknown [RCPT_TO]|RCPT_TO",
  })
  void wordsNameTheStage(String text, Stage stage) {
    assertThat(SmtpStage.explicit(text)).isNotNull().extracting(SmtpStage.Found::stage).isEqualTo(stage);
  }

  @Test
  void textWithoutStageWordsNamesNone() {
    assertThat(SmtpStage.explicit("550 5.1.1 <a@example.com>... User unknown")).isNull();
    assertThat(SmtpStage.explicit("The email account that you tried to reach does not exist")).isNull();
    assertThat(SmtpStage.explicit("Please send mail from a different address")).isNull();
  }

  @Test
  void transcriptCommandBeforeTheReply() {
    String[] courier = {"<judy@example.com>:", "    mx.example.com [192.0.2.45]:", ">>> DATA",
        "<<< 550 Unknown user judy@example.com"};
    assertThat(SmtpStage.transcript(courier, 0, courier.length)).isEqualTo(SmtpStage.DATA);
    String[] rcpt = {"... while talking to mx.example.com.:", ">>> RCPT To:<bob@example.com>",
        "<<< 550 5.1.1 <bob@example.com>... User unknown", "550 5.1.1 <bob@example.com>... User unknown"};
    assertThat(SmtpStage.transcript(rcpt, 0, rcpt.length)).isEqualTo(SmtpStage.RCPT);
    String[] mail = {">>> MAIL From:<alice@example.net> SIZE=2048", "<<< 553 5.1.8 Domain of sender does not exist"};
    assertThat(SmtpStage.transcript(mail, 0, mail.length)).isEqualTo(SmtpStage.MAIL);
    String[] end = {">>> .", "<<< 554 5.7.1 Message rejected as spam"};
    assertThat(SmtpStage.transcript(end, 0, end.length)).isEqualTo(SmtpStage.END_OF_DATA);
    String[] multi = {">>> DATA", "<<< 550-5.7.26 Unauthenticated email is not accepted due to",
        "<<< 550 5.7.26 the domain's DMARC policy", "554 5.0.0 Service unavailable"};
    assertThat(SmtpStage.at(multi, SmtpStage.first(multi, 2))).isEqualTo(SmtpStage.DATA);
    String[] noCommand = {"<<< 550 5.1.1 User unknown"};
    assertThat(SmtpStage.transcript(noCommand, 0, 1)).isNull();
  }

  @Test
  void pipelinedRcptRepliesAfterDataAreRcptReplies() {
    String[] needRcpt = {">>> DATA", "<<< 550 5.1.1 <bob@example.com>... User unknown",
        "550 5.1.1 <bob@example.com>... User unknown", "<<< 503 5.0.0 Need RCPT (recipient)"};
    assertThat(SmtpStage.transcript(needRcpt, 0, needRcpt.length)).isEqualTo(SmtpStage.RCPT);
    String[] noValid = {">>> DATA", "<<< 550 5.7.1 <carol@example.org>: Recipient address rejected: User unknown",
        "550 5.1.1 <carol@example.org>... User unknown", "<<< 554 5.5.1 Error: no valid recipients"};
    assertThat(SmtpStage.transcript(noValid, 0, noValid.length)).isEqualTo(SmtpStage.RCPT);
    String[] realData = {">>> DATA", "<<< 550 Unknown user dave@example.jp", "554 5.0.0 Service unavailable"};
    assertThat(SmtpStage.transcript(realData, 0, realData.length)).isEqualTo(SmtpStage.DATA);
  }

  @Test
  void reportReplyIsFoundInTheTranscript() {
    String text = "   ----- Transcript of session follows -----\n... while talking to mx.example.jp.:\n"
        + ">>> DATA\n<<< 550 Unknown user dave@example.jp\n554 5.0.0 Service unavailable\n";
    assertThat(SmtpStage.transcriptFor(text, "550 Unknown user dave@example.jp")).isEqualTo(SmtpStage.DATA);
    assertThat(SmtpStage.transcriptFor(text, "550 5.2.2 Mailbox full")).isNull();
    assertThat(SmtpStage.transcriptFor("no transcript here", "550 Unknown user dave@example.jp")).isNull();
  }

  @Test
  void annotateAppendsPostfixWordingOnlyWhenMissing() {
    assertThat(SmtpStage.annotate("550 Unknown user", SmtpStage.DATA))
        .isEqualTo("550 Unknown user (in reply to DATA command)");
    assertThat(SmtpStage.annotate("550 Unknown user (in reply to end of DATA command)", SmtpStage.END_OF_DATA))
        .isEqualTo("550 Unknown user (in reply to end of DATA command)");
    assertThat(SmtpStage.annotate("SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 no",
        SmtpStage.RCPT)).doesNotContain("in reply to");
    assertThat(SmtpStage.annotate("501 Sender address rejected [MAIL_FROM]", SmtpStage.MAIL))
        .endsWith("(in reply to MAIL FROM command)");
    assertThat(SmtpStage.annotate("255", SmtpStage.LOCAL)).isEqualTo("255 (X-Unix)");
    assertThat(SmtpStage.annotate("", SmtpStage.RCPT)).isEmpty();
    assertThat(SmtpStage.annotate("550 no", null)).isEqualTo("550 no");
  }
}
