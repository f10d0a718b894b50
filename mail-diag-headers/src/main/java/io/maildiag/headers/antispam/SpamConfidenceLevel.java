package io.maildiag.headers.antispam;

/**
 * A Microsoft spam confidence level (SCL), -1 to 9, from {@code X-Forefront-Antispam-Report} or
 * {@code X-MS-Exchange-Organization-SCL}.
 *
 * @param value the level, -1 to 9
 * @since 0.1
 */
public record SpamConfidenceLevel(int value) {

  /**
   * Validates the level.
   *
   * @throws IllegalArgumentException if it is outside -1 to 9
   */
  public SpamConfidenceLevel {
    if (value < -1 || value > 9) {
      throw new IllegalArgumentException("SCL must be -1 to 9, was " + value);
    }
  }

  /**
   * Returns what the level means: -1 skipped filtering (safe sender, allow list, mail flow rule);
   * 0 and 1 not spam; 5 and 6 spam; 8 and 9 high confidence spam; 2 to 4 and 7 are not used by
   * Exchange Online Protection (on-premises Exchange may use them).
   */
  public String meaning() {
    return switch (value) {
      case -1 -> "spam filtering was skipped (safe sender, allow list or mail flow rule): delivered to the inbox";
      case 0, 1 -> "not spam: delivered to the inbox";
      case 5, 6 -> "spam: delivered to the Junk Email folder or handled by the spam action";
      case 8, 9 -> "high confidence spam: handled by the high confidence spam action";
      default -> "a level Exchange Online Protection does not assign (custom or on-premises rule)";
    };
  }

  /** Returns whether the level marks the message as spam (5 or more). */
  public boolean isSpam() {
    return value >= 5;
  }
}
