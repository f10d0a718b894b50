package io.maildiag.headers.antispam;

/**
 * A Microsoft bulk complaint level (BCL), 0 to 9, from {@code X-Microsoft-Antispam}: how likely the
 * sender's bulk mail is to draw complaints.
 *
 * @param value the level, 0 to 9
 * @since 0.1
 */
public record BulkComplaintLevel(int value) {

  /** The default threshold of Microsoft 365 anti-spam policies: mail at or above it is treated as bulk. */
  public static final int DEFAULT_THRESHOLD = 7;

  /**
   * Validates the level.
   *
   * @throws IllegalArgumentException if it is outside 0 to 9
   */
  public BulkComplaintLevel {
    if (value < 0 || value > 9) {
      throw new IllegalArgumentException("BCL must be 0 to 9, was " + value);
    }
  }

  /** Returns what the level means: 0 not bulk; 1-3 few complaints; 4-7 a mixed number; 8-9 many. */
  public String meaning() {
    if (value == 0) {
      return "not from a bulk sender";
    }
    if (value <= 3) {
      return "from a bulk sender that draws few complaints";
    }
    if (value <= 7) {
      return "from a bulk sender that draws a mixed number of complaints";
    }
    return "from a bulk sender that draws many complaints";
  }

  /** Returns whether the level reaches the default bulk threshold ({@value #DEFAULT_THRESHOLD}). */
  public boolean isBulkByDefault() {
    return value >= DEFAULT_THRESHOLD;
  }
}
