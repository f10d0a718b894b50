package io.maildiag.ndr.classify;

/** How specific a text rule is; see {@code text-rules.txt}. */
public enum Tier {
  /** A phrase that names one reason on its own ("mailbox full", "spamhaus"). */
  STRONG,
  /** A generic word that names a reason only when nothing specific is said ("rejected"). */
  WEAK
}
