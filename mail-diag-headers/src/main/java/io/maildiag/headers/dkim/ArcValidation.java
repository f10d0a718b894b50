package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.headers.auth.AuthProperty;
import io.maildiag.headers.auth.AuthResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The outcome of validating a message's ARC chain.
 *
 * @param result none, pass or fail
 * @param failure why the chain failed; empty unless the result is {@link ArcResult#FAIL}
 * @param sets the complete sets by instance, in instance order (those that could be assembled)
 * @param messageSignatures the result of each ARC-Message-Signature checked, by instance, in instance order
 * @param seals the result of each ARC-Seal checked, by instance, in instance order
 * @param oldestPass the oldest instance from which every later message signature verified, 0 when
 *     all did (RFC 8617 section 5.2 step 5); empty unless the chain passed
 * @param diagnostics parse problems of the ARC fields and the message
 * @since 0.1
 */
public record ArcValidation(
    ArcResult result,
    Optional<ArcFailure> failure,
    List<ArcSet> sets,
    Map<Integer, DkimSignatureResult> messageSignatures,
    Map<Integer, DkimSignatureResult> seals,
    OptionalInt oldestPass,
    List<Diagnostic> diagnostics) {

  /**
   * Validates the outcome.
   *
   * @throws IllegalArgumentException if a failure goes with a result other than fail, or is missing
   */
  public ArcValidation {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(failure, "failure");
    if ((result == ArcResult.FAIL) != failure.isPresent()) {
      throw new IllegalArgumentException("a failure goes with fail and only with fail: " + result + " " + failure);
    }
    sets = List.copyOf(sets);
    messageSignatures = Collections.unmodifiableSortedMap(new TreeMap<>(messageSignatures));
    seals = Collections.unmodifiableSortedMap(new TreeMap<>(seals));
    Objects.requireNonNull(oldestPass, "oldestPass");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Returns the highest instance found, 0 without ARC sets. */
  public int latestInstance() {
    return sets.stream().mapToInt(ArcSet::instance).max().orElse(0);
  }

  /**
   * Returns the chain result as an RFC 8617 section 10.1 {@code arc} result, with {@code
   * header.oldest-pass} when known and the failure as the reason.
   */
  public AuthResult toAuthResult() {
    List<AuthProperty> props = new ArrayList<>();
    oldestPass.ifPresent(o -> props.add(AuthProperty.of("header", "oldest-pass", Integer.toString(o))));
    AuthResult r = new AuthResult("arc", OptionalInt.empty(), result.rfcName(), Optional.empty(), props, List.of());
    return failure.map(f -> r.withReason(f.toString().replaceAll("[\\p{Cntrl}]", " "))).orElse(r);
  }
}
