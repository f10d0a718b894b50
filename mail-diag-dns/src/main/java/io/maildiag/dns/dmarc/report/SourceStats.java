package io.maildiag.dns.dmarc.report;

import io.maildiag.core.ip.IpAddress;
import java.util.Objects;

/**
 * Message counts for one sending IP address across reports, by {@link AlignmentOutcome}.
 *
 * @param sourceIp the sending address
 * @param messages all messages from it
 * @param passed messages that passed DMARC
 * @param misaligned messages that failed DMARC although DKIM or SPF passed for some domain
 * @param unauthenticated messages for which neither DKIM nor SPF passed
 * @since 0.1
 */
public record SourceStats(IpAddress sourceIp, long messages, long passed, long misaligned, long unauthenticated) {

  /** Checks that the address is not null. */
  public SourceStats {
    Objects.requireNonNull(sourceIp, "sourceIp");
  }

  /** Returns the share of messages that passed DMARC, 0 to 1; 0 if there were none. */
  public double passRate() {
    return messages == 0 ? 0 : (double) passed / messages;
  }
}
