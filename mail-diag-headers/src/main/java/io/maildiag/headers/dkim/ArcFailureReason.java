package io.maildiag.headers.dkim;

/**
 * Why an ARC chain failed (RFC 8617 section 5.2).
 *
 * @since 0.1
 */
public enum ArcFailureReason {
  /** An ARC field does not parse (bad tag-list, missing tag, bad instance). */
  MALFORMED_FIELD,
  /** The latest ARC-Seal already says {@code cv=fail}. */
  CHAIN_ALREADY_FAILED,
  /** Two fields of one kind share an instance. */
  DUPLICATE_INSTANCE,
  /** An instance lacks its ARC-Authentication-Results, ARC-Message-Signature or ARC-Seal. */
  INCOMPLETE_SET,
  /** The instances are not 1 to N without gaps. */
  INSTANCE_GAP,
  /** {@code cv=} is not {@code none} at instance 1, or is {@code none} at a later instance. */
  INVALID_CHAIN_VALIDATION,
  /** The ARC-Message-Signature of the latest instance does not verify. */
  MESSAGE_SIGNATURE_FAILED,
  /** An ARC-Seal does not verify. */
  SEAL_FAILED
}
