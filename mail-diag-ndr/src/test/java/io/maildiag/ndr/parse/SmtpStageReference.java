package io.maildiag.ndr.parse;

import java.util.Locale;

/**
 * What {@link SmtpStage}'s hand-written stage search and stage reading are checked against: the
 * keyword trie of the stage phrases' starts, and the stage read from a match's words.
 */
final class SmtpStageReference {
  private SmtpStageReference() {}

  /** Every match of {@link SmtpStage#EXPLICIT} starts with one of these. */
  static final Keywords EXPLICIT_STARTS = new Keywords(explicitStarts());

  /** Each lead word spaced as {@link Keywords#spacedThen} has it, and the bracketed words. */
  private static String[] explicitStarts() {
    String[][] groups = new String[SmtpStage.LEAD_WORDS.length + 1][];
    for (int k = 0; k < SmtpStage.LEAD_WORDS.length; k++) {
      groups[k] = Keywords.spacedThen(SmtpStage.LEAD_WORDS[k], SmtpStage.LEAD_THEN[k]);
    }
    groups[SmtpStage.LEAD_WORDS.length] = SmtpStage.BRACKETED;
    return Keywords.all(groups);
  }

  /** The stage the words of a match of {@link SmtpStage#EXPLICIT} name. */
  static SmtpStage.Found found(String words) {
    String w = SmtpStage.collapseSpace(words.toLowerCase(Locale.ROOT));
    if (w.startsWith("refused to talk") || w.endsWith("greeting failed") || w.contains("initial connection")) {
      return SmtpStage.CONNECT;
    }
    if (w.contains("my name was rejected") || w.contains("helo") || w.contains("ehlo") || w.contains("lhlo")) {
      return w.contains("ehlo") ? SmtpStage.EHLO : SmtpStage.HELO;
    }
    if (w.contains("sender was rejected") || w.contains("mail")) { // MAIL FROM, [MAIL_FROM], MAIL command
      return SmtpStage.MAIL;
    }
    if (w.contains("recipient") || w.contains("rcpt")) {
      return SmtpStage.RCPT;
    }
    if (w.contains("end of data") || w.contains("after i sent") || w.contains("message body")) {
      return SmtpStage.END_OF_DATA;
    }
    return SmtpStage.DATA; // DATA, BDAT, [DATA], TEXT, "failed on DATA command"
  }
}
