package io.maildiag.headers.dkim;

import java.util.Optional;

/**
 * The signing algorithms of {@code a=} (RFC 6376 section 3.3, RFC 8463).
 *
 * @since 0.1
 */
public enum DkimAlgorithm {
  /** {@code rsa-sha1}: forbidden for signing and verifying since RFC 8301 section 3.1. */
  RSA_SHA1("rsa-sha1", DkimKeyType.RSA, "sha1"),
  /** {@code rsa-sha256} (RFC 6376 section 3.3.2). */
  RSA_SHA256("rsa-sha256", DkimKeyType.RSA, "sha256"),
  /** {@code ed25519-sha256} (RFC 8463): PureEdDSA over the SHA-256 hash of the signed data. */
  ED25519_SHA256("ed25519-sha256", DkimKeyType.ED25519, "sha256");

  private final String tagValue;
  private final DkimKeyType keyType;
  private final String hash;

  DkimAlgorithm(String tagValue, DkimKeyType keyType, String hash) {
    this.tagValue = tagValue;
    this.keyType = keyType;
    this.hash = hash;
  }

  /** Returns the text of {@code a=}, {@code "rsa-sha256"}. */
  public String tagValue() {
    return tagValue;
  }

  /** Returns the key type the algorithm needs ({@code k=} of the key record). */
  public DkimKeyType keyType() {
    return keyType;
  }

  /** Returns the hash name as used in the key record's {@code h=}: {@code "sha256"}. */
  public String hashName() {
    return hash;
  }

  /** Returns the algorithm of the given {@code a=} text, ignoring case. */
  public static Optional<DkimAlgorithm> of(String tagValue) {
    for (DkimAlgorithm a : values()) {
      if (a.tagValue.equalsIgnoreCase(tagValue)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
