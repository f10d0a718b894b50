package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.Provider;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The word-gated checks of {@link Formats} agree with the plain patterns they stand for. */
class FormatsTest {
  /** The pattern {@link Formats#exchangeCode} stands for. */
  private static final Pattern EXCHANGE_CODES = Pattern.compile(
      "(?:#[245]\\d\\d [245]\\.\\d{1,3}\\.\\d{1,3} |" + WordBoundary.BEFORE + ")(?:RESOLVER\\.(?:ADR|RST)\\.|STOREDRV\\.|SMTPSEND\\.|ROUTING\\.|"
          + "QUEUE\\.Expired|MSEXCH:)");

  private static final String[] PIECES = {
      "RESOLVER.ADR.RecipNotFound", "RESOLVER.RST.", "RESOLVER.", "resolver.adr.", "STOREDRV.Submission", "SMTPSEND.DNS",
      "ROUTING.NoConnectors", "QUEUE.Expired", "queue.expired", "MSEXCH:", "#550 5.1.1 ", "#550 5.1.1", "#4", " ", "x",
      "_", "9", ".", "\n", "\u00e9", "\u0301", "\u0130", "\u212a", "\ud83d\ude00", "\u0660",
      "gsmtp", "GSMTP", "mx.google.com", ".GOOGLE.COM", "googlemail.com", "support.google.com", "gmail-smtp-in",
      "mail.protection.outlook.com", ".outlook.com", "HOTMAIL.COM", ".live.com", "go.microsoft.com", "aka.ms/",
      "onmicrosoft.com", "messaging.microsoft.com", "yahoodns.net", "Yahoo.com", "yahooinc.com", "yahoo.co.",
      "aol.com", "[TS01]", "[ts02]", "[TSS04]", "[TS", "icloud.com", ".me.com", "apple.com", "outloo\u212a.com",
      "exchange online", "Office 365", "Microsoft 365", "@outlook.com", "@hotmail.", "@live.", "@msn.com", "outlook",
      "OUTLOOK", "Microsoft.com", "microsoft", "google", "GOOGLE", "protection.", "go.", "messaging.", "on", "?",
      "AOL.COM", "\u00c9", "\ud83d"};

