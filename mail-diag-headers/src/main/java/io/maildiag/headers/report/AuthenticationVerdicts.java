package io.maildiag.headers.report;

import io.maildiag.headers.auth.ReceivedSpf;
import io.maildiag.headers.dkim.ArcValidation;
import io.maildiag.headers.dkim.DkimVerification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the header says about authentication, and what verifying it again found.
 *
 * @param authenticationResults every Authentication-Results and Authentication-Results-Original
 *     field, top (newest) first
 * @param receivedSpf the topmost Received-SPF field, when present and readable
 * @param dkim the DKIM verification of every DKIM-Signature, in header order; empty when the
 *     analyzer has no resolver
 * @param arc the ARC chain validation; empty when the analyzer has no resolver
 * @since 0.1
 */
public record AuthenticationVerdicts(
    List<AuthResultsField> authenticationResults, Optional<ReceivedSpf> receivedSpf,
    Optional<DkimVerification> dkim, Optional<ArcValidation> arc) {

  /** Checks for nulls and copies the list. */
  public AuthenticationVerdicts {
    authenticationResults = List.copyOf(authenticationResults);
    Objects.requireNonNull(receivedSpf, "receivedSpf");
    Objects.requireNonNull(dkim, "dkim");
    Objects.requireNonNull(arc, "arc");
  }

  /** Returns whether DKIM and ARC were verified (the analyzer had a resolver). */
  public boolean verified() {
    return dkim.isPresent();
  }
}
