package io.maildiag.ndr.code;

import java.util.Locale;

/**
 * Mail providers whose bounces give status codes a meaning of their own.
 *
 * @since 0.1
 */
public enum Provider {
  /** Microsoft 365 / Exchange Online, Outlook.com and Hotmail. */
  MICROSOFT,
  /** Gmail and Google Workspace. */
  GOOGLE,
  /** Yahoo and AOL. */
  YAHOO,
  /** Apple iCloud Mail. */
  APPLE,
  /** Amazon SES. */
  AMAZON_SES,
  /** Twilio SendGrid. */
  SENDGRID,
  /** Mailgun. */
  MAILGUN,
  /** Any other system, or unknown. */
  OTHER;

  /** Returns the JSON name, {@code amazon-ses}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
