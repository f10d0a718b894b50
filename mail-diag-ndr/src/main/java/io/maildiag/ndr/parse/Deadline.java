package io.maildiag.ndr.parse;

import java.time.Duration;

/** A monotonic time budget for one analysis (System.nanoTime; no wall clock involved). */
final class Deadline {
  private final long end;
  private boolean expired;

  Deadline(Duration budget) {
    long nanos;
    try {
      nanos = budget.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE / 4;
    }
    this.end = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
  }

  boolean ok() {
    if (!expired && System.nanoTime() - end > 0) {
      expired = true;
    }
    return !expired;
  }

  boolean expired() {
    return !ok();
  }
}
