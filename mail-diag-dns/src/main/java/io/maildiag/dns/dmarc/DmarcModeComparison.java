package io.maildiag.dns.dmarc;

import java.util.List;
import java.util.Objects;

/**
 * Discovery run in both modes for one author domain, and where they disagree: the policy domain,
 * the policy record or the organizational domain.
 *
 * @param treeWalk the RFC 9989 tree walk result
 * @param psl the RFC 7489 public suffix list result
 * @param differences one sentence per difference; empty when they agree
 * @since 0.1
 */
public record DmarcModeComparison(
    DmarcDiscoveryResult treeWalk, DmarcDiscoveryResult psl, List<String> differences) {

  /** Checks for null. */
  public DmarcModeComparison {
    Objects.requireNonNull(treeWalk, "treeWalk");
    Objects.requireNonNull(psl, "psl");
    differences = List.copyOf(differences);
  }

  /** Returns whether the two modes disagree. */
  public boolean disagree() {
    return !differences.isEmpty();
  }
}
