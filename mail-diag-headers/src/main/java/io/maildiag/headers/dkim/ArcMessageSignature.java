package io.maildiag.headers.dkim;

import io.maildiag.core.ParseResult;
import java.util.Objects;

/**
 * A parsed {@code ARC-Message-Signature} field value (RFC 8617 section 4.1.2): a DKIM signature
 * whose {@code i=} is the ARC instance and which has no {@code v=}.
 *
 * @param instance {@code i=}, 1 to 50
 * @param signature the DKIM tags; {@link DkimSignature#identity()} is always empty
 * @since 0.1
 */
public record ArcMessageSignature(int instance, DkimSignature signature) {

  /**
   * Validates the instance.
   *
   * @throws IllegalArgumentException if the instance is not in 1..50
   */
  public ArcMessageSignature {
    if (instance < 1 || instance > ArcVerifier.MAX_INSTANCE) {
      throw new IllegalArgumentException("instance not in 1.." + ArcVerifier.MAX_INSTANCE + ": " + instance);
    }
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Parses an ARC-Message-Signature field value. Never throws. Required tags: {@code i a b bh d h
   * s}.
   *
   * @param value the field value after the colon
   */
  public static ParseResult<ArcMessageSignature> parse(CharSequence value) {
    Objects.requireNonNull(value, "value");
    DkimSignature.Parsed p = DkimSignature.parseInternal(value.toString(), true);
    return p.result().flatMap(sig -> p.instance() == 0
        ? ParseResult.failure(DkimSignature.ensureError(java.util.List.of()))
        : ParseResult.success(new ArcMessageSignature(p.instance(), sig)));
  }
}
