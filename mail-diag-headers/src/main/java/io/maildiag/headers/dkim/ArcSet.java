package io.maildiag.headers.dkim;

import java.util.Objects;

/**
 * One complete ARC set: the three fields one intermediary added, with the same instance.
 *
 * @param instance the instance, 1 to 50
 * @param authenticationResults the ARC-Authentication-Results
 * @param messageSignature the ARC-Message-Signature
 * @param seal the ARC-Seal
 * @since 0.1
 */
public record ArcSet(int instance, ArcAuthenticationResults authenticationResults,
    ArcMessageSignature messageSignature, ArcSeal seal) {

  /**
   * Validates that the three fields belong to the instance.
   *
   * @throws IllegalArgumentException if an instance differs
   */
  public ArcSet {
    Objects.requireNonNull(authenticationResults, "authenticationResults");
    Objects.requireNonNull(messageSignature, "messageSignature");
    Objects.requireNonNull(seal, "seal");
    if (authenticationResults.instance() != instance || messageSignature.instance() != instance
        || seal.instance() != instance) {
      throw new IllegalArgumentException("the fields of ARC set " + instance + " have other instances");
    }
  }
}
