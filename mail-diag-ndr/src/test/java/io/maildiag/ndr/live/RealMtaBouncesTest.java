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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

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
      if (recipient.startsWith("unknown")) {
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
      return recipients.stream().anyMatch(r -> r.startsWith("big"))
          ? "552 5.3.4 Message size exceeds fixed limit"
          : "250 2.0.0 Ok: queued";
    }
  };

  /** A receiving system that turns the client away in its greeting. */
  private static final SmtpSink.Script BLOCKING = new SmtpSink.Script() {
    @Override
    public String greeting() {
      return "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org";
    }
  };

  private SmtpSink receiver;
  private SmtpSink blocking;
  private MtaServer mta;

  /** The MTA: {@code postfix} or {@code exim}. */
  abstract String mta();

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
    mta = MtaServer.start(mta(), dir.resolve(mta()), receiver.port(), Map.of(
        "blocklisted.test", blocking.port(),
        "down.test", MtaServer.freePort())); // nothing listens there
  }

  @AfterAll
  void stop() throws Exception {
    if (mta != null) {
      mta.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (blocking != null) {
      blocking.close();
    }
  }

  @Test
  void anUnknownUserIsAPermanentFailureOfThatRecipient() throws Exception {
    String sender = sender("ann");
    BounceAnalysis a = bounce(sender, "Quarterly figures", "unknown-bob@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("unknown-bob@fail.test");
    assertThat(r.action()).isEqualTo("failed");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString("550"));
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
  void aFullMailboxIsReturnedWithItsTransientStatus() throws Exception {
    BounceAnalysis a = bounce(sender("dora"), "Holiday photos", "full-eve@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("full-eve@fail.test");
    assertThat(r.action()).isEqualTo("failed");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.2.2"));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString("452"));
    assertThat(r.classification().reason()).isEqualTo(Reason.MAILBOX_FULL);
    assertThat(r.classification().permanent()).isFalse();
  }

  @Test
  void aRefusedSenderIsRejected() throws Exception {
    BounceAnalysis a = bounce(sender("refused-sender"), "Offer", "fred@fail.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("fred@fail.test");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.7.1"));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString("550"));
    assertThat(r.classification().reason()).isEqualTo(Reason.REJECTED);
    assertThat(r.diagnosticText()).contains("Sender address rejected");
  }

  @Test
  void aMessageTooLargeIsRefusedAtTheEndOfItsData() throws Exception {
    BounceAnalysis a = bounce(sender("gus"), "Scans", "big-hal@fail.test");

    RecipientResult r = only(a);
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.3.4"));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString("552"));
    assertThat(r.classification().reason()).isEqualTo(Reason.EMAIL_TOO_LARGE);
  }

  @Test
  void aClientTurnedAwayInTheGreetingIsBlocked() throws Exception {
    BounceAnalysis a = bounce(sender("ida"), "Invoice", "jo@blocklisted.test");

    RecipientResult r = only(a);
    assertThat(r.recipient()).isEqualTo("jo@blocklisted.test");
    assertThat(r.status()).hasValueSatisfying(s -> assertThat(s).hasToString("5.7.1"));
    assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c).hasToString("554"));
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
  void aMessageDeliveredIsNotABounce() throws Exception {
    send(sender("ned"), "Lunch?", "olga@fail.test");
    SmtpSink.Received delivered = receiver.awaitFor("olga@fail.test", WAIT)
        .orElseThrow(() -> new AssertionError("the message never arrived; the MTA's log:\n" + mta.log()));

    BounceAnalysis a = ANALYZER.analyze(delivered.data());
    assertThat(a.kind()).isEqualTo(MessageKind.NOT_A_BOUNCE);
    assertThat(a.recipients()).isEmpty();
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
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.format()).isEqualTo(format());
    assertThat(a.recipients()).hasSize(1);
    return a.recipients().get(0);
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
    send(sender, subject, fields, recipients);
    SmtpSink.Received bounce = receiver.awaitFor(sender, WAIT)
        .orElseThrow(() -> new AssertionError("no bounce came back to " + sender + " within " + WAIT
            + "; the MTA's log:\n" + mta.log()));
    assertThat(bounce.sender()).as("a bounce's envelope sender").isEmpty();
    return ANALYZER.analyze(bounce.data());
  }

  /** Sends a message from {@code sender} through the MTA (with SMTPUTF8 where an address needs it). */
  void send(String sender, String subject, String... recipients) throws MessagingException {
    send(sender, subject, Map.of(), recipients);
  }

  /** {@link #send(String, String, String...)} with extra header fields. */
  void send(String sender, String subject, Map<String, String> fields, String... recipients)
      throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", Integer.toString(mta.port()));
    p.setProperty("mail.smtp.from", sender);
    p.setProperty("mail.smtp.localhost", "client.test");
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "10000");
    p.setProperty("mail.mime.allowutf8", "true");
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
