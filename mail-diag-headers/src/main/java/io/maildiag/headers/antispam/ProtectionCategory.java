package io.maildiag.headers.antispam;

import io.maildiag.core.internal.UpperCase;
import java.util.Optional;

/**
 * The {@code CAT} (category of protection policy applied) field of Microsoft's {@code
 * X-Forefront-Antispam-Report}. Some categories exist only with Defender for Office 365.
 *
 * @since 0.1
 */
public enum ProtectionCategory {
  /** Anti-malware. */
  AMP("anti-malware"),
  /** Brand impersonation. */
  BIMP("brand impersonation"),
  /** Bulk mail. */
  BULK("bulk"),
  /** Domain impersonation (Defender for Office 365). */
  DIMP("domain impersonation"),
  /** Anti-malware file type policy. */
  FTBP("anti-malware file type policy"),
  /** Mailbox intelligence impersonation (Defender for Office 365). */
  GIMP("mailbox intelligence impersonation"),
  /** High confidence phishing. */
  HPHSH("high confidence phishing"),
  /** High confidence phishing (alternative spelling). */
  HPHISH("high confidence phishing"),
  /** High confidence spam. */
  HSPM("high confidence spam"),
  /** Intra-organisation phishing. */
  INTOS("intra-organisation phishing"),
  /** Malware. */
  MALW("malware"),
  /** No category applied. */
  NONE("no protection category applied"),
  /** Outbound spam. */
  OSPM("outbound spam"),
  /** Phishing. */
  PHSH("phishing"),
  /** Safe Attachments (Defender for Office 365). */
  SAP("Safe Attachments"),
  /** Spam. */
  SPM("spam"),
  /** Spoofing. */
  SPOOF("spoofing"),
  /** User impersonation (Defender for Office 365). */
  UIMP("user impersonation");

  private final String meaning;

  ProtectionCategory(String meaning) {
    this.meaning = meaning;
  }

  /** Returns the code as it appears in the header. */
  public String code() {
    return name();
  }

  /** Returns what the category means. */
  public String meaning() {
    return meaning;
  }

  /** Returns whether this category means the message was judged harmful (spam, phishing, malware, spoofing, impersonation). */
  public boolean isThreat() {
    return this != NONE && this != BULK;
  }

  /** Returns the category with the given code, ignoring case; empty for unknown codes. */
  public static Optional<ProtectionCategory> fromCode(String code) {
    try {
      return Optional.of(valueOf(UpperCase.root(code.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
