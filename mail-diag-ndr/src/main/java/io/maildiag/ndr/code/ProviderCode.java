package io.maildiag.ndr.code;

import io.maildiag.ndr.Actor;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RetryAdvice;
import java.util.Objects;

/**
 * The meaning a provider gives to an enhanced status code, such as Gmail's {@code 5.7.26} (DMARC
 * failure) or Microsoft 365's {@code 5.7.708} (traffic from a poor-reputation IP).
 *
 * @param provider the provider
 * @param code the code
 * @param title a short title
 * @param cause the likely cause, for people
 * @param remediation what to do, for people
 * @param actor who must act
 * @param reason the reason in the taxonomy
 * @param retry the retry advice
 * @param source where the meaning is documented (provider documentation title)
 * @since 0.1
 */
public record ProviderCode(
    Provider provider, EnhancedStatusCode code, String title, String cause, String remediation, Actor actor,
    Reason reason, RetryAdvice retry, String source) {

  /** Checks for null. */
  public ProviderCode {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(source, "source");
  }
}
