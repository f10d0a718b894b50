package io.maildiag.ndr.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real bounces: a real MTA on 127.0.0.1 ({@link MtaServer}) takes each test's message and delivers
 * it to an SMTP server of the test's own ({@link SmtpSink}), which refuses it as a receiving system
 * would: an unknown user, a full mailbox, a refused sender, a message too large, a client on a
 * block list. The MTA then writes its bounce, as it writes them for everyone, and returns it to the
 * message's sender through the same sink, where the test takes it and analyses it. Nothing in a
 * bounce is written by the test but the receiving side's reply. The subclasses name the MTA and
 * test what only it does.
 *
 * <p>Each test sends from an address of its own, so that it waits for its own bounce only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealMtaBouncesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SENDERS = new AtomicInteger();
  static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDefaults();

  /** The receiving system's replies, chosen by the local part of the address. */
  private static final SmtpSink.Script RECEIVER = new SmtpSink.Script() {
    @Override
    public String mailFrom(String sender) {
      return sender.startsWith("refused-sender")
          ? "550 5.7.1 <" + sender + ">: Sender address rejected: Access denied"
          : "250 2.1.0 Ok";
    }

    @Override
    public String rcptTo(String recipient) {
      Reply reply = Reply.of(recipient);
      if (reply != null && !reply.atEndOfData()) {
        return reply.text();
      }
      if (recipient.toLowerCase(Locale.ROOT).replace("\"", "").startsWith("unknown")) {
        return "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in local recipient table";
      }
      if (recipient.startsWith("full")) {
        return "452 4.2.2 <" + recipient + ">: Mailbox full";
      }
      if (recipient.startsWith("greylisted")) {
        return "451 4.7.1 <" + recipient + ">: Recipient address rejected: Greylisted, try again later";
      }
      return "250 2.1.5 Ok";
    }

    @Override
    public String endOfData(List<String> recipients) {
      for (String r : recipients) {
        Reply reply = Reply.of(r);
        if (reply != null && reply.atEndOfData()) {
          return reply.text();
        }
      }
      return recipients.stream().anyMatch(r -> r.startsWith("big"))
          ? "552 5.3.4 Message size exceeds fixed limit"
          : "250 2.0.0 Ok: queued";
    }
  };

  /** A receiving system that takes the connection and never greets. */
  private static final SmtpSink.Script SILENT = new SmtpSink.Script() {
    @Override
    public String greeting() {
      return null;
    }
  };

  /** A receiving system whose connection drops when the client names a recipient. */
  private static final SmtpSink.Script DROPPING = new SmtpSink.Script() {
    @Override
    public String rcptTo(String recipient) {
      return null;
    }
  };

  /** A receiving system that turns the client away in its greeting. */
  private static final SmtpSink.Script BLOCKING = new SmtpSink.Script() {
    @Override
    public String greeting() {
      return "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org";
    }
  };

  SmtpSink receiver;
  private SmtpSink blocking;
  private SmtpSink silent;
  private SmtpSink dropping;
  private MtaServer mta;

  /** The MTA: {@code postfix} or {@code exim}. */
  abstract String mta();

  /**
   * The action of a success notification: {@code relayed} from Postfix (the sink offers no DSN, so
   * Postfix reports handing the message on), {@code delivered} from Exim.
   */
  abstract String successAction();

  /** The bounce format mail-diag names for the MTA's bounces. */
  String format() {
    return mta();
  }

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    // the MTA's deliveries run as its own user, who must reach the queue under the test's directory
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    receiver = SmtpSink.start(RECEIVER);
    blocking = SmtpSink.start(BLOCKING);
    silent = SmtpSink.start(SILENT);
    dropping = SmtpSink.start(DROPPING);
    mta = MtaServer.start(mta(), dir.resolve(mta()), receiver.port(), Map.of(
        "blocklisted.test", blocking.port(),
        "silent.test", silent.port(),
        "dropping.test", dropping.port(),
        "down.test", MtaServer.freePort(Set.of()))); // nothing listens there
  }

  @AfterAll
  @SuppressWarnings("try") // the resources are named only to be closed, each even if another fails
  void stop() throws Exception {
    try (SmtpSink r = receiver; SmtpSink b = blocking; SmtpSink s = silent; SmtpSink d = dropping) {
      if (mta != null) {
        mta.stop();
      }
    }
  }

  @Test
  void anUnknownUserIsAPermanentFailureOfThatRecipient() throws Exception {
    String sender = sender("ann");
    BounceAnalysis a = bounce(sender, "Quarterly figures", "unknown-bob@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("unknown-bob@fail.test");
    assertThat(r.action()).isEqualTo("failed");
    assertCodes(r, "5.1.1", "550");
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
    assertThat(r.classification().permanent()).isTrue();
    assertThat(r.remoteMta()).contains("127.0.0.1");
    assertThat(r.diagnosticText()).contains("User unknown in local recipient table");
    assertThat(r.evidence().parser()).isEqualTo("rfc3464");
    assertThat(a.original().subject()).contains("Quarterly figures");
    assertThat(a.original().messageId()).contains(messageId(sender));
  }

  @Test
  void recipientsRefusedInOneDeliveryComeInOneBounceInTheirOrder() throws Exception {
    BounceAnalysis a = bounce(sender("carl"), "Minutes", "unknown-1@fail.test", "unknown-2@fail.test");

    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).extracting(RecipientResult::recipient)
        .containsExactly("unknown-1@fail.test", "unknown-2@fail.test");
    assertThat(a.recipients()).allSatisfy(r -> assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN));
  }

  @Test
  void aHundredRecipientsRefusedInOneDeliveryAreAllReadInTheirOrder() throws Exception {
    String[] recipients = new String[100];
    for (int i = 0; i < recipients.length; i++) {
      recipients[i] = String.format(Locale.ROOT, "unknown-%03d@fail.test", i);
    }
    String sender = sender("bea");
    send(sender, "Newsletter", recipients);
    SmtpSink.Received bounce = awaitBounce(sender);
    BounceAnalysis a = ANALYZER.analyze(bounce.data());

    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactlyInAnyOrder(recipients);
    // in the report's order, which is the order the deliveries ended in (Postfix delivers 50 at a time)
    List<String> reported = new ArrayList<>();
    Matcher m = FINAL_RECIPIENT.matcher(new String(bounce.data(), StandardCharsets.UTF_8));
    while (m.find()) {
      reported.add(m.group(1));
    }
    assertThat(a.recipients()).extracting(RecipientResult::recipient).containsExactlyElementsOf(reported);
  }

  private static final Pattern FINAL_RECIPIENT =
      Pattern.compile("(?im)^Final-Recipient: *rfc822; *([^\\s]+)$");

  @ParameterizedTest
  @ValueSource(strings = {"unknown.First+tag@fail.test", "\"unknown john\"@fail.test", "\"unknown a@b\"@fail.test",
      "unknown-o'brien@fail.test", "unknown=tag@sub.domain.fail.test", "UNKNOWN-upper@Fail.Test",
      "unknown@xn--bcher-kva.test"})
  void anAddressOfAnyShapeIsReadAsItWasWritten(String recipient) throws Exception {
    RecipientResult r = only(bounce(sender("cy"), "Shapes", recipient));

    assertThat(r.recipient()).isEqualTo(recipient);
    assertThat(r.classification().reason()).isEqualTo(Reason.USER_UNKNOWN);
  }

  @Test
  void aFullMailboxIsReturnedWithItsTransientStatus() throws Exception {
    BounceAnalysis a = bounce(sender("dora"), "Holiday photos", "full-eve@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("full-eve@fail.test");
    assertThat(r.action()).isEqualTo("failed");
    assertCodes(r, "4.2.2", "452");
    assertThat(r.classification().reason()).isEqualTo(Reason.MAILBOX_FULL);
    assertThat(r.classification().permanent()).isFalse();
  }

  @Test
  void aRefusedSenderIsRejected() throws Exception {
    BounceAnalysis a = bounce(sender("refused-sender"), "Offer", "fred@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("fred@fail.test");
    assertCodes(r, "5.7.1", "550");
    assertThat(r.classification().reason()).isEqualTo(Reason.REJECTED);
    assertThat(r.diagnosticText()).contains("Sender address rejected");
  }

  @Test
  void aMessageTooLargeIsRefusedAtTheEndOfItsData() throws Exception {
    BounceAnalysis a = bounce(sender("gus"), "Scans", "big-hal@fail.test");

    RecipientResult r = only(a);
    assertCodes(r, "5.3.4", "552");
    assertThat(r.classification().reason()).isEqualTo(Reason.EMAIL_TOO_LARGE);
  }

  @Test
  void aClientTurnedAwayInTheGreetingIsBlocked() throws Exception {
    BounceAnalysis a = bounce(sender("ida"), "Invoice", "jo@blocklisted.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("jo@blocklisted.test");
    assertCodes(r, "5.7.1", "554");
    assertThat(r.classification().reason()).isEqualTo(Reason.BLOCKED);
  }

  @Test
  void aHostThatRefusesConnectionsExpiresTheMessage() throws Exception {
    BounceAnalysis a = bounce(sender("kim"), "Agenda", "lou@down.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("lou@down.test");
    assertThat(r.replyCode()).isEmpty();
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void aSuccessNotificationAskedForIsADeliveryReport() throws Exception {
    // RFC 3461: NOTIFY=SUCCESS
    BounceAnalysis a = bounce(sender("sue"), "Contract", Map.of(),
        Map.of("mail.smtp.dsn.notify", "SUCCESS,FAILURE", "mail.smtp.dsn.ret", "HDRS"), "tom@fail.test");

    RecipientResult r = only(a, MessageKind.DELIVERY_REPORT);
    assertThat(r.recipient()).isEqualTo("tom@fail.test");
    assertThat(r.action()).isEqualTo(successAction());
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("2.0.0"));
    assertThat(r.classification().reason()).isEqualTo(Reason.DELIVERED);
    assertThat(r.classification().permanent()).isFalse();
  }

  @Test
  void aHostThatNeverGreetsTimesOutAndTheMessageExpires() throws Exception {
    // the MTA waits three seconds for a greeting (mta-test-server.sh), then gives up on the message
    RecipientResult r = only(bounce(sender("val"), "Timeout", "wes@silent.test"));

    assertThat(r.recipient()).isEqualTo("wes@silent.test");
    assertThat(r.replyCode()).isEmpty();
    assertThat(r.classification().reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void aMessageDeliveredIsNotABounce() throws Exception {
    send(sender("ned"), "Lunch?", "olga@fail.test");
    SmtpSink.Received delivered = receiver.awaitFor("olga@fail.test", WAIT)
        .orElseThrow(() -> new AssertionError("the message never arrived; the MTA's log:\n" + mta.log()));

    BounceAnalysis a = ANALYZER.analyze(delivered.data());
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.recipients()).isEmpty();
  }

  /**
   * A receiving system's refusal, as the systems named word it, with the reason it means: given to
   * the recipient {@code reply-N@fail.test}, N its index in {@link #REPLIES}, in reply to {@code RCPT
   * TO} or at the end of the data. A reply of several lines is written as the system writes it.
   */
  record Reply(String name, String text, boolean atEndOfData, Reason reason) {
    /** The reply given to {@code recipient}, or null. */
    static Reply of(String recipient) {
      if (!recipient.startsWith("reply-")) {
        return null;
      }
      int at = recipient.indexOf('@');
      return REPLIES.get(Integer.parseInt(recipient.substring("reply-".length(), at)));
    }

    static Reply rcpt(String name, Reason reason, String... lines) {
      return new Reply(name, String.join("\r\n", lines), false, reason);
    }

    static Reply data(String name, Reason reason, String... lines) {
      return new Reply(name, String.join("\r\n", lines), true, reason);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Reply> REPLIES = List.of(
      Reply.rcpt("Gmail: no such user", Reason.USER_UNKNOWN,
          "550-5.1.1 The email account that you tried to reach does not exist. Please try",
          "550-5.1.1 double-checking the recipient's email address for typos or",
          "550-5.1.1 unnecessary spaces. For more information, go to",
          "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser"),
      Reply.rcpt("Gmail: over quota", Reason.MAILBOX_FULL,
          "452-4.2.2 The recipient's inbox is out of storage space. Please direct the",
          "452-4.2.2 recipient to",
          "452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp"),
      Reply.rcpt("Gmail: disabled account", Reason.SUSPENDED,
          "550-5.2.1 The email account that you tried to reach is disabled. Learn more at",
          "550 5.2.1  https://support.google.com/mail/?p=DisabledUser"),
      Reply.rcpt("Gmail: receiving rate", Reason.RATE_LIMITED,
          "450-4.2.1 The user you are trying to contact is receiving mail at a rate that",
          "450-4.2.1 prevents additional messages from being delivered. Please resend your",
          "450-4.2.1 message at a later time. If the user is able to receive mail at that",
          "450-4.2.1 time, your message will be delivered. For more information, go to",
          "450 4.2.1  https://support.google.com/mail/?p=ReceivingRate"),
      Reply.data("Gmail: DMARC", Reason.AUTH_FAILURE,
          "550-5.7.26 Unauthenticated email from sink.test is not accepted due to domain's",
          "550-5.7.26 DMARC policy. Please contact the administrator of sink.test domain if",
          "550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to",
          "550 5.7.26  https://support.google.com/mail/answer/2451690"),
      Reply.data("Gmail: likely unsolicited", Reason.SPAM_DETECTED,
          "550-5.7.1 Our system has detected that this message is likely unsolicited mail. To",
          "550-5.7.1 reduce the amount of spam sent to Gmail, this message has been blocked.",
          "550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError"),
      Reply.data("Gmail: content a potential security issue", Reason.POLICY_VIOLATION,
          "552-5.7.0 This message was blocked because its content presents a potential",
          "552-5.7.0 security issue. Please visit",
          "552-5.7.0  https://support.google.com/mail/?p=BlockedMessage to review our",
          "552 5.7.0 message content and attachment content guidelines."),
      Reply.rcpt("Gmail: no PTR record", Reason.REQUIRE_PTR,
          "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR",
          "550-5.7.25 record setup, or the corresponding forward DNS entry does not point",
          "550-5.7.25 to the sending IP. As a policy, Gmail does not accept messages from",
          "550 5.7.25 IPs with missing PTR records."),
      Reply.rcpt("Outlook.com: block list", Reason.BLOCKED,
          "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service"
              + " provider since part of their network is on our block list (S3150). You can also refer your"
              + " provider to http://mail.live.com/mail/troubleshooting.aspx#errors."),
      Reply.data("Yahoo: policy", Reason.POLICY_VIOLATION,
          "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes"),
      Reply.rcpt("Proofpoint: poor reputation", Reason.BAD_REPUTATION,
          "554 5.7.1 Rejected by recipient domain due to poor reputation of sending IP."
              + " See https://ipcheck.proofpoint.com/?ip=192.0.2.1"),
      Reply.rcpt("IP reputation", Reason.BAD_REPUTATION,
          "550 5.7.1 Sender IP reputation is too low"),
      Reply.data("suspicious attachment", Reason.CONTENT_ERROR,
          "550 5.7.1 Message rejected: suspicious attachment"),
      Reply.data("a URL on a block list", Reason.SPAM_DETECTED,
          "550 5.7.1 Your message contains a URL on a blocklist"),
      Reply.rcpt("SPF: not allowed to send", Reason.AUTH_FAILURE,
          "550 5.7.1 SPF: 192.0.2.1 is not allowed to send mail from sink.test"),
      Reply.data("headers fail syntax check", Reason.NOT_RFC_COMPLIANT,
          "550 5.6.0 Message headers fail syntax check"),
      Reply.rcpt("Postfix: too much mail from", Reason.RATE_LIMITED,
          "450 4.7.1 Error: too much mail from 192.0.2.1"),
      Reply.rcpt("sender domain does not pass DMARC", Reason.AUTH_FAILURE,
          "550 5.7.1 Sender domain does not pass DMARC"),
      Reply.rcpt("Postfix: relay access denied", Reason.NO_RELAYING,
          "554 5.7.1 <reply-9@fail.test>: Relay access denied"),
      Reply.rcpt("has moved", Reason.HAS_MOVED,
          "551 5.1.6 User has moved; please try <rex@elsewhere.test>"),
      Reply.rcpt("null MX", Reason.NOT_ACCEPTING,
          "556 5.1.10 Recipient address has null MX"),
      Reply.rcpt("sender's null MX", Reason.REJECTED,
          "550 5.7.27 Sender address has null MX"),
      Reply.rcpt("system storage", Reason.SYSTEM_FULL,
          "452 4.3.1 Insufficient system storage"),
      Reply.data("blocked by SPF", Reason.AUTH_FAILURE,
          "550 5.7.1 Blocked by SPF"),
      Reply.data("virus", Reason.VIRUS_DETECTED,
          "554 5.7.1 Message rejected: virus found (Eicar-Test-Signature)"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void aReceivingSystemsReplyKeepsItsReasonThroughTheBounce(Reply reply) throws Exception {
    String recipient = "reply-" + REPLIES.indexOf(reply) + "@fail.test";
    BounceAnalysis a = bounce(sender("rita"), "Reply " + reply.name(), recipient);

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo(recipient);
    String first = reply.text().substring(0, reply.text().indexOf(' ', 4));
    assertCodes(r, first.substring(4), first.substring(0, 3));
    assertThat(r.classification().reason()).isEqualTo(reply.reason());
  }

  List<Reply> replies() {
    return REPLIES;
  }

  /** A sender address no other test uses. */
  static String sender(String name) {
    return name + "-" + SENDERS.incrementAndGet() + "@sink.test";
  }

  /** The Message-ID of the message sent from {@code sender}, without its angle brackets. */
  static String messageId(String sender) {
    return sender.replace('@', '.') + "@client.test";
  }

  /** The one recipient of a bounce in the MTA's format. */
  RecipientResult only(BounceAnalysis a) {
    return only(a, MessageKind.BOUNCE);
  }

  /** The one recipient of a notice of {@code kind} in the MTA's format. */
  RecipientResult only(BounceAnalysis a, MessageKind kind) {
    assertThat(a.kind()).isEqualTo(kind);
    assertThat(a.format()).isEqualTo(format());
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0);
  }

  /** Asserts the status and the reply code {@code r} reports, as written ("5.1.1", "550"). */
  static void assertCodes(RecipientResult r, String status, String reply) {
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString(status));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString(reply));
  }

  /** Asserts that {@code a} warns that the message to a greylisting {@code recipient} is delayed. */
  void assertGreylistingDelay(BounceAnalysis a, String recipient) {
    RecipientResult r = only(a, MessageKind.DELAY);
    assertThat(r.recipient()).isEqualTo(recipient);
    assertThat(r.action()).isEqualTo("delayed");
    assertCodes(r, "4.7.1", "451");
    assertThat(r.classification().permanent()).isFalse();
    assertThat(r.diagnosticText()).contains("Greylisted");
  }

  /** Sends a message through the MTA and returns the analysis of the bounce the MTA sends its sender. */
  BounceAnalysis bounce(String sender, String subject, String... recipients) throws Exception {
    return bounce(sender, subject, Map.of(), recipients);
  }

  /**
   * Sends a message with extra header fields through the MTA and returns the analysis of the
   * first notice the MTA sends its sender.
   */
  BounceAnalysis bounce(String sender, String subject, Map<String, String> fields, String... recipients)
      throws Exception {
    return bounce(sender, subject, fields, Map.of(), recipients);
  }

  /**
   * {@link #bounce(String, String, Map, String...)} sent with extra Jakarta Mail session properties
   * (a DSN request: {@code mail.smtp.dsn.notify}).
   */
  BounceAnalysis bounce(String sender, String subject, Map<String, String> fields, Map<String, String> session,
      String... recipients) throws Exception {
    send(sender, subject, fields, session, recipients);
    return ANALYZER.analyze(awaitBounce(sender).data());
  }

  /** The first notice the MTA sends {@code sender}, with the null envelope sender of a bounce. */
  SmtpSink.Received awaitBounce(String sender) throws InterruptedException {
    SmtpSink.Received bounce = receiver.awaitFor(sender, WAIT)
        .orElseThrow(() -> new AssertionError("no bounce came back to " + sender + " within " + WAIT
            + "; the MTA's log:\n" + mta.log()));
    assertThat(bounce.sender()).as("a bounce's envelope sender").isEmpty();
    return bounce;
  }

  /** Sends a message from {@code sender} through the MTA (with SMTPUTF8 where an address needs it). */
  void send(String sender, String subject, String... recipients) throws MessagingException {
    send(sender, subject, Map.of(), Map.of(), recipients);
  }

  /**
   * {@link #send(String, String, String...)} with extra header fields and Jakarta Mail session
   * properties, which win over the defaults ({@code mail.smtp.port} sends through another MTA).
   */
  void send(String sender, String subject, Map<String, String> fields, Map<String, String> properties,
      String... recipients) throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(mta.port()));
    p.setProperty("mail.smtp.from", sender);
    p.setProperty("mail.smtp.localhost", "client.test");
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "10000");
    p.setProperty("mail.mime.allowutf8", "true");
    p.putAll(properties); // may name another port: another instance of the MTA
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + messageId(sender) + ">");
      }
    };
    m.setFrom(new InternetAddress(sender));
    for (String r : recipients) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(r, true));
    }
    m.setSubject(subject, StandardCharsets.UTF_8.name());
    for (Map.Entry<String, String> f : fields.entrySet()) {
      m.setHeader(f.getKey(), f.getValue());
    }
    m.setText("Hello,\n\nplease find the figures below.\n", StandardCharsets.UTF_8.name());
    Transport.send(m);
  }
}
