package io.maildiag.ndr.parse;

import io.maildiag.ndr.code.Provider;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the family of the system that wrote a bounce (postfix, exim, exchange, gmail...) from
 * its headers and wording, and the provider whose code meanings apply to a recipient's failure.
 */
final class Formats {
  private Formats() {}

  static final String POSTFIX = "postfix";
  static final String EXIM = "exim";
  static final String SENDMAIL = "sendmail";
  static final String QMAIL = "qmail";
  static final String COURIER = "courier";
  static final String EXCHANGE = "exchange";
  static final String MICROSOFT365 = "microsoft365";
  static final String GMAIL = "gmail";
  static final String YAHOO = "yahoo";
  static final String AMAZONSES = "amazonses";
  static final String SENDGRID = "sendgrid";
  static final String MAILGUN = "mailgun";
  static final String RFC3464 = "rfc3464";
  static final String UNKNOWN = "unknown";

  /** What the detector looks at: top-level headers as one lower-cased string, and the bounce text. */
  record Signals(String from, String subject, String headers, String text, String reportingMta, boolean hasDsn) {}

  private static final Pattern MS_CLOUD = Pattern.compile(
      "(?i)(\\.prod\\.outlook\\.com|\\.protection\\.outlook\\.com|onmicrosoft\\.com|exchange online|office 365|"
          + "microsoft 365|@outlook\\.com|@hotmail\\.|@live\\.|@msn\\.com|\\.outlook\\.com|hotmail\\.com)");

  private static final Pattern EXCHANGE_CODES = Pattern.compile(
      "(?:#[245]\\d\\d [245]\\.\\d{1,3}\\.\\d{1,3} |\\b)(?:RESOLVER\\.(?:ADR|RST)\\.|STOREDRV\\.|SMTPSEND\\.|ROUTING\\.|"
          + "QUEUE\\.Expired|MSEXCH:)");

  /** The fixed strings of {@link #MS_CLOUD}, lower-case. */
  private static final String[] MS_CLOUD_LOWER = {
      ".prod.outlook.com", ".protection.outlook.com", "onmicrosoft.com", "exchange online", "office 365",
      "microsoft 365", "@outlook.com", "@hotmail.", "@live.", "@msn.com", ".outlook.com", "hotmail.com"};

  /**
   * {@code MS_CLOUD.matcher(lower).find()} for text already lower-cased with {@link Locale#ROOT}: such
   * text holds no ASCII capitals, so the pattern's ASCII-only case-insensitive match is a plain
   * substring test.
   */
  private static boolean msCloudLower(String lower) {
    for (String f : MS_CLOUD_LOWER) {
      if (lower.contains(f)) {
        return true;
      }
    }
    return false;
  }

