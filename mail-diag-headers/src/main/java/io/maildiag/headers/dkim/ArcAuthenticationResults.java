package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.headers.auth.AuthResultsMode;
import io.maildiag.headers.auth.AuthenticationResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code ARC-Authentication-Results} field value (RFC 8617 section 4.1.1): the instance,
 * then an {@code Authentication-Results} payload.
 *
 * @param instance {@code i=}, 1 to 50
 * @param results the payload
 * @since 0.1
 */
public record ArcAuthenticationResults(int instance, AuthenticationResults results) {

  /**
   * Validates the instance.
   *
   * @throws IllegalArgumentException if the instance is not in 1..50
   */
  public ArcAuthenticationResults {
    if (instance < 1 || instance > ArcVerifier.MAX_INSTANCE) {
      throw new IllegalArgumentException("instance not in 1.." + ArcVerifier.MAX_INSTANCE + ": " + instance);
    }
    Objects.requireNonNull(results, "results");
  }

  /**
   * Parses an ARC-Authentication-Results field value: {@code i=1; authserv-id; results}. The
   * payload is read {@linkplain AuthResultsMode#LENIENT leniently}. Never throws.
   *
   * @param value the field value after the colon
   */
  public static ParseResult<ArcAuthenticationResults> parse(CharSequence value) {
    Objects.requireNonNull(value, "value");
    String in = value.toString();
    int semi = in.indexOf(';');
    String head = semi < 0 ? in : in.substring(0, semi);
    String h = head.strip();
    int instance = 0;
    if (h.length() >= 3 && h.charAt(0) == 'i') {
      String rest = h.substring(1).strip();
      if (rest.startsWith("=")) {
        String digits = rest.substring(1).strip();
        if (!digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          instance = Integer.parseInt(digits);
        }
      }
    }
    if (instance < 1 || instance > ArcVerifier.MAX_INSTANCE || semi < 0) {
      return ParseResult.failure(Diagnostic.error(DkimCodes.ARC_INVALID_INSTANCE,
          "an ARC-Authentication-Results value starts with i=<1..50>;").withReference("RFC 8617 section 4.1.1")
          .at(in, 0, head.length()));
    }
    // Blank out the instance so that diagnostics of the payload point into the whole value.
    String payload = " ".repeat(semi + 1) + in.substring(semi + 1);
    ParseResult<AuthenticationResults> ar = AuthenticationResults.parse(payload, AuthResultsMode.LENIENT);
    List<Diagnostic> diagnostics = new ArrayList<>(ar.diagnostics());
    if (ar.value().isEmpty()) {
      return ParseResult.failure(diagnostics);
    }
    return ParseResult.success(new ArcAuthenticationResults(instance, ar.value().get()), diagnostics);
  }
}
