package io.maildiag.headers.dkim;

import java.util.Optional;

/**
 * The key types of a key record's {@code k=} (RFC 6376 section 3.6.1, RFC 8463 section 4.2).
 *
 * @since 0.1
 */
public enum DkimKeyType {
  /** {@code rsa}: {@code p=} is a DER SubjectPublicKeyInfo (or a bare RSAPublicKey). */
  RSA("rsa"),
  /** {@code ed25519}: {@code p=} is the raw 32-byte public key. */
  ED25519("ed25519");

  private final String tagValue;

  DkimKeyType(String tagValue) {
    this.tagValue = tagValue;
  }

  /** Returns the text of {@code k=}. */
  public String tagValue() {
    return tagValue;
  }

  /** Returns the key type of the given {@code k=} text, ignoring case. */
  public static Optional<DkimKeyType> of(String tagValue) {
    for (DkimKeyType t : values()) {
      if (t.tagValue.equalsIgnoreCase(tagValue)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