  static String family(Signals s) {
    String from = s.from.toLowerCase(Locale.ROOT);
    String subject = s.subject.toLowerCase(Locale.ROOT);
    String h = s.headers;
    String t = s.text.length() > 20000 ? s.text.substring(0, 20000) : s.text;
    String tl = t.toLowerCase(Locale.ROOT);
    String rmta = s.reportingMta.toLowerCase(Locale.ROOT);

    if (from.contains("amazonses.com") || from.contains("amazonaws.com") || rmta.contains("amazonses.com")
        || h.contains("\nx-ses-") || tl.contains("\"notificationtype\"")) {
      return tl.contains("sorry, we were unable to deliver your message") ? YAHOO : AMAZONSES;
    }
    if (tl.contains("generated message from sendgrid") || h.contains("\nx-sendgrid-") || from.contains("sendgrid")) {
      return SENDGRID;
    }
    if (h.contains("\nx-mailgun-") || from.contains("mailgun") || rmta.contains("mailgun")) {
      return MAILGUN;
    }
    if (from.contains("googlemail.com") || from.contains("@google.com") || rmta.equals("googlemail.com")
        || tl.contains("google tried to deliver your message") || tl.contains("google groups")
        || tl.contains("** address not found **") || tl.contains("** message not delivered **")
        || tl.contains("delivery to the following recipient failed permanently")
        || tl.contains("delivery to the following recipient has been delayed")) {
      return GMAIL;
    }
    boolean exchangeText = tl.contains("delivery has failed to these recipients or groups")
        || tl.contains("diagnostic information for administrators") || tl.contains("did not reach the following recipient")
        || tl.contains("msexch:") || tl.contains("remote server returned '")
        || tl.contains("rejected your message to the following email address")
        || tl.contains("your message couldn't be delivered") || tl.contains("generating server:")
        || EXCHANGE_CODES.matcher(t).find();
    boolean exchangeHeaders = h.contains("\nx-ms-exchange-message-is-ndr") || h.contains("\nx-ms-embedded-report")
        || h.contains("internet mail service") || h.contains("\nx-ms-exchange-");
    boolean cloud = msCloudLower(from) || msCloudLower(rmta)
        || (exchangeText || exchangeHeaders) && (MS_CLOUD.matcher(t).find() || h.contains("x-ms-exchange-crosstenant")
            || h.contains("prod.outlook.com") || h.contains("protection.outlook.com"));
    if (cloud && (exchangeText || exchangeHeaders || s.hasDsn || from.contains("postmaster@"))) {
      return MICROSOFT365;
    }
    if (exchangeText || exchangeHeaders) {
      return EXCHANGE;
    }
    if (from.contains("@yahoo.") || from.contains("@aol.com") || from.contains("yahoo-inc")
        || tl.contains("sorry, we were unable to deliver your message to the following address")) {
      return YAHOO;
    }
    if (tl.contains("this is the mail system at host") || tl.contains("this is the postfix program")
        || h.contains("\nx-postfix") || tl.contains("x-postfix-queue-id") || tl.contains("x-postfix;")
        || (subject.startsWith("undelivered mail returned to sender") && from.contains("(mail delivery system)"))
        || subject.startsWith("postfix smtp server")) {
      return POSTFIX;
    }
    if (tl.contains("this message was created automatically by mail delivery software")
        || h.contains("-eximdsn-") || tl.contains("the following address(es) failed")
        || (h.contains("\nx-failed-recipients:") && subject.startsWith("mail delivery failed"))) {
      return EXIM;
    }
    if (tl.contains("this is the qmail-send program") || tl.contains("qmail-send") || tl.contains("vdelivermail")
        || tl.contains("--- below this line is a copy of the message") && subject.contains("failure notice")) {
      return QMAIL;
    }
    if (tl.contains("courier mail server") || subject.startsWith("notice: mail delivery status")) {
      return COURIER;
    }
    if (tl.contains("----- the following addresses had permanent fatal errors -----")
        || tl.contains("----- transcript of session follows -----") || subject.startsWith("returned mail:")
        || h.contains("auto-submitted: auto-generated (failure)") || subject.startsWith("warning: could not send message")) {
      return SENDMAIL;
    }
    return s.hasDsn ? RFC3464 : UNKNOWN;
  }

  /** The provider that wrote the report, from its family and sender. */
  static Provider reporter(String family, String from, String reportingMta) {
    switch (family) {
      case MICROSOFT365: return Provider.MICROSOFT;
      case GMAIL: return Provider.GOOGLE;
      case YAHOO: return Provider.YAHOO;
      case AMAZONSES: return Provider.AMAZON_SES;
      case SENDGRID: return Provider.SENDGRID;
      case MAILGUN: return Provider.MAILGUN;
      default:
        break;
    }
    String f = (from + " " + reportingMta).toLowerCase(Locale.ROOT);
    if (f.contains("icloud.com") || f.contains("@me.com") || f.contains("mac.com")) {
      return Provider.APPLE;
    }
    return Provider.OTHER;
  }

  private static final Pattern GOOGLE = Pattern.compile(
      "(?i)(gsmtp\\b|\\.google\\.com\\b|googlemail\\.com|support\\.google\\.com|gmail-smtp-in)");
  private static final Pattern MICROSOFT = Pattern.compile(
      "(?i)(\\.outlook\\.com\\b|hotmail\\.com|\\.live\\.com|go\\.microsoft\\.com|aka\\.ms/|"
          + "protection\\.outlook|onmicrosoft\\.com|messaging\\.microsoft\\.com)");
  private static final Pattern YAHOO_P = Pattern.compile(
      "(?i)(yahoodns\\.net|yahoo\\.com|yahooinc\\.com|yahoo\\.co\\.|aol\\.com|\\[TS\\d\\d\\]|\\[TSS\\d\\d\\])");
  private static final Pattern APPLE = Pattern.compile("(?i)(icloud\\.com|\\.me\\.com|apple\\.com)");

  /**
   * The provider whose code meanings apply to one recipient: the remote system that rejected it
   * when its host or reply names one, else the provider that wrote the report.
   */
  static Provider forRecipient(Provider reporter, String remoteMta, String diagnostic) {
    String s = remoteMta + " " + (diagnostic.length() > 2000 ? diagnostic.substring(0, 2000) : diagnostic);
    if (GOOGLE.matcher(s).find()) {
      return Provider.GOOGLE;
    }
    if (MICROSOFT.matcher(s).find()) {
      return Provider.MICROSOFT;
    }
    if (YAHOO_P.matcher(s).find()) {
      return Provider.YAHOO;
    }
    if (APPLE.matcher(remoteMta).find()) {
      return Provider.APPLE;
    }
    return reporter;
  }
}