  @Test
  void exchangeCodesAreFoundAsByThePattern() {
    Random random = new Random(3);
    for (int i = 0; i < 5000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, 1 + random.nextInt(12));
      assertThat(Formats.exchangeCode(text)).as(text).isEqualTo(EXCHANGE_CODES.matcher(text).find());
    }
  }

  @Test
  void exchangeCodeNeedsAWordBoundary() {
    assertThat(Formats.exchangeCode("#550 5.1.1 RESOLVER.ADR.RecipNotFound")).isTrue();
    assertThat(Formats.exchangeCode("xRESOLVER.ADR.RecipNotFound")).isFalse();
    assertThat(Formats.exchangeCode("\u00e9STOREDRV.Submission")).isFalse();
    assertThat(Formats.exchangeCode("(STOREDRV.Submission")).isTrue();
    assertThat(Formats.exchangeCode("RESOLVER.XYZ. RESOLVER.RST.x")).isTrue();
  }

  @Test
  void microsoftCloudTextAsByThePattern() {
    Random random = new Random(5);
    for (int i = 0; i < 5000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, 1 + random.nextInt(12));
      assertThat(Formats.msCloudText(text, text.toLowerCase(Locale.ROOT))).as(text)
          .isEqualTo(Formats.Spec.MS_CLOUD.matcher(text).find());
    }
  }

  @Test
  void microsoftCloudInLowerCasedTextAsByThePattern() {
    Random random = new Random(6);
    for (int i = 0; i < 5000; i++) {
      String lower = EngineGatesTest.noise(random, PIECES, 1 + random.nextInt(8)).toLowerCase(Locale.ROOT);
      assertThat(Formats.msCloudLower(lower)).as(lower).isEqualTo(Formats.Spec.MS_CLOUD.matcher(lower).find());
    }
    for (String lower : new String[] {"x.prod.outlook.com", "a.protection.outlook.com", ".prod.outlook.co", "outlook.com"}) {
      assertThat(Formats.msCloudLower(lower)).as(lower).isEqualTo(Formats.Spec.MS_CLOUD.matcher(lower).find());
    }
  }

  @Test
  void recipientProviderAsByThePatterns() {
    Random random = new Random(9);
    for (int i = 0; i < 5000; i++) {
      String host = EngineGatesTest.noise(random, PIECES, random.nextInt(4));
      String diag = EngineGatesTest.noise(random, PIECES, random.nextInt(10));
      assertThat(Formats.forRecipient(Provider.OTHER, host, diag)).as(host + " | " + diag)
          .isEqualTo(plainForRecipient(Provider.OTHER, host, diag));
    }
  }

  /** {@link Formats#forRecipient} as the patterns alone decide it. */
  private static Provider plainForRecipient(Provider reporter, String remoteMta, String diagnostic) {
    String s = remoteMta + " " + (diagnostic.length() > 2000 ? diagnostic.substring(0, 2000) : diagnostic);
    if (Formats.GOOGLE.matcher(s).find()) {
      return Provider.GOOGLE;
    }
    if (Formats.MICROSOFT.matcher(s).find()) {
      return Provider.MICROSOFT;
    }
    if (Formats.YAHOO_P.matcher(s).find()) {
      return Provider.YAHOO;
    }
    if (Formats.APPLE.matcher(remoteMta).find()) {
      return Provider.APPLE;
    }
    return reporter;
  }

  @Test
  void reporterAsByTheLowerCasedText() {
    String[] pieces = {"icloud.com", "ICLOUD.COM", "iCloud", ".com", "@me.com", "@ME.com", "mac.com", "MAC", ".COM",
        "@", "me", "mac", " ", "\u0130", "\u212a", "\u0131", "c", "\u00e9", "\u03a3", "a", "x@y", "postmaster"};
    Random random = new Random(71);
    for (int i = 0; i < 50_000; i++) {
      String from = EngineGatesTest.noise(random, pieces, random.nextInt(5));
      String host = EngineGatesTest.noise(random, pieces, random.nextInt(4));
      String f = (from + " " + host).toLowerCase(Locale.ROOT);
      Provider expected = f.contains("icloud.com") || f.contains("@me.com") || f.contains("mac.com")
          ? Provider.APPLE : Provider.OTHER;
      assertThat(Formats.reporter(Formats.UNKNOWN, from, host)).as(from + " | " + host).isEqualTo(expected);
    }
  }

  private static String postfixBounce(String extraField) {
    return "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
        + extraField
        + "To: news@example.net\n"
        + "Subject: Undelivered Mail Returned to Sender\n\n"
        + "This is the mail system at host mx.example.org.\n\n"
        + "<ann@example.org>: host mail.example.org[192.0.2.1] said: 550 5.1.1 <ann@example.org>: Recipient\n"
        + "    address rejected: User unknown (in reply to RCPT TO command)\n";
  }

  @Test
  void fieldsOfAServiceThatReceivedTheBounceDoNotNameItsWriter() {
    assertThat(Fixtures.analyzeText(postfixBounce("")).format()).isEqualTo("postfix");
    assertThat(Fixtures.analyzeText(postfixBounce("X-Mailgun-Incoming: Yes\nX-Mailgun-Sflag: No\n")).format())
        .isEqualTo("postfix");
    assertThat(Fixtures.analyzeText(postfixBounce("X-SES-Receipt: AEFBQUFBQUFB\nX-SES-Spam-Verdict: PASS\n")).format())
        .isEqualTo("postfix");
    // Mailgun's fields name Mailgun, which writes its notices in its own servers' names
    assertThat(Fixtures.analyzeText(postfixBounce("X-Mailgun-Sid: WyI0ZTk\n")).format()).isEqualTo("mailgun");
    // SES's fields say that SES carried the bounce; the writer's own wording names the writer
    assertThat(Fixtures.analyzeText(postfixBounce("X-SES-Outgoing: 2024.05.06-192.0.2.9\n")).format())
        .isEqualTo("postfix");
    // without such wording, they name the sending service
    assertThat(Fixtures.analyzeText(plainReport("X-SES-Outgoing: 2024.05.06-192.0.2.9\n")).format())
        .isEqualTo("amazonses");
    assertThat(Fixtures.analyzeText(plainReport("X-Mailgun-Sid: WyI0ZTk\n")).format()).isEqualTo("mailgun");
    assertThat(Fixtures.analyzeText(plainReport("")).format()).isEqualTo("rfc3464");
  }

  private static String plainReport(String extraField) {
    return "From: postmaster@mx.example.org\n"
        + extraField
        + "To: news@example.net\n"
        + "Subject: Delivery Status Notification (Failure)\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        + "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
        + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        + "Final-Recipient: rfc822; ann@example.org\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";
  }
}
