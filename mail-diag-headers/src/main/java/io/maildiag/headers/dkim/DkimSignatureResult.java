package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.headers.auth.AuthProperty;
import io.maildiag.headers.auth.AuthResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of verifying one signature: the result, why it did not pass, and what was learnt on
 * the way (domain, selector, algorithm, key size, findings).
 *
 * @param result the RFC 8601 result
 * @param failure why it did not pass; empty exactly when the result is {@link DkimResult#PASS}
 * @param domain {@code d=}, when it could be read
 * @param selector {@code s=}, when it could be read
 * @param algorithm {@code a=}, when it could be read
 * @param keyBits the key size in bits, once the key was fetched
 * @param signature the parsed signature, when it parsed
 * @param keyRecord the key record used, once fetched
 * @param findings warnings and notes: {@code l=}, testing keys, keys under 2048 bits, ...
 * @since 0.1
 */
public record DkimSignatureResult(
    DkimResult result,
    Optional<DkimFailure> failure,
    Optional<DomainName> domain,
    Optional<String> selector,
    Optional<DkimAlgorithm> algorithm,
    OptionalInt keyBits,
    Optional<DkimSignature> signature,
    Optional<DkimKeyRecord> keyRecord,
    List<Diagnostic> findings) {

  /**
   * Validates the result.
   *
   * @throws IllegalArgumentException if a pass has a failure or another result has none
   */
  public DkimSignatureResult {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(failure, "failure");
    if ((result == DkimResult.PASS) == failure.isPresent() || result == DkimResult.NONE) {
      throw new IllegalArgumentException("a failure goes with every result but pass: " + result + " " + failure);
    }
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keyBits, "keyBits");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(keyRecord, "keyRecord");
    findings = List.copyOf(findings);
  }

  /** Returns whether the signature passed. */
  public boolean isPass() {
    return result == DkimResult.PASS;
  }

  /** Returns the failure reason, if any. */
  public Optional<DkimFailureReason> reason() {
    return failure.map(DkimFailure::reason);
  }

  /**
   * Returns this result as an RFC 8601 {@code dkim} result with {@code header.d}, {@code
   * header.i}, {@code header.s}, {@code header.a} and {@code header.b} (RFC 6008), and the failure
   * message as the reason.
   */
  public AuthResult toAuthResult() {
    List<AuthProperty> props = new ArrayList<>();
    domain.ifPresent(d -> props.add(AuthProperty.of("header", "d", d.toString())));
    signature.flatMap(DkimSignature::identity).ifPresent(i -> props.add(AuthProperty.of("header", "i", i)));
    selector.ifPresent(s -> props.add(AuthProperty.of("header", "s", s)));
    algorithm.ifPresent(a -> props.add(AuthProperty.of("header", "a", a.tagValue())));
    signature.ifPresent(s -> props.add(AuthProperty.of("header", "b", s.headerB())));
    AuthResult r = new AuthResult("dkim", OptionalInt.empty(), result.rfcName(), Optional.empty(), props, List.of());
    return failure.map(f -> r.withReason(f.message().replaceAll("[\\p{Cntrl}]", " "))).orElse(r);
  }

  @Override
  public String toString() {
    return "dkim=" + result.rfcName() + domain.map(d -> " d=" + d).orElse("") + selector.map(s -> " s=" + s).orElse("")
        + failure.map(f -> " (" + f + ")").orElse("");
  }
}
