package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.headers.auth.AuthResult;
import io.maildiag.headers.auth.AuthenticationResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of verifying every {@code DKIM-Signature} of a message, in the order the fields
 * appear (top first).
 *
 * @param signatures one result per signature field checked
 * @param diagnostics problems with the message itself (malformed header lines, bare LF line ends,
 *     more signatures than the verifier checks)
 * @since 0.1
 */
public record DkimVerification(List<DkimSignatureResult> signatures, List<Diagnostic> diagnostics) {

  /** Copies the lists. */
  public DkimVerification {
    signatures = List.copyOf(signatures);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Returns the message's result: {@link DkimResult#NONE} without signatures, {@link
   * DkimResult#PASS} if any signature passed, otherwise the result of the first signature in this
   * order of preference: fail, policy, temperror, permerror, neutral.
   */
  public DkimResult result() {
    if (signatures.isEmpty()) {
      return DkimResult.NONE;
    }
    for (DkimResult r : List.of(DkimResult.PASS, DkimResult.FAIL, DkimResult.POLICY, DkimResult.TEMPERROR,
        DkimResult.PERMERROR, DkimResult.NEUTRAL)) {
      if (signatures.stream().anyMatch(s -> s.result() == r)) {
        return r;
      }
    }
    return DkimResult.NEUTRAL;
  }

  /** Returns the signatures that passed. */
  public List<DkimSignatureResult> passing() {
    return signatures.stream().filter(DkimSignatureResult::isPass).toList();
  }

  /** Returns the {@code d=} domains of the signatures that passed, in order, without repeats. */
  public List<DomainName> passingDomains() {
    List<DomainName> out = new ArrayList<>();
    for (DkimSignatureResult s : passing()) {
      s.domain().filter(d -> !out.contains(d)).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** Returns the first result for the given signing domain. */
  public Optional<DkimSignatureResult> forDomain(DomainName domain) {
    return signatures.stream().filter(s -> s.domain().equals(Optional.of(domain))).findFirst();
  }

  /** Returns the results as an {@code Authentication-Results} value for the given authserv-id. */
  public AuthenticationResults toAuthenticationResults(String authservId) {
    List<AuthResult> rs = new ArrayList<>();
    for (DkimSignatureResult s : signatures) {
      rs.add(s.toAuthResult());
    }
    return new AuthenticationResults(Optional.of(authservId), OptionalInt.empty(), rs, List.of());
  }
}
