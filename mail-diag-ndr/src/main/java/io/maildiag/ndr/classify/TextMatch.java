package io.maildiag.ndr.classify;

import io.maildiag.ndr.Reason;

/**
 * One text rule that matched.
 *
 * @param reason the reason the rule names
 * @param tier how specific the rule is
 * @param start where the match starts in the normalised text
 * @param phrase the rule as written in the rule file, such as {@code mailbox ~ full}
 * @param length the length of the rule's normalised words (longer phrases win ties)
 * @param order the rule's position in the rule file (earlier rules win remaining ties)
 */
public record TextMatch(Reason reason, Tier tier, int start, String phrase, int length, int order) {

  /** Returns the rule name for a classification: {@code text:"mailbox full"}. */
  public String ruleName() {
    return "text:\"" + phrase + "\"";
  }
}
