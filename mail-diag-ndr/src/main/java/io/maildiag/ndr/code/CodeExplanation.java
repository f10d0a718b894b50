package io.maildiag.ndr.code;

import io.maildiag.ndr.Classification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an enhanced status code means: its class, its IANA registry entry (if registered), its
 * subject, the meanings providers give it, and a default verdict from the code alone.
 *
 * <p>Build instances with {@link NdrCode#explain(EnhancedStatusCode)}. Immutable and safe for
 * concurrent use.
 *
 * @param code the code
 * @param statusClass success, transient failure or permanent failure
 * @param registryEntry the registry entry for the code's subject and detail, if registered
 * @param subject the code's subject, if registered (subjects 0 to 7)
 * @param classRegistered whether the registry allows the code's class; true when there is no entry
 *     or the entry places no restriction (false for {@code 5.2.2}: the registry recommends class 4)
 * @param providerMeanings what providers mean by this exact code, every variant, ordered by provider
 * @param defaultClassification the verdict from the code alone ({@link NdrCode#defaultClassification})
 * @since 0.1
 */
public record CodeExplanation(
    EnhancedStatusCode code, StatusClass statusClass, Optional<StatusCodeRegistry.Entry> registryEntry,
    Optional<StatusSubject> subject, boolean classRegistered, List<ProviderCode> providerMeanings,
    Classification defaultClassification) {

  /**
   * Checks for null and copies the list.
   *
   * @throws IllegalArgumentException if {@code statusClass} or {@code subject} does not match {@code code}
   */
  public CodeExplanation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(statusClass, "statusClass");
    Objects.requireNonNull(registryEntry, "registryEntry");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(defaultClassification, "defaultClassification");
    providerMeanings = List.copyOf(providerMeanings);
    if (statusClass.digit() != code.statusClass() || !subject.equals(StatusSubject.of(code))) {
      throw new IllegalArgumentException("status class or subject does not match " + code);
    }
  }

  /** Returns whether the code is a permanent failure (class 5). */
  public boolean permanent() {
    return statusClass == StatusClass.PERMANENT_FAILURE;
  }

  /** Returns whether the subject and detail are in the IANA registry. */
  public boolean registered() {
    return registryEntry.isPresent();
  }

  /**
   * Returns a short title: the registry's sample text, or for an unregistered detail the subject
   * title and the detail, such as {@code Security or Policy Status, detail 509 (not registered)}.
   */
  public String title() {
    return registryEntry.map(StatusCodeRegistry.Entry::title).orElseGet(() -> subject
        .map(s -> s.title() + ", detail " + code.detail() + " (not registered)")
        .orElse("Subject " + code.subject() + ", detail " + code.detail() + " (not registered)"));
  }

  /** Returns the description of the code's subject, or a note that the subject is not registered. */
  public String subjectDescription() {
    return subject.map(StatusSubject::description)
        .orElse("Subject " + code.subject() + " is not registered; only the class is known.");
  }

  /** Returns the primary meaning {@code provider} gives to this code, if it gives one. */
  public Optional<ProviderCode> providerMeaning(Provider provider) {
    Objects.requireNonNull(provider, "provider");
    return providerMeanings.stream().filter(p -> p.provider() == provider).findFirst();
  }
}
